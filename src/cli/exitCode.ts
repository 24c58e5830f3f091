import type { RunResult, StopCause } from '../model/result.js';

export const EXIT = {
  conform: 0,
  nonConformance: 1,
  usage: 2,
  untestable: 3,
  internal: 70,
  /** Stopped by --deadline: as `timeout` says it. */
  deadline: 124,
  /** Stopped by a signal (128 + its number), after the cases under way cleaned up. */
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
} as const;

/** A run stopped because a token could not be renewed: the target could not be tested to the end. */
const STOPPED: Record<StopCause, number> = { ...EXIT, token: EXIT.untestable };

/** The exit code of a run stopped by `cause`. */
const stoppedCode = (cause: StopCause): number => STOPPED[cause];

/**
 * The one place a run's exit code is made: stopped (by a signal or the
 * deadline); else 1 if any rule was broken (a waived finding is not), or,
 * under --strict-waivers (recorded in the results), a waiver matched nothing; else 3 if anything could not
 * be tested; else 0.
 */
export function exitCodeFor(runs: RunResult[]): number {
  const stopped = runs.find((r) => r.stoppedBy)?.stoppedBy;
  if (stopped) return stoppedCode(stopped);
  if (runs.some((r) => r.summary.failed > 0)) return EXIT.nonConformance;
  if (runs.some((r) => r.waivers?.strict && r.waivers.stale.length > 0)) return EXIT.nonConformance;
  if (runs.some((r) => r.targetError || r.summary.errored > 0)) return EXIT.untestable;
  return EXIT.conform;
}
