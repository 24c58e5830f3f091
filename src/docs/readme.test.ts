import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../profiles/load.js';
import { listProfiles } from '../catalog/registry.js';
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
      for (const m of mutationsOf(profile))
        expect(table, `${profile} ${m.id}`).toContain(`| ${profile} | ${m.id} | yes | ${m.caughtBy} |`);
    }
  });
});

describe('README check table', () => {
  it('lists every probe check, in the order a run applies them', async () => {
    const { PROBE_CHECKS } = await import('../checks/registry.js');
    const listed = [...readme.matchAll(/^\| `([a-z-]+)` \| /gm)]
      .map((m) => m[1])
      .filter((id) => PROBE_CHECKS.some((c) => c.id === id));
    expect(listed).toEqual(PROBE_CHECKS.map((c) => c.id));
  });
});
