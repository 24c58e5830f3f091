import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../profiles/load.js';
import { runAgainstReference } from '../../testing/reference.js';
import { mutationsOf } from '../mutations.js';
import { KEYSTONE_V2_MUTATIONS } from './mutations.js';

const profile = loadProfile('keystone-v2.0');
const failedChecks = (run: Awaited<ReturnType<typeof runAgainstReference>>) =>
  run.cases.flatMap((c) => c.checks.filter((x) => x.state === 'failed'));

describe('keystone-v2.0 against its embedded reference target', () => {
  it('passes every scenario in both formats, fails no check, triggers every fault a client can provoke', async () => {
    const run = await runAgainstReference(profile);
    expect(run.summary).toMatchObject({ passed: run.summary.total, failed: 0, errored: 0, skipped: 0 });
    expect(run.summary.total).toBe(profile.suite.scenarios.length * 2);
    expect(failedChecks(run)).toEqual([]);
    const byFault = new Map(run.coverage.map((f) => [f.fault, f]));
    for (const f of profile.catalog.faults.filter((x) => x.element !== 'identityFault')) {
      expect(byFault.get(f.element)!.triggered, f.element).toBeGreaterThan(0);
      expect(byFault.get(f.element)!.conformed, f.element).toBe(byFault.get(f.element)!.triggered);
    }
    expect(byFault.get('identityFault')).toMatchObject({ triggered: 0, untriggerable: expect.any(String) });
  });

  it('triggers serviceUnavailable through its maintenance switch, and conforms', async () => {
    const run = await runAgainstReference(profile, { selection: { only: ['maintenance.*'] } });
    expect(run.cases.map((c) => [c.state, c.expectedFault, c.observedFault])).toEqual(
      Array(4).fill(['passed', 'serviceUnavailable', 'serviceUnavailable']),
    );
    expect(
      run.cases[0].checks.filter((c) => c.check === 'fault-root' || c.check === 'json-schema').map((c) => c.state),
    ).toEqual(['passed', 'passed']);
  });
});

/**
 * One scenario per fault the reference triggers (and a create and a delete in
 * setup), in both formats: each mutation must be caught there. `npm run
 * mutants` runs the whole suite against every mutation.
 */
const SENTINELS = [
  'token.authenticate.malformed',
  'tenant.list.no-token',
  'token.authenticate.user-disabled',
  'token.validate.forbidden',
  'tenant.show.missing',
  'tenant.create.duplicate-name',
  'limits.tenant-reads',
  'maintenance.tenant-show',
];

describe('keystone-v2.0 mutations', () => {
  it('sentinel scenarios exist and pass against the unmutated reference', async () => {
    const run = await runAgainstReference(profile, { selection: { only: SENTINELS } });
    expect(run.summary).toMatchObject({ total: SENTINELS.length * 2, passed: SENTINELS.length * 2 });
  });

  it('are registered, at least 12, with unique ids', () => {
    expect(mutationsOf('keystone-v2.0')).toBe(KEYSTONE_V2_MUTATIONS);
    expect(KEYSTONE_V2_MUTATIONS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(KEYSTONE_V2_MUTATIONS.map((m) => m.id)).size).toBe(KEYSTONE_V2_MUTATIONS.length);
  });

  for (const mutation of KEYSTONE_V2_MUTATIONS) {
    it.concurrent(`${mutation.id} is caught by ${mutation.caughtBy}`, async () => {
      const run = await runAgainstReference(profile, { mutation, selection: { only: SENTINELS } });
      expect(run.summary.failed).toBeGreaterThan(0);
      expect(failedChecks(run).map((c) => c.check)).toContain(mutation.caughtBy);
    });
  }
});
