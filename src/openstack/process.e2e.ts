// The process plumbing on plain shell processes (no OpenStack needed).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertPortFree,
  findFreePort,
  groupMembers,
  isRunning,
  makeTempDir,
  removeTempDir,
  runToCompletion,
  startServiceProcess,
  tailOfFile,
  waitUntilReady,
  type ServiceProcess,
} from './process.js';

const isLinux = process.platform === 'linux';
const dirs: string[] = [];
const started: ServiceProcess[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.stop()));
  dirs.splice(0).forEach(removeTempDir);
});

function tempLog(): string {
  const dir = makeTempDir('conform-process-test-');
  dirs.push(dir);
  return join(dir, 'out.log');
}

function shell(script: string, logFile: string): ServiceProcess {
  const service = startServiceProcess({ name: 'sh', command: '/bin/sh', args: ['-c', script], logFile });
  started.push(service);
  return service;
}

describe.runIf(isLinux)('process plumbing', () => {
  it('finds a free loopback port and notices a busy one', async () => {
    const port = await findFreePort();
    await expect(assertPortFree(port)).resolves.toBeUndefined();
    const server = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      await expect(assertPortFree(port)).rejects.toThrow(/not free/);
    } finally {
      server.close();
    }
  });

  it('stop() ends the whole process group, children included', async () => {
    const service = shell('sleep 60 & sleep 60 & wait', tempLog());
    await expect.poll(() => groupMembers(service.pid).length).toBe(3);
    const members = groupMembers(service.pid);
    await service.stop();
    expect(groupMembers(service.pid)).toEqual([]);
    // Orphaned children may linger as zombies until init reaps them: dead all the same.
    for (const pid of members) expect(isRunning(pid)).toBe(false);
    expect(service.exited()).toBe(true);
  });

  it('stop() falls back to SIGKILL when SIGTERM is ignored', async () => {
    const service = shell('trap "" TERM; echo armed; while :; do sleep 0.1; done', tempLog());
    await expect.poll(() => tailOfFile(service.logFile)).toContain('armed');
    const startedAt = Date.now();
    await service.stop(500);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(500);
    expect(groupMembers(service.pid)).toEqual([]);
  });

  it('waitUntilReady fails early, with the log tail, when the service dies', async () => {
    const service = shell('echo "boom: cannot start"; exit 3', tempLog());
    await expect(
      waitUntilReady({ what: 'the shell', service, timeoutMs: 10_000, probe: async () => false }),
    ).rejects.toThrow(/the shell exited before it was ready[\s\S]*boom: cannot start/);
  });

  it('waitUntilReady gives up after its timeout with the last problem', async () => {
    const service = shell('sleep 60', tempLog());
    await expect(
      waitUntilReady({
        what: 'the sleeper',
        service,
        timeoutMs: 300,
        intervalMs: 50,
        probe: async () => {
          throw new Error('connection refused');
        },
      }),
    ).rejects.toThrow(/the sleeper not ready after 0 s \(connection refused\)/);
  });

  it('runToCompletion reports the failing step with its output', async () => {
    const logFile = tempLog();
    writeFileSync(logFile, 'earlier line\n');
    await expect(
      runToCompletion({ name: 'setup step', command: '/bin/sh', args: ['-c', 'echo bad config >&2; exit 2'], logFile }),
    ).rejects.toThrow(/setup step failed \(exit 2\)[\s\S]*bad config/);
  });
});
