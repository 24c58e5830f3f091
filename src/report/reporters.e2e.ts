// --reporter: the reporters chosen by name, the files each writes, and
// GITHUB_STEP_SUMMARY receiving the Markdown report.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveReference } from '../targets/common/server.js';
import { findMutation } from '../targets/mutations.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import { runCliClean } from '../testing/cli.js';
import { withEnv } from '../testing/env.js';
import { tempDir } from '../testing/tmp.js';

const ONLY = ['--only', 'network.show.missing', 'port.show.missing'];

describe('--reporter', () => {
  it('by default: the console, results.json and junit.xml', async () => {
    const reports = tempDir('rep-default');
    const run = await withEnv({ GITHUB_STEP_SUMMARY: '' }, () => runCliClean(['--reports', reports, ...ONLY]));
    expect(run.code).toBe(0);
    expect(fs.readdirSync(reports).sort()).toEqual(['junit.xml', 'results.json']);
    expect(run.stdout).toContain('Fault coverage (quantum-v1.0):');
  });

  it('markdown and html only: report.md and report.html, no console summary', async () => {
    const reports = tempDir('rep-files');
    const args = ['--reports', reports, '--reporter', 'markdown', '--reporter', 'html', ...ONLY];
    const run = await withEnv({ GITHUB_STEP_SUMMARY: '' }, () => runCliClean(args));
    expect(run.code).toBe(0);
    expect(fs.readdirSync(reports).sort()).toEqual(['report.html', 'report.md']);
    expect(run.stdout).not.toContain('Fault coverage');
    expect(run.stdout).toBe(`reports: ${path.join(reports, 'report.md')}, ${path.join(reports, 'report.html')}\n`);
  });

  it('GITHUB_STEP_SUMMARY receives the Markdown report, appended to what the job wrote there', async () => {
    const m = findMutation('quantum-v1.0', 'status-404-for-420');
    const target = await serveReference(new QuantumApp({ flags: new Set(m.flags) }), { mutation: m });
    try {
      const reports = tempDir('rep-summary');
      const summary = path.join(tempDir('rep-step'), 'step-summary.md');
      fs.writeFileSync(summary, '# an earlier step\n');
      const args = ['--target', target.url, '--reports', reports, '--reporter', 'console', 'markdown', ...ONLY];
      const run = await withEnv({ GITHUB_STEP_SUMMARY: summary }, () => runCliClean(args));
      expect(run.code).toBe(1);
      const md = fs.readFileSync(path.join(reports, 'report.md'), 'utf8');
      expect(md).toContain('#### FAIL network.show.missing\\[json\\]');
      expect(fs.readFileSync(summary, 'utf8')).toBe(`# an earlier step\n${md}`);
      // The console's summary comes before the files are written.
      expect(run.stdout.indexOf('Diagnoses (')).toBeLessThan(run.stdout.indexOf('reports: '));
    } finally {
      await target.close();
    }
  });

  it('an unknown reporter is a usage error, before anything runs', async () => {
    const reports = path.join(tempDir('rep-unknown'), 'never');
    const run = await runCliClean(['--reports', reports, '--reporter', 'tap']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^conform: .*reporter.*tap/);
    expect(fs.existsSync(reports)).toBe(false);
  });
});
