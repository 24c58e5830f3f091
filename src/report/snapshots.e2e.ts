// What a user sees and gets from whole runs of the CLI (in process, through
// `main`): the console and results.json of the default job against the
// embedded quantum-v1.0 target, and the console's diagnosis of a mutated one.
// What varies from run to run is replaced with fixed placeholders first: run
// ids, timestamps, durations, loopback ports, UUIDs, random tokens, the version.
// Regenerate with `npx vitest run --project e2e src/report/snapshots.e2e.ts -u`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseResult, RunResult } from '../model/result.js';
import { serveReference } from '../targets/common/server.js';
import { findMutation } from '../targets/mutations.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import { runCliClean as runCli, type CliRun } from '../testing/cli.js';
import { stabilise } from '../testing/stabilise.js';
import { expectValidResults } from '../testing/results.js';
import { tempDir } from '../testing/tmp.js';

/** Keys whose values vary from run to run, whatever object they are in. */
const VARYING_KEYS: Record<string, string> = {
  durationMs: '<ms>',
  startedAt: '<timestamp>',
  date: '<http-date>',
  'content-length': '<length>',
};

/** results.json data as stable JSON text: varying fields replaced by key, then by pattern. */
function stableJson(value: unknown): string {
  const json = JSON.stringify(
    value,
    (key, v) => {
      if (key in VARYING_KEYS && (typeof v === 'number' || typeof v === 'string')) return VARYING_KEYS[key];
      if (key === 'tool' && v && typeof v === 'object') return { ...v, version: '<version>' };
      return v;
    },
    2,
  );
  return `${stabilise(json)}\n`;
}

function consoleOf(run: CliRun, reportsDir: string): string {
  return stabilise(`exit: ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`, reportsDir);
}

/** A case in a line: `id: state`, and the fault the probe got when there is one. */
const caseInALine = (c: CaseResult) => `${c.id}: ${c.state}${c.observedFault ? ` (${c.observedFault})` : ''}`;

/** A case's checks and exchanges, one line each: its structure without the bodies. */
function caseOutline(c: CaseResult) {
  return {
    ...c,
    checks: c.checks.map((k) => `${k.step} ${k.check}: ${k.state}`),
    exchanges: c.exchanges.map(
      (e) =>
        `${e.role} ${e.step} (${e.operation}): ${e.request.method} ${e.request.url} → ${e.response?.status ?? e.error}`,
    ),
  };
}

/**
 * The parts of results.json worth keeping in view: every field of the run but
 * its cases, each case in a line, one fault case whole and one case with setup
 * and cleanup in outline.
 */
function resultsDigest(results: { format?: unknown; runs: RunResult[] }, whole: string, outlined: string) {
  return {
    ...results,
    runs: results.runs.map(({ cases, ...run }) => {
      const find = (id: string) => cases.find((c) => c.id === id) ?? `no case ${id}`;
      const outline = find(outlined);
      return {
        ...run,
        cases: cases.map(caseInALine),
        [whole]: find(whole),
        [outlined]: typeof outline === 'string' ? outline : caseOutline(outline),
      };
    }),
  };
}

/** The block of the console's diagnoses about one case: its heading line to the next blank line. */
function diagnosisOf(stdout: string, caseId: string): string {
  const lines = stdout.split('\n');
  const diagnoses = lines.findIndex((l) => /^Diagnoses \(\d+\):$/.test(l));
  const from = lines.findIndex((l, i) => diagnoses >= 0 && i > diagnoses && l.startsWith(`FAIL ${caseId} `));
  if (from < 0) return `no diagnosis of ${caseId} in:\n${stdout}`;
  const to = lines.indexOf('', from);
  return lines.slice(from, to < 0 ? undefined : to).join('\n');
}

describe('snapshots of whole runs', () => {
  it('the default job on the embedded quantum-v1.0 target: console and results.json', async () => {
    const reports = tempDir('snap');
    const run = await runCli(['--reports', reports]);
    expect(run.code).toBe(0);
    await expect(consoleOf(run, reports)).toMatchFileSnapshot('__snapshots__/embedded-run.console.txt');

    expectValidResults(reports);
    const results = JSON.parse(fs.readFileSync(path.join(reports, 'results.json'), 'utf8'));
    const digest = resultsDigest(results, 'network.show.missing[xml]', 'attachment.plug.port-in-use[json]');
    await expect(stableJson(digest)).toMatchFileSnapshot('__snapshots__/embedded-run.results.json');
  });

  it("a target that answers 404 for networkNotFound: exit 1 and the console's diagnosis of one failure", async () => {
    const m = findMutation('quantum-v1.0', 'status-404-for-420');
    const target = await serveReference(new QuantumApp({ flags: new Set(m.flags) }), { mutation: m });
    try {
      const reports = tempDir('snap-broken');
      const run = await runCli(['--target', target.url, '--reports', reports]);
      const totals = run.stdout.split('\n').find((l) => l.startsWith('quantum-v1.0 against ')) ?? run.stdout;
      const text = [`exit: ${run.code}`, diagnosisOf(run.stdout, 'network.show.missing[json]'), '', totals, ''].join(
        '\n',
      );
      await expect(stabilise(text, reports)).toMatchFileSnapshot('__snapshots__/mutated-run.diagnosis.txt');
    } finally {
      await target.close();
    }
  });
});
