// Where the profiles of a run go, decided from the flags and the credentials'
// settings alone: credentials from the environment never turn a plain
// `conform` into a run against the cloud they name.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigContext } from '../auth/cloudsYaml.js';
import type { AuthFlags } from '../model/credentials.js';
import { UsageError } from '../errors.js';
import { loadProfile } from '../profiles/load.js';
import { DEFAULT_PROFILE, listProfiles } from '../catalog/registry.js';
import { tempDir } from '../testing/tmp.js';
import { noteLine } from '../report/console.js';
import { runMode, type RunMode, type TargetSettings } from './runTargets.js';

const OPENRC = {
  OS_AUTH_URL: 'http://keystone.example:5000/v3',
  OS_USERNAME: 'alice',
  OS_PASSWORD: 'pw',
  OS_PROJECT_NAME: 'demo',
};

const ctx = (env: Record<string, string> = {}): ConfigContext => {
  const dir = tempDir('run-mode');
  return { env: { XDG_CONFIG_DIRS: dir, ...env }, cwd: dir, home: dir };
};

const noFlags = (): AuthFlags => ({ main: {}, second: {} });

const settings = (over: Partial<TargetSettings> = {}): TargetSettings => ({
  defaultProfiles: () => [loadProfile(DEFAULT_PROFILE)],
  allProfiles: () => listProfiles().map((p) => loadProfile(p)),
  auth: noFlags(),
  timeoutMs: 1000,
  ...over,
});

const names = (profiles: Array<{ catalog: { profile: string } }>) => profiles.map((p) => p.catalog.profile);

/** An embedded placement, its note as the console prints it. */
function embedded(mode: RunMode): Omit<Extract<RunMode, { kind: 'embedded' }>, 'note'> & { note?: string } {
  expect(mode.kind).toBe('embedded');
  const placed = mode as Extract<RunMode, { kind: 'embedded' }>;
  return { ...placed, note: placed.note && noteLine(placed.note) };
}

describe('runMode: without --target', () => {
  it('password credentials from the environment only: the embedded target, and one note on how to use them', () => {
    const mode = embedded(runMode(settings(), ctx(OPENRC)));
    expect(names(mode.profiles)).toEqual([DEFAULT_PROFILE]);
    expect(mode.note).toBe(
      'conform: note: the credentials in the environment (OS_*, OS_CLOUD / clouds.yaml) were not used: ' +
        'this run is on the embedded reference target; ' +
        "to test a cloud with them, add --discover to find the endpoints in the token's service catalog, " +
        'or --target URL',
    );
    expect(mode.note).not.toContain('pw');
  });

  it('a token from the environment only: the embedded target, the note says --target', () => {
    const mode = embedded(runMode(settings(), ctx({ OS_TOKEN: 'tok' })));
    expect(mode.note).toMatch(/were not used: .*; to test a cloud with them, give --target URL$/);
  });

  it('a cloud of clouds.yaml named by OS_CLOUD only: the embedded target, with the note', () => {
    const c = ctx({ OS_CLOUD: 'staging' });
    const yaml =
      'clouds:\n  staging:\n    auth:\n      auth_url: http://keystone.example:5000\n      username: alice\n' +
      '      password: pw\n      project_name: demo\n';
    writeFileSync(join(c.cwd, 'clouds.yaml'), yaml);
    expect(embedded(runMode(settings(), c)).note).toMatch(/add --discover/);
  });

  it('incomplete settings in the environment do not stop a run on the embedded target', () => {
    const mode = embedded(runMode(settings(), ctx({ OS_USERNAME: 'alice' })));
    expect(mode.note).toMatch(/were not used/);
  });

  it('no credentials anywhere: the embedded target, no note', () => {
    expect(embedded(runMode(settings(), ctx())).note).toBeUndefined();
  });

  it(
    '--discover with password credentials from the environment: ' +
      "the endpoints of the token's catalog, for every profile that names a service type",
    () => {
      const mode = runMode(settings({ discover: true }), ctx(OPENRC));
      expect(mode.kind).toBe('discover');
      if (mode.kind !== 'discover') return;
      expect(mode.main.authUrl).toBe('http://keystone.example:5000/v3');
      expect(names(mode.candidates)).toEqual(['keystone-v3', 'neutron-v2.0']);
      expect(mode.embedded).toEqual([]);
      expect(mode.requireAll).toBe(false);
    },
  );

  it('--discover with --profile: those profiles, all required; one without a service type stays embedded', () => {
    const mode = runMode(
      settings({ discover: true, profiles: ['quantum-v1.0', 'neutron-v2.0'].map((p) => loadProfile(p)) }),
      ctx(OPENRC),
    );
    if (mode.kind !== 'discover') throw new Error(mode.kind);
    expect(names(mode.candidates)).toEqual(['neutron-v2.0']);
    expect(names(mode.embedded)).toEqual(['quantum-v1.0']);
    expect(mode.requireAll).toBe(true);
  });

  it('any authentication flag asks for discovery too, the rest of the settings coming from the environment', () => {
    const { OS_AUTH_URL, ...rest } = OPENRC;
    expect(runMode(settings({ auth: { main: { authUrl: OS_AUTH_URL }, second: {} } }), ctx(rest)).kind).toBe(
      'discover',
    );
    expect(
      runMode(
        settings({ auth: { main: {}, second: { username: 'bob' } } }),
        ctx({ ...OPENRC, CONFORM_SECOND_PASSWORD: 'pw2' }),
      ).kind,
    ).toBe('discover');
  });

  it('--discover without password credentials is a usage error that says what is missing', () => {
    expect(() => runMode(settings({ discover: true }), ctx())).toThrow(UsageError);
    expect(() => runMode(settings({ discover: true }), ctx())).toThrow(/--discover needs password credentials/);
    expect(() => runMode(settings({ discover: true }), ctx({ OS_TOKEN: 'tok' }))).toThrow(
      /the main credential is a token \(from the environment\): give --target URL/,
    );
  });

  it('a token given as a flag: the embedded target, which says it does not use it', () => {
    const mode = embedded(runMode(settings({ auth: { main: { token: 'tok' }, second: {} } }), ctx()));
    expect(mode.note).toMatch(/the credentials given are not used/);
  });

  it(
    'cleanup (discovery from the environment allowed): ' +
      'password credentials from the environment are used, a token is not, silently',
    () => {
      expect(runMode(settings({ discoverFromEnvironment: true }), ctx(OPENRC)).kind).toBe('discover');
      expect(
        embedded(runMode(settings({ discoverFromEnvironment: true }), ctx({ OS_TOKEN: 'tok' }))).note,
      ).toBeUndefined();
    },
  );
});

describe('runMode: with --target', () => {
  it('every profile goes there, whatever the credentials', () => {
    const mode = runMode(settings({ target: 'http://neutron.example:9696' }), ctx(OPENRC));
    expect(mode).toMatchObject({ kind: 'target', target: 'http://neutron.example:9696' });
    if (mode.kind === 'target') expect(names(mode.profiles)).toEqual([DEFAULT_PROFILE]);
  });
});
