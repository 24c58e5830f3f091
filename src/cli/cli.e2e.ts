import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliClean as runCli, spawnCli } from '../testing/cli.js';
import { expectValidResults } from '../testing/results.js';
import { tempDir } from '../testing/tmp.js';

const tmp = () => tempDir('cli');

describe('conform CLI', () => {
  it('runs the main job as a process on the embedded target: every scenario passes, reports are written', async () => {
    const reports = tmp();
    const run = await spawnCli(['--reports', reports]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        /quantum-v1\.0 against embedded reference target http:\/\/127\.0\.0\.1:\d+: /.source +
          /56 cases, 56 passed, 0 failed, 0 errored, 0 skipped/.source,
      ),
    );
    const junit = fs.readFileSync(path.join(reports, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(56);
    const results = expectValidResults(reports) as { runs: { summary: object }[] };
    expect(results.runs[0].summary).toMatchObject({ total: 56, passed: 56 });
  });

  it('lists at least 20 scenarios, covering all ten documented faults in JSON and XML', async () => {
    const run = await runCli(['list']);
    expect(run.code).toBe(0);
    const scenarios = run.stdout.split('\n').filter((l) => /^\S+ {2}\[json, xml\]/.test(l));
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
    expect(run.stdout).toMatch(/faults covered: 10\/10\n/);
    for (const fault of [
      'badRequest',
      'unauthorized',
      'forbidden',
      'itemNotFound',
      'networkNotFound',
      'networkInUse',
      'portNotFound',
      'requestedStateInvalid',
      'portInUse',
      'alreadyAttached',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`expect: \\d{3} ${fault}\\n`));
    }
  });

  it('--dry-run sends nothing and says so', async () => {
    const run = await runCli(['--target', 'http://127.0.0.1:9', '--dry-run', '--only', 'network.*']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/dry run: nothing is sent/);
    expect(run.stdout).toMatch(/probe: GET \/v1\.0\/tenants\/\{tenant\}\/networks\/\{uuid\}/);
  });

  it('exits 2 on a bad flag with one line naming it, not the whole help (as a process)', async () => {
    const run = await spawnCli(['--bogus-flag']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conform: unknown option --bogus-flag (conform --help lists them)\n');
    expect(run.stdout).toBe('');
  });

  it('exits 2 on a bad value, naming it', async () => {
    for (const [args, message] of [
      [['--target', 'not a url'], /--target 'not a url' needs a scheme: http:\/\/not a url/],
      [['--target', 'http://admin:hunter2@exa mple.com'], /--target 'http:\/\/…@exa mple\.com' is not a URL/],
      [['--concurrency', '0'], /--concurrency needs a whole number of at least 1/],
      [['--profile', 'nova-v9'], /unknown profile 'nova-v9'/],
      [['--format', 'yaml'], /Invalid values/],
    ] as const) {
      const run = await runCli([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('exits 2 before sending anything when the reports cannot be written', async () => {
    const file = path.join(tmp(), 'a-file');
    fs.writeFileSync(file, '');
    const run = await runCli(['--reports', path.join(file, 'reports')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--reports .*a-file\/reports: cannot write reports there \(ENOTDIR\)/);
    expect(run.stdout).toBe('');
  });

  it('a target that answers HTML to everything: non-conformance, diagnosed, exit 1', async () => {
    const html = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>It works!</body></html>');
    });
    await new Promise<void>((r) => html.listen(0, '127.0.0.1', r));
    const port = (html.address() as net.AddressInfo).port;
    const run = await runCli(['--target', `http://127.0.0.1:${port}`, '--reports', tmp()]);
    html.close();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\[status\] probe: expected 420 \(networkNotFound\), got 200/);
    expect(run.stdout).toMatch(/\[setup-response\] network: the answer to network.create has no \/network\/id/);
  });

  it('says so when the target redirects, since conform does not follow redirects', async () => {
    const moved = http.createServer((_req, res) => {
      res.writeHead(301, { location: 'https://elsewhere.example/v2.0/' });
      res.end();
    });
    await new Promise<void>((r) => moved.listen(0, '127.0.0.1', r));
    const port = (moved.address() as net.AddressInfo).port;
    const run = await runCli([
      '--target',
      `http://127.0.0.1:${port}`,
      '--only',
      'network.show.missing',
      '--reports',
      tmp(),
    ]);
    moved.close();
    expect(run.stderr).toMatch(
      new RegExp(
        /conform: note: http:\/\/127\.0\.0\.1:\d+ redirects to https:\/\/elsewhere\.example\/v2\.0\/ \(301\); /.source +
          /conform does not follow redirects/.source,
      ),
    );
    expect(run.code).toBe(1);
  });

  it('exits 3 with a one-line reason when the target refuses connections', async () => {
    const run = await runCli(['--target', 'http://127.0.0.1:9', '--reports', tmp()]);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^conform: http:\/\/127\.0\.0\.1:9 could not be tested: connection refused by 127\.0\.0\.1:9$/,
      ),
    ]);
  });

  const silent = net.createServer(() => {});
  afterAll(() => silent.close());

  it('exits 3 within the timeout when the target accepts connections but never answers', async () => {
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const run = await runCli(['--target', `http://127.0.0.1:${port}`, '--timeout', '400', '--reports', tmp()]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(new RegExp(`no answer from 127\\.0\\.0\\.1:${port} within 400 ms`));
    expect(run.ms).toBeLessThan(5_000);
  });

  it('exits 3 when the target answers something that is not HTTP', async () => {
    const garbage = net.createServer((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n'));
    await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', r));
    const port = (garbage.address() as net.AddressInfo).port;
    const run = await runCli(['--target', `http://127.0.0.1:${port}`, '--timeout', '1000', '--reports', tmp()]);
    garbage.close();
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/could not be tested: /);
  });
});
