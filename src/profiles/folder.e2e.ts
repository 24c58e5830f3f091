import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyProfile } from '../testing/profileFolder.js';
import { spawnCli } from '../testing/cli.js';
import { tempDir } from '../testing/tmp.js';
import { startEmbedded, type EmbeddedTarget } from '../targets/embedded.js';

const started: EmbeddedTarget[] = [];
afterAll(async () => {
  await Promise.all(started.map((t) => t.close()));
});

describe('conform --profile ./folder', () => {
  it('runs a profile folder outside the package against a target: every case passes, as built in', async () => {
    const work = tempDir('folder-run');
    copyProfile(work, 'keystone-v3', 'my-identity');
    const target = (await startEmbedded('keystone-v3', 'conform'))!;
    started.push(target);
    const reports = path.join(work, 'reports');
    const run = await spawnCli(
      [
        '--profile',
        './my-identity',
        '--target',
        target.url,
        '--token',
        target.credentials.main,
        '--second-token',
        target.credentials.second,
        '--assume',
        'auth',
        'admin',
        '--reports',
        reports,
      ],
      {},
      work,
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/keystone-v3 against http:\/\/127\.0\.0\.1:\d+: (\d+) cases, \1 passed, 0 failed/);
    expect(run.code).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(reports, 'results.json'), 'utf8'));
    expect(results.runs[0].cases.length).toBeGreaterThan(10);
  });

  it('a mistake in the folder: one line naming the file, the pointer and the rule; exit 2, nothing sent', async () => {
    const work = tempDir('folder-bad');
    copyProfile(work, 'quantum-v1.0', 'api');
    const suite = path.join(work, 'api', 'suites', 'networks.json');
    const data = JSON.parse(fs.readFileSync(suite, 'utf8'));
    data.scenarios[0].expect = { fault: 'networkNotFuond' };
    fs.writeFileSync(suite, JSON.stringify(data));
    const run = await spawnCli(['--profile', './api', '--target', 'http://127.0.0.1:9'], {}, work);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        /^conform: api\/suites\/networks\.json: \/scenarios\/0\/expect\/fault expects unknown fault 'networkNotFuond'/,
      ),
    ]);
  });

  it('a missing folder, and a folder without --target: one line each, exit 2', async () => {
    const work = tempDir('folder-missing');
    const missing = await spawnCli(['--profile', './nowhere', '--target', 'http://127.0.0.1:9'], {}, work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^conform: profile folder nowhere does not exist \(a profile folder holds/);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    copyProfile(work, 'keystone-v3', 'idp');
    const untargeted = await spawnCli(['--profile', './idp'], {}, work);
    expect(untargeted.code).toBe(2);
    expect(untargeted.stderr.trimEnd()).toMatch(
      /^conform: the profile folder .*idp has no embedded reference target: give --target URL; nothing was run$/,
    );
  });

  it('conform.yaml names a profile folder relative to itself', async () => {
    const work = tempDir('folder-config');
    copyProfile(work, 'quantum-v1.0', 'api');
    fs.writeFileSync(path.join(work, 'conform.yaml'), 'profile: [./api]\ntarget: http://127.0.0.1:9\n');
    const elsewhere = path.join(work, 'sub');
    fs.mkdirSync(elsewhere);
    const run = await spawnCli(['--dry-run', '--config', '../conform.yaml'], {}, elsewhere);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/quantum-v1\.0 at http:\/\/127\.0\.0\.1:9: /);
  });
});
