import type { Profile } from '../model/profile.js';
import type { PlannedCase, Selection } from '../model/selection.js';

function selected(id: string, only?: string[]): boolean {
  if (!only || only.length === 0) return true;
  return only.some((p) => (p.endsWith('*') ? id.startsWith(p.slice(0, -1)) : id === p));
}

/** Every case a run will execute: each selected scenario in each of its formats. */
export function planCases(profile: Profile, selection: Selection = {}): PlannedCase[] {
  const { catalog, suite } = profile;
  return suite.scenarios
    .filter((s) => selected(s.id, selection.only))
    .flatMap((scenario) =>
      (scenario.formats ?? catalog.formats)
        .filter((f) => !selection.formats || selection.formats.includes(f))
        .map((format) => ({ scenario, format })),
    );
}
