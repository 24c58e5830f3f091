import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../profiles/load.js';
import { runAgainstReference } from '../../testing/reference.js';
import { mutationsOf } from '../mutations.js';
import { KEYSTONE_V3_MUTATIONS } from './mutations.js';

const profile = loadProfile('keystone-v3');
type Run = Awaited<ReturnType<typeof runAgainstReference>>;
const failedChecks = (run: Run) => run.cases.flatMap((c) => c.checks.filter((x) => x.state === 'failed'));
const check = (run: Run, scenario: string, id: string) =>
  run.cases.find((c) => c.scenario === scenario)?.checks.find((k) => k.check === id);

/** Where Keystone Zed departs from the Error Return Code table (README): the reference follows the table. */
const ZED_FINDINGS = [
  'project.create.with-id',
  'resource.unknown',
  'project.create.no-domain',
  'project.create.no-parent',
  'project.update.parent',
  'project.rename.taken',
];

describe('keystone-v3 against its embedded reference target', () => {
  it('passes every scenario with no failed check, and triggers every fault a client can provoke', async () => {
    const run = await runAgainstReference(profile);
    expect(run.summary).toMatchObject({ passed: run.summary.total, failed: 0, errored: 0, skipped: 0 });
    expect(run.summary.total).toBe(profile.suite.scenarios.length);
    expect(failedChecks(run)).toEqual([]);
    for (const f of run.coverage) {
      if (f.untriggerable) expect([f.fault, f.triggered, f.answeredInstead]).toEqual([f.fault, 0, 0]);
      else expect([f.fault, f.triggered > 0, f.conformed]).toEqual([f.fault, true, f.triggered]);
    }
    for (const scenario of ZED_FINDINGS) {
      const c = run.cases.find((x) => x.scenario === scenario);
      expect([scenario, c?.state, c?.observedFault]).toEqual([scenario, 'passed', c?.expectedFault]);
    }
    for (const scenario of ['auth.no-token', 'auth.bad-token', 'token.wrong-password'])
      expect(check(run, scenario, 'fault-headers')?.state, scenario).toBe('passed');
  });
});

/**
 * One scenario per fault row the mutations bend, and the creates and deletes
 * of setup and cleanup: each mutation must be caught there. `npm run mutants`
 * (and src/mutants/mutants.e2e.ts) run the whole suite against every mutation.
 */
const SENTINELS = [
  'auth.no-token',
  'auth.bad-token',
  'auth.forbidden',
  'token.wrong-password',
  'token.no-password-data',
  'project.show.missing',
  'project.create.with-id',
  'project.create.no-domain',
  'project.update.parent',
  'project.create.taken',
  'project.rename.taken',
  'project.update',
  'resource.unknown',
  'method.put-projects',
  'grant.missing-role',
  'auth.member-create',
  'user.create.taken',
  'project.update.id',
  'project.create.long-name',
  'auth.revoked-token',
];

describe('keystone-v3 mutations', () => {
  it('sentinel scenarios exist and pass against the unmutated reference', async () => {
    const run = await runAgainstReference(profile, { selection: { only: SENTINELS } });
    expect(run.summary).toMatchObject({ total: SENTINELS.length, passed: SENTINELS.length });
  });

  it('are registered, at least 20, with unique ids', () => {
    expect(mutationsOf('keystone-v3')).toBe(KEYSTONE_V3_MUTATIONS);
    expect(KEYSTONE_V3_MUTATIONS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(KEYSTONE_V3_MUTATIONS.map((m) => m.id)).size).toBe(KEYSTONE_V3_MUTATIONS.length);
  });

  for (const mutation of KEYSTONE_V3_MUTATIONS) {
    it.concurrent(`${mutation.id} is caught by ${mutation.caughtBy}`, async () => {
      const run = await runAgainstReference(profile, { mutation, selection: { only: SENTINELS } });
      expect(run.summary.failed).toBeGreaterThan(0);
      expect(failedChecks(run).map((c) => c.check)).toContain(mutation.caughtBy);
    });
  }
});
