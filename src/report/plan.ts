import type { Output } from '../model/output.js';
import type { RunPlan } from '../model/selection.js';
import { noteLine, plural } from './console.js';
import { describeScenario } from './describe.js';
import { printableLine } from './terminal.js';

/** A dry run on the console: what was left out, then per profile where it goes and every case it would send. */
export function renderPlan(plan: RunPlan, io: Output): void {
  for (const note of plan.notes) io.err(noteLine(note));
  for (const { profile, where, cases } of plan.profiles) {
    const byScenario = new Map<string, string[]>();
    for (const c of cases) byScenario.set(c.scenario.id, [...(byScenario.get(c.scenario.id) ?? []), c.format]);
    const shard = plan.shard ? `, shard ${plan.shard.index}/${plan.shard.count}` : '';
    const counts = `${plural(cases.length, 'case')} from ${plural(byScenario.size, 'scenario')}${shard}`;
    io.out(`${profile.catalog.profile} at ${printableLine(where)}: ${counts} (dry run: nothing is sent)`);
    for (const s of profile.suite.scenarios.filter((x) => byScenario.has(x.id))) {
      for (const line of describeScenario(profile.catalog, s, byScenario.get(s.id)!)) io.out(line);
    }
  }
}
