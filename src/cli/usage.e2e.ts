// Values that cannot make a useful run are usage errors (exit 2), found before
// anything runs: no case is sent, no report is written, nothing is printed on
// stdout. In-process runs; should a check be missing, a run would start.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliClean as runCli, spawnCli } from '../testing/cli.js';
import { tempDir } from '../testing/tmp.js';

/** A reports folder that does not exist yet: a run that started would create it. */
const unborn = () => path.join(tempDir('usage'), 'reports');

async function expectUsageError(args: string[], message: RegExp): Promise<void> {
  const reports = unborn();
  const run = await runCli([...args, '--reports', reports]);
  expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stdout).toBe('');
  expect(fs.existsSync(reports), `${args.join(' ')}: the reports folder was created`).toBe(false);
}

describe('a selection that plans no case', () => {
  it('--only matching no scenario: exit 2, saying so', async () => {
    await expectUsageError(
      ['--only', 'nosuch'],
      new RegExp(
        /^conform: the selection plans no case: no scenario of quantum-v1\.0 matches --only nosuch /.source +
          /\(`conform list --profile quantum-v1\.0` lists them\)$/.source,
        'm',
      ),
    );
    await expectUsageError(
      ['--only', 'nosuch.*', 'other'],
      /no scenario of quantum-v1\.0 matches --only nosuch\.\* other/,
    );
  });

  it('--format the profile does not document: exit 2, naming the formats it does', async () => {
    await expectUsageError(
      ['--format', 'xml', '--profile', 'neutron-v2.0'],
      /^conform: the selection plans no case: neutron-v2\.0 documents only json: --format xml selects none of it$/m,
    );
  });

  it('one profile of several planning nothing is left out, named in a note; the others run', async () => {
    const run = await runCli([
      '--format',
      'xml',
      '--profile',
      'quantum-v1.0',
      'neutron-v2.0',
      '--target',
      'http://127.0.0.1:9',
      '--reports',
      tempDir('usage'),
    ]);
    expect(run.stderr).toMatch(/conform: note: neutron-v2\.0 documents only json.*: neutron-v2\.0 is left out/);
    expect(run.stdout).toMatch(/quantum-v1\.0 against http:\/\/127\.0\.0\.1:9: 28 cases/);
    expect(run.code).toBe(3);
  });

  it('every profile planning nothing is a usage error naming each', async () => {
    await expectUsageError(
      ['--format', 'xml', '--profile', 'neutron-v2.0', 'keystone-v3', '--target', 'http://127.0.0.1:9'],
      /neutron-v2\.0 documents only json.*keystone-v3 documents only json/,
    );
  });

  it('also for a dry run', async () => {
    const run = await runCli(['--dry-run', '--only', 'nosuch']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no scenario of quantum-v1\.0 matches --only nosuch/);
  });

  it('with --discover and no --profile, profiles planning nothing are left out; none left is an error', async () => {
    await expectUsageError(
      [
        '--discover',
        '--format',
        'xml',
        '--os-auth-url',
        'http://127.0.0.1:9/v3',
        '--os-username',
        'u',
        '--os-password',
        'p',
      ],
      new RegExp(
        /the selection plans no case for any profile a service catalog can list: /.source +
          /keystone-v3 documents only json: --format xml selects none of it; neutron-v2\.0 documents only json/.source,
      ),
    );
  });
});

describe('--timeout', () => {
  it('above 2147483647 ms (what Node timers hold): exit 2, for run and cleanup', async () => {
    await expectUsageError(['--timeout', '2147483648'], /--timeout 2147483648 is too long: at most 2147483647 ms/);
    const cleanup = await runCli([
      'cleanup',
      '--target',
      'http://127.0.0.1:9',
      '--profile',
      'neutron-v2.0',
      '--timeout',
      '9999999999',
    ]);
    expect(cleanup.code).toBe(2);
    expect(cleanup.stderr).toMatch(/--timeout 9999999999 is too long/);
  });

  it('2147483647 itself is accepted', async () => {
    const run = await runCli(['--timeout', '2147483647', '--dry-run', '--only', 'network.*']);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('--tenant', () => {
  it("empty, or with '/', '?', '#' or whitespace: exit 2", async () => {
    await expectUsageError(['--tenant', ''], /--tenant '' is empty/);
    for (const bad of ['a/b', 'a?b', 'a#b']) {
      await expectUsageError(
        ['--tenant', bad],
        new RegExp(
          `--tenant '${bad.replace('?', '\\?')}' contains '${bad[1].replace('?', '\\?')}': ` +
            `a tenant id goes into URL paths`,
        ),
      );
    }
    for (const bad of ['a b', 'a\tb', ' ', 'ab\n']) await expectUsageError(['--tenant', bad], /contains whitespace/);
  });

  it('an ordinary id is used as given', async () => {
    const run = await runCli(['--tenant', 'a1b2-c3_d4.e5', '--only', 'network.*', '--reports', unborn()]);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('every built-in profile, and no --target', () => {
  it('runs on its embedded reference target (neutron-v2.0 and keystone-v3 too)', async () => {
    const reports = unborn();
    const run = await runCli(['--profile', 'neutron-v2.0', 'keystone-v3', '--reports', reports]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/neutron-v2\.0 against embedded reference target http:\/\/127\.0\.0\.1:\d+: /);
    expect(run.stdout).toMatch(/keystone-v3 against embedded reference target http:\/\/127\.0\.0\.1:\d+: /);
  });
});

describe('--discover', () => {
  it('with --target: exit 2', async () => {
    await expectUsageError(
      ['--discover', '--target', 'http://127.0.0.1:9'],
      /--discover and --target exclude each other/,
    );
  });

  it('without password credentials: exit 2, saying what it needs', async () => {
    await expectUsageError(['--discover'], /--discover needs password credentials/);
    await expectUsageError(
      ['--discover', '--token', 'tok'],
      new RegExp(
        /--discover finds the endpoints with password credentials; /.source +
          /the main credential is a token \(from the command line\)/.source,
      ),
    );
  });

  it('is in --help, with the other run options (as a process: yargs prints help on the console)', async () => {
    const run = await spawnCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/conform \[--target URL \| --discover\] \[options\]/);
    expect(run.stdout).toMatch(/--discover +Without --target: find the endpoints in the main token's service catalog/);
    expect(run.stdout).toMatch(/--timeout +Per-request timeout, in milliseconds \(at most 2147483647\)/);
    expect(run.stdout).toMatch(/\[choices: "admin", "auth", "rate-limit", "maintenance"\]/);
  });
});

describe('--assume', () => {
  it('takes every assumption the scenarios know, and nothing else', async () => {
    const ok = await runCli([
      '--assume',
      'admin',
      'auth',
      'rate-limit',
      'maintenance',
      '--dry-run',
      '--only',
      'network.*',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    await expectUsageError(
      ['--assume', 'everything'],
      new RegExp(
        /Invalid values:[\s\S]*Argument: assume, Given: "everything", /.source +
          /Choices: "admin", "auth", "rate-limit", "maintenance"/.source,
      ),
    );
  });
});
