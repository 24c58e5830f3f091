import type { Format } from './catalog.js';
import type { Scenario } from './scenario.js';
import type { Profile } from './profile.js';
import type { RunNote, Shard } from './result.js';

/** Which cases of a profile a run plans: --format and --only, then --shard. */
export interface Selection {
  formats?: Format[];
  /** Scenario ids, or prefixes ending in `*`. */
  only?: string[];
  /** One part of the cases the rest selects (runner/plan.ts splits them). */
  shard?: Shard;
}

/** One scenario in one format, before it runs. */
export interface PlannedCase {
  scenario: Scenario;
  format: Format;
}

/** One profile of a dry run: where it would go and what it would send. */
export interface PlannedProfile {
  profile: Profile;
  /** The target, or a description of it (the embedded reference target, an endpoint still to be found). */
  where: string;
  cases: PlannedCase[];
}

/** What a run would do, without sending anything (`--dry-run`). */
export interface RunPlan {
  profiles: PlannedProfile[];
  /** The part of the cases planned (`--shard`), if not all. */
  shard?: Shard;
  /** What was left out and why. */
  notes: RunNote[];
}
