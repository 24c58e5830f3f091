import { describe, expect, it } from 'vitest';
import { HOSTILE, REPORT_CASES, reportRun } from '../testing/reportRun.js';
import { stabilise } from '../testing/stabilise.js';
import { fenced, mdText, renderMarkdown } from './markdown.js';

describe('report.md', () => {
  it('lists the waived findings with their reasons, and the stale and expired waivers', () => {
    const run = reportRun();
    const failed = run.cases.find((c) => c.state === 'failed')!;
    const waiver = { entry: 'waivers[0]', case: failed.id, reason: 'known <upstream> bug' };
    const waived = { ...failed, state: 'waived' as const, waiver };
    const stale = { entry: 'waivers[1]', case: 'network.list[json]', reason: 'fixed since' };
    const md = renderMarkdown([{ ...run, cases: [waived], waivers: { file: 'w.yaml', stale: [stale], expired: [] } }]);
    expect(md).toContain(`### Waived (1)`);
    expect(md).toMatch(/Waived: known \\?<upstream\\?> bug/);
    expect(md).toContain('### Stale waivers (1)');
    expect(md).toContain('fixed since');
    expect(md).not.toContain('### Failures');
  });

  it('totals, the fault × format coverage and each failure with its diagnosis and curl (snapshot)', async () => {
    const run = reportRun(undefined, { startedAt: new Date().toISOString(), runId: 'conform-20991231t235959-zz9' });
    await expect(stabilise(renderMarkdown([run]))).toMatchFileSnapshot('__snapshots__/report.md');
  });

  it('fences a block with more backticks than any run of them in it, so that a target cannot close it', () => {
    expect(fenced('plain')).toBe('```\nplain\n```');
    expect(fenced('a ```` b `` c', 'text')).toBe('`````text\na ```` b `` c\n`````');
    const md = renderMarkdown([reportRun()]);
    // The target's four backticks sit inside a block fenced with five: opened, and closed once.
    expect(md.split('\n').filter((l) => l.startsWith('````'))).toEqual(['`````text', '`````']);
  });

  it("shows a target's text in tables and headings as text: markup characters escaped", () => {
    expect(mdText(HOSTILE)).toBe(String.raw`\<script\>alert\("x"\)\</script\>\</details\>"'\`\`\`\` \`\` \& \| \*`);
    expect(mdText('a\nb\u001b[2J')).toBe(String.raw`a\\nb\\x1b\[2J`);
  });

  it('adds a waived column when the summaries count waived cases', () => {
    const run = reportRun(undefined, {});
    const waived = { ...run, summary: { ...run.summary, waived: 2 } };
    const md = renderMarkdown([waived]);
    expect(md).toContain('| profile | target | required | passed | failed | errored | skipped | waived |');
    expect(md).toContain('| quantum-v1.0 | http://127.0.0.1:9696 | 4 | 2 | 1 | 1 | 1 | 2 |');
    expect(md).toContain('5 cases: 2 passed, 1 failed, 1 errored, 1 skipped, 2 waived in 1.23 s');
    expect(renderMarkdown([run])).not.toContain('waived');
  });

  it('says in one line that a target could not be tested: no coverage table, no failure per case', () => {
    const refused = (c: (typeof REPORT_CASES)['errored']) => ({ ...c, reason: 'connection refused by 127.0.0.1:9' });
    const cases = [REPORT_CASES.errored, { ...REPORT_CASES.errored, id: 'port.show.missing[json]' }].map(refused);
    for (const run of [
      reportRun(cases, { targetError: 'connection refused by 127.0.0.1:9', preflightFailed: true }),
      reportRun(cases),
    ]) {
      const md = renderMarkdown([run]);
      expect(md).not.toContain('Fault coverage');
      expect(md).not.toContain('not triggered');
      expect(md).not.toContain('Failures');
      expect(md.split('\n').filter((l) => l.includes('connection refused'))).toEqual([
        '**The target could not be tested**: connection refused by 127.0.0.1:9 — 2 cases: 0 passed, 0 failed, ' +
          '2 errored, 0 skipped in 1.23 s (run conform-20260101t000000-abcd, started 2026-01-01T00:00:00.000Z).',
      ]);
    }
  });
});
