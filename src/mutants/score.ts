import type { RunResult } from '../model/result.js';
import type { Mutation } from '../targets/common/mutation.js';
import { findingLine } from '../diagnosis/diagnose.js';

export interface MutantVerdict {
  profile: string;
  mutation: string;
  description: string;
  intended: string;
  /** Some case failed. */
  caught: boolean;
  /** The intended check failed in some case. */
  caughtByIntended: boolean;
  /** Every check that failed, most frequent first. */
  failedChecks: string[];
  /** The first finding of the intended check (or of any check). */
  diagnosis?: string;
  cases: { failed: number; total: number };
}

/** What a run against a mutated target says about that mutation. */
export function judgeMutant(profile: string, mutation: Mutation, run: RunResult): MutantVerdict {
  const failedChecks = run.cases.flatMap((c) => c.checks.filter((x) => x.state === 'failed'));
  const counts = new Map<string, number>();
  for (const c of failedChecks) counts.set(c.check, (counts.get(c.check) ?? 0) + 1);
  const intendedFinding = failedChecks.find((c) => c.check === mutation.caughtBy);
  const anyFinding = intendedFinding ?? failedChecks[0];
  return {
    profile,
    mutation: mutation.id,
    description: mutation.description,
    intended: mutation.caughtBy,
    caught: run.summary.failed > 0,
    caughtByIntended: intendedFinding !== undefined,
    failedChecks: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k),
    ...(anyFinding ? { diagnosis: findingLine(anyFinding) } : {}),
    cases: { failed: run.summary.failed, total: run.summary.total },
  };
}

/** Share of mutations caught by their intended check, in percent. */
export function mutationScore(verdicts: MutantVerdict[]): number {
  if (verdicts.length === 0) return 0;
  return (100 * verdicts.filter((v) => v.caughtByIntended).length) / verdicts.length;
}
