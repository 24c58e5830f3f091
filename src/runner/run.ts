import type { Format } from '../model/catalog.js';
import type { CaseResult, RunResult, RunSummary } from '../model/result.js';
import type { Scenario } from '../model/scenario.js';
import { faultCoverage } from './coverage.js';
import type { RunEnvironment } from './environment.js';
import { mapConcurrent } from './pool.js';
import { runCase } from './runCase.js';
import { TOOL } from '../version.js';

export interface PlannedCase {
  scenario: Scenario;
  format: Format;
}

export interface Selection {
  formats?: Format[];
  /** Scenario ids, or prefixes ending in `*`. */
  only?: string[];
}

function selected(id: string, only?: string[]): boolean {
  if (!only || only.length === 0) return true;
  return only.some((p) => (p.endsWith('*') ? id.startsWith(p.slice(0, -1)) : id === p));
}

/** Every case a run will execute: each selected scenario in each of its formats. */
export function planCases(env: Pick<RunEnvironment, 'profile'>, selection: Selection = {}): PlannedCase[] {
  const { catalog, suite } = env.profile;
  return suite.scenarios
    .filter((s) => selected(s.id, selection.only))
    .flatMap((scenario) =>
      (scenario.formats ?? catalog.formats)
        .filter((f) => !selection.formats || selection.formats.includes(f))
        .map((format) => ({ scenario, format })),
    );
}

export function summarize(cases: CaseResult[]): RunSummary {
  const count = (state: CaseResult['state']) => cases.filter((c) => c.state === state).length;
  return {
    total: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('errored'),
    skipped: count('skipped'),
  };
}

export interface RunOptions {
  concurrency: number;
  embeddedTarget: boolean;
  selection?: Selection;
  /** Called as each case finishes: progress for the console. */
  onCase?: (result: CaseResult) => void;
  /** Once aborted, no new case starts; cases under way finish, cleanups included. */
  signal?: AbortSignal;
}

const INTERRUPTED = 'the run was interrupted before this case started';

/** A planned case that was never started, with the reason. */
export function caseNotRun(
  scenario: Scenario,
  format: Format,
  state: 'skipped' | 'errored',
  reason: string,
): CaseResult {
  return {
    id: `${scenario.id}[${format}]`,
    scenario: scenario.id,
    title: scenario.title,
    format,
    state,
    reason,
    ...('fault' in scenario.expect ? { expectedFault: scenario.expect.fault } : {}),
    checks: [],
    exchanges: [],
    durationMs: 0,
  };
}

/** Runs the planned cases concurrently (steps within a case stay in order) and returns the run as data. */
export async function runSuite(env: RunEnvironment, options: RunOptions): Promise<RunResult> {
  const startedAt = new Date();
  const started = performance.now();
  const plan = planCases(env, options.selection);
  const cases = await mapConcurrent(plan, options.concurrency, async ({ scenario, format }) => {
    if (options.signal?.aborted) return caseNotRun(scenario, format, 'skipped', INTERRUPTED);
    const result = await runCase(env, scenario, format);
    options.onCase?.(result);
    return result;
  });
  const summary = summarize(cases);
  const attempted = cases.filter((c) => c.state !== 'skipped');
  const targetError =
    attempted.length > 0 && attempted.every((c) => c.state === 'errored')
      ? `every probe errored; first: ${attempted[0].reason}`
      : cases.length > 0 && attempted.length === 0 && !options.signal?.aborted
        ? 'every case was skipped (see the reasons)'
        : undefined;
  return {
    tool: TOOL,
    runId: env.runId,
    profile: env.profile.catalog.profile,
    target: env.target,
    embeddedTarget: options.embeddedTarget,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    ...(targetError ? { targetError } : {}),
    ...(options.signal?.aborted ? { interrupted: true } : {}),
    cases,
    summary,
    coverage: faultCoverage(env.profile.catalog, cases),
  };
}
