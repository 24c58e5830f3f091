// A target that answers 503 to everything is said once, on the console and in
// the reports: no row per case, no diagnoses, no coverage table of "not triggered".
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliClean as runCli } from '../testing/cli.js';
import { tempDir } from '../testing/tmp.js';

describe('a target unavailable throughout', () => {
  it('is one line and a short summary on the console and in report.md, exit 3', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(503, { 'retry-after': '7', 'content-type': 'text/plain' });
      res.end('down for maintenance');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const reports = tempDir('unavailable');
    try {
      const run = await runCli(['--target', target, '--reporter', 'console', 'markdown', '--reports', reports]);
      expect(run.code, run.stdout + run.stderr).toBe(3);
      expect(run.stderr).toMatch(/could not be tested: every answer was 503 with Retry-After: 7: /);
      expect(run.stdout).not.toMatch(/^(FAIL|ERR )/m);
      expect(run.stdout).not.toMatch(/Diagnoses|Fault coverage/);
      expect(run.stdout.trim().split('\n').length).toBeLessThan(8);
      const md = fs.readFileSync(path.join(reports, 'report.md'), 'utf8');
      expect(md).toMatch(/every answer was 503 with Retry-After: 7/);
      expect(md).not.toMatch(/network\.show\.missing/);
    } finally {
      server.close();
    }
  });
});
