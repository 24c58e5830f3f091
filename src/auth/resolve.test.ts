import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityEndpoint } from './identityEndpoint.js';
import type { AuthFlags } from '../model/credentials.js';
import { resolveAuth } from './resolve.js';
import type { ConfigContext } from './cloudsYaml.js';
import { tempDir } from '../testing/tmp.js';

const noFlags = (): AuthFlags => ({ main: {}, second: {} });
const at = (env: Record<string, string>, cwd = tempDir('resolve')): ConfigContext => ({
  env: { XDG_CONFIG_DIRS: cwd, ...env },
  cwd,
  home: cwd,
});
const where = { url: '--os-auth-url', version: '--os-identity-api-version' };

const OPENRC = {
  OS_AUTH_URL: 'http://keystone:5000/v3',
  OS_USERNAME: 'env-user',
  OS_PASSWORD: 'env-pass',
  OS_PROJECT_NAME: 'env-project',
};

describe('identity endpoint', () => {
  it('keeps a versioned URL, adds the version to a bare one (v3 by default)', () => {
    expect(identityEndpoint('http://k:5000/v3/', undefined, where)).toEqual({ url: 'http://k:5000/v3', version: '3' });
    expect(identityEndpoint('http://k:5000/identity/v2.0', undefined, where)).toEqual({
      url: 'http://k:5000/identity/v2.0',
      version: '2.0',
    });
    expect(identityEndpoint('https://k:5000', undefined, where)).toEqual({ url: 'https://k:5000/v3', version: '3' });
    expect(identityEndpoint('http://k:5000/', 'v2.0', where)).toEqual({ url: 'http://k:5000/v2.0', version: '2.0' });
    expect(identityEndpoint('http://k:5000/v3', '3.0', where).version).toBe('3');
  });

  it('refuses what it cannot use, saying which setting is wrong', () => {
    expect(() => identityEndpoint('keystone:5000', undefined, where)).toThrow(
      /--os-auth-url must be http:\/\/ or https:\/\//,
    );
    expect(() => identityEndpoint('not a url', undefined, where)).toThrow("--os-auth-url 'not a url' is not a URL");
    expect(() => identityEndpoint('http://k/v3', '4', where)).toThrow(
      "--os-identity-api-version must be 3 or 2.0, got '4'",
    );
    expect(() => identityEndpoint('http://k/v3', '2.0', where)).toThrow(
      '--os-auth-url ends with v3 but --os-identity-api-version asks for 2.0',
    );
    expect(() => identityEndpoint('http://u:p@k/v3', undefined, where)).toThrow(
      '--os-auth-url must not carry credentials',
    );
  });
});

