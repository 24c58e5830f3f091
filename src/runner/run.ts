import type { CaseResult, RunNote, RunResult } from '../model/result.js';
import type { Selection } from '../model/selection.js';
import { faultCoverage } from './coverage.js';
import type { RunEnvironment } from './environment.js';
import { planCases } from './plan.js';
import { mapConcurrent } from './pool.js';
import { runCase } from './runCase.js';
import { caseNotRun, summarize, untestableReason } from './verdict.js';
import { TOOL } from '../version.js';

export interface RunOptions {
  concurrency: number;
  embeddedTarget: boolean;
  selection?: Selection;
  /** What the run has told the user so far; they go into the result. */
  notes?: RunNote[];
  /** Called as each case finishes: progress for the console. */
  onCase?: (result: CaseResult) => void;
  /** Once aborted, no new case starts; cases under way finish, cleanups included. */
  signal?: AbortSignal;
}

const INTERRUPTED = 'the run was interrupted before this case started';

/** Runs the planned cases concurrently (steps within a case stay in order) and returns the run as data. */
export async function runSuite(env: RunEnvironment, options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const started = performance.now();
  const plan = planCases(env.profile, options.selection);
  const cases = await mapConcurrent(plan, options.concurrency, async ({ scenario, format }) => {
    if (options.signal?.aborted) return caseNotRun(scenario, format, 'skipped', INTERRUPTED);
    const result = await runCase(env, scenario, format);
    options.onCase?.(result);
    return result;
  });
  const interrupted = options.signal?.aborted === true;
  const targetError = untestableReason(cases, interrupted);
  return {
    tool: TOOL,
    runId: env.runId,
    profile: env.profile.catalog.profile,
    target: env.target,
    embeddedTarget: options.embeddedTarget,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    ...(targetError ? { targetError } : {}),
    ...(interrupted ? { interrupted: true } : {}),
    notes: options.notes ?? [],
    cases,
    summary: summarize(cases),
    coverage: faultCoverage(env.profile.catalog, cases),
  };
}
