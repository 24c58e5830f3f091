import type { RunResult } from '../model/result.js';

export const EXIT = {
  conform: 0,
  nonConformance: 1,
  usage: 2,
  untestable: 3,
  /** Stopped by Ctrl-C (128 + SIGINT), after the cases under way cleaned up. */
  interrupted: 130,
} as const;

/** 130 if interrupted; else 1 if any rule was broken; else 3 if anything could not be tested; else 0. */
export function exitCodeFor(runs: RunResult[]): number {
  if (runs.some((r) => r.interrupted)) return EXIT.interrupted;
  if (runs.some((r) => r.summary.failed > 0)) return EXIT.nonConformance;
  if (runs.some((r) => r.targetError || r.summary.errored > 0)) return EXIT.untestable;
  return EXIT.conform;
}
