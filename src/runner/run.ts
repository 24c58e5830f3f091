import type { CaseResult, RunNote, RunResult } from '../model/result.js';
import type { Selection } from '../model/selection.js';
import { faultsExpectedInAllRequests } from '../catalog/load.js';
import { faultCoverage } from './coverage.js';
import type { RunEnvironment } from './environment.js';
import { planCases } from './plan.js';
import { mapConcurrent } from './pool.js';
import { CheckTable, outlined } from './outline.js';
import { runCase } from './runCase.js';
import { RunStop, stopReason } from './stop.js';
import { caseNotRun, judgeRun, summarize } from './verdict.js';
import { TOOL } from '../version.js';

export interface RunOptions {
  concurrency: number;
  embeddedTarget: boolean;
  selection?: Selection;
  /** What the run has told the user so far; they go into the result. */
  notes?: RunNote[];
  /** Called as each case finishes, with the case whole: progress for the console, the report files. */
  onCase?: (result: CaseResult) => void;
  /** Keep the exchanges of passing cases whole in the result (default: their outline, see outlined). */
  keepExchanges?: boolean;
  /** Once aborted, the run stops (see RunStop); used when the environment brings no RunStop of its own. */
  signal?: AbortSignal;
}

/** Runs the planned cases concurrently (steps within a case stay in order) and returns the run as data. */
export async function runSuite(env: RunEnvironment, options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const started = performance.now();
  const plan = planCases(env.profile, options.selection);
  if (plan.some((c) => c.format === 'xml')) await env.profile.xsd?.load?.();
  const stop = env.stop ?? new RunStop();
  if (!env.stop) stop.follow(options.signal);
  const checks = new CheckTable();
  const ran = await mapConcurrent(plan, options.concurrency, async ({ scenario, format }) => {
    if (stop.cause)
      return caseNotRun(scenario, format, 'skipped', `${stopReason(stop.cause)} before this case started`);
    const result = await runCase({ ...env, stop }, scenario, format);
    options.onCase?.(result);
    return options.keepExchanges ? result : outlined(checks.shareIn(result));
  });
  if (!env.stop) stop.dispose();
  const documented = (status: number) => faultsExpectedInAllRequests(env.profile.catalog, status).length > 0;
  const { cases, targetError } = judgeRun(ran, stop.cause !== undefined, documented);
  return {
    tool: TOOL,
    runId: env.runId,
    ...(options.selection?.shard ? { shard: options.selection.shard } : {}),
    profile: env.profile.catalog.profile,
    target: env.target,
    embeddedTarget: options.embeddedTarget,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    ...(targetError ? { targetError } : {}),
    ...(stop.cause ? { interrupted: true, stoppedBy: stop.cause } : {}),
    notes: options.notes ?? [],
    cases,
    summary: summarize(cases),
    coverage: faultCoverage(env.profile.catalog, cases),
  };
}
