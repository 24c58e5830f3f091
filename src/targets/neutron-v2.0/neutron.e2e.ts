import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../profiles/load.js';
import { runAgainstReference } from '../../testing/reference.js';
import { mutationsOf } from '../mutations.js';
import { NEUTRON_MUTATIONS } from './mutations.js';

const profile = loadProfile('neutron-v2.0');
type Run = Awaited<ReturnType<typeof runAgainstReference>>;
const failedChecks = (run: Run) => run.cases.flatMap((c) => c.checks.filter((x) => x.state === 'failed'));
const check = (run: Run, scenario: string, id: string) =>
  run.cases.find((c) => c.scenario === scenario)?.checks.find((k) => k.check === id);

describe('neutron-v2.0 against its embedded reference target', () => {
  it('passes every scenario with no failed check, and triggers every fault a client can provoke', async () => {
    const run = await runAgainstReference(profile);
    expect(run.summary).toMatchObject({ passed: run.summary.total, failed: 0, errored: 0, skipped: 0 });
    expect(run.summary.total).toBe(profile.suite.scenarios.length);
    expect(failedChecks(run)).toEqual([]);
    for (const f of run.coverage) {
      if (f.untriggerable) expect(f.triggered, f.fault).toBe(0);
      else expect([f.fault, f.triggered > 0, f.conformed]).toEqual([f.fault, true, f.triggered]);
    }
    // Where real Neutron answers 404, the reference follows the table.
    expect(check(run, 'method.put-networks', 'status')).toMatchObject({ state: 'passed' });
    expect(check(run, 'network.delete.in-use', 'fault-type')).toMatchObject({ state: 'passed' });
    expect(check(run, 'auth.no-token', 'fault-root')?.message).toBe(
      "401 in the identity service's envelope, as the auth middleware sends it",
    );
    expect(check(run, 'accept.xml', 'content-type')?.message).toMatch(/asked for application\/xml/);
    // 14 creations, each undone with its documented code.
    const steps = run.cases.flatMap((c) => c.checks.filter((k) => k.check === 'success-status'));
    expect(steps.map((k) => k.state)).toEqual(Array(28).fill('passed'));
  });
});

/**
 * One scenario per fault the reference triggers, and the creates and deletes
 * of setup and cleanup: each mutation must be caught there. `npm run mutants`
 * (and src/mutants/mutants.e2e.ts) run the whole suite against every mutation.
 */
const SENTINELS = [
  'auth.no-token',
  'auth.forbidden',
  'network.show.missing',
  'network.create.malformed-body',
  'network.create.unknown-attribute',
  'network.update.read-only',
  'network.update.rename',
  'network.delete.in-use',
  'port.create.ip-taken',
  'method.put-networks',
  'method.patch-port',
  'accept.xml',
  'accept.csv',
  'network.create.no-resource-key',
  'subnet.create.no-cidr',
  'subnet.delete.in-use',
  'port.create.mac-taken',
];

describe('neutron-v2.0 mutations', () => {
  it('sentinel scenarios exist and pass against the unmutated reference', async () => {
    const run = await runAgainstReference(profile, { selection: { only: SENTINELS } });
    expect(run.summary).toMatchObject({ total: SENTINELS.length, passed: SENTINELS.length });
  });

  it('are registered, at least 20, with unique ids', () => {
    expect(mutationsOf('neutron-v2.0')).toBe(NEUTRON_MUTATIONS);
    expect(NEUTRON_MUTATIONS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(NEUTRON_MUTATIONS.map((m) => m.id)).size).toBe(NEUTRON_MUTATIONS.length);
  });

  for (const mutation of NEUTRON_MUTATIONS) {
    it.concurrent(`${mutation.id} is caught by ${mutation.caughtBy}`, async () => {
      const run = await runAgainstReference(profile, { mutation, selection: { only: SENTINELS } });
      expect(run.summary.failed).toBeGreaterThan(0);
      expect(failedChecks(run).map((c) => c.check)).toContain(mutation.caughtBy);
    });
  }
});
