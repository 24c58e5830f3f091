// The verdicts of a run, made here and nowhere else: a case's state from
// what its steps found, and whether the target as a whole could be tested.
import type { Format } from '../model/catalog.js';
import type { CaseFields, CaseResult, CaseState, CheckResult, RunSummary } from '../model/result.js';
import type { Scenario } from '../model/scenario.js';
import { isUnavailable } from '../http/status.js';

/** What a case's steps found besides its checks. */
export interface CaseFindings {
  checks: CheckResult[];
  /** A request could not be sent or answered. */
  errored?: string;
  /** Nothing wrong, but the scenario's rule was not exercised. */
  inconclusive?: string;
}

/** A finding stands even if something later could not be sent; then an error; then a rule not exercised. */
export function caseState({ checks, errored, inconclusive }: CaseFindings): Exclude<CaseState, 'waived'> {
  if (checks.some((c) => c.state === 'failed')) return 'failed';
  if (errored) return 'errored';
  if (inconclusive) return 'skipped';
  return 'passed';
}

/** The case as a result: its state, with the reason a case in that state gives. */
export function caseResult(fields: CaseFields, findings: CaseFindings, reason?: string): CaseResult {
  const state = caseState(findings);
  if (state === 'passed') return { ...fields, state };
  if (state === 'failed') return { ...fields, state, ...(reason ? { reason } : {}) };
  return { ...fields, state, reason: reason ?? 'no reason was recorded' };
}

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
    ...(scenario.indistinguishableFrom ? { indistinguishableFrom: scenario.indistinguishableFrom.faults } : {}),
    checks: [],
    exchanges: [],
    durationMs: 0,
  };
}

export function summarize(cases: CaseResult[]): RunSummary {
  const count = (state: CaseState) => cases.filter((c) => c.state === state).length;
  return {
    total: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('errored'),
    skipped: count('skipped'),
    waived: count('waived'),
  };
}

/**
 * Why the target as a whole could not be tested, judged from its cases: every
 * probe that was attempted errored, or every case was skipped (not because the
 * run was interrupted). Undefined when it could be tested.
 */
function untestableReason(cases: CaseResult[], interrupted: boolean): string | undefined {
  const attempted = cases.filter((c) => c.state !== 'skipped');
  if (attempted.length > 0 && attempted.every((c) => c.state === 'errored')) {
    return `every probe errored; first: ${attempted[0].reason}`;
  }
  if (cases.length > 0 && attempted.length === 0 && !interrupted) return 'every case was skipped (see the reasons)';
  return undefined;
}

const header = (headers: Record<string, string>, name: string) =>
  Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

/**
 * Why the run says nothing about the contract when every answer the target
 * gave was 503, 429 or 413 and not every case passed: the service is
 * unavailable or limiting requests. Undefined otherwise.
 */
export function unavailability(cases: CaseResult[]): string | undefined {
  const answers = cases.flatMap((c) => c.exchanges.flatMap((e) => (e.response ? [e.response] : [])));
  if (answers.length === 0 || cases.every((c) => c.state === 'passed')) return undefined;
  if (!answers.every((r) => isUnavailable(r.status))) return undefined;
  const statuses = [...new Set(answers.map((r) => r.status))].sort().join(', ');
  const retryAfter = answers.map((r) => header(r.headers, 'retry-after')).find((v) => v !== undefined);
  const retry = retryAfter !== undefined ? ` with Retry-After: ${retryAfter}` : '';
  return (
    `every answer was ${statuses}${retry}: the service is unavailable or limiting requests, ` +
    'so its contract could not be tested (try again later)'
  );
}

/**
 * The run's verdict on the target as a whole, from its cases: a target that
 * was unavailable throughout has its judged cases errored with that reason,
 * not failed once per case — unless the profile documents those statuses as
 * faults expected in all requests (`documented`): then each answer was held
 * to that fault, and a broken one is a finding. Otherwise the untestable
 * reason, if any.
 */
export function judgeRun(
  cases: CaseResult[],
  interrupted: boolean,
  documented: (status: number) => boolean = () => false,
): { cases: CaseResult[]; targetError?: string } {
  const untestable = untestableReason(cases, interrupted);
  const unavailable = unavailability(cases);
  if (!unavailable) return { cases, targetError: untestable };
  const statuses = cases.flatMap((c) => c.exchanges.flatMap((e) => (e.response ? [e.response.status] : [])));
  if (statuses.every(documented)) return { cases, targetError: untestable && `${untestable}: ${unavailable}` };
  const errored = cases.map((c): CaseResult =>
    c.state === 'failed' ? { ...c, state: 'errored', reason: unavailable } : c,
  );
  return { cases: errored, targetError: untestable ? `${untestable}: ${unavailable}` : unavailable };
}
