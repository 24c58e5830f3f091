import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticTokens } from '../common/auth.js';
import { serveReference, type RunningTarget } from '../common/server.js';
import { NeutronApp } from './app.js';

/** A JSON answer, read loosely: the assertions say what it holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('the neutron-v2.0 reference target beyond the suite', () => {
  const ADMIN = 'admin-token';
  const MEMBER = 'member-token';
  let target: RunningTarget;
  const call = async (method: string, path: string, body?: unknown, token = ADMIN, accept = 'application/json') => {
    const res = await fetch(`${target.url}${path}`, {
      method,
      headers: { accept, 'x-auth-token': token, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, Loose>) : {} };
  };

  beforeAll(async () => {
    const auth = new StaticTokens(
      new Map([
        [ADMIN, { tenant: 'alpha', roles: ['admin'] }],
        [MEMBER, { tenant: 'beta', roles: ['member'] }],
      ]),
    );
    target = await serveReference(new NeutronApp({ auth }));
  });
  afterAll(() => target.close());

  it('allocates fixed IPs, keeps a subnet with ports in use, deletes a free network with its subnets', async () => {
    const net = (await call('POST', '/v2.0/networks', { network: { name: 'n' } })).json.network;
    expect(net).toMatchObject({
      status: 'ACTIVE',
      tenant_id: 'alpha',
      project_id: 'alpha',
      shared: false,
      subnets: [],
    });
    const subnet = await call('POST', '/v2.0/subnets', {
      subnet: { network_id: net.id, ip_version: 4, cidr: '198.51.100.0/29' },
    });
    expect(subnet.status).toBe(201);
    expect(subnet.json.subnet).toMatchObject({
      gateway_ip: '198.51.100.1',
      allocation_pools: [{ start: '198.51.100.2', end: '198.51.100.6' }],
    });
    const sid = subnet.json.subnet.id;
    expect((await call('GET', `/v2.0/networks/${net.id}`)).json.network.subnets).toEqual([sid]);
    const overlap = await call('POST', '/v2.0/subnets', {
      subnet: { network_id: net.id, ip_version: 4, cidr: '198.51.100.0/24' },
    });
    expect([overlap.status, overlap.json.NeutronError.type]).toEqual([400, 'InvalidInput']);
    const misaligned = await call('POST', '/v2.0/subnets', {
      subnet: { network_id: net.id, ip_version: 4, cidr: '203.0.113.5/24' },
    });
    expect(misaligned.json.NeutronError.message).toMatch(/prefer '203\.0\.113\.0\/24'/);

    const port = (await call('POST', '/v2.0/ports', { port: { network_id: net.id } })).json.port;
    expect(port.fixed_ips).toEqual([{ subnet_id: sid, ip_address: '198.51.100.2' }]);
    expect(port.mac_address).toMatch(/^fa:16:3e(:[0-9a-f]{2}){3}$/);
    const outside = await call('POST', '/v2.0/ports', {
      port: { network_id: net.id, fixed_ips: [{ subnet_id: sid, ip_address: '198.51.100.7' }] },
    });
    expect(outside.status).toBe(400);
    const inUse = await call('DELETE', `/v2.0/subnets/${sid}`);
    expect([inUse.status, inUse.json.NeutronError.type]).toEqual([409, 'SubnetInUse']);
    const networkInUse = await call('DELETE', `/v2.0/networks/${net.id}`);
    expect([networkInUse.status, networkInUse.json.NeutronError.type]).toEqual([409, 'NetworkInUse']);

    const moved = await call('PUT', `/v2.0/ports/${port.id}`, {
      port: { fixed_ips: [{ subnet_id: sid, ip_address: '198.51.100.5' }] },
    });
    expect(moved.json.port.fixed_ips[0].ip_address).toBe('198.51.100.5');
    expect((await call('DELETE', `/v2.0/ports/${port.id}`)).status).toBe(204);
    expect((await call('DELETE', `/v2.0/networks/${net.id}`)).status).toBe(204);
    expect((await call('GET', `/v2.0/subnets/${sid}`)).json.NeutronError.type).toBe('SubnetNotFound');
  });

  it("keeps projects apart: another's network is not found, a shared one is seen, only admins share", async () => {
    const own = (await call('POST', '/v2.0/networks', { network: { name: 'private' } })).json.network;
    const shared = (await call('POST', '/v2.0/networks', { network: { name: 'public', shared: true } })).json.network;
    expect((await call('GET', `/v2.0/networks/${own.id}`, undefined, MEMBER)).status).toBe(404);
    expect((await call('GET', `/v2.0/networks/${shared.id}`, undefined, MEMBER)).status).toBe(200);
    const listed = (await call('GET', '/v2.0/networks', undefined, MEMBER)).json.networks.map(
      (n: { id: string }) => n.id,
    );
    expect(listed).toContain(shared.id);
    expect(listed).not.toContain(own.id);
    const elsewhere = await call('POST', '/v2.0/networks', { network: { tenant_id: 'alpha' } }, MEMBER);
    expect([elsewhere.status, elsewhere.json.NeutronError.type]).toEqual([403, 'PolicyNotAuthorized']);
    const port = await call('POST', '/v2.0/ports', { port: { network_id: shared.id } }, MEMBER);
    expect(port.json.port).toMatchObject({ tenant_id: 'beta', network_id: shared.id });
  });

  it('answers as Neutron does at its edges: Allow on 405, 406 in JSON, 401 with a challenge, open root', async () => {
    const patch = await call('PATCH', '/v2.0/networks');
    expect([patch.status, patch.headers.get('allow')]).toEqual([405, 'GET, POST']);
    const xml = await call('GET', '/v2.0/networks', undefined, ADMIN, 'application/xml');
    expect([xml.status, xml.headers.get('content-type'), xml.json.NeutronError.type]).toEqual([
      406,
      'application/json; charset=UTF-8',
      'HTTPNotAcceptable',
    ]);
    expect((await call('GET', '/v2.0/networks', undefined, ADMIN, 'application/json, application/xml')).status).toBe(
      200,
    );
    const anonymous = await call('GET', '/v2.0/networks', undefined, 'no-such-token');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual({
      error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
    });
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Keystone uri="/);
    expect((await fetch(`${target.url}/`)).status).toBe(200);
    const typo = await call('POST', '/v2.0/networks', { network: { admin_state_up: 'maybe' } });
    expect(typo.json.NeutronError.message).toBe(
      "Invalid input for admin_state_up. Reason: 'maybe' cannot be converted to boolean.",
    );
  });
});
