import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from './load.js';
import { listProfiles } from '../catalog/registry.js';
import { SEEDS_DIR } from '../paths.js';
import { readFaultRows, readStatusCodes } from './seedTables.js';

/** The seed documents a catalog names in its provenance. */
function seedsOf(profile: string): string[] {
  const catalog = loadCatalog(profile);
  const sources = [...catalog.provenance, ...catalog.faults.flatMap((f) => f.provenance)].map((p) => p.source);
  return [...new Set(sources.filter((s) => s.startsWith('seeds/')).map((s) => s.slice('seeds/'.length)))];
}

const haveSeeds = fs.existsSync(SEEDS_DIR);

describe.skipIf(!haveSeeds)('catalogs hold every documented fault of their seed documents', () => {
  for (const profile of listProfiles()) {
    const catalog = loadCatalog(profile);
    it(`${profile} names at least one seed document`, () => {
      expect(seedsOf(profile).length).toBeGreaterThan(0);
    });
    for (const seed of seedsOf(profile)) {
      const file = path.join(SEEDS_DIR, seed);
      if (!fs.existsSync(file)) {
        it.skip(`${profile}: ${seed} is not in ${SEEDS_DIR}`, () => {});
        continue;
      }
      const text = fs.readFileSync(file, 'utf8');
      it(`${profile}: every fault row of ${seed} is in the catalog with its codes`, () => {
        const rows = readFaultRows(text);
        for (const row of rows) {
          const fault = catalog.faults.find((f) => (f.documentedAs ?? f.element) === row.element);
          expect(
            fault,
            `${seed}: fault ${row.element} (${row.codes.join(', ')}) is missing from schemas/${profile}/catalog.json`,
          ).toBeDefined();
          expect(fault!.codes, `${row.element} codes`).toEqual(row.codes);
          if (row.expectedInAllRequests)
            expect(fault!.expectedInAllRequests, `${row.element} is expected in all requests`).toBe(true);
        }
      });
      it(`${profile}: every status code of ${seed}'s tables is documented by the catalog`, () => {
        for (const code of readStatusCodes(text))
          expect(catalog.documentedStatuses, `${seed}: status ${code}`).toContain(code);
      });
    }
  }
});
