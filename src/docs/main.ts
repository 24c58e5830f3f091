/** `npm run docs`: prints each profile's coverage table, as the README holds it. */
import { loadProfile } from '../profiles/load.js';
import { listProfiles } from '../profiles/registry.js';
import { coverageTable } from './coverageTable.js';

for (const name of listProfiles()) {
  console.log(`<!-- coverage:${name} -->\n${coverageTable(loadProfile(name))}\n<!-- /coverage:${name} -->\n`);
}
