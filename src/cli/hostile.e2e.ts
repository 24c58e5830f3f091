// conform against deliberately hostile or broken targets, through the real
// CLI in a child process. Every case is held to the same promises
// (testing/hostileRun.ts): its exit code, one line when the target cannot be
// tested, a time and a memory bound, reports that parse, no token and no
// control byte in any output, nothing left on the target.
import os from 'node:os';
import { describe, it, vi } from 'vitest';
import * as H from '../testing/hostile.js';
import { runHostileCase, type HostileCase } from '../testing/hostileRun.js';

// Each case is a child process, busy for about half a second of CPU and otherwise waiting on a socket:
// a few per core at once keeps the targets (all in this process) answering on time.
vi.setConfig({ maxConcurrency: 4 * os.availableParallelism() });

/** DELETE requests (a run's cleanup, and one probe) are never answered; everything else is the reference's. */
const stallDeletes = (): H.Behaviour => async (x) => {
  if (x.request.method === 'DELETE') return;
  x.send(await x.answer());
};

const CASES: HostileCase[] = [
  {
    name: 'well-behaved reference target (the control): exit 0',
    target: () => H.reference(),
    exit: 0,
    creates: true,
  },
  {
    // XML fault bodies are not what the contract shows; the entities are never expanded.
    name: 'entity bomb (billion laughs) in XML faults: exit 1, the XML cases fail, JSON pass',
    target: () => H.entityBomb(),
    exit: 1,
    stdout: [/FAIL network\.show\.missing\[xml\]/],
    notStdout: [/FAIL network\.show\.missing\[json\]/, /(lol){20}/],
    creates: true,
  },
  {
    name: 'external entity (XXE, SYSTEM "file:///etc/passwd") in XML faults: exit 1, the file is never read',
    target: () => H.externalEntity(),
    exit: 1,
    stdout: [/FAIL network\.show\.missing\[xml\]/],
    notStdout: [/root:x:0:0/],
    creates: true,
    more: ({ junit, results }, expect) => expect.soft(junit + JSON.stringify(results)).not.toMatch(/root:x:0:0/),
  },
  {
    // Nothing answers, not even the root: untestable, said once; no setup could run, so nothing was created.
    name: 'stalled headers (accepts, never answers): exit 3 within the timeout',
    target: () => H.stallEverything(),
    timeoutMs: 1000,
    exit: 3,
    untestable: /no answer .* within 1000 ms/,
    maxRunMs: 8_000,
    creates: false,
  },
  {
    name: 'lying content types (JSON labelled XML and XML labelled JSON): exit 1, content-type findings',
    target: () => H.lyingContentTypes(),
    exit: 1,
    stdout: [
      /\[content-type\] probe: asked for json \(application\/json\), the answer is declared as application\/xml/,
    ],
    creates: true,
  },
  {
    name: 'invalid UTF-8 and raw control bytes (ESC, OSC title, clear screen, BEL, NUL, CR) in fault bodies: exit 1',
    target: () => H.controlBytesInBody(),
    exit: 1,
    stdout: [/\[well-formed\]/],
    notStdout: [/pwned\u0007/],
    creates: true,
  },
  {
    name: 'control characters in JSON key names (\\u001b escapes) and XML character references: exit 1',
    target: () => H.controlCharsInNames(),
    exit: 1,
    stdout: [/FAIL network\.show\.missing\[json\]/, /FAIL network\.show\.missing\[xml\]/],
    creates: true,
  },
  {
    // Bodies are shown indented: a raw line feed in one never starts a line of conform's own output.
    name: 'a fake totals line (and CI commands) in a fault body ("\\n… 56 passed, 0 failed"): exit 1, one totals line',
    target: (url) => H.fakeTotals(url),
    exit: 1,
    creates: true,
    more: ({ stdout }, expect) => {
      const lines = stdout.split('\n');
      const totals = lines.filter((l) => /^\S+ against \S+: \d+ cases, \d+ passed, \d+ failed/.test(l));
      expect.soft(totals, 'lines that read as totals').toHaveLength(1);
      expect.soft(totals[0]).toMatch(/^quantum-v1\.0 against \S+: 6 cases, \d+ passed, [1-9]\d* failed/);
      expect
        .soft(
          lines.filter((l) => /^(reports: none|::error|##vso)/.test(l)),
          'body lines at column 0',
        )
        .toEqual([]);
    },
  },
  {
    name: 'deep JSON (a fault nested 5,000 levels, about 10 KB): exit 1, a well-formed finding, no crash',
    target: () => H.deepJson(),
    exit: 1,
    stdout: [/\[well-formed\]/],
    notStdout: [/Maximum call stack|RangeError/],
    creates: true,
  },
  {
    name: 'deep XML (a fault detail nested 5,000 elements): exit 1, no crash',
    target: () => H.deepXml(),
    exit: 1,
    stdout: [/FAIL network\.show\.missing\[xml\]/],
    notStdout: [/Maximum call stack|RangeError/],
    creates: true,
  },
  {
    // Garbage from the first byte: nothing can be sent, so nothing is created.
    name: 'not HTTP at all (a TCP server writing garbage and echoing the request): exit 3, not valid HTTP',
    target: () => H.notHttp(),
    exit: 3,
    untestable: /HTTP/,
    creates: false,
  },
  {
    name: 'a TCP server that resets every connection on accept: exit 3, the reset named',
    target: () => H.resetOnAccept(),
    exit: 3,
    untestable: /reset/,
    creates: false,
  },
  {
    name: 'slow answers (each after 300 ms): the run completes correctly, exit 0',
    target: () => H.slowAnswers(300),
    timeoutMs: 5000,
    exit: 0,
    stdout: [/6 cases, 6 passed, 0 failed, 0 errored, 0 skipped/],
    creates: true,
  },
  {
    // The reflected member is undocumented: a finding, printed with the body, with every reflected token redacted.
    name: 'header reflection (request headers in answer header names and values, \\u-escaped in fault bodies): exit 1',
    target: () => H.headerReflection(),
    exit: 1,
    stdout: [/FAIL network\.show\.missing\[json\]/],
    creates: true,
    more: ({ results }, expect) => {
      const probe = results.runs[0].cases[0].exchanges.find((e) => e.step === 'probe');
      expect.soft(JSON.stringify(probe), 'the reflection reached the report, redacted').toContain('[REDACTED]');
    },
  },
  {
    // conform does not ask for gzip: the bytes are not the JSON / XML declared (exit 1), and are never inflated.
    name: 'gzip bomb (Content-Encoding: gzip, 1 GiB of whitespace after the fault, never asked for): exit 1',
    target: () => H.gzipBombFaults(),
    exit: 1,
    stdout: [/FAIL network\.show\.missing\[json\]/],
    creates: true,
  },
  {
    name: 'a Set-Cookie flood (150 cookies on every answer): exit 0, no cookie ever sent back',
    target: () => H.cookieFlood(),
    exit: 0,
    creates: true,
    more: ({ target }, expect) => expect.soft(target.stats.withCookie, 'requests with a Cookie header').toBe(0),
  },
  {
    // An answer no request asked for must never be taken as the answer to the next one.
    name: 'an answer to a request not asked (a 200 after each fault answer, same connection): exit 0, nothing misread',
    target: () => H.unsolicitedAnswer(),
    exit: 0,
    stdout: [/6 cases, 6 passed, 0 failed/],
    creates: true,
  },
  {
    name: 'HTTP/1.0 without Content-Length (the body ends at close) on every answer: exit 0',
    target: () => H.http10WithoutLength(),
    exit: 0,
    stdout: [/6 cases, 6 passed, 0 failed/],
    creates: true,
  },
  {
    name: 'a 1xx storm (1,000 × 102 Processing before each fault answer): exit 0',
    target: () => H.informationalStorm(),
    exit: 0,
    stdout: [/6 cases, 6 passed, 0 failed/],
    creates: true,
  },
  {
    name: '__proto__ and constructor keys beside the fault (JSON): exit 1, an extra root, no crash',
    target: () => H.prototypeKeys(),
    exit: 1,
    stdout: [/\[fault-root\]/],
    creates: true,
  },
  {
    // The size limit is conform's, not a rule of the contract: the case could not be judged (exit 3), and says why.
    name: 'a well-formed 100 MB fault body, streamed: exit 3, each case says it was larger than the limit',
    target: () => H.hugeFault(),
    exit: 3,
    untestable: /./,
    notStdout: [/not well-formed/, /a{2000}/],
    creates: true,
    more: ({ target, results }, expect) => {
      expect.soft(target.stats.streamed, 'the body was not read to its end').toBeLessThan(50e6);
      for (const c of results.runs[0].cases) expect.soft(c.reason, c.id).toMatch(/larger than/);
    },
  },
  {
    name: 'trickle (fault answers one byte per 100 ms): exit 3, each probe cut at the timeout',
    target: () => H.trickleFaults(),
    timeoutMs: 3000,
    exit: 3,
    untestable: /within 3000 ms/,
    maxRunMs: 15_000,
    creates: true,
  },
  {
    name: 'connection reset mid-body (fault answers): exit 3, the reset named',
    target: () => H.resetMidBody(),
    exit: 3,
    untestable: /reset/,
    notStdout: [/not well-formed/],
    creates: true,
  },
  {
    name: 'early close (Content-Length 1000 bytes larger than what is sent): exit 3, not judged as a short body',
    target: () => H.earlyClose(),
    exit: 3,
    untestable: /closed|reset|ended|content-length/i,
    notStdout: [/not well-formed/],
    creates: true,
  },
  {
    name: 'bad Content-Length ("banana") on fault answers: exit 3, not valid HTTP',
    target: () => H.badContentLength(),
    exit: 3,
    untestable: /valid HTTP|content-length/i,
    creates: true,
  },
  {
    name: 'Content-Length and Transfer-Encoding together (the smuggling pair) on fault answers: exit 3',
    target: () => H.lengthAndChunked(),
    exit: 3,
    untestable: /valid HTTP|content-length|transfer-encoding/i,
    creates: true,
  },
  {
    // conform does not follow redirects: a note says so once, and each probe answered 301 where a fault is due is a
    // finding against this URL (exit 1), with nothing sent to the other host.
    name: 'an off-site redirect (301 to https://elsewhere.example/ on every request): exit 1, a note, not followed',
    target: () => H.offSiteRedirect(),
    exit: 1,
    creates: false,
  },
  {
    name: '503 with Retry-After on every request: exit 3, the one line mentions Retry-After',
    target: () => H.refuseEverything(503, '120'),
    exit: 3,
    untestable: /503.*Retry-After|Retry-After.*503/,
    creates: false,
  },
  {
    name: '413 on every request: exit 3',
    target: () => H.refuseEverything(413),
    exit: 3,
    untestable: /413/,
    creates: false,
  },
  {
    name: '429 with Retry-After on every request: exit 3, the one line mentions Retry-After',
    target: () => H.refuseEverything(429, '60'),
    exit: 3,
    untestable: /429.*Retry-After|Retry-After.*429/,
    creates: false,
  },
  {
    name: 'huge headers (100 headers of 8 KB on fault answers): exit 3, the headers named',
    target: () => H.hugeHeaders(100, 8 * 1024),
    exit: 3,
    untestable: /header/i,
    creates: true,
  },
  {
    name: 'one header of 1 MB on fault answers: exit 3, the headers named',
    target: () => H.hugeHeaders(1, 1024 * 1024),
    exit: 3,
    untestable: /header/i,
    creates: true,
  },
  {
    // What cannot be deleted is left; the run must say so, and how to remove it.
    name: 'a target that never answers DELETE (the cleanup): exit 3, the run says what may be left behind',
    target: () => stallDeletes(),
    only: ['port.delete.in-use'],
    timeoutMs: 1000,
    exit: 3,
    untestable: /./,
    stdout: [/left behind.*conform cleanup/],
    creates: true,
    leavesBehind: true,
  },
];

// Run after the others, on its own: with --timeout 500, the cleanup's requests must be answered within 500 ms.
const ALONE: HostileCase[] = [
  {
    // The deadline stops the run as `timeout` would (124); cases not started are skipped, those under way clean up.
    name: 'a target that stalls only on fault answers (--timeout 500, --deadline 5): exit 124 in time, cleaned up',
    target: () => H.stallFaults(),
    only: [],
    timeoutMs: 500,
    extraArgs: ['--deadline', '5', '--concurrency', '2'],
    exit: 124,
    // Every probe that ran timed out: the target could not be tested, and the deadline stopped the rest.
    untestable: /every probe errored; first: probe: no answer from .* within 500 ms/,
    stderrLine: [/^conform: note: the run's deadline passed/],
    maxRunMs: 10_000,
    creates: true,
    more: ({ results }, expect) =>
      expect
        .soft(results.runs[0].cases.filter((c) => c.state === 'skipped' && /deadline/.test(c.reason ?? '')))
        .not.toEqual([]),
  },
];

describe.concurrent('hostile targets', () => {
  for (const c of CASES) it(c.name, ({ expect }) => runHostileCase(expect, c).then(() => undefined), 60_000);
});

describe('hostile targets, one at a time', () => {
  for (const c of ALONE) it(c.name, ({ expect }) => runHostileCase(expect, c).then(() => undefined), 60_000);
});
