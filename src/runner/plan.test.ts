import { describe, expect, it } from 'vitest';
import { listProfiles } from '../catalog/registry.js';
import { loadProfile } from '../profiles/load.js';
import type { PlannedCase } from '../model/selection.js';
import { planCases } from './plan.js';

const ids = (cases: PlannedCase[]) => cases.map((c) => `${c.scenario.id}[${c.format}]`);

describe('planCases with a shard', () => {
  for (const name of listProfiles()) {
    it(`${name}: the shards of 1 to 9 parts are disjoint, balanced and together the plan, in order`, () => {
      const profile = loadProfile(name);
      const all = ids(planCases(profile));
      for (let count = 1; count <= 9; count++) {
        const shards = Array.from({ length: count }, (_, i) =>
          ids(planCases(profile, { shard: { index: i + 1, count } })),
        );
        expect(shards.flat()).toEqual(all);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    });
  }

  it('splits what --only and --format select, and depends on nothing else', () => {
    const profile = loadProfile('quantum-v1.0');
    const selection = { only: ['network.*'], formats: ['json' as const] };
    const selected = ids(planCases(profile, selection));
    const second = ids(planCases(profile, { ...selection, shard: { index: 2, count: 3 } }));
    const [from, to] = [Math.floor(selected.length / 3), Math.floor((2 * selected.length) / 3)];
    expect(second).toEqual(selected.slice(from, to));
    expect(ids(planCases(loadProfile('quantum-v1.0'), { ...selection, shard: { index: 2, count: 3 } }))).toEqual(
      second,
    );
  });

  it('a shard beyond the cases is empty', () => {
    const profile = loadProfile('quantum-v1.0');
    const one = { only: ['network.show.missing'], formats: ['json' as const] };
    expect(planCases(profile, { ...one, shard: { index: 1, count: 2 } })).toEqual([]);
    expect(ids(planCases(profile, { ...one, shard: { index: 2, count: 2 } }))).toEqual(['network.show.missing[json]']);
  });
});
