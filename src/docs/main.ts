/**
 * `npm run docs`: rewrites the generated parts of README.md — each profile's
 * coverage table, and the mutation table with its score (this runs every
 * mutation, like `npm run mutants`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadProfile } from '../profiles/load.js';
import { listProfiles } from '../catalog/registry.js';
import { PACKAGE_ROOT } from '../paths.js';
import { runMutants } from '../mutants/harness.js';
import { renderMutantTable, scoreLine } from '../mutants/table.js';
import { coverageTable } from './coverageTable.js';
import { replaceBlock } from './readme.js';

const file = path.join(PACKAGE_ROOT, 'README.md');
let readme = fs.readFileSync(file, 'utf8');
for (const name of listProfiles()) readme = replaceBlock(readme, `coverage:${name}`, coverageTable(loadProfile(name)));
const run = await runMutants();
readme = replaceBlock(readme, 'mutants', `${scoreLine(run)}\n\n${renderMutantTable(run.verdicts, 'markdown')}`);
fs.writeFileSync(file, readme);
console.log(
  `README.md: coverage of ${listProfiles().length} profiles, ${run.verdicts.length} mutations (${scoreLine(run)})`,
);
