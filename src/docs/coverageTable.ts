import type { Profile } from '../model/profile.js';

/** The profile's coverage table for the README: each documented fault and the scenarios that trigger it. */
export function coverageTable(profile: Profile): string {
  const { catalog, suite } = profile;
  const rows = catalog.faults.map((fault) => {
    const scenarios = suite.scenarios.filter((s) => 'fault' in s.expect && s.expect.fault === fault.element);
    const formats = [...new Set(scenarios.flatMap((s) => s.formats ?? catalog.formats))].sort();
    const names =
      scenarios.map((s) => `\`${s.id}\``).join(', ') || '— (not triggerable by a black box; see the catalog notes)';
    return `| \`${fault.element}\` | ${fault.codes.join(', ')} | ${formats.join(', ') || '—'} | ${names} |`;
  });
  const success = suite.scenarios.filter((s) => 'success' in s.expect).map((s) => `\`${s.id}\``);
  const lines = ['| fault | code | formats | scenarios |', '|---|---|---|---|', ...rows];
  if (success.length > 0) lines.push(`| (documented success) | | | ${success.join(', ')} |`);
  return lines.join('\n');
}
