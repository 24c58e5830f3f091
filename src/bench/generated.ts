// A generated profile of any size: the quantum-v1.0 contract in JSON, its
// scenarios `network.show.missing` again and again, each probe a GET of a
// network that does not exist (420 networkNotFound). Run against a served
// quantum-v1.0 reference target in a process of its own, it measures what
// conform adds per case as a run grows. Written as a profile folder (what
// `conform --profile DIR` runs), and built in memory for the bare loop.
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../model/catalog.js';
import type { Profile } from '../model/profile.js';
import type { Scenario } from '../model/scenario.js';
import { loadCatalog } from '../catalog/load.js';
import { generatedFiles } from '../schemagen/files.js';
import { JsonFaultValidator } from '../validate/jsonFaults.js';

const BASE = 'quantum-v1.0';

function generatedCatalog(): Catalog {
  return { ...loadCatalog(BASE), profile: 'generated-quantum', formats: ['json'] };
}

/** `count` scenarios, each a probe of a network that does not exist. */
function generatedScenarios(count: number): Scenario[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => ({
    id: `network.show.missing.${String(i + 1).padStart(width, '0')}`,
    title: `Show a network that does not exist (${i + 1} of ${count})`,
    rationale: 'network show raises networkNotFound (420) for an unknown network id.',
    probe: { operation: 'network.show', params: { network: '{uuid}' } },
    expect: { fault: 'networkNotFound' },
  }));
}

export function generatedProfile(count: number): Profile {
  const catalog = generatedCatalog();
  const schema = generatedFiles(catalog).find((f) => f.path.endsWith('faults.schema.json'))!;
  return {
    catalog,
    suite: { profile: catalog.profile, scenarios: generatedScenarios(count) },
    json: new JsonFaultValidator(JSON.parse(schema.content)),
  };
}

/** The same profile as a folder for `--profile DIR`: catalog.json and suites/generated.json, schemas made in memory. */
export function writeProfileFolder(dir: string, count: number): string {
  fs.mkdirSync(path.join(dir, 'suites'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'catalog.json'), `${JSON.stringify(generatedCatalog(), null, 2)}\n`);
  const suite = { scenarios: generatedScenarios(count) };
  fs.writeFileSync(path.join(dir, 'suites', 'generated.json'), `${JSON.stringify(suite)}\n`);
  return dir;
}
