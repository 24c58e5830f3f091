// What the bench runs in a fresh process of its own (`tsx src/bench/main.ts
// --child bare ...`), printing one JSON line: a bare undici loop over the
// requests of a generated run, built by conform's request builder.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';
import { buildRequest, inventedToken } from '../runner/buildRequest.js';
import { generatedProfile } from './generated.js';

export interface ChildReport {
  cases: number;
  requests: number;
  /** From the first request to the last answer. */
  runMs: number;
  /** Whether every answer was the fault the scenarios expect. */
  allPassed: boolean;
  /** The process's peak resident set, in KiB. */
  peakRssKiB?: number;
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
  const report: ChildReport = { cases: count, requests: count, runMs, allPassed: failed === 0 };
  return report;
}

/** Runs the child the arguments name and prints its report. */
export async function runChild(args: string[]): Promise<void> {
  const [kind, count, concurrency, target] = args;
  if (kind !== 'bare') throw new Error(`no child ${kind}`);
  const report = await bareLoop(Number(count), Number(concurrency), target);
  process.stdout.write(`${JSON.stringify({ ...report, peakRssKiB: process.resourceUsage().maxRSS })}\n`);
}
