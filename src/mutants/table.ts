import type { MutantVerdict } from './score.js';
import { mutationScore } from './score.js';
import { baselineFindings, type MutantRun } from './harness.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The mutation table as Markdown (for the README) or as plain text (for the console). */
export function renderMutantTable(verdicts: MutantVerdict[], style: 'markdown' | 'text'): string {
  const rows = verdicts.map((v) => [
    v.profile,
    v.mutation,
    v.caughtByIntended ? 'yes' : v.caught ? 'NOT BY INTENDED CHECK' : 'NO',
    v.caughtByIntended ? v.intended : `${v.intended} (failed: ${v.failedChecks.join(', ') || 'none'})`,
    v.diagnosis ?? '',
  ]);
  const header = ['profile', 'mutation', 'caught?', 'by check', 'diagnosis'];
  if (style === 'markdown') {
    return [
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
      ...rows.map((r) => `| ${r.map((c, i) => (i === 4 ? `\`${cell(c).slice(0, 160)}\`` : cell(c))).join(' | ')} |`),
    ].join('\n');
  }
  const widths = header.slice(0, 4).map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => [...r.slice(0, 4).map((c, i) => c.padEnd(widths[i])), r[4].slice(0, 140)].join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** `mutation score: 100.0% (65/65 caught by the intended check); unmutated findings: 0` */
export function scoreLine(run: MutantRun): string {
  const caught = run.verdicts.filter((v) => v.caughtByIntended).length;
  const score = mutationScore(run.verdicts).toFixed(1);
  return (
    `mutation score: ${score}% (${caught}/${run.verdicts.length} caught by the intended check); ` +
    `unmutated findings: ${baselineFindings(run)}`
  );
}
