// A run stopped from outside, as a CI job stops it: SIGTERM (a cancelled job,
// `timeout`, `docker stop`), --deadline, and a stdout closed early (`| head -1`).
// Each time the reports are written and nothing the run created is left.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, type TestContext } from 'vitest';
import type { RunResult } from '../model/result.js';
import { serveReference } from '../targets/common/server.js';
import type { Reply } from '../targets/common/types.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import { blankAuthEnv } from '../testing/env.js';
import { expectValidResults } from '../testing/results.js';
import { tempDir } from '../testing/tmp.js';

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const SCENARIOS = ['network.delete.in-use', 'attachment.plug.port-in-use', 'port.*', 'network.show.missing'];

/** The quantum reference, holding its fault answers back `faultDelayMs`; counts what it was asked to create. */
async function target(faultDelayMs: number, ctx: TestContext) {
  const app = new QuantumApp();
  const seen = { creates: 0 };
  const t = await serveReference({
    namespace: app.namespace,
    faultDoc: (r, f) => app.faultDoc(r, f),
    handle: async (req): Promise<Reply> => {
      if (req.method === 'POST') seen.creates++;
      const reply = await app.handle(req);
      if (reply.kind === 'fault') await new Promise((r) => setTimeout(r, faultDelayMs).unref());
      return reply;
    },
  });
  ctx.onTestFinished(() => t.close());
  const left = async () => {
    const res = await fetch(`${t.url}/v1.0/tenants/conform/networks`, { headers: { accept: 'application/json' } });
    return ((await res.json()) as { networks: unknown[] }).networks;
  };
  return { url: t.url, seen, left };
}

interface Child {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The CLI as a child process; `whileRunning` may signal it or close its stdout. */
function conform(args: string[], whileRunning: (child: ReturnType<typeof spawn>) => void = () => {}) {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, ...blankAuthEnv(), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  whileRunning(child);
  return new Promise<Child>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started })),
  );
}

const results = (dir: string): { runs: RunResult[] } => expectValidResults(dir) as { runs: RunResult[] };

const until = async (ready: () => boolean) => {
  const limit = Date.now() + 20_000;
  while (!ready() && Date.now() < limit) await new Promise((r) => setTimeout(r, 20));
};

describe.concurrent('a run stopped from outside', () => {
  it('SIGTERM mid-run: the cases under way clean up, the reports are written, exit 143', async (ctx) => {
    const t = await target(1_500, ctx);
    const reports = tempDir('stop-sigterm');
    const run = await conform(
      ['--target', t.url, '--only', ...SCENARIOS, '--concurrency', '2', '--reports', reports],
      (child) => void until(() => t.seen.creates > 0).then(() => child.kill('SIGTERM')),
    );
    expect(run.code, run.stderr).toBe(143);
    expect(run.stderr).toMatch(/^conform: note: SIGTERM: stopping: no new case starts; /m);
    const [written] = results(reports).runs;
    expect(written).toMatchObject({ interrupted: true, stoppedBy: 'SIGTERM' });
    expect(written.cases.some((c) => c.reason === 'the run was stopped (SIGTERM) before this case started')).toBe(true);
    expect(fs.existsSync(path.join(reports, 'junit.xml'))).toBe(true);
    expect(await t.left()).toEqual([]);
    expect(run.ms).toBeLessThan(15_000);
  });

  it('SIGTERM and --deadline during the pre-flight, against a target that never answers: 143, 124', async (ctx) => {
    let connected = 0;
    const silent = net.createServer(() => void connected++);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    ctx.onTestFinished(() => void silent.close());
    const url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
    const reports = tempDir('stop-preflight');
    // Once the pre-flight's request is under way.
    const term = await conform(['--target', url, '--timeout', '30000', '--reports', reports], (child) => {
      void until(() => connected > 0).then(() => child.kill('SIGTERM'));
    });
    expect(term.code, term.stderr).toBe(143);
    expect(results(reports).runs[0]).toMatchObject({ interrupted: true, stoppedBy: 'SIGTERM' });
    expect(results(reports).runs[0].cases.every((c) => c.state === 'skipped')).toBe(true);
    const lateArgs = ['--target', url, '--timeout', '30000', '--deadline', '1'];
    const late = await conform([...lateArgs, '--reports', tempDir('stop-preflight-deadline')]);
    expect(late.code, late.stderr).toBe(124);
    // Well before the 30 s timeout of the pre-flight's request.
    expect(term.ms).toBeLessThan(15_000);
    expect(late.ms).toBeLessThan(15_000);
  });

  it('--deadline against a target that stalls on faults: cut, cleaned up, reported, exit 124', async (ctx) => {
    const t = await target(60_000, ctx);
    const reports = tempDir('stop-deadline');
    const args = ['--target', t.url, '--only', ...SCENARIOS, '--timeout', '30000', '--reports', reports];
    const run = await conform([...args, '--deadline', '2']);
    expect(run.code, run.stderr).toBe(124);
    expect(run.stderr).toMatch(/^conform: note: the run's deadline passed: no new case starts; /m);
    const [written] = results(reports).runs;
    expect(written).toMatchObject({ interrupted: true, stoppedBy: 'deadline' });
    expect(
      written.cases.some((c) => /^the run's deadline passed while the probe was under way/.test(c.reason ?? '')),
    ).toBe(true);
    expect(await t.left()).toEqual([]);
    // 2 s, then 3 s for the cases under way, then their cleanups (quick here), and the process start.
    expect(run.ms).toBeLessThan(20_000);
  });

  it('stdout closed after the first line (`| head -1`): the run goes on quietly, cleans up, reports', async (ctx) => {
    const t = await target(0, ctx);
    const reports = tempDir('stop-epipe');
    const run = await conform(['--target', t.url, '--only', ...SCENARIOS, '--verbose', '--reports', reports], (child) =>
      child.stdout!.once('data', () => child.stdout!.destroy()),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(results(reports).runs[0].summary.failed).toBe(0);
    expect(await t.left()).toEqual([]);
  });
});
