import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load.js';
import { buildRequest } from './buildRequest.js';

const catalog = loadCatalog('neutron-v2.0');
const ctx = {
  catalog,
  target: 'http://127.0.0.1:9696',
  vars: { tenant: 't', runId: 'r', uuid: 'u', name: 'n' },
  credentials: {},
  invalidToken: 'bad',
};

describe('buildRequest: request-level overrides', () => {
  it('asks for the case format by default', () => {
    const req = buildRequest({ operation: 'network.list' }, 'json', ctx);
    expect(req).toMatchObject({
      method: 'GET',
      url: 'http://127.0.0.1:9696/v2.0/networks',
      headers: { accept: 'application/json' },
    });
  });
  it("`accept` replaces the format's media type: ask for XML from a JSON-only service", () => {
    expect(buildRequest({ operation: 'network.list', accept: 'application/xml' }, 'json', ctx).headers.accept).toBe(
      'application/xml',
    );
  });
  it("`method` sends the operation's path with another method", () => {
    expect(buildRequest({ operation: 'network.list', method: 'PATCH' }, 'json', ctx)).toMatchObject({
      method: 'PATCH',
      operation: 'network.list',
    });
  });
});

describe('buildRequest: path values', () => {
  it('are single encoded segments: an id cannot walk the path to something conform did not create', () => {
    const req = buildRequest({ operation: 'subnet.delete', params: { subnet: '{created.id}' } }, 'json', {
      ...ctx,
      vars: { ...ctx.vars, 'created.id': '../subnets/someone-elses' },
    });
    expect(req.url).toBe('http://127.0.0.1:9696/v2.0/subnets/..%2Fsubnets%2Fsomeone-elses');
  });
});
