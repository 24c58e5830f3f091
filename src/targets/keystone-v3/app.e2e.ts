import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticTokens } from '../common/auth.js';
import { serveReference, type RunningTarget } from '../common/server.js';
import { KeystoneV3App } from './app.js';

/** A JSON answer, read loosely: the assertions say what it holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('the keystone-v3 reference target beyond the suite', () => {
  const ADMIN = 'admin-token';
  let target: RunningTarget;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${target.url}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : {}) as Record<string, Loose> };
  };
  const admin = (method: string, path: string, body?: unknown) => call(method, path, body, { 'x-auth-token': ADMIN });
  const login = (user: Record<string, unknown>, scope?: Record<string, unknown>) =>
    call('POST', '/v3/auth/tokens', {
      auth: { identity: { methods: ['password'], password: { user } }, ...(scope ? { scope } : {}) },
    });

  beforeAll(async () => {
    const auth = new StaticTokens(new Map([[ADMIN, { tenant: 'conform', roles: ['admin'] }]]));
    target = await serveReference(new KeystoneV3App({ auth }));
  });
  afterAll(() => target.close());

  it('issues tokens for a password, scoped to a project the user has a role on, and revokes them', async () => {
    const project = (await admin('POST', '/v3/projects', { project: { name: 'alpha' } })).json.project;
    expect(project).toMatchObject({ domain_id: 'default', parent_id: 'default', enabled: true, is_domain: false });
    const user = (await admin('POST', '/v3/users', { user: { name: 'alice', password: 's3cret' } })).json.user;
    expect(user).toMatchObject({ name: 'alice', domain_id: 'default', enabled: true });
    expect(user).not.toHaveProperty('password');
    const roles = (await admin('GET', '/v3/roles')).json.roles as { id: string; name: string }[];
    const member = roles.find((r) => r.name === 'member')!;

    const unscoped = await login({ name: 'alice', domain: { id: 'default' }, password: 's3cret' });
    expect(unscoped.status).toBe(201);
    expect(unscoped.headers.get('x-subject-token')).toBeTruthy();
    const refused = await login({ id: user.id, password: 's3cret' }, { project: { id: project.id } });
    expect([refused.status, refused.headers.get('www-authenticate')]).toEqual([
      401,
      expect.stringMatching(/^Keystone/),
    ]);

    const grant = `/v3/projects/${project.id}/users/${user.id}/roles/${member.id}`;
    expect((await admin('PUT', grant)).status).toBe(204);
    expect((await admin('HEAD', grant)).status).toBe(204);
    const scoped = await login({ id: user.id, password: 's3cret' }, { project: { id: project.id } });
    expect(scoped.json.token).toMatchObject({ project: { id: project.id }, roles: [{ name: 'member' }] });
    const token = scoped.headers.get('x-subject-token')!;

    const own = { 'x-auth-token': token };
    expect((await call('GET', `/v3/projects/${project.id}`, undefined, own)).status).toBe(200);
    const list = await call('GET', '/v3/projects', undefined, own);
    expect([list.status, list.json.error.message]).toEqual([403, expect.stringContaining('identity:list_projects')]);
    const validated = await call('GET', '/v3/auth/tokens', undefined, { ...own, 'x-subject-token': token });
    expect(validated.json.token.user).toMatchObject({ id: user.id, name: 'alice' });
    expect((await admin('GET', `/v3/role_assignments`)).json.role_assignments).toContainEqual({
      role: { id: member.id },
      user: { id: user.id },
      scope: { project: { id: project.id } },
    });
    expect((await call('DELETE', '/v3/auth/tokens', undefined, { ...own, 'x-subject-token': token })).status).toBe(204);
    expect((await call('GET', '/v3/projects', undefined, own)).status).toBe(401);
  });

  it('keeps domains, hierarchies and names as Keystone does', async () => {
    const domain = (await admin('POST', '/v3/domains', { domain: { name: 'acme' } })).json.domain;
    expect((await admin('POST', '/v3/domains', { domain: { name: 'acme' } })).status).toBe(409);
    const parent = (await admin('POST', '/v3/projects', { project: { name: 'p', domain_id: domain.id } })).json.project;
    const child = await admin('POST', '/v3/projects', { project: { name: 'c', parent_id: parent.id } });
    expect(child.json.project).toMatchObject({ domain_id: domain.id, parent_id: parent.id });
    // The same name in another domain is no conflict.
    expect((await admin('POST', '/v3/projects', { project: { name: 'p' } })).status).toBe(201);
    expect((await admin('POST', '/v3/projects', { project: { name: 'p' } })).status).toBe(409);
    const notLeaf = await admin('DELETE', `/v3/projects/${parent.id}`);
    expect([notLeaf.status, notLeaf.json.error.title]).toEqual([403, 'Forbidden']);
    expect((await admin('DELETE', `/v3/domains/${domain.id}`)).status).toBe(403);
    expect((await admin('PATCH', `/v3/domains/${domain.id}`, { domain: { enabled: false } })).status).toBe(200);
    expect((await admin('DELETE', `/v3/domains/${domain.id}`)).status).toBe(204);
    expect((await admin('GET', `/v3/projects/${parent.id}`)).status).toBe(404);
    const root = await call('GET', '/');
    expect([root.status, root.json.versions.values[0].id]).toEqual([300, 'v3.14']);
    const xml = await call('GET', '/v3/projects', undefined, { 'x-auth-token': ADMIN, accept: 'application/xml' });
    expect([xml.status, xml.headers.get('content-type')]).toEqual([200, 'application/json; charset=UTF-8']);
  });
});
