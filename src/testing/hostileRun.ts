// Runs the real CLI (a child process, through tsx, as a CI job would run it)
// against a hostile target, and holds every run to the same promises: the
// exit code, one line for an untestable target, time and memory bounds,
// reports that parse, no secret and no control byte in any output, and
// nothing left on the target.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ExpectStatic } from 'vitest';
import { PACKAGE_ROOT } from '../paths.js';
import { blankAuthEnv } from './env.js';
import { compiledCli } from './hostileBuild.js';
import { startHostile, type Behaviour, type HostileTarget, type TcpBehaviour } from './hostile.js';
import { expectValidResults } from './results.js';
import { tempDir } from './tmp.js';

/** Peak RSS allowed for the child (a plain run of the compiled CLI peaks near 150 MiB). */
const MEMORY_BOUND_MIB = 300;

/** Fault probes with setups that create a network, a port and an attachment (and one without setup). */
const FAULT_PROBES = ['network.show.missing', 'attachment.show.missing-port', 'port.delete.in-use'];

/** A hook loaded into the child beside tsx: writes its peak RSS (KiB) to a file as it exits. */
const RSS_HOOK = [
  "import { writeFileSync } from 'node:fs';",
  'const file = process.env.HOSTILE_RSS_FILE;',
  "process.on('exit', () => { if (file) writeFileSync(file, String(process.resourceUsage().maxRSS)); });",
].join('\n');

let hookFile: string | undefined;
function rssHook(): string {
  if (hookFile) return hookFile;
  hookFile = path.join(tempDir('hostile-hook'), 'rss-hook.mjs');
  fs.writeFileSync(hookFile, RSS_HOOK);
  return hookFile;
}

export interface SpawnedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
  /** Wall time of the child, from spawn to exit. */
  ms: number;
  exitedAt: number;
  /** Peak RSS of the child, MiB; undefined when it did not exit on its own. */
  rssMiB?: number;
  killed: boolean;
}

/** Keeps at most `limit` bytes of a stream (and counts the rest). */
function collector(limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    add: (d: Buffer) => {
      if (size < limit) chunks.push(d.subarray(0, limit - size));
      size += d.length;
    },
    get: () => Buffer.concat(chunks),
    get size() {
      return size;
    },
  };
}

/** The compiled CLI as a child process, NO_COLOR set, killed (SIGKILL, this child only) after `killAfterMs`. */
async function spawnMeasured(args: string[], killAfterMs = 55_000): Promise<SpawnedRun> {
  const main = compiledCli();
  const rssFile = path.join(tempDir('hostile-rss'), 'rss');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', pathToFileURL(rssHook()).href, main, ...args], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, ...blankAuthEnv(), NO_COLOR: '1', FORCE_COLOR: '', HOSTILE_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = collector(8 * 1024 * 1024);
    const err = collector(8 * 1024 * 1024);
    child.stdout.on('data', out.add);
    child.stderr.on('data', err.add);
    let killed = false;
    const kill = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(kill);
      const exitedAt = Date.now();
      const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) / 1024 : undefined;
      resolve({
        code,
        signal,
        stdout: out.get(),
        stderr: err.get(),
        ms: exitedAt - started,
        exitedAt,
        rssMiB: rss,
        killed,
      });
    });
  });
}

/** What one behaviour is expected to do to a run. */
export interface HostileCase {
  /** The behaviour, as the test is named. */
  name: string;
  target: (url: () => string) => Behaviour | TcpBehaviour;
  /** The expected exit code (README: 0 conforms, 1 non-conformance, 2 usage, 3 untestable, 70 internal error). */
  exit: number;
  /** Exit 3: the reason in the one `conform: <target> could not be tested: <reason>` line on stderr. */
  untestable?: RegExp;
  /** Each must match exactly one line of stderr. */
  stderrLine?: RegExp[];
  /** Each must match stdout. */
  stdout?: RegExp[];
  /** None may match stdout. */
  notStdout?: RegExp[];
  /** Scenario ids for --only; default FAULT_PROBES; [] runs the whole profile. */
  only?: string[];
  /** --timeout, ms (default 10000, conform's own). */
  timeoutMs?: number;
  extraArgs?: string[];
  /** Wall time of the child (default 40 s: under a loaded CI machine, a start through tsx alone takes seconds). */
  maxMs?: number;
  /** From the target's first connection to the child's exit (default 15 s). */
  maxRunMs?: number;
  /** Whether the run's setups can create anything; false says why not in the case. */
  creates: boolean;
  /** The target keeps conform from deleting what it created: the run must say so (and something is left). */
  leavesBehind?: boolean;
  /** More assertions on the outcome. */
  more?: (o: Outcome, expect: ExpectStatic) => void | Promise<void>;
}

