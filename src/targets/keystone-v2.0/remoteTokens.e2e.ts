import { afterEach, describe, expect, it } from 'vitest';
import { runConformance } from '../../core/runConformance.js';
import { blankAuthEnv, withEnv } from '../../testing/env.js';
import { StaticTokens } from '../common/auth.js';
import { serveReference, type RunningTarget } from '../common/server.js';
import { QuantumApp } from '../quantum-v1.0/app.js';
import { KeystoneApp, type KeystoneOptions } from './app.js';
import { KeystoneV2Tokens } from './remoteTokens.js';

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

const USERS: KeystoneOptions['users'] = [
  { name: 'quantum', password: 'service-secret', tenant: 'service', roles: ['admin'] },
  { name: 'alice', password: 'alice-secret', tenant: 'alpha' },
  { name: 'bob', password: 'bob-secret', tenant: 'beta' },
];

async function serve<T extends RunningTarget>(t: Promise<T>): Promise<T> {
  const running = await t;
  open.push(running);
  return running;
}

/** POST /v2.0/tokens as a client would: the token and the tenant it is scoped to. */
async function issue(identity: string, username: string, password: string): Promise<{ token: string; tenant: string }> {
  const res = await fetch(`${identity}/v2.0/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ auth: { passwordCredentials: { username, password } } }),
  });
  expect(res.status).toBe(200);
  const { access } = (await res.json()) as { access: { token: { id: string; tenant: { id: string } } } };
  return { token: access.token.id, tenant: access.token.tenant.id };
}

async function quantumBehindKeystone(options: KeystoneOptions = {}) {
  const keystone = await serve(serveReference(new KeystoneApp({ users: USERS, ...options })));
  const authority = await KeystoneV2Tokens.login(keystone.url, { username: 'quantum', password: 'service-secret' });
  open.push(authority);
  const quantum = await serve(serveReference(new QuantumApp({ auth: authority })));
  const networks = (tenant: string, token?: string) =>
    fetch(`${quantum.url}/v1.0/tenants/${tenant}/networks`, {
      headers: { accept: 'application/json', ...(token ? { 'x-auth-token': token } : {}) },
    });
  return { keystone, quantum, networks };
}

describe('the quantum reference with the keystone-v2.0 reference as its identity service', () => {
  it('accepts tokens keystone issued, for their own tenant only, and refuses others', async () => {
    const { keystone, networks } = await quantumBehindKeystone();
    const alice = await issue(keystone.url, 'alice', 'alice-secret');
    const bob = await issue(keystone.url, 'bob', 'bob-secret');
    expect((await networks(alice.tenant, alice.token)).status).toBe(200);
    expect((await networks(alice.tenant, bob.token)).status).toBe(403);
    const invented = await networks(alice.tenant, 'a'.repeat(48));
    expect(invented.status).toBe(401);
    expect(Object.keys((await invented.json()) as object)).toEqual(['unauthorized']);
    expect((await networks(alice.tenant)).status).toBe(401);
  });

  it('stops accepting a token once keystone no longer does (its user deleted)', async () => {
    const { keystone, networks } = await quantumBehindKeystone();
    const alice = await issue(keystone.url, 'alice', 'alice-secret');
    const admin = await issue(keystone.url, 'quantum', 'service-secret');
    const users = (await (
      await fetch(`${keystone.url}/v2.0/users`, { headers: { 'x-auth-token': admin.token } })
    ).json()) as { users: { id: string; name: string }[] };
    const id = users.users.find((u) => u.name === 'alice')!.id;
    expect(
      (await fetch(`${keystone.url}/v2.0/users/${id}`, { method: 'DELETE', headers: { 'x-auth-token': admin.token } }))
        .status,
    ).toBe(204);
    expect((await networks(alice.tenant, alice.token)).status).toBe(401);
  });

  it("accepts the tokens keystone itself accepts from a static list (the embedded run's)", async () => {
    const { networks } = await quantumBehindKeystone({
      auth: new StaticTokens(new Map([['static-token-of-tenant-t9', { tenant: 't9', roles: ['member'] }]])),
    });
    expect((await networks('t9', 'static-token-of-tenant-t9')).status).toBe(200);
    expect((await networks('t8', 'static-token-of-tenant-t9')).status).toBe(403);
  });

  it('passes the quantum-v1.0 auth scenarios and one that builds and tears down, with keystone tokens', async () => {
    const { keystone, quantum } = await quantumBehindKeystone();
    const alice = await issue(keystone.url, 'alice', 'alice-secret');
    const bob = await issue(keystone.url, 'bob', 'bob-secret');
    // As `conform --target URL --token T --second-token T2` runs it.
    const { runs } = await withEnv(blankAuthEnv(), () =>
      runConformance({
        target: quantum.url,
        profiles: ['quantum-v1.0'],
        tenant: alice.tenant,
        discover: false,
        concurrency: 8,
        timeoutMs: 5_000,
        selection: { only: ['auth.*', 'network.delete.in-use'] },
        assume: [],
        auth: { main: { token: alice.token }, second: { token: bob.token } },
      }),
    );
    const [run] = runs;
    expect(run.summary).toMatchObject({ total: 8, passed: 8 });
  });

  it('puts no token in an error: an unreachable identity service is an error naming only its address', async () => {
    const authority = new KeystoneV2Tokens('http://127.0.0.1:9', 'the-admin-token', { timeoutMs: 500 });
    open.push(authority);
    const error = await authority.identify('the-token-to-check').then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/127\.0\.0\.1:9 could not validate a token: connection refused/);
    expect(error?.message).not.toMatch(/the-token-to-check|the-admin-token/);
  });
});
