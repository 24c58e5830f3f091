// `--dry-run`: where each profile would go and every case it would send, as data.
import type { RunNote } from '../model/result.js';
import type { RunPlan } from '../model/selection.js';
import type { RunSettings } from '../model/settings.js';
import { planCases } from '../runner/plan.js';
import type { RunMode } from '../discovery/runTargets.js';
import { leftOutNote, placeRun, placedProfiles } from './placement.js';

const EMBEDDED = 'the embedded reference target';

function where(mode: RunMode): string {
  if (mode.kind === 'target') return mode.target;
  if (mode.kind === 'embedded') return EMBEDDED;
  return "the endpoint the token's service catalog lists (found when the run starts)";
}

/** What a run with these settings would do; sends nothing. Usage errors are thrown as a run would throw them. */
export function planConformance(settings: RunSettings): RunPlan {
  const { mode } = placeRun(settings);
  const notes: RunNote[] = [];
  const profiles = placedProfiles(mode).filter((profile) => {
    const leftOut = leftOutNote(profile, settings.selection);
    if (leftOut) notes.push(leftOut);
    return leftOut === undefined;
  });
  return {
    notes,
    ...(settings.selection.shard ? { shard: settings.selection.shard } : {}),
    profiles: profiles.map((profile) => ({
      profile,
      where: mode.kind === 'discover' && mode.embedded.includes(profile) ? EMBEDDED : where(mode),
      cases: planCases(profile, settings.selection),
    })),
  };
}
