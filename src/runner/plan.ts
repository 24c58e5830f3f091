import type { Profile } from '../model/profile.js';
import type { Shard } from '../model/result.js';
import type { PlannedCase, Selection } from '../model/selection.js';

function selected(id: string, only?: string[]): boolean {
  if (!only || only.length === 0) return true;
  return only.some((p) => (p.endsWith('*') ? id.startsWith(p.slice(0, -1)) : id === p));
}

/**
 * Shard `index` of `count` of the planned cases: the m cases in plan order cut
 * into `count` consecutive runs, shard i holding cases floor((i-1)·m/count) up
 * to floor(i·m/count) (exclusive). Sizes differ by at most one, the shards are
 * disjoint and together the whole plan, and the cut depends on the plan alone.
 */
function shardOf<T>(cases: T[], { index, count }: Shard): T[] {
  const at = (i: number) => Math.floor((i * cases.length) / count);
  return cases.slice(at(index - 1), at(index));
}

/** Every case a run will execute: each selected scenario in each of its formats (of its shard, if any). */
export function planCases(profile: Profile, selection: Selection = {}): PlannedCase[] {
  const { catalog, suite } = profile;
  const cases = suite.scenarios
    .filter((s) => selected(s.id, selection.only))
    .flatMap((scenario) =>
      (scenario.formats ?? catalog.formats)
        .filter((f) => !selection.formats || selection.formats.includes(f))
        .map((format) => ({ scenario, format })),
    );
  return selection.shard ? shardOf(cases, selection.shard) : cases;
}
