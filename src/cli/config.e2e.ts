import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/cli.js';
import { blankAuthEnv, withEnv } from '../testing/env.js';
import { tempDir } from '../testing/tmp.js';

/** A working folder with a conform.yaml of `lines`. */
function project(lines: string[]): string {
  const dir = tempDir('config-e2e');
  fs.writeFileSync(path.join(dir, 'conform.yaml'), `${lines.join('\n')}\n`);
  return dir;
}

const inFolder = (dir: string, args: string[], env: Record<string, string> = {}) =>
  withEnv({ ...blankAuthEnv(), ...env }, () => runCli(args, dir));

const CI_FILE = [
  '# the run of this project',
  'profile: quantum-v1.0',
  'concurrency: ${CONCURRENCY:-2}',
  'timeout: 5000',
  'reports: ${REPORTS}',
  'format: json',
  'only: ["network.*"]',
  'os-auth-url: ${AUTH_URL:-http://127.0.0.1:1/v3}',
  'token: ${MY_TOKEN}',
];

describe('conform.yaml drives the CLI', () => {
  it('a run with no flags: the file, its ${VAR}s substituted, chooses profile, selection and reports', async () => {
    const dir = project(CI_FILE.filter((l) => !l.startsWith('token') && !l.startsWith('os-')));
    const run = await inFolder(dir, [], { REPORTS: 'out/reports' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/quantum-v1\.0 against embedded reference target http:\/\/127\.0\.0\.1:\d+: /);
    // The reports folder is the file's, relative to the file's folder.
    const results = JSON.parse(fs.readFileSync(path.join(dir, 'out/reports/results.json'), 'utf8'));
    const cases = results.runs[0].cases as Array<{ scenario: string; format: string; state: string }>;
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.every((c) => c.format === 'json' && c.scenario.startsWith('network.'))).toBe(true);
    expect(cases.every((c) => c.state === 'passed')).toBe(true);
  });

  it('a flag and a CONFORM_* variable win over the file', async () => {
    const dir = project(['only: ["port.*"]', 'format: xml', 'reports: reports']);
    const run = await inFolder(dir, ['--format', 'json', '--dry-run'], { CONFORM_ONLY: 'network.show.*' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/network\.show\.missing\s+\[json\]/);
    expect(run.stdout).not.toMatch(/port\.|\[xml\]/);
  });

  it('conform config: every setting with where it came from, secrets redacted', async () => {
    const dir = project(CI_FILE);
    const run = await inFolder(dir, ['config', '--tenant', 'demo'], {
      REPORTS: 'r',
      MY_TOKEN: 'tok-0123456789abcdef',
      CONFORM_TIMEOUT: '7000',
      OS_USERNAME: 'alice',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const row = (key: string) =>
      lines
        .find((l) => l.trimStart().startsWith(`${key} `))
        ?.trim()
        .split(/\s{2,}/);
    expect(lines[0]).toBe('configuration file: conform.yaml');
    expect(row('tenant')).toEqual(['tenant', 'demo', '--tenant']);
    expect(row('timeout')).toEqual(['timeout', '7000', 'CONFORM_TIMEOUT']);
    expect(row('concurrency')).toEqual(['concurrency', '2', 'conform.yaml:3 (${CONCURRENCY})']);
    expect(row('reports')).toEqual(['reports', path.join(dir, 'r'), 'conform.yaml:5 (${REPORTS})']);
    expect(row('deadline')).toEqual(['deadline', '(none)', 'default']);
    expect(row('verbose')).toEqual(['verbose', 'false', 'default']);
    expect(row('os-auth-url')).toEqual(['os-auth-url', 'http://127.0.0.1:1/v3', 'conform.yaml:8 (${AUTH_URL})']);
    expect(row('os-username')).toEqual(['os-username', 'alice', 'OS_USERNAME']);
    expect(row('token')).toEqual(['token', '[REDACTED]', 'conform.yaml:9 (${MY_TOKEN})']);
    expect(run.stdout).not.toContain('tok-0123456789abcdef');
  });

  it('conform config without a file says so', async () => {
    const run = await inFolder(tempDir('config-e2e'), ['config']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^configuration file: none \(no conform\.yaml here, no --config\)\n/);
    expect(run.stdout).toMatch(/\n {2}concurrency +4 +default\n/);
  });

  it('a bad file is one line on stderr naming file, line and key, exit 2, and nothing runs', async () => {
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['tagret: http://h'], {}, "conform: conform.yaml:1: unknown key 'tagret'; did you mean 'target'?"],
      [['concurrency: [1, 2]'], {}, "conform: conform.yaml:1: 'concurrency' must be one value"],
      [['', 'os-password: hunter2'], {}, "conform: conform.yaml:2: 'os-password' is a secret"],
      [['target: ${NOPE}'], {}, "conform: conform.yaml:1: 'target' refers to ${NOPE}, which is not set"],
      [['profile: [a'], {}, 'conform: conform.yaml:2: not valid YAML'],
      [
        ['timeout: ${T}'],
        { T: 'x' },
        "conform: conform.yaml:1 (${T}): --timeout needs a whole number of at least 1, got 'x'",
      ],
    ];
    for (const [lines, env, start] of cases) {
      const dir = project(lines);
      const run = await inFolder(dir, ['--reports', path.join(dir, 'reports')], env);
      expect(run.code, lines.join('|')).toBe(2);
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr.startsWith(start), run.stderr).toBe(true);
      expect(run.stderr).not.toContain('hunter2');
      expect(run.stdout).toBe('');
      expect(fs.existsSync(path.join(dir, 'reports'))).toBe(false);
    }
  });

  it('--config names the file: a missing one is an error, a missing conform.yaml in the folder is not', async () => {
    const dir = tempDir('config-e2e');
    const missing = await inFolder(dir, ['--config', 'ci/conform.yaml', '--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('conform: --config names ci/conform.yaml, which does not exist\n');
    fs.mkdirSync(path.join(dir, 'ci'));
    fs.writeFileSync(path.join(dir, 'ci/conform.yaml'), 'only: network.show.missing\nformat: xml\n');
    const given = await inFolder(dir, ['--config', 'ci/conform.yaml', '--dry-run']);
    expect(given.code).toBe(0);
    expect(given.stdout).toMatch(/network\.show\.missing\s+\[xml\]/);
    const none = await inFolder(dir, ['--dry-run', '--only', 'network.show.missing']);
    expect(none.code).toBe(0);
  });
});
