import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityServiceError, UsageError } from '../errors.js';
import { HttpClient } from '../http/client.js';
import { Secrets } from '../http/secrets.js';
import { startFakeKeystone, type FakeKeystone } from '../testing/fakeKeystone.js';
import type { PasswordAuth } from './credentials.js';
import { obtainCredentials } from './obtain.js';
import { passwordV2 } from './passwordV2.js';
import { passwordV3, v3PasswordBody } from './passwordV3.js';
import { findEndpoint } from './serviceCatalog.js';

const PASSWORD = 'pw-7f3a9c2e-known-secret';
let keystone: FakeKeystone;
const client = new HttpClient({ timeoutMs: 2000 });

beforeAll(async () => {
  keystone = await startFakeKeystone({
    users: [
      { name: 'demo', password: PASSWORD, projects: ['demo'] },
      { name: 'other', password: 'other-password', domain: 'Lab', projects: ['other'] },
    ],
    services: [{ type: 'network', name: 'neutron', url: 'http://neutron.example:9696', region: 'RegionOne' }],
  });
});
afterAll(async () => {
  await client.close();
  await keystone.close();
});

const v3 = (over: Partial<PasswordAuth> = {}): PasswordAuth => ({
  kind: 'password',
  authUrl: `${keystone.url}/v3`,
  identityApiVersion: '3',
  username: 'demo',
  password: PASSWORD,
  projectName: 'demo',
  origin: 'test',
  ...over,
});
const v2 = (over: Partial<PasswordAuth> = {}) =>
  v3({ authUrl: `${keystone.url}/v2.0`, identityApiVersion: '2.0', ...over });

/** The error a call throws (fails the test when it does not throw). */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe('v3 password auth', () => {
  it('sends the password method with a project scope in the default domain', () => {
    expect(v3PasswordBody(v3())).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', domain: { id: 'default' }, password: PASSWORD } },
        },
        scope: { project: { name: 'demo', domain: { id: 'default' } } },
      },
    });
    expect(v3PasswordBody(v3({ projectId: 'p1', userDomainName: 'Lab' }))).toMatchObject({
      auth: { identity: { password: { user: { domain: { name: 'Lab' } } } }, scope: { project: { id: 'p1' } } },
    });
    expect(v3PasswordBody(v3({ projectName: undefined }))).not.toHaveProperty('auth.scope');
  });

  it('obtains the token from X-Subject-Token, registers it as a secret, and returns the catalog', async () => {
    const secrets = new Secrets();
    const issued = await passwordV3(client, secrets, v3());
    expect(keystone.identify(issued.token)).toEqual({ tenant: 'demo', roles: ['member'] });
    expect(secrets.redact(`token ${issued.token} password ${PASSWORD}`)).toBe('token [REDACTED] password [REDACTED]');
    expect(issued.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(findEndpoint(issued.catalog, { serviceType: 'network' })).toBe('http://neutron.example:9696');
    expect(findEndpoint(issued.catalog, { serviceType: 'network', region: 'Elsewhere' })).toBeUndefined();
  });

  it('authenticates a user of another domain by domain name', async () => {
    const issued = await passwordV3(
      client,
      new Secrets(),
      v3({
        username: 'other',
        password: 'other-password',
        projectName: 'other',
        userDomainName: 'Lab',
        projectDomainName: 'Lab',
      }),
    );
    expect(keystone.identify(issued.token)).toEqual({ tenant: 'other', roles: ['member'] });
  });

  it('a wrong password is a configuration error (exit 2) naming the user, never the password', async () => {
    const err = await failure(passwordV3(client, new Secrets(), v3({ password: `wrong-${PASSWORD}` })));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toBe(
      `identity service ${keystone.url}/v3 refused the credentials of user 'demo' (project 'demo'): ` +
        '401 The request you have made requires authentication. ' +
        '(check user name, password, project and domains)',
    );
    expect(err.message).not.toContain(PASSWORD);
  });

  it('a project the user has no role on is refused the same way', async () => {
    expect(await failure(passwordV3(client, new Secrets(), v3({ projectName: 'other' })))).toBeInstanceOf(UsageError);
  });

  it('an auth URL with no token API behind it (404) is a configuration error', async () => {
    const err = await failure(passwordV3(client, new Secrets(), v3({ authUrl: `${keystone.url}/identity/v3` })));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(
      /has no v3 token API at .*\/identity\/v3\/auth\/tokens \(404\): check the auth URL and the identity API version/,
    );
  });
});

describe('v2.0 password auth', () => {
  it('obtains access.token.id for the tenant, with the catalog in every interface', async () => {
    const secrets = new Secrets();
    const issued = await passwordV2(client, secrets, v2());
    expect(keystone.identify(issued.token)).toEqual({ tenant: 'demo', roles: ['member'] });
    expect(secrets.redact(issued.token)).toBe('[REDACTED]');
    expect(findEndpoint(issued.catalog, { serviceType: 'network', interface: 'internal' })).toBe(
      'http://neutron.example:9696',
    );
    const sent = JSON.parse(keystone.requests.at(-1)!.body);
    expect(sent).toEqual({
      auth: { passwordCredentials: { username: 'demo', password: PASSWORD }, tenantName: 'demo' },
    });
  });

  it('a wrong password is a configuration error', async () => {
    const err = await failure(passwordV2(client, new Secrets(), v2({ password: 'nope-nope' })));
    expect(err).toBeInstanceOf(UsageError);
    expect(err.message).toMatch(/refused the credentials of user 'demo' \(project 'demo'\): 401 /);
  });
});