describe('resolving authentication', () => {
  it('is nothing when nothing is given', () => {
    expect(resolveAuth(noFlags(), at({}))).toEqual({ main: undefined, second: undefined, warnings: [] });
  });

  it('uses a token from --token or OS_TOKEN, the flag first', () => {
    expect(resolveAuth(noFlags(), at({ OS_TOKEN: 'env-token' })).main).toEqual({
      kind: 'token',
      token: 'env-token',
      origin: 'the environment',
    });
    expect(
      resolveAuth({ main: { token: 'flag-token' }, second: {} }, at({ OS_TOKEN: 'env-token' })).main,
    ).toMatchObject({ token: 'flag-token', origin: 'the command line' });
  });

  it('does password auth from an openrc environment, with v3 and the default domain', () => {
    expect(resolveAuth(noFlags(), at(OPENRC)).main).toEqual({
      kind: 'password',
      authUrl: 'http://keystone:5000/v3',
      identityApiVersion: '3',
      username: 'env-user',
      password: 'env-pass',
      projectName: 'env-project',
      origin: 'the environment',
    });
  });

  it('lets flags win over the environment field by field, and a token flag over an environment password', () => {
    const flags: AuthFlags = { main: { username: 'flag-user', projectName: 'flag-project' }, second: {} };
    expect(resolveAuth(flags, at(OPENRC)).main).toMatchObject({
      username: 'flag-user',
      password: 'env-pass',
      projectName: 'flag-project',
      origin: 'the command line + the environment',
    });
    expect(resolveAuth({ main: { token: 't' }, second: {} }, at(OPENRC)).main).toEqual({
      kind: 'token',
      token: 't',
      origin: 'the command line',
    });
  });

  it('reads --os-cloud / OS_CLOUD from clouds.yaml, under the environment and the flags', () => {
    const dir = tempDir('resolve');
    writeFileSync(
      join(dir, 'clouds.yaml'),
      'clouds:\n  lab:\n    auth:\n      auth_url: http://lab:5000\n      username: lab-user\n' +
        '      password: lab-pass\n      project_name: lab-project\n      user_domain_name: LabDomain\n' +
        '      project_domain_id: lab-d\n    identity_api_version: "2"\n',
    );
    const fromCloud = resolveAuth(noFlags(), at({ OS_CLOUD: 'lab' }, dir)).main;
    expect(fromCloud).toMatchObject({
      kind: 'password',
      authUrl: 'http://lab:5000/v2.0',
      identityApiVersion: '2.0',
      username: 'lab-user',
      userDomainName: 'LabDomain',
      projectDomainId: 'lab-d',
    });
    expect(fromCloud?.origin).toBe(`cloud 'lab' of ${join(dir, 'clouds.yaml')}`);
    const mixed = resolveAuth(
      { main: { cloud: 'lab', projectName: 'flag-project' }, second: {} },
      at({ OS_CLOUD: 'ignored', OS_USERNAME: 'env-user' }, dir),
    ).main;
    expect(mixed).toMatchObject({
      username: 'env-user',
      password: 'lab-pass',
      projectName: 'flag-project',
      authUrl: 'http://lab:5000/v2.0',
    });
    // An OS_TOKEN in the environment says "token" before a password in clouds.yaml does.
    expect(resolveAuth({ main: { cloud: 'lab' }, second: {} }, at({ OS_TOKEN: 'tok' }, dir)).main).toMatchObject({
      kind: 'token',
      token: 'tok',
    });
  });

  it('names every missing setting and where to give it', () => {
    expect(() => resolveAuth(noFlags(), at({ OS_USERNAME: 'u' }))).toThrow(
      'authentication: password authentication (settings from the environment) ' +
        'also needs an auth URL (--os-auth-url, OS_AUTH_URL or auth_url in clouds.yaml); ' +
        'a password (OS_PASSWORD, password in clouds.yaml or secure.yaml, or --os-password)',
    );
    expect(() => resolveAuth(noFlags(), at({ ...OPENRC, OS_AUTH_TYPE: 'v3oidcpassword' }))).toThrow(
      /auth type 'v3oidcpassword' \(from the environment\) is not supported/,
    );
    expect(() => resolveAuth(noFlags(), at({ ...OPENRC, OS_AUTH_TYPE: 'v3applicationcredential' }))).toThrow(
      /application credential authentication \(settings from the environment\) also needs its secret/,
    );
    expect(() => resolveAuth(noFlags(), at({ OS_AUTH_TYPE: 'token', OS_USERNAME: 'u' }))).toThrow(
      /auth type 'token' \(from the environment\) needs a token/,
    );
  });

  it('builds the second credential from its own settings and the main one’s endpoint and domains', () => {
    const env = {
      ...OPENRC,
      OS_USER_DOMAIN_NAME: 'D',
      CONFORM_SECOND_USERNAME: 'other',
      CONFORM_SECOND_PASSWORD: 'other-pass',
    };
    const resolved = resolveAuth({ main: {}, second: { projectName: 'other-project' } }, at(env));
    expect(resolved.second).toMatchObject({
      kind: 'password',
      authUrl: 'http://keystone:5000/v3',
      username: 'other',
      password: 'other-pass',
      projectName: 'other-project',
      userDomainName: 'D',
    });
    expect(resolved.warnings).toEqual([]);
    expect(resolveAuth({ main: {}, second: { token: 's' } }, at({ CONFORM_SECOND_USERNAME: 'x' })).second).toEqual({
      kind: 'token',
      token: 's',
      origin: 'the command line (--second-*)',
    });
    expect(() => resolveAuth({ main: { token: 't' }, second: { username: 'o', password: 'p' } }, at({}))).toThrow(
      /second credential: .*also needs an auth URL \(the main credential's --os-auth-url/,
    );
  });

  it('warns about a password flag, a second credential equal to the main one, and one without a main', () => {
    const same = resolveAuth(
      { main: { password: 'flag-pass' }, second: { username: 'env-user', password: 'x', projectName: 'env-project' } },
      at(OPENRC),
    );
    expect(same.warnings).toEqual([
      'a password given on the command line is visible to other users of this machine (ps); ' +
        'prefer OS_PASSWORD, CONFORM_SECOND_PASSWORD or clouds.yaml',
      'the second credential is the same as the main one: ' +
        'the 403 scenarios expect an unprivileged user of another project',
    ]);
    expect(same.warnings.join(' ')).not.toContain('flag-pass');
    expect(resolveAuth({ main: {}, second: { token: 's' } }, at({})).warnings).toEqual([
      'a second credential without a main one: the scenarios that need authentication are skipped',
    ]);
  });
});
