import { describe, expect, it } from 'vitest';
import { loadProfile } from '../profiles/load.js';
import { runAgainstReference } from '../testing/reference.js';
import { mutationProfiles, mutationsOf } from '../targets/mutations.js';
import { judgeMutant } from './score.js';

/**
 * The suite proves itself: every mutation of every reference target is caught
 * by the check it was written for, and the unmutated targets have no finding.
 * A change that weakens a check fails here.
 */
describe.each(mutationProfiles())('mutations of %s', (name) => {
  const profile = loadProfile(name);

  it('the unmutated reference target conforms: zero findings, zero errors', async () => {
    const run = await runAgainstReference(profile);
    expect(
      run.summary.failed + run.summary.errored,
      JSON.stringify(run.cases.filter((c) => c.state !== 'passed').map((c) => c.id)),
    ).toBe(0);
  });

  it.each(mutationsOf(name).map((m) => [m.id, m] as const))(
    '%s is caught by its intended check',
    async (_id, mutation) => {
      const verdict = judgeMutant(name, mutation, await runAgainstReference(profile, { mutation }));
      expect(verdict.failedChecks, verdict.description).toContain(mutation.caughtBy);
      expect(verdict.diagnosis).toMatch(new RegExp(`^\\[${mutation.caughtBy}\\] `));
    },
  );
});
