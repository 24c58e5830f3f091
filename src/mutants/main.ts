/**
 * `npm run mutants`: runs conform against every mutation of every reference
 * target and prints mutation → caught? → by which check → diagnosis, then the
 * mutation score. Exits 1 unless the score is 100% and the unmutated targets
 * pass with zero findings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadProfile } from '../profiles/load.js';
import { runAgainstReference } from '../runner/inProcess.js';
import { mapConcurrent } from '../runner/pool.js';
import { mutationProfiles, mutationsOf } from '../targets/mutations.js';
import { judgeMutant, mutationScore, type MutantVerdict } from './score.js';
import { renderMutantTable } from './table.js';

const markdown = process.argv.includes('--markdown');
const reportsDir = 'reports';
const verdicts: MutantVerdict[] = [];
let baselineFindings = 0;

for (const name of mutationProfiles()) {
  const profile = loadProfile(name);
  const baseline = await runAgainstReference(profile);
  baselineFindings += baseline.summary.failed + baseline.summary.errored;
  console.log(`${name}: unmutated reference: ${baseline.summary.passed}/${baseline.summary.total} passed, ${baseline.summary.failed} failed, ${baseline.summary.errored} errored`);
  const mutations = mutationsOf(name);
  verdicts.push(...(await mapConcurrent(mutations, 2, async (m) => judgeMutant(name, m, await runAgainstReference(profile, { mutation: m })))));
}

console.log('');
console.log(renderMutantTable(verdicts, markdown ? 'markdown' : 'text'));
const score = mutationScore(verdicts);
const caught = verdicts.filter((v) => v.caughtByIntended).length;
console.log('');
console.log(`mutation score: ${score.toFixed(1)}% (${caught}/${verdicts.length} caught by the intended check); unmutated findings: ${baselineFindings}`);
fs.mkdirSync(reportsDir, { recursive: true });
fs.writeFileSync(path.join(reportsDir, 'mutants.json'), `${JSON.stringify({ score, baselineFindings, verdicts }, null, 2)}\n`);
process.exitCode = score === 100 && baselineFindings === 0 ? 0 : 1;
