import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load.js';
import { listProfiles } from '../catalog/registry.js';
import type { Scenario } from '../model/scenario.js';
import { causeProblems, differences, sharingCauses } from './causes.js';
import { loadSuite } from './load.js';

describe('every scenario proves the cause it is credited to', () => {
  for (const profile of listProfiles()) {
    it(`${profile}: a probe whose answer other causes share changes that cause alone, or says it cannot`, () => {
      const catalog = loadCatalog(profile);
      const problems = loadSuite(catalog).scenarios.flatMap((s) =>
        causeProblems(catalog, s).map((p) => `${s.id}: ${p}`),
      );
      expect(problems).toEqual([]);
    });
  }

  const catalog = loadCatalog('keystone-v3');
  const batch = loadSuite(catalog).scenarios.find((s) => s.id === 'project.create.batch')!;

  it('keystone-v3: the 400 rows share one answer; a NeutronError type that names the fault tells it apart', () => {
    const missing = catalog.faults.find((f) => f.element === 'missingAttribute')!;
    expect(sharingCauses(catalog, missing, 'project.create')).toContain('batchNotAllowed');
    const neutron = loadCatalog('neutron-v2.0');
    const inUse = neutron.faults.find((f) => f.element === 'networkInUse')!;
    expect(sharingCauses(neutron, inUse, 'network.delete')).toEqual([]);
    expect(sharingCauses(loadCatalog('quantum-v1.0'), loadCatalog('quantum-v1.0').faults[0], 'network.list')).toEqual(
      [],
    );
  });

  it('the batch create differs in two places (no project key, a projects list) and declares it', () => {
    const op = catalog.operations.find((o) => o.id === 'project.create')!;
    expect(differences(batch.probe, op.valid!, op.method)).toEqual(['body /project', 'body /projects']);
    expect(batch.indistinguishableFrom?.faults).toEqual(['missingAttribute']);
  });

  it('fails a probe that changes two causes without saying so, and one that declares what it does not need', () => {
    const { indistinguishableFrom: _i, ...undeclared } = batch;
    expect(causeProblems(catalog, undeclared)[0]).toMatch(
      /differs from a valid project.create in body \/project, body \/projects: the answer cannot tell batchNotAllowed from/,
    );
    const twoChanges: Scenario = {
      ...undeclared,
      probe: { operation: 'project.create', body: { project: { description: '{name}' } } },
      expect: { fault: 'missingAttribute' },
    };
    expect(causeProblems(catalog, twoChanges)).toHaveLength(1);
    const oneChange: Scenario = { ...twoChanges, probe: { operation: 'project.create', body: { project: {} } } };
    expect(causeProblems(catalog, oneChange)).toEqual([]);
    expect(causeProblems(catalog, { ...oneChange, indistinguishableFrom: batch.indistinguishableFrom })[0]).toMatch(
      /declares indistinguishableFrom, but differs only in body \/project\/name/,
    );
    const parses: Scenario = { ...oneChange, probe: { operation: 'project.create', rawBody: { json: '{}' } } };
    expect(causeProblems(catalog, parses)[0]).toMatch(/its rawBody parses/);
  });

  it('a too-long fresh name is a value of its own; any fresh name within 64 characters is a valid one', () => {
    const op = catalog.operations.find((o) => o.id === 'project.create')!;
    const named = (name: string) =>
      differences({ operation: op.id, body: { project: { name } } }, op.valid!, op.method);
    expect(named('{runId}-project.rename.taken-2')).toEqual([]);
    expect(named(`{name}-${'x'.repeat(64)}`)).toEqual(['body /project/name']);
  });
});
