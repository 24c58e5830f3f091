import type { RunResult } from '../model/result.js';

export const EXIT = {
  conform: 0,
  nonConformance: 1,
  usage: 2,
  untestable: 3,
} as const;

/** 1 if any rule was broken; else 3 if anything could not be tested; else 0. */
export function exitCodeFor(runs: RunResult[]): number {
  if (runs.some((r) => r.summary.failed > 0)) return EXIT.nonConformance;
  if (runs.some((r) => r.targetError || r.summary.errored > 0)) return EXIT.untestable;
  return EXIT.conform;
}
