// Known deviations through the whole CLI, against a mutated Quantum reference
// (networkNotFound answered as 404): findings → `conform waive` → reasons
// filled in → a green run with the findings waived → a waiver removed, and
// only its finding fails → against the unbroken reference every waiver is
// stale, which fails the run under --strict-waivers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../model/result.js';
import { serveReference } from '../targets/common/server.js';
import { findMutation } from '../targets/mutations.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import { runCliClean as runCli } from '../testing/cli.js';
import { expectValidResults } from '../testing/results.js';
import { tempDir } from '../testing/tmp.js';

const ONLY = ['--only', 'network.show.missing', '--only', 'network.delete.missing'];
const FINDINGS = [
  'network.show.missing[json]',
  'network.show.missing[xml]',
  'network.delete.missing[json]',
  'network.delete.missing[xml]',
];

const runsIn = (reports: string): RunResult[] => (expectValidResults(reports) as { runs: RunResult[] }).runs;
const totals = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('quantum-v1.0 against ')) ?? stdout;

describe('known deviations (waivers) through the CLI', () => {
  it('findings → conform waive → reasons filled in → exit 0, N waived → one removed → exit 1 for it', async () => {
    const m = findMutation('quantum-v1.0', 'status-404-for-420');
    const broken = await serveReference(new QuantumApp({ flags: new Set(m.flags) }), { mutation: m });
    const dir = tempDir('waivers');
    const file = path.join(dir, 'waivers.yaml');
    const run = (reports: string, ...more: string[]) =>
      runCli(['--target', broken.url, ...ONLY, '--reports', path.join(dir, reports), ...more]);
    try {
      const first = await run('r1');
      expect(first.code, first.stdout + first.stderr).toBe(1);

      const waive = await runCli(['waive', '--from', path.join(dir, 'r1', 'results.json'), '--out', file]);
      expect(waive.code, waive.stderr).toBe(0);
      expect(waive.stderr).toMatch(/4 finding\(s\) written to .*waivers\.yaml: fill in each reason/);
      const written = fs.readFileSync(file, 'utf8');
      for (const id of FINDINGS) expect(written).toContain(`    case: ${id}\n`);
      expect(written).toMatch(
        /- profile: quantum-v1\.0\n {4}case: network\.show\.missing\[json\]\n {4}checks: \[status, /,
      );
      // The same file on stdout without --out.
      expect((await runCli(['waive', '--from', path.join(dir, 'r1', 'results.json')])).stdout).toBe(written);

      // Not filled in: refused, one line per entry, exit 2, nothing run.
      const unfilled = await run('r2', '--waivers', file);
      expect(unfilled.code).toBe(2);
      const refusals = unfilled.stderr.trim().split('\n');
      expect(refusals).toHaveLength(4);
      for (const line of refusals)
        expect(line).toMatch(/^conform: .*waivers\.yaml: waivers\[\d\] \(.+\): reason: fill in the reason/);

      fs.writeFileSync(file, written.replace(/reason: .*/g, 'reason: a known 404 for a missing network'));
      const waived = await run('r3', '--waivers', file);
      expect(waived.code, waived.stdout + waived.stderr).toBe(0);
      expect(totals(waived.stdout)).toMatch(
        /: 4 cases, 4 required: 0 passed, 4 waived, 0 failed, 0 errored, 0 skipped \(0% of required, - excluding waived\)/,
      );
      expect(waived.stdout).toMatch(
        /^WAIV network\.show\.missing\[json\] — .* — waived: a known 404 for a missing network$/m,
      );
      // The diagnosis is still shown.
      expect(waived.stdout).toMatch(/\[status\] probe: expected 420 \(networkNotFound\), got 404/);
      const r3 = runsIn(path.join(dir, 'r3'))[0];
      expect(r3.summary).toMatchObject({ total: 4, failed: 0, waived: 4 });
      expect(r3.cases.map((c) => c.state)).toEqual(['waived', 'waived', 'waived', 'waived']);
      expect(r3.cases[0]).toMatchObject({
        waiver: { reason: 'a known 404 for a missing network', entry: 'waivers[0]' },
      });
      expect(r3.cases[0].checks.some((k) => k.state === 'failed')).toBe(true);
      const junit = fs.readFileSync(path.join(dir, 'r3', 'junit.xml'), 'utf8');
      expect(junit.match(/<skipped message="waived: a known 404 for a missing network">/g)).toHaveLength(4);
      expect(junit).toMatch(/<testsuite [^>]*failures="0" errors="0" skipped="4"/);
      expect(junit).toContain('[status] probe: expected 420 (networkNotFound), got 404');

      // One waiver removed: exit 1, and the one finding left is the only one that fails.
      const entries = fs.readFileSync(file, 'utf8').split('\n\n');
      fs.writeFileSync(file, entries.filter((e) => !e.includes('network.delete.missing[xml]')).join('\n\n'));
      const one = await run('r4', '--waivers', file);
      expect(one.code).toBe(1);
      expect(one.stdout.split('\n').filter((l) => l.startsWith('FAIL '))).toEqual([
        expect.stringMatching(/^FAIL network\.delete\.missing\[xml\] /),
        expect.stringMatching(/^FAIL network\.delete\.missing\[xml\] /),
      ]);
      expect(totals(one.stdout)).toMatch(/4 required: 0 passed, 3 waived, 1 failed,/);
    } finally {
      await broken.close();
    }

    // The findings gone: every waiver is stale, listed; a failure only with --strict-waivers.
    const fixed = await serveReference(new QuantumApp());
    try {
      const args = ['--target', fixed.url, ...ONLY, '--waivers', file];
      const lenient = await runCli([...args, '--reports', path.join(dir, 'r5')]);
      expect(lenient.code, lenient.stdout + lenient.stderr).toBe(0);
      expect(lenient.stdout).toMatch(/^Waivers \(.*waivers\.yaml\):$/m);
      expect(lenient.stdout.split('\n').filter((l) => l.startsWith('  stale '))).toHaveLength(3);
      expect(lenient.stdout).toMatch(
        /^ {2}stale {3}waivers\[0\] network\.show\.missing\[json\] \(quantum-v1\.0\): the finding it waives did not occur$/m,
      );
      expect(runsIn(path.join(dir, 'r5'))[0].waivers?.stale.map((w) => w.case)).toEqual(FINDINGS.slice(0, 3));
      const strict = await runCli([...args, '--strict-waivers', '--reports', path.join(dir, 'r6')]);
      expect(strict.code).toBe(1);
      expect(totals(strict.stdout)).toMatch(/4 required: 4 passed, 0 waived, 0 failed/);
    } finally {
      await fixed.close();
    }
  });

  it('--strict-waivers with every waiver matched exits 0; an expired waiver no longer applies', async () => {
    const m = findMutation('quantum-v1.0', 'status-404-for-420');
    const broken = await serveReference(new QuantumApp({ flags: new Set(m.flags) }), { mutation: m });
    const dir = tempDir('waivers-expired');
    const file = path.join(dir, 'waivers.json');
    const waivers = [
      { case: 'network.show.missing', reason: 'known' },
      { case: 'network.delete.missing', reason: 'was known', expires: '2020-01-01' },
    ];
    fs.writeFileSync(file, JSON.stringify({ waivers }));
    try {
      const only = ['--target', broken.url, '--waivers', file, '--strict-waivers', '--reports', dir];
      const shown = await runCli([...only, '--only', 'network.show.missing']);
      expect(shown.code, shown.stdout + shown.stderr).toBe(0);
      const both = await runCli([...only, ...ONLY]);
      expect(both.code).toBe(1);
      expect(both.stdout).toMatch(
        /^ {2}expired waivers\[1\] network\.delete\.missing: expired on 2020-01-01; it no longer applies$/m,
      );
      expect(totals(both.stdout)).toMatch(/2 waived, 2 failed/);
    } finally {
      await broken.close();
    }
  });
});
