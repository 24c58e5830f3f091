import type { RunResult, RunSummary } from '../model/result.js';

/**
 * Why a run says nothing about the contract, for the reports to say once
 * instead of a row per case: its pre-flight failed, or every case errored for
 * one and the same reason. Undefined when its cases are worth showing.
 */
export function untestableReason(run: RunResult): string | undefined {
  if (run.preflightFailed && run.targetError !== undefined) return run.targetError;
  const [first, ...rest] = run.cases;
  if (first?.state !== 'errored') return undefined;
  const reason = first.reason;
  return rest.every((c) => c.state === 'errored' && c.reason === reason) ? (run.targetError ?? reason) : undefined;
}

/** A summary's count of waived cases, when the summary has one. */
export const waivedOf = (s: RunSummary): number | undefined => (s as RunSummary & { waived?: number }).waived;
