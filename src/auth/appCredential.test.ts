import { describe, expect, it } from 'vitest';
import type { AuthFlags } from '../model/credentials.js';
import { v3AppCredentialBody } from './appCredentialV3.js';
import type { ConfigContext } from './cloudsYaml.js';
import { renewalDelayMs } from './renewal.js';
import { resolveAuth } from './resolve.js';

const noFlags = (): AuthFlags => ({ main: {}, second: {} });
const at = (env: Record<string, string>): ConfigContext => ({
  env: { XDG_CONFIG_DIRS: '/nonexistent', ...env },
  cwd: '/nonexistent',
  home: '/nonexistent',
});
const URL = { OS_AUTH_URL: 'http://keystone:5000' };

describe('application credentials', () => {
  it('by id from OS_*: no scope sent, even with a project in the environment', () => {
    const { main } = resolveAuth(
      noFlags(),
      at({
        ...URL,
        OS_AUTH_TYPE: 'v3applicationcredential',
        OS_APPLICATION_CREDENTIAL_ID: 'ac-id',
        OS_APPLICATION_CREDENTIAL_SECRET: 'ac-secret',
        OS_PROJECT_NAME: 'ignored',
      }),
    );
    expect(main).toMatchObject({ kind: 'application-credential', authUrl: 'http://keystone:5000/v3', id: 'ac-id' });
    expect(v3AppCredentialBody(main as never)).toEqual({
      auth: {
        identity: { methods: ['application_credential'], application_credential: { id: 'ac-id', secret: 'ac-secret' } },
      },
    });
  });

  it('by name with the user (name in a domain, or id); the second credential from CONFORM_SECOND_*', () => {
    const { main, second } = resolveAuth(
      noFlags(),
      at({
        ...URL,
        OS_APPLICATION_CREDENTIAL_NAME: 'ci',
        OS_APPLICATION_CREDENTIAL_SECRET: 's1',
        OS_USERNAME: 'alice',
        OS_USER_DOMAIN_NAME: 'Staging',
        CONFORM_SECOND_APPLICATION_CREDENTIAL_ID: 'other',
        CONFORM_SECOND_APPLICATION_CREDENTIAL_SECRET: 's2',
      }),
    );
    const body = v3AppCredentialBody(main as never) as { auth: { identity: { application_credential: unknown } } };
    expect(body.auth.identity.application_credential).toEqual({
      name: 'ci',
      secret: 's1',
      user: { name: 'alice', domain: { name: 'Staging' } },
    });
    expect(second).toMatchObject({ kind: 'application-credential', id: 'other', authUrl: 'http://keystone:5000/v3' });
  });

  it('says what is missing, and refuses identity v2.0', () => {
    expect(() => resolveAuth(noFlags(), at({ ...URL, OS_APPLICATION_CREDENTIAL_ID: 'x' }))).toThrow(
      /application credential authentication .* also needs its secret \(OS_APPLICATION_CREDENTIAL_SECRET/,
    );
    expect(() =>
      resolveAuth(
        noFlags(),
        at({ ...URL, OS_APPLICATION_CREDENTIAL_NAME: 'ci', OS_APPLICATION_CREDENTIAL_SECRET: 's' }),
      ),
    ).toThrow(/also needs the user of a credential given by name/);
    expect(() =>
      resolveAuth(
        noFlags(),
        at({
          OS_AUTH_URL: 'http://k:5000/v2.0',
          OS_APPLICATION_CREDENTIAL_ID: 'x',
          OS_APPLICATION_CREDENTIAL_SECRET: 's',
        }),
      ),
    ).toThrow(/application credentials are an identity v3 feature/);
  });
});

describe('token renewal', () => {
  it('at half the lifetime the identity service states, on its own clock', () => {
    const issued = { issuedAt: '2030-01-01T00:00:00Z', expiresAt: '2030-01-01T01:00:00Z' };
    expect(renewalDelayMs(issued, Date.parse('1999-01-01T00:00:00Z'))).toBe(30 * 60_000);
    expect(renewalDelayMs({ expiresAt: '2030-01-01T00:00:40Z' }, Date.parse('2030-01-01T00:00:00Z'))).toBe(20_000);
    expect(renewalDelayMs({})).toBeUndefined();
  });
});