describe('an identity service that cannot be used', () => {
  let garbage: http.Server;
  let garbageUrl = '';
  let answer: { status: number; headers?: Record<string, string>; body: string } = { status: 201, body: '' };
  beforeAll(async () => {
    garbage = http.createServer((req, res) => {
      req.resume();
      res.writeHead(answer.status, answer.headers ?? { 'content-type': 'text/html' });
      res.end(answer.body);
    });
    await new Promise<void>((r) => garbage.listen(0, '127.0.0.1', r));
    garbageUrl = `http://127.0.0.1:${(garbage.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => garbage.close(() => r())));

  it('unreachable: the cloud cannot be tested (exit 3)', async () => {
    const err = await failure(passwordV3(client, new Secrets(), v3({ authUrl: 'http://127.0.0.1:9/v3' })));
    expect(err).toBeInstanceOf(IdentityServiceError);
    expect(err.message).toBe(
      'identity service http://127.0.0.1:9/v3 could not be reached: connection refused by 127.0.0.1:9',
    );
  });

  it('a 201 without X-Subject-Token, or HTML for JSON, is a broken service (exit 3)', async () => {
    answer = { status: 201, body: '<html>it works</html>' };
    const noHeader = await failure(passwordV3(client, new Secrets(), v3({ authUrl: `${garbageUrl}/v3` })));
    expect(noHeader).toBeInstanceOf(IdentityServiceError);
    expect(noHeader.message).toMatch(
      /answered the authentication of user 'demo' \(project 'demo'\) with 201 but no X-Subject-Token header$/,
    );
    answer = { status: 201, headers: { 'x-subject-token': 'abcdef' }, body: '<html>' };
    expect((await failure(passwordV3(client, new Secrets(), v3({ authUrl: `${garbageUrl}/v3` })))).message).toMatch(
      /with 201 but no token document in the body$/,
    );
    answer = { status: 200, body: '{"access": {}}' };
    expect((await failure(passwordV2(client, new Secrets(), v2({ authUrl: `${garbageUrl}/v2.0` })))).message).toMatch(
      /with 200 but no access\.token\.id in the body$/,
    );
  });

  it('a 500 is a broken service; an unexpected 200 on v3 too; neither message carries the password', async () => {
    answer = {
      status: 500,
      headers: { 'content-type': 'application/json' },
      body: `{"error": {"message": "db down while checking ${PASSWORD}", "code": 500}}`,
    };
    const crashed = await failure(passwordV3(client, new Secrets(), v3({ authUrl: `${garbageUrl}/v3` })));
    expect(crashed).toBeInstanceOf(IdentityServiceError);
    expect(crashed.message).toBe(
      `identity service ${garbageUrl}/v3 failed to authenticate user 'demo' (project 'demo'): ` +
        `500 db down while checking [REDACTED]`,
    );
    answer = { status: 200, body: '{}' };
    expect((await failure(passwordV3(client, new Secrets(), v3({ authUrl: `${garbageUrl}/v3` })))).message).toBe(
      `identity service ${garbageUrl}/v3 answered 200 to a password authentication, not 201`,
    );
  });
});

describe('obtaining both credentials', () => {
  it('registers every secret and returns the tokens and the main catalog', async () => {
    const secrets = new Secrets();
    const obtained = await obtainCredentials(
      { main: v3(), second: { kind: 'token', token: 'second-token-value', origin: 'the environment' }, warnings: [] },
      client,
      secrets,
    );
    expect(obtained.credentials.second).toBe('second-token-value');
    expect(keystone.identify(obtained.credentials.main!)).toBeDefined();
    expect(findEndpoint(obtained.catalog!, { serviceType: 'network' })).toBe('http://neutron.example:9696');
    expect(secrets.redact(`${obtained.credentials.main} ${PASSWORD} second-token-value`)).toBe(
      '[REDACTED] [REDACTED] [REDACTED]',
    );
    expect(obtained.notes[0]).toMatch(
      new RegExp(
        `^main credential: token obtained by password auth as user 'demo' in project 'demo' ` +
          `at ${keystone.url}/v3 \\(from test\\) in \\d+ ms$`,
      ),
    );
    expect(obtained.notes).toHaveLength(1);
  });

  it('registers the secrets of both even when one fails', async () => {
    const secrets = new Secrets();
    const err = await failure(
      obtainCredentials(
        {
          main: v3({ password: 'first-wrong-pw' }),
          second: { kind: 'token', token: 'given-second-token', origin: 'test' },
          warnings: [],
        },
        client,
        secrets,
      ),
    );
    expect(err).toBeInstanceOf(UsageError);
    expect(secrets.redact('first-wrong-pw given-second-token')).toBe('[REDACTED] [REDACTED]');
  });
});
