import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../profiles/load.js';
import { listProfiles } from '../profiles/registry.js';
import { PACKAGE_ROOT } from '../paths.js';
import { mutationProfiles, mutationsOf } from '../targets/mutations.js';
import { coverageTable } from './coverageTable.js';
import { readBlock } from './readme.js';

const readme = fs.readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');

describe('README (regenerate with `npm run docs`)', () => {
  for (const name of listProfiles()) {
    it(`holds the current coverage table of ${name}`, () => {
      expect(readBlock(readme, `coverage:${name}`)).toBe(coverageTable(loadProfile(name)));
    });
  }

  it('lists every mutation in its mutation table', () => {
    const table = readBlock(readme, 'mutants') ?? '';
    for (const profile of mutationProfiles()) {
      for (const m of mutationsOf(profile)) expect(table, `${profile} ${m.id}`).toContain(`| ${profile} | ${m.id} | yes | ${m.caughtBy} |`);
    }
  });
});