interface ResultsCase {
  id: string;
  scenario: string;
  format: string;
  state: 'passed' | 'failed' | 'errored' | 'skipped';
  reason?: string;
  checks: { check: string; state: string; message?: string }[];
  exchanges: { step: string; error?: string; response?: { status: number; truncated: boolean } }[];
}

export interface ResultsJson {
  runs: {
    profile: string;
    target: string;
    targetError?: string;
    notes: { message: string }[];
    cases: ResultsCase[];
    summary: Record<'total' | 'passed' | 'failed' | 'errored' | 'skipped', number>;
  }[];
}

export interface Outcome {
  run: SpawnedRun;
  stdout: string;
  stderr: string;
  results: ResultsJson;
  junit: string;
  target: HostileTarget;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Text of a stream that must be UTF-8 with no control character but tab and line feed. */
function expectPlainText(expect: ExpectStatic, bytes: Buffer, where: string): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${where} is not valid UTF-8`);
  }
  const hit = CONTROL.exec(text);
  const around = hit ? JSON.stringify(text.slice(Math.max(0, hit.index - 60), hit.index + 20)) : '';
  expect
    .soft(hit, `${where} holds control character U+${hit?.[0].charCodeAt(0).toString(16).padStart(4, '0')}: ${around}`)
    .toBeNull();
  return text;
}

/** Every escape a reflecting target or a report might use, undone (nested ones too), and lower-cased. */
function unescapeAll(text: string): string {
  let s = text;
  for (let i = 0; i < 3; i++) {
    s = s
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/&amp;/g, '&')
      .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
  }
  return s.toLowerCase();
}

/** Every key and string value of a parsed JSON document. */
function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => jsonStrings(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      jsonStrings(v, out);
    }
  return out;
}

function expectNoSecret(expect: ExpectStatic, texts: Record<string, string>, secrets: string[]): void {
  for (const [where, text] of Object.entries(texts)) {
    const plain = unescapeAll(text);
    for (const secret of secrets) {
      const variants = [secret, secret.toUpperCase()];
      for (const v of variants)
        expect.soft(text.includes(v), `${where} holds a token (${secret.slice(0, 4)}…)`).toBe(false);
      expect
        .soft(plain.includes(secret), `${where} holds a token, escaped or encoded (${secret.slice(0, 4)}…)`)
        .toBe(false);
    }
  }
}

const STATES = new Set(['passed', 'failed', 'errored', 'skipped']);

function expectResultsShape(expect: ExpectStatic, results: ResultsJson, only: string[]): void {
  expect.soft(Array.isArray(results.runs), 'results.json has runs[]').toBe(true);
  expect.soft(results.runs).toHaveLength(1);
  const [run] = results.runs;
  expect.soft(run.profile).toBe('quantum-v1.0');
  expect.soft(Array.isArray(run.cases) && Array.isArray(run.notes)).toBe(true);
  for (const c of run.cases) {
    expect.soft(typeof c.id === 'string' && STATES.has(c.state), `case ${c.id} has an id and a state`).toBe(true);
    expect
      .soft(Array.isArray(c.checks) && Array.isArray(c.exchanges), `case ${c.id} has checks[] and exchanges[]`)
      .toBe(true);
    if (c.state === 'errored' || c.state === 'skipped')
      expect.soft(typeof c.reason, `case ${c.id} has a reason`).toBe('string');
  }
  const count = (s: string) => run.cases.filter((c) => c.state === s).length;
  expect.soft(run.summary, 'the summary counts the cases').toMatchObject({
    total: run.cases.length,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('errored'),
    skipped: count('skipped'),
  });
  if (only.length > 0) expect.soft(run.cases).toHaveLength(only.length * 2);
}

function expectJunit(expect: ExpectStatic, junit: string, results: ResultsJson): void {
  expect.soft(XMLValidator.validate(junit), 'junit.xml is well-formed').toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['testsuite', 'testcase'].includes(name),
  }).parse(junit) as { testsuites: { testsuite: { testcase?: unknown[]; '@_tests': string }[] } };
  const suites = doc.testsuites.testsuite;
  expect.soft(suites).toHaveLength(results.runs.length);
  expect.soft(suites[0].testcase ?? []).toHaveLength(results.runs[0].cases.length);
  expect.soft(Number(suites[0]['@_tests'])).toBe(results.runs[0].cases.length);
}

function expectStderr(expect: ExpectStatic, c: HostileCase, stderr: string, target: string): void {
  const lines = stderr.split('\n');
  const untestable = lines.filter((l) => /could not be tested/.test(l));
  if (c.untestable) {
    expect.soft(untestable, `stderr holds one 'could not be tested' line:\n${stderr}`).toHaveLength(1);
    const [line = ''] = untestable;
    const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect.soft(line).toMatch(new RegExp(`^conform: ${escaped}/? could not be tested: .+$`));
    expect.soft(line).toMatch(c.untestable);
  } else {
    expect.soft(untestable, 'no could-not-be-tested line').toEqual([]);
  }
  for (const re of c.stderrLine ?? [])
    expect
      .soft(
        lines.filter((l) => re.test(l)),
        `stderr holds one line matching ${re}:\n${stderr}`,
      )
      .toHaveLength(1);
  expect.soft(stderr, 'no stack trace').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

function cliArgs(c: HostileCase, url: string, reports: string, tokens: HostileTarget['tokens']): string[] {
  const only = c.only ?? FAULT_PROBES;
  return [
    '--target',
    url,
    '--profile',
    'quantum-v1.0',
    '--reports',
    reports,
    '--token',
    tokens.main,
    '--second-token',
    tokens.second,
    '--no-color',
    '--timeout',
    String(c.timeoutMs ?? 10_000),
    ...only.flatMap((id) => ['--only', id]),
    ...(c.extraArgs ?? []),
  ];
}

function readReports(reports: string): { results: ResultsJson; junit: string; raw: string } {
  const raw = fs.readFileSync(path.join(reports, 'results.json'), 'utf8');
  const junit = fs.readFileSync(path.join(reports, 'junit.xml'), 'utf8');
  return { results: JSON.parse(raw) as ResultsJson, junit, raw };
}

/** Starts the behaviour's target, runs the CLI against it, and asserts everything every run promises. */
export async function runHostileCase(expect: ExpectStatic, c: HostileCase): Promise<Outcome> {
  let url = '';
  const target = await startHostile(c.target(() => url));
  url = target.url;
  try {
    const reports = tempDir('hostile');
    const run = await spawnMeasured(cliArgs(c, url, reports, target.tokens));
    const stdout = expectPlainText(expect, run.stdout, 'stdout');
    const stderr = expectPlainText(expect, run.stderr, 'stderr');
    const said = `exit ${run.code}\n--- stderr\n${stderr.slice(0, 3000)}\n--- stdout\n${stdout.slice(-3000)}`;
    expect.soft(run.killed, `the child ended on its own:\n${said}`).toBe(false);
    expect.soft(run.code, said).toBe(c.exit);
    expect.soft(run.ms, 'wall time of the child').toBeLessThanOrEqual(c.maxMs ?? 40_000);
    const firstContact = target.stats.firstContactAt ?? run.exitedAt;
    expect
      .soft(run.exitedAt - firstContact, 'from the first connection to exit')
      .toBeLessThanOrEqual(c.maxRunMs ?? 15_000);
    expect.soft(run.rssMiB, 'peak RSS of the child (MiB)').toBeLessThanOrEqual(MEMORY_BOUND_MIB);
    expect.soft(run.stdout.length + run.stderr.length, 'console output stays small').toBeLessThan(2 * 1024 * 1024);
    expectStderr(expect, c, stderr, url);
    const left = await target.leftovers();
    if (c.leavesBehind)
      expect.soft(left.networks, 'something is left (the target refused the deletes)').toBeGreaterThan(0);
    else {
      const told = stdout.split('\n').filter((l) => /left behind|cleanup/.test(l));
      expect.soft(left, `nothing left on the target; the run said:\n${told.slice(0, 20).join('\n')}`).toEqual({
        networks: 0,
        ports: 0,
      });
    }
    if (c.creates) expect.soft(target.stats.created, 'the setups did create something').toBeGreaterThan(0);
    else expect.soft(target.stats.created, 'nothing could be created').toBe(0);
    const secrets = [target.tokens.main, target.tokens.second];
    expectNoSecret(expect, { stdout, stderr }, secrets);
    const { results, junit, raw } = readReports(reports);
    expectValidResults(reports, expect);
    expectResultsShape(expect, results, c.only ?? FAULT_PROBES);
    expectJunit(expect, junit, results);
    expectNoSecret(expect, { 'results.json': raw, 'junit.xml': junit }, secrets);
    expectNoSecret(expect, { 'results.json (decoded)': jsonStrings(results).join('\n') }, secrets);
    for (const re of c.stdout ?? []) expect.soft(stdout).toMatch(re);
    for (const re of c.notStdout ?? []) expect.soft(stdout).not.toMatch(re);
    const outcome = { run, stdout, stderr, results, junit, target };
    await c.more?.(outcome, expect);
    return outcome;
  } finally {
    await target.close();
  }
}
