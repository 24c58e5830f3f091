// A target's text on the console is shown, never obeyed: escape sequences,
// bells, NULs, carriage returns and C1 controls come out escaped, colour on
// or off, and conform's own colours still work.
import { describe, expect, it } from 'vitest';
import type { CaseResult, Exchange, RunResult } from '../model/result.js';
import type { RunPlan } from '../model/selection.js';
import { caseLine, consoleReporter, noteLine, renderSummary } from './console.js';
import { renderPlan } from './plan.js';
import { printable, printableLine } from './terminal.js';

const PLAIN = { color: false, verbose: false };
const COLOUR = { color: true, verbose: false };

/** Control characters a terminal acts on, besides newline and tab. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The text without conform's own colour codes (`\x1b[31m`, `\x1b[0m`). */
const uncoloured = (text: string) => text.replace(/\u001b\[\d+m/g, '');

const CLEAR = '\u001b[2J\u001b[H';
const TITLE = '\u001b]0;all green\u0007';
const FAKE_TOTALS = 'quantum-v1.0 against http://h: 56 cases, 56 passed, 0 failed, 0 errored, 0 skipped';

describe('printable', () => {
  it('shows ESC, BEL and NUL escaped', () => {
    expect(printable('a\u001b[31mb\u0007c\u0000d')).toBe('a\\x1b[31mb\\x07c\\x00d');
  });

  it('shows a window-title sequence (OSC) escaped', () => {
    expect(printable(TITLE)).toBe('\\x1b]0;all green\\x07');
  });

  it('shows clear-screen escaped', () => {
    expect(printable(CLEAR)).toBe('\\x1b[2J\\x1b[H');
  });

  it('shows DEL and C1 controls (CSI 0x9b) escaped', () => {
    expect(printable('\u007f\u0080\u009b2J\u009f')).toBe('\\x7f\\x80\\x9b2J\\x9f');
  });

  it('shows a carriage return as \\r: it cannot overwrite a line', () => {
    expect(printable(`FAIL x\r${FAKE_TOTALS}`)).toBe(`FAIL x\\r${FAKE_TOTALS}`);
  });

  it('keeps newlines and tabs', () => {
    expect(printable('a\n\tb')).toBe('a\n\tb');
  });

  it('shows the controls that reorder a line escaped', () => {
    expect(printable('a\u202eb\u2066c')).toBe('a\\u202eb\\u2066c');
  });

  it('leaves ordinary text, other scripts and conform’s punctuation alone', () => {
    const text = 'GET /v1.0/networks — 404 itemNotFound: “no such thing” … 网络 ü';
    expect(printable(text)).toBe(text);
    expect(printableLine(text)).toBe(text);
  });

  it('printableLine shows newlines as \\n too', () => {
    expect(printableLine(`reason\n${FAKE_TOTALS}\r\n`)).toBe(`reason\\n${FAKE_TOTALS}\\r\\n`);
  });
});

const probe = (body: string, headers: Record<string, string> = {}): Exchange => ({
  step: 'probe',
  role: 'probe',
  operation: 'network.show',
  request: { method: 'GET', url: 'http://h/v1.0/tenants/t1/networks/n1', headers: { accept: 'application/json' } },
  response: { status: 404, headers: { 'content-type': 'application/json', ...headers }, body, truncated: false },
  durationMs: 1,
});

/** A failed case whose answer holds control bytes in a JSON key name, its body and a header. */
function hostileCase(): CaseResult {
  const key = `${CLEAR}${TITLE}\u0000\u009b`;
  return {
    id: 'network.show.missing[json]',
    scenario: 'network.show.missing',
    title: 'Show a network that does not exist',
    format: 'json',
    state: 'failed',
    reason: `setup said \u001b[32mok\u001b[0m\n${FAKE_TOTALS}`,
    checks: [
      {
        check: 'fault-root',
        step: 'probe',
        state: 'failed',
        title: 'the root names the fault',
        expected: 'networkNotFound',
        actual: key,
        message: `root key is '${key}'`,
      },
    ],
    exchanges: [
      probe(`{"${key}": {"code": 404}}\r\n${FAKE_TOTALS}\u001b[8m`, {
        'content-type': `application/json\u009b2J${TITLE}`,
      }),
    ],
    durationMs: 1,
  };
}

function runOf(cases: CaseResult[], more: Partial<RunResult> = {}): RunResult {
  return {
    tool: { name: 'conform', version: '0.0.0' },
    runId: 'conform-test',
    profile: 'quantum-v1.0',
    target: 'http://h',
    embeddedTarget: false,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    notes: [],
    cases,
    summary: { total: cases.length, passed: 0, failed: cases.length, errored: 0, skipped: 0 },
    coverage: [],
    ...more,
  };
}

describe('the console shows a target’s text, escaped', () => {
  for (const [name, opts] of [
    ['colour off', PLAIN],
    ['colour on', COLOUR],
  ] as const) {
    it(`diagnoses: control bytes of a JSON key name, a body and a header, escaped (${name})`, () => {
      const out = renderSummary(runOf([hostileCase()]), opts);
      expect(uncoloured(out)).not.toMatch(CONTROL);
      expect(out).toContain("root key is '\\x1b[2J\\x1b[H\\x1b]0;all green\\x07\\x00\\x9b'");
      expect(out).toContain('response: 404 (application/json\\x9b2J\\x1b]0;all green\\x07)');
      // The body's second line is indented under it: it cannot pass for conform's totals line.
      const lines = out.split('\n');
      expect(lines.filter((l) => l.startsWith('quantum-v1.0 against '))).toHaveLength(1);
      expect(lines.some((l) => l.endsWith(`${FAKE_TOTALS}\\x1b[8m`) && l.startsWith('   '))).toBe(true);
    });

    it(`a case line: the reason on one line, its colour codes escaped (${name})`, () => {
      const errored = { ...hostileCase(), state: 'errored' as const, reason: `refused\r\u001b[2K\n${FAKE_TOTALS}` };
      const line = caseLine(errored, opts);
      expect(line.split('\n')).toHaveLength(1);
      expect(uncoloured(line)).not.toMatch(CONTROL);
      expect(uncoloured(line)).toContain(`— refused\\r\\x1b[2K\\n${FAKE_TOTALS}`);
    });

    it(`conform's own colours still work (${name})`, () => {
      const line = caseLine({ ...hostileCase(), state: 'skipped', reason: '\u001b[32mPASS' }, opts);
      expect(line).toBe(
        opts.color
          ? '\u001b[33mSKIP\u001b[0m network.show.missing[json] — Show a network that does not exist — \\x1b[32mPASS'
          : 'SKIP network.show.missing[json] — Show a network that does not exist — \\x1b[32mPASS',
      );
    });

    it(`the reason the target could not be tested, on one line (${name})`, () => {
      const out = renderSummary(runOf([], { targetError: `no answer\n${FAKE_TOTALS}\u0007` }), opts);
      expect(uncoloured(out)).not.toMatch(CONTROL);
      expect(out).toContain(`target could not be tested: no answer\\n${FAKE_TOTALS}\\x07`);
      expect(out.split('\n').filter((l) => l.startsWith('quantum-v1.0 against '))).toHaveLength(1);
    });
  }

  it('a note on one line', () => {
    const note = {
      topic: 'target' as const,
      level: 'note' as const,
      message: `redirects to /x\u001b]0;t\u0007\n${FAKE_TOTALS}`,
    };
    expect(noteLine(note)).toBe(`conform: note: redirects to /x\\x1b]0;t\\x07\\n${FAKE_TOTALS}`);
  });

  it('the untestable line on stderr, and notes as they come', () => {
    const said: string[] = [];
    const io = { out: (l: string) => said.push(`out ${l}`), err: (l: string) => said.push(`err ${l}`) };
    const reporter = consoleReporter(io, PLAIN);
    reporter.onNote?.({ topic: 'target', level: 'info', message: 'a\u009bb' });
    reporter.onRunEnd?.(runOf([], { preflightFailed: true, target: 'http://h/\u001b[2J', targetError: 'x\ny\u0000' }));
    expect(said).toEqual(['err conform: a\\x9bb', 'err conform: http://h/\\x1b[2J could not be tested: x\\ny\\x00']);
  });

  it('a dry run: where a profile would go, escaped', () => {
    const said: string[] = [];
    const io = { out: (l: string) => said.push(l), err: (l: string) => said.push(l) };
    const plan = {
      notes: [{ topic: 'selection', level: 'note', message: 'left out\u0007' }],
      profiles: [
        {
          profile: { catalog: { profile: 'quantum-v1.0' }, suite: { scenarios: [] } },
          where: 'http://h/\u001b[2J',
          cases: [],
        },
      ],
    } as unknown as RunPlan;
    renderPlan(plan, io);
    expect(said).toEqual([
      'conform: note: left out\\x07',
      'quantum-v1.0 at http://h/\\x1b[2J: 0 cases from 0 scenarios (dry run: nothing is sent)',
    ]);
  });
});
