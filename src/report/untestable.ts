import type { CaseResult, RunResult, RunSummary } from '../model/result.js';
import { isUnavailable } from '../http/status.js';

/** A case whose every answer said the service is unavailable (its verdict waits for the run's). */
export const answeredUnavailable = (c: CaseResult): boolean =>
  c.exchanges.length > 0 && c.exchanges.every((e) => e.response !== undefined && isUnavailable(e.response.status));

/**
 * Why a run says nothing about the contract, for the reports to say once
 * instead of a row per case: its pre-flight failed, or every case errored for
 * one and the same reason. Undefined when its cases are worth showing.
 */
export function untestableReason(run: RunResult): string | undefined {
  if (run.preflightFailed && run.targetError !== undefined) return run.targetError;
  // Cases skipped for what the run lacks (credentials, an assumption) do not make the others worth a row each.
  const [first, ...rest] = run.cases.filter((c) => c.state !== 'skipped');
  if (first?.state !== 'errored') return undefined;
  const reason = first.reason;
  return rest.every((c) => c.state === 'errored' && c.reason === reason) ? (run.targetError ?? reason) : undefined;
}

/** A summary's count of waived cases, when the summary has one. */
export const waivedOf = (s: RunSummary): number | undefined => (s as RunSummary & { waived?: number }).waived;
