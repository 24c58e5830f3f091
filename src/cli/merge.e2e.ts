// `--shard i/n` and `conform merge`: shards of a run, each written to its own
// folder, merge into the results one unsharded run gives.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseResult, RunResult } from '../model/result.js';
import { serveReference } from '../targets/common/server.js';
import { findMutation } from '../targets/mutations.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import { runCliClean as runCli } from '../testing/cli.js';
import { expectValidResults } from '../testing/results.js';
import { tempDir } from '../testing/tmp.js';

interface Results {
  format: string;
  runs: RunResult[];
}

const read = (dir: string): Results => expectValidResults(dir) as unknown as Results;

/** What a case says, without what varies from run to run (times, run ids, ports, ids the target made). */
const verdictOf = (c: CaseResult) => ({
  id: c.id,
  state: c.state,
  reason: c.reason?.replace(/conform-\d{8}t\d{6}-[0-9a-z]+/g, '<run-id>').replace(/:\d+\b/g, ':<port>'),
  expectedFault: c.expectedFault,
  observedFault: c.observedFault,
  checks: c.checks.map((k) => `${k.step} ${k.check}: ${k.state}`),
});

/** A run's cases, verdicts, summary and coverage: what merging must not change. */
const outcome = (run: RunResult) => ({
  profile: run.profile,
  cases: run.cases.map(verdictOf),
  summary: run.summary,
  coverage: run.coverage,
});

/** Runs `args` once whole and as `count` shards, and merges the shards. */
async function wholeAndShards(args: string[], count: number) {
  const root = tempDir('shards');
  const whole = await runCli([...args, '--reports', path.join(root, 'whole')]);
  const dirs = Array.from({ length: count }, (_, i) => path.join(root, `shard-${i + 1}`));
  const shards = [];
  for (const [i, dir] of dirs.entries())
    shards.push(await runCli([...args, '--shard', `${i + 1}/${count}`, '--reports', dir]));
  const mergedDir = path.join(root, 'merged');
  const merged = await runCli(['merge', ...dirs, '--reports', mergedDir]);
  return { root, whole, shards, dirs, merged, mergedDir };
}

