/**
 * Known deviations: findings a team accepts, each with its reason (the
 * interop guidelines' flagged tests). Read from a waiver file (`--waivers`).
 */
import type { CheckId } from './check.js';

export interface Waiver {
  /** `<scenario id>[<format>]`, or a scenario id for all its formats. */
  case: string;
  /** Only in a run of this profile (undefined: any). */
  profile?: string;
  /** Only when every failed check of the case is one of these (undefined: whatever failed). */
  checks?: CheckId[];
  /** Why the finding is accepted. */
  reason: string;
  /** `YYYY-MM-DD`: from that day (UTC) on, the waiver no longer applies. */
  expires?: string;
  /** Where the deviation is tracked (a bug, a review). */
  link?: string;
  /** Its place in the file: `waivers[0]`. */
  entry: string;
}

/** The waivers a run was given. */
export interface WaiverSet {
  /** The file they were read from, as given. */
  file: string;
  waivers: Waiver[];
  /** --strict-waivers: a waiver that matched nothing fails the run. */
  strict?: boolean;
}

/** What the waivers did in one profile's run (the waived cases carry the waiver that applied). */
export interface WaiverOutcome {
  file: string;
  /** Waivers of this profile whose finding did not occur in this run, though their case was judged. */
  stale: Waiver[];
  /** Waivers of this profile past their expiry date: they no longer apply. */
  expired: Waiver[];
  /** Run with --strict-waivers: a stale waiver fails it (kept here so merged shards judge alike). */
  strict?: true;
}
