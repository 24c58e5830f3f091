import type { Profile } from '../model/profile.js';
import type { RunResult } from '../model/result.js';
import type { Selection } from '../model/selection.js';
import type { Mutation } from '../targets/common/mutation.js';
import { runConformance } from '../core/runConformance.js';

export interface ReferenceRunOptions {
  mutation?: Mutation;
  selection?: Selection;
}

const NO_AUTH_FLAGS = { main: {}, second: {} };

/**
 * Runs a profile's suite against its reference target (optionally with one
 * mutation) through the core, as `conform --profile P` does: the embedded
 * target started in-process, real HTTP on loopback, no report files.
 */
export async function runAgainstReference(profile: Profile, options: ReferenceRunOptions = {}): Promise<RunResult> {
  const { runs } = await runConformance({
    profiles: [profile],
    discover: false,
    concurrency: 8,
    timeoutMs: 5_000,
    selection: options.selection ?? {},
    assume: [],
    auth: NO_AUTH_FLAGS,
    runId: 'conform-test',
    mutation: options.mutation?.id,
  });
  return runs[0];
}