const PYTHON = '/usr/bin/python3';
function junitparserAvailable(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import junitparser'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The counts of a junit.xml as python's junitparser reads them. */
function junitCounts(file: string) {
  const script = [
    'import json, sys',
    'from junitparser import JUnitXml',
    'xml = JUnitXml.fromfile(sys.argv[1])',
    'names = [case.name for suite in xml for case in suite]',
    'print(json.dumps({"tests": xml.tests, "failures": xml.failures, "errors": xml.errors, ' +
      '"skipped": xml.skipped, "names": names}))',
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as Record<string, unknown>;
}

describe('conform --shard and conform merge', () => {
  it('shards 1/3, 2/3 and 3/3 of the default job merge into what one run gives', async () => {
    const { whole, shards, dirs, merged, mergedDir, root } = await wholeAndShards([], 3);
    expect(whole.code).toBe(0);
    expect(shards.map((s) => s.code)).toEqual([0, 0, 0]);
    const parts = dirs.map(read);
    expect(parts.map((p) => p.runs.map((r) => [r.shard, r.cases.length]))).toEqual([
      [[{ index: 1, count: 3 }, 18]],
      [[{ index: 2, count: 3 }, 19]],
      [[{ index: 3, count: 3 }, 19]],
    ]);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/56 cases, 56 passed, 0 failed, 0 errored, 0 skipped/);
    expect(merged.stdout).toMatch(/^reports: .*results\.json, .*junit\.xml/m);

    const one = read(path.join(root, 'whole'));
    const joined = read(mergedDir);
    expect(joined.format).toBe('conform-results/1');
    expect(joined.runs.map(outcome)).toEqual(one.runs.map(outcome));
    const [run] = joined.runs;
    expect(run.shard).toBeUndefined();
    expect(run.shards?.map((s) => [s.index, s.runId])).toEqual(parts.map((p, i) => [i + 1, p.runs[0].runId]));
    expect(run.notes.at(-1)?.message).toMatch(/^merged from 3 shards: /);

    if (junitparserAvailable()) {
      const counts = junitCounts(path.join(mergedDir, 'junit.xml'));
      expect(counts).toMatchObject({ tests: 56, failures: 0, errors: 0, skipped: 0 });
      expect(counts.names).toEqual(one.runs[0].cases.map((c) => c.id));
    }
  });

  it('shards of a run against a mutated reference merge to exit 1, with the findings of one run', async () => {
    const m = findMutation('quantum-v1.0', 'status-404-for-420');
    const target = await serveReference(new QuantumApp({ flags: new Set(m.flags) }), { mutation: m });
    try {
      const { whole, shards, merged, mergedDir, root } = await wholeAndShards(['--target', target.url], 2);
      expect(whole.code).toBe(1);
      expect(shards.map((s) => s.code).sort()).toContain(1);
      expect(merged.code).toBe(1);
      const one = read(path.join(root, 'whole'));
      const joined = read(mergedDir);
      expect(joined.runs.map(outcome)).toEqual(one.runs.map(outcome));
      expect(joined.runs[0].summary.failed).toBeGreaterThan(0);
      if (junitparserAvailable()) {
        const counts = junitCounts(path.join(mergedDir, 'junit.xml'));
        expect(counts).toMatchObject({ tests: 56, failures: one.runs[0].summary.failed });
      }
      // `cleanup --from` the merged results names what every shard's run created.
      const from = ['cleanup', '--target', target.url, '--profile', 'quantum-v1.0', '--dry-run'];
      const cleanup = await runCli([...from, '--from', path.join(mergedDir, 'results.json')]);
      expect(cleanup.code, cleanup.stderr).toBe(0);
      for (const s of joined.runs[0].shards ?? []) expect(cleanup.stdout).toContain(`'${s.runId}-…'`);
      expect(joined.runs[0].shards).toHaveLength(2);
    } finally {
      await target.close();
    }
  });

  it('shards run with waivers merge as one run: waived counts, coverage, stale, --strict-waivers', async () => {
    const m = findMutation('quantum-v1.0', 'status-404-for-420');
    const target = await serveReference(new QuantumApp({ flags: new Set(m.flags) }), { mutation: m });
    try {
      const file = path.join(tempDir('merge-waivers'), 'waivers.yaml');
      fs.writeFileSync(
        file,
        [
          'waivers:',
          '  - case: network.show.missing',
          '    reason: a known departure',
          '  - case: port.show.missing[json]',
          '    reason: it passes, so this one is stale',
        ].join('\n'),
      );
      const args = ['--target', target.url, '--waivers', file, '--strict-waivers'];
      const { whole, merged, mergedDir, root } = await wholeAndShards(args, 3);
      const one = read(path.join(root, 'whole'));
      const joined = read(mergedDir);
      expect(whole.code, 'the stale waiver fails the run').toBe(1);
      expect(merged.code, merged.stdout + merged.stderr).toBe(1);
      expect(joined.runs.map(outcome)).toEqual(one.runs.map(outcome));
      expect(joined.runs[0].summary.waived).toBe(2);
      expect(joined.runs[0].waivers).toMatchObject({ stale: [{ case: 'port.show.missing[json]' }], strict: true });
    } finally {
      await target.close();
    }
  });

  it('the dry run plans the shard: its cases, and which part it is', async () => {
    const run = await runCli(['--shard', '2/3', '--dry-run']);
    expect(run.code).toBe(0);
    const [head] = run.stdout.split('\n');
    expect(head).toBe(
      'quantum-v1.0 at the embedded reference target: 19 cases from 10 scenarios, shard 2/3 (dry run: nothing is sent)',
    );
  });

  it('a profile a shard plans no case of is left out of that shard, with a note, and merges back', async () => {
    const args = ['--profile', 'quantum-v1.0', '--profile', 'keystone-v2.0', '--only', 'network.show.missing'];
    const more = [...args, '--only', 'tenant.list.*', '--format', 'json'];
    const { whole, shards, dirs, merged, mergedDir, root } = await wholeAndShards(more, 2);
    expect(whole.code).toBe(0);
    expect(shards.map((s) => s.code)).toEqual([0, 0]);
    expect(shards[0].stderr).toMatch(
      /--shard 1\/2 plans no case of quantum-v1\.0 \(1 planned, split 2 ways\): quantum-v1\.0 is left out/,
    );
    expect(read(dirs[0]).runs.map((r) => r.profile)).toEqual(['keystone-v2.0']);
    expect(merged.code).toBe(0);
    const one = read(path.join(root, 'whole'));
    expect(read(mergedDir).runs.map(outcome)).toEqual(one.runs.map(outcome));
  });

  it('one-line usage errors, exit 2: a bad --shard, a shard planning nothing, folders not shards', async () => {
    for (const bad of ['0/3', '4/3', 'a/b', '1/0']) {
      const run = await runCli(['--shard', bad, '--reports', tempDir('bad-shard')]);
      expect(run.code, bad).toBe(2);
      expect(run.stderr, bad).toMatch(/^conform: --shard .*\n$/);
    }
    const none = await runCli(['--only', 'network.show.missing', '--format', 'json', '--shard', '1/2', '--dry-run']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'conform: the selection plans no case: --shard 1/2 plans no case of quantum-v1.0 (1 planned, split 2 ways)\n',
    );

    const root = tempDir('merge-bad');
    const shard = (i: number, n: number, ...more: string[]) =>
      runCli([
        '--only',
        'network.*',
        '--format',
        'json',
        '--shard',
        `${i}/${n}`,
        ...more,
        '--reports',
        path.join(root, `${i}-${n}${more.length ? '-x' : ''}`),
      ]);
    expect((await shard(1, 2)).code).toBe(0);
    expect((await shard(2, 2)).code).toBe(0);
    expect((await shard(2, 3)).code).toBe(0);
    const whole = path.join(root, 'whole');
    expect((await runCli(['--only', 'network.*', '--format', 'json', '--reports', whole])).code).toBe(0);
    const target = await serveReference(new QuantumApp());
    try {
      expect((await shard(2, 2, '--target', target.url)).code).toBe(0);
    } finally {
      await target.close();
    }
    const at = (name: string) => path.join(root, name);
    const cases: [string[], RegExp][] = [
      [[at('1-2')], /^conform: shard 2\/2 missing: the merge needs all 2\n$/],
      [[at('1-2'), at('1-2')], /^conform: .*1-2: shard 1\/2 again \(.*1-2 is too\)\n$/],
      [[at('1-2'), at('2-3')], /^conform: .*2-3: shard 2\/3, but .*1-2 is shard 1\/2\n$/],
      [[at('1-2'), at('whole')], /^conform: .*whole\/results\.json: not the results of a shard/],
      [[at('1-2'), at('nothing-here')], /^conform: .*nothing-here: cannot read results\.json \(ENOENT\)\n$/],
      [[at('1-2'), at('2-2-x')], /^conform: .*2-2-x: quantum-v1\.0 ran against http:\/\/127\.0\.0\.1:\d+, in .*1-2 /],
    ];
    for (const [dirs, line] of cases) {
      const run = await runCli(['merge', ...dirs, '--reports', at('out')]);
      expect(run.code, dirs.join(' ')).toBe(2);
      expect(run.stderr, dirs.join(' ')).toMatch(line);
      expect(run.stderr.trimEnd().split('\n'), dirs.join(' ')).toHaveLength(1);
    }
    expect(fs.existsSync(at('out'))).toBe(false);
  });
});
