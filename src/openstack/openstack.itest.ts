// Real Keystone and Neutron (Debian's Zed packages) started by this file,
// shared by its tests, and stopped at the end — with proof that nothing is left.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openstackAvailable } from './available.js';
import { http } from './http.js';
import { startKeystone, type RunningKeystone } from './keystone.js';
import { startNeutron, type RunningNeutron } from './neutron.js';
import { groupMembers, isRunning } from './process.js';

const availability = openstackAvailable();
const suite = availability.ok ? describe : describe.skip;
const title = availability.ok ? 'real Keystone + Neutron' : `real Keystone + Neutron (skipped: ${availability.reason})`;

suite(title, () => {
  let keystone: RunningKeystone;
  let open: RunningNeutron; // auth_strategy = noauth
  let guarded: RunningNeutron; // auth_strategy = keystone
  let adminToken: string;

  beforeAll(async () => {
    [keystone, open] = await Promise.all([startKeystone(), startNeutron({ auth: 'noauth' })]);
    guarded = await startNeutron({ auth: 'keystone', keystone });
    adminToken = (await keystone.issueToken()).token;
    for (const [name, s] of Object.entries({ keystone, 'neutron noauth': open, 'neutron keystone': guarded })) {
      console.info(`${name}: setup ${s.setupMs} ms, ready ${s.readyMs} ms after start`);
    }
  });

  afterAll(async () => {
    await Promise.all([open, guarded, keystone].map((s) => s?.stop()));
  });

  // A failing test prints the services' log tails (they hold no secrets: see below).
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      for (const [name, s] of Object.entries({ keystone, 'neutron noauth': open, 'neutron keystone': guarded })) {
        console.error(`--- ${name} log (tail) ---\n${s?.logTail(30) ?? '(not started)'}`);
      }
    });
  });

  const asAdmin = () => ({ 'x-auth-token': adminToken });

  it('Keystone issues a project-scoped token by password auth', async () => {
    expect(adminToken).toMatch(/^\S{100,}$/);
    const check = await http(`${keystone.authUrl}/auth/tokens`, {
      headers: { ...asAdmin(), 'x-subject-token': adminToken },
    });
    expect(check.status).toBe(200);
    expect(check.json).toMatchObject({ token: { project: { name: 'admin' }, user: { name: 'admin' } } });
  });

  it('Neutron noauth lists, creates (201) and deletes (204) networks', async () => {
    expect((await http(`${open.url}/v2.0/networks`)).status).toBe(200);
    const created = await http(`${open.url}/v2.0/networks`, {
      body: { network: { name: 'conform-itest', tenant_id: 'conform-tenant' } },
    });
    expect(created.status).toBe(201);
    const id = (created.json as { network: { id: string } }).network.id;
    expect((await http(`${open.url}/v2.0/networks/${id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('Neutron noauth answers faults in the NeutronError envelope', async () => {
    const missing = await http(`${open.url}/v2.0/networks/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ NeutronError: { type: 'NetworkNotFound', detail: '' } });
    const xml = await http(`${open.url}/v2.0/networks`, { headers: { accept: 'application/xml' } });
    expect(xml.status).toBe(406);
    expect(xml.json).toMatchObject({ NeutronError: { type: 'HTTPNotAcceptable' } });
  });

  it('Neutron behind Keystone answers 401 without a token and 200 with one', async () => {
    const anonymous = await http(`${guarded.url}/v2.0/networks`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe(`Keystone uri="${keystone.url}"`);
    expect(anonymous.json).toEqual({
      error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
    });
    const forged = await http(`${guarded.url}/v2.0/networks`, { headers: { 'x-auth-token': 'not-a-token' } });
    expect(forged.status).toBe(401);
    expect((await http(`${guarded.url}/v2.0/networks`, { headers: asAdmin() })).status).toBe(200);
  });

  it('deleting a network with a compute:nova port answers 409 NetworkInUse', async () => {
    const created = await http(`${guarded.url}/v2.0/networks`, {
      headers: asAdmin(),
      body: { network: { name: 'in-use' } },
    });
    expect(created.status).toBe(201);
    const networkId = (created.json as { network: { id: string } }).network.id;
    const port = await http(`${guarded.url}/v2.0/ports`, {
      headers: asAdmin(),
      body: { port: { network_id: networkId, device_owner: 'compute:nova', device_id: randomUUID() } },
    });
    expect(port.status).toBe(201);
    const refused = await http(`${guarded.url}/v2.0/networks/${networkId}`, { method: 'DELETE', headers: asAdmin() });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toBe('application/json');
    expect(refused.json).toMatchObject({ NeutronError: { type: 'NetworkInUse', detail: '' } });
  });

  it('an extra member user gets a token whose catalog has the registered network endpoint', async () => {
    await keystone.registerService('network', 'neutron', guarded.url);
    const member = await keystone.createUser({
      user: 'conform-member',
      password: randomUUID(),
      project: 'conform',
      role: 'member',
    });
    expect(JSON.stringify(member)).not.toContain(member.password);
    const issued = await keystone.issueToken(member);
    const catalog = (issued.body as { token: { catalog: Array<{ type: string; endpoints: Array<{ url: string }> }> } })
      .token.catalog;
    expect(catalog.find((s) => s.type === 'network')?.endpoints.map((e) => e.url)).toEqual([guarded.url]);
    const networks = await http(`${guarded.url}/v2.0/networks`, { headers: { 'x-auth-token': issued.token } });
    expect(networks.status).toBe(200);
  });

  it('keeps the admin password and tokens out of printable objects and service logs', () => {
    expect(JSON.stringify(keystone)).not.toContain(keystone.adminPassword);
    for (const [service, log] of [
      [keystone, 'keystone.log'],
      [open, 'neutron.log'],
      [guarded, 'neutron.log'],
    ] as const) {
      const text = readFileSync(join(service.dir, log), 'utf8');
      expect(text).not.toContain(keystone.adminPassword);
      expect(text).not.toContain(adminToken);
    }
  });

  it('stop() ends exactly the started processes, closes the ports and removes the temp dirs', async () => {
    const services = [open, guarded, keystone];
    const pids = services.flatMap((s) => groupMembers(s.pid));
    expect(pids.length).toBeGreaterThanOrEqual(services.length); // Neutron adds rpc/periodic workers
    for (const s of services) await s.stop();
    for (const s of services) expect(() => process.kill(s.pid, 0)).toThrow(); // leaders: reaped by us
    for (const pid of pids) expect(isRunning(pid)).toBe(false); // workers: gone (or a zombie awaiting init)
    for (const s of services) {
      expect(groupMembers(s.pid)).toEqual([]);
      expect(await portAnswers(s.port)).toBe(false);
      expect(existsSync(s.dir)).toBe(false);
      expect(s.logTail()).not.toBe('');
    }
  });
});

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
