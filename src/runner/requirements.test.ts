import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario.js';
import { unmetRequirement } from './requirements.js';

const scenario = (requires: Scenario['requires']): Scenario => ({
  id: 's',
  title: 't',
  rationale: 'r',
  requires,
  probe: { operation: 'x' },
  expect: { success: true },
});

describe('scenario requirements', () => {
  it('are met by what the run has, and otherwise name what to give', () => {
    expect(unmetRequirement(scenario(['auth']), { credentials: {} })).toMatch(/needs authentication/);
    expect(unmetRequirement(scenario(['auth']), { credentials: { main: 't' } })).toBeUndefined();
    expect(unmetRequirement(scenario(['auth', 'second-credential']), { credentials: { main: 't' } })).toMatch(
      /second, unprivileged credential/,
    );
    expect(unmetRequirement(scenario(['auth', 'admin']), { credentials: { main: 't' }, mainIsAdmin: false })).toMatch(
      /no admin role/,
    );
    expect(unmetRequirement(scenario(['auth', 'admin']), { credentials: { main: 't' } })).toMatch(/--assume admin/);
    expect(
      unmetRequirement(scenario(['auth', 'admin']), { credentials: { main: 't' }, mainIsAdmin: true }),
    ).toBeUndefined();
  });

  it('a behaviour of the target conform cannot find out must be declared', () => {
    expect(unmetRequirement(scenario(['rate-limit']), { credentials: {} })).toMatch(/--assume rate-limit/);
    expect(
      unmetRequirement(scenario(['rate-limit']), { credentials: {}, assumed: new Set(['rate-limit']) }),
    ).toBeUndefined();
  });
});
