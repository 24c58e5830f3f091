import type { Output } from '../../model/output.js';
import type { Profile } from '../../model/profile.js';
import { describeScenario } from '../../report/describe.js';

/** `conform list`: every scenario, what it sends and what it expects (the validators are not needed). */
export function listCommand(profiles: Pick<Profile, 'catalog' | 'suite'>[], io: Output): number {
  for (const { catalog, suite } of profiles) {
    const cases = suite.scenarios.reduce((n, s) => n + (s.formats ?? catalog.formats).length, 0);
    io.out(`${catalog.profile} — ${catalog.title}: ${suite.scenarios.length} scenarios, ${cases} cases`);
    for (const s of suite.scenarios) {
      io.out('');
      for (const line of describeScenario(catalog, s, s.formats ?? catalog.formats)) io.out(line);
    }
    const covered = new Set(suite.scenarios.flatMap((s) => ('fault' in s.expect ? [s.expect.fault] : [])));
    const missing = catalog.faults.filter((f) => !covered.has(f.element) && !f.untriggerable).map((f) => f.element);
    const untriggerable = catalog.faults
      .filter((f) => !covered.has(f.element) && f.untriggerable)
      .map((f) => f.element);
    io.out('');
    const uncovered = missing.length ? ` (no scenario: ${missing.join(', ')})` : '';
    io.out(`faults covered: ${covered.size}/${catalog.faults.length}${uncovered}`);
    if (untriggerable.length) io.out(`not triggerable by a black box (see the catalog): ${untriggerable.join(', ')}`);
  }
  return 0;
}
