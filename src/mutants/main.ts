/**
 * `npm run mutants`: runs conform against every mutation of every reference
 * target and prints mutation → caught? → by which check → diagnosis, then the
 * mutation score. Exits 1 unless the score is 100% and the unmutated targets
 * pass with zero findings. `--markdown` prints the table as the README has it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { baselineFindings, runMutants } from './harness.js';
import { mutationScore } from './score.js';
import { renderMutantTable, scoreLine } from './table.js';

const run = await runMutants();
for (const b of run.baselines) {
  console.log(
    `${b.profile}: unmutated reference: ${b.summary.passed}/${b.summary.total} passed, ` +
      `${b.summary.failed} failed, ${b.summary.errored} errored`,
  );
}
console.log('');
console.log(renderMutantTable(run.verdicts, process.argv.includes('--markdown') ? 'markdown' : 'text'));
console.log('');
console.log(scoreLine(run));
fs.mkdirSync('reports', { recursive: true });
fs.writeFileSync(path.join('reports', 'mutants.json'), `${JSON.stringify(run, null, 2)}\n`);
process.exitCode = mutationScore(run.verdicts) === 100 && baselineFindings(run) === 0 ? 0 : 1;
