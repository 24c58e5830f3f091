// The usage errors of a run's placement, found before anything is sent.
import { describe, expect, it } from 'vitest';
import type { Profile } from '../model/profile.js';
import { UsageError } from '../errors.js';
import { loadProfile } from '../profiles/load.js';
import { checkMode } from './placement.js';

/** A profile of the user's own: a contract with no embedded reference target. */
function withoutReference(name: string, serviceType?: string): Profile {
  const base = loadProfile('quantum-v1.0');
  return { ...base, catalog: { ...base.catalog, profile: name, serviceType } };
}

const error = (fn: () => void): string => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('no usage error');
};

describe('checkMode: profiles without an embedded reference target, and no --target', () => {
  it('are all named before anything runs', () => {
    const profiles = [loadProfile('quantum-v1.0'), withoutReference('acme-v1', 'network'), withoutReference('acme-v2')];
    expect(error(() => checkMode({ kind: 'embedded', profiles }, {}))).toMatch(
      new RegExp(
        /^profiles acme-v1, acme-v2 have no embedded reference target \(.*quantum-v1\.0 have one\): /.source +
          /give --target URL, or --discover with password credentials .*; nothing was run$/.source,
      ),
    );
  });

  it('one alone says the same; without a service type, discovery is not suggested', () => {
    const message = error(() => checkMode({ kind: 'embedded', profiles: [withoutReference('acme-v2')] }, {}));
    expect(message).toMatch(
      /^profile acme-v2 has no embedded reference target .*: give --target URL; nothing was run$/,
    );
  });

  it('with --target, they need none', () => {
    const profiles = [withoutReference('acme-v1')];
    expect(() => checkMode({ kind: 'target', target: 'http://127.0.0.1:9', profiles }, {})).not.toThrow();
  });
});
