// Where the profiles of a run go, decided before anything is sent, and the
// usage errors of that placement: a selection that plans nothing, a profile
// without an embedded reference target.
import type { Profile } from '../model/profile.js';
import type { RunNote } from '../model/result.js';
import type { Selection } from '../model/selection.js';
import type { RunSettings } from '../model/settings.js';
import { UsageError } from '../errors.js';
import { DEFAULT_PROFILE, listProfiles } from '../catalog/registry.js';
import { loadProfile } from '../profiles/load.js';
import { profileOf } from '../profiles/ref.js';
import { planCases } from '../runner/plan.js';
import { writesReason } from '../runner/readOnly.js';
import { referenceProfiles } from '../targets/registry.js';
import { runMode, type RunMode, type TargetSettings } from '../discovery/runTargets.js';

/** Why the selection (--only, --format) plans no case of a profile; undefined when it plans some. */
function emptySelection(profile: Profile, selection: Selection): string | undefined {
  if (planCases(profile, selection).length > 0) return undefined;
  const name = profile.catalog.profile;
  if (selection.shard) {
    const all = planCases(profile, { ...selection, shard: undefined }).length;
    const { index, count } = selection.shard;
    if (all > 0) return `--shard ${index}/${count} plans no case of ${name} (${all} planned, split ${count} ways)`;
  }
  const matching = planCases(profile, { only: selection.only });
  if (matching.length === 0) {
    return selection.only?.length
      ? `no scenario of ${name} matches --only ${selection.only.join(' ')} ` +
          `(\`conform list --profile ${name}\` lists them)`
      : `${name} has no scenario`;
  }
  const documented = [...new Set(matching.map((c) => c.format))];
  const scenarios = selection.only?.length ? ' for the scenarios --only selects' : '';
  const formats = (selection.formats ?? []).join(' ');
  return `${name} documents only ${documented.join(' and ')}${scenarios}: --format ${formats} selects none of it`;
}

/** The note that a profile the selection leaves empty is left out; undefined when it plans cases. */
export function leftOutNote(profile: Profile, selection: Selection): RunNote | undefined {
  const reason = emptySelection(profile, selection);
  if (!reason) return undefined;
  return { topic: 'selection', level: 'note', message: `${reason}: ${profile.catalog.profile} is left out` };
}

/** A UsageError when no profile would run a case (a profile the selection leaves empty is left out with a note). */
function checkSelection(profiles: Profile[], selection: Selection): void {
  const reasons = profiles.flatMap((p) => emptySelection(p, selection) ?? []);
  if (profiles.length > 0 && reasons.length === profiles.length) {
    throw new UsageError(`the selection plans no case: ${reasons.join('; ')}`);
  }
}

const discoverable = (): Profile[] =>
  listProfiles()
    .map((p) => loadProfile(p))
    .filter((p) => p.catalog.serviceType);

function checkDiscoverable(selection: Selection): never {
  const reasons = discoverable().flatMap((p) => emptySelection(p, selection) ?? []);
  throw new UsageError(`the selection plans no case for any profile a service catalog can list: ${reasons.join('; ')}`);
}

/**
 * A UsageError for --only entries (ids, or prefixes ending in `*`) that match no
 * scenario of any profile the run may place: `--only network.show.missing typo`
 * would otherwise run the first and say nothing of the second. An entry needs
 * to match in one profile only. A selection matching nothing at all is
 * checkSelection's to report.
 */
function checkOnlyIds(profiles: Profile[], selection: Selection): void {
  const unknown = (selection.only ?? []).filter((id) =>
    profiles.every((p) => planCases(p, { only: [id] }).length === 0),
  );
  if (unknown.length === 0 || profiles.length === 0) return;
  const names = profiles.map((p) => p.catalog.profile);
  throw new UsageError(
    `no scenario of ${names.join(' or ')} matches --only ${unknown.join(' ')} ` +
      `(\`conform list --profile ${names.join(' ')}\` lists them)`,
  );
}

