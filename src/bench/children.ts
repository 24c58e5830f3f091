// What the bench runs in fresh processes of their own (`tsx src/bench/main.ts
// --child KIND ...`), each printing one JSON line: a generated run through the
// core, and a bare undici loop over the same requests.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { runConformance } from '../core/runConformance.js';
import { buildRequest, inventedToken } from '../runner/buildRequest.js';
import { generatedProfile } from './generated.js';

export interface ChildReport {
  cases: number;
  requests: number;
  /** The run itself: from the first case to the last. */
  runMs: number;
  /** The run and its report files, from the call of the core to its return. */
  totalMs: number;
  /** Whether every case passed (the target answered each as the contract says). */
  allPassed: boolean;
  /** The process's peak resident set, in KiB. */
  peakRssKiB?: number;
}

/** `count` generated cases through runConformance, results.json and junit.xml into `reports`. */
async function generatedRun(count: number, concurrency: number, target: string, reports: string) {
  const profile = generatedProfile(count);
  const started = performance.now();
  const { runs, reportError } = await runConformance({
    profiles: [profile],
    target,
    discover: false,
    concurrency,
    timeoutMs: 30_000,
    selection: {},
    assume: [],
    auth: { main: {}, second: {} },
    reportsDir: reports,
    reporters: ['json', 'junit'],
  });
  if (reportError) throw new Error(reportError);
  const [run] = runs;
  const report: ChildReport = {
    cases: run.cases.length,
    requests: run.cases.reduce((n, c) => n + c.exchanges.length, 0),
    runMs: run.durationMs,
    totalMs: performance.now() - started,
    allPassed: run.summary.passed === run.cases.length,
  };
  return report;
}

/** The probes of the same generated run, built by conform's own request builder, sent by undici alone. */
async function bareLoop(count: number, concurrency: number, target: string) {
  const { catalog, suite } = generatedProfile(count);
  const ctx = { catalog, target, credentials: {}, invalidToken: inventedToken() };
  const requests = suite.scenarios.map((s) =>
    buildRequest(s.probe, 'json', {
      ...ctx,
      vars: { tenant: 'conform', runId: 'bench', uuid: randomUUID(), name: s.id },
    }),
  );
  const agent = new Agent({ connections: concurrency, keepAliveTimeout: 10_000 });
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < requests.length) {
      const r = requests[next++];
      const res = await request(r.url, {
        dispatcher: agent,
        method: r.method as 'GET',
        headers: r.headers,
        body: r.body,
      });
      await res.body.text();
      if (res.statusCode !== 420) failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const runMs = performance.now() - started;
  await agent.close();
  const report: ChildReport = { cases: count, requests: count, runMs, totalMs: runMs, allPassed: failed === 0 };
  return report;
}

/** Runs the child the arguments name and prints its report. */
export async function runChild(args: string[]): Promise<void> {
  const [kind, count, concurrency, target, reports] = args;
  const report =
    kind === 'generated'
      ? await generatedRun(Number(count), Number(concurrency), target, reports)
      : await bareLoop(Number(count), Number(concurrency), target);
  process.stdout.write(`${JSON.stringify({ ...report, peakRssKiB: process.resourceUsage().maxRSS })}\n`);
}
