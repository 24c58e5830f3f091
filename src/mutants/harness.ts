import type { RunSummary } from '../model/result.js';
import { loadProfile } from '../profiles/load.js';
import { runAgainstReference } from '../testing/reference.js';
import { mapConcurrent } from '../runner/pool.js';
import { mutationProfiles, mutationsOf } from '../targets/mutations.js';
import { judgeMutant, type MutantVerdict } from './score.js';

export interface MutantRun {
  /** The unmutated reference target of each profile: must have no finding. */
  baselines: { profile: string; summary: RunSummary }[];
  verdicts: MutantVerdict[];
}

/** Runs each profile's whole suite against its unmutated reference target, then against each mutation. */
export async function runMutants(concurrency = 2): Promise<MutantRun> {
  const baselines: MutantRun['baselines'] = [];
  const verdicts: MutantVerdict[] = [];
  for (const name of mutationProfiles()) {
    const profile = loadProfile(name);
    baselines.push({ profile: name, summary: (await runAgainstReference(profile)).summary });
    verdicts.push(
      ...(await mapConcurrent(mutationsOf(name), concurrency, async (m) =>
        judgeMutant(name, m, await runAgainstReference(profile, { mutation: m })),
      )),
    );
  }
  return { baselines, verdicts };
}

export const baselineFindings = (run: MutantRun) =>
  run.baselines.reduce((n, b) => n + b.summary.failed + b.summary.errored, 0);