/** --read-only: a UsageError when no profile placed has a selected scenario that only reads. */
function checkReadOnly(profiles: Profile[], selection: Selection): void {
  const reading = profiles.filter((p) =>
    planCases(p, selection).some(({ scenario }) => writesReason(p.catalog, scenario) === undefined),
  );
  if (profiles.length === 0 || reading.length > 0) return;
  const names = profiles.map((p) => p.catalog.profile).join(', ');
  throw new UsageError(
    `--read-only plans no case: every scenario selected of ${names} sends a request other than GET or HEAD ` +
      '(it may create, change or delete something); nothing was run',
  );
}

function checkEmbeddable(embedded: Profile[]): void {
  const folder = embedded.find((p) => p.folder !== undefined);
  if (folder)
    throw new UsageError(
      `the profile folder ${folder.folder} has no embedded reference target: give --target URL; nothing was run`,
    );
  const references = new Set(referenceProfiles());
  const without = embedded.filter((p) => !references.has(p.catalog.profile));
  if (without.length === 0) return;
  const names = without.map((p) => p.catalog.profile).join(', ');
  const one = without.length === 1;
  const discoverable = without.some((p) => p.catalog.serviceType)
    ? ", or --discover with password credentials to find the endpoints in the token's service catalog"
    : '';
  throw new UsageError(
    `${one ? 'profile' : 'profiles'} ${names} ${one ? 'has' : 'have'} no embedded reference target ` +
      `(${[...references].join(', ')} have one): give --target URL${discoverable}; nothing was run`,
  );
}

/** The profiles a placement runs: where the selection is checked, and what a dry run lists. */
export const placedProfiles = (mode: RunMode): Profile[] =>
  mode.kind === 'discover' ? [...mode.embedded, ...mode.candidates] : mode.profiles;

/** The profiles a placement starts an embedded reference target for. */
const embeddedProfiles = (mode: RunMode): Profile[] =>
  mode.kind === 'discover' ? mode.embedded : mode.kind === 'embedded' ? mode.profiles : [];

/** Usage errors of a run's placement: a selection that plans nothing, a profile without an embedded target. */
export function checkMode(mode: RunMode, selection: Selection): void {
  if (mode.kind === 'discover' && !mode.requireAll && mode.candidates.length === 0) checkDiscoverable(selection);
  checkSelection(placedProfiles(mode), selection);
  // Discovering without --profile, the candidates are those the selection plans cases for: ids are looked up in all.
  const mayRun = mode.kind === 'discover' && !mode.requireAll ? [...mode.embedded, ...discoverable()] : undefined;
  checkOnlyIds(mayRun ?? placedProfiles(mode), selection);
  checkEmbeddable(embeddedProfiles(mode));
}

/** The settings discovery reads, from a run's settings. */
function targetSettings(settings: RunSettings): TargetSettings {
  const profiles = (settings.profiles ?? [DEFAULT_PROFILE]).map(profileOf);
  return {
    target: settings.target,
    tenant: settings.tenant,
    profiles: settings.profiles ? profiles : undefined,
    defaultProfiles: () => profiles,
    // Discovering without --profile: the profiles the selection plans cases for.
    allProfiles: () =>
      listProfiles()
        .map((p) => loadProfile(p))
        .filter((p) => emptySelection(p, settings.selection) === undefined),
    auth: settings.auth,
    timeoutMs: settings.timeoutMs,
    discover: settings.discover,
  };
}

/** Where a run's profiles go: every usage error of the placement is thrown here, before anything is sent. */
export function placeRun(settings: RunSettings): { mode: RunMode; targets: TargetSettings } {
  const targets = targetSettings(settings);
  const mode = runMode(targets);
  checkMode(mode, settings.selection);
  if (settings.readOnly) checkReadOnly(placedProfiles(mode), settings.selection);
  return { mode, targets };
}
