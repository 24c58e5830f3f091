import { describe, expect, it } from 'vitest';
import { loadProfile } from '../profiles/load.js';
import { evaluateProbe } from './evaluate.js';
import { findFault } from '../catalog/load.js';
import { generateJsonSchema } from '../schemagen/jsonSchema.js';
import { failedIds, judge } from '../testing/probe.js';

const neutron = loadProfile('neutron-v2.0');
const keystone = loadProfile('keystone-v3');
const neutronError = (type: string, message = 'm') => JSON.stringify({ NeutronError: { type, message, detail: '' } });
const identityError = (code: unknown, title = 'Unauthorized') =>
  JSON.stringify({ error: { code, title, message: 'The request you have made requires authentication.' } });
const WWW = { 'www-authenticate': 'Keystone uri="http://127.0.0.1:5000"' };

describe('fixed-root checks on NeutronError faults (neutron-v2.0)', () => {
  it('a 404 NeutronError conforms to the notFound row, whatever exception it names', () => {
    const checks = judge(neutron, { status: 404, body: neutronError('NetworkNotFound') }, { fault: 'notFound' });
    expect(failedIds(checks)).toEqual([]);
    expect(checks.map((c) => c.check)).toEqual([
      'status',
      'documented-status',
      'content-type',
      'well-formed',
      'fault-root',
      'fault-members',
      'json-schema',
    ]);
  });

  it('networkInUse: the brief names the exception, so another type is a finding (fault-type, json-schema)', () => {
    expect(
      failedIds(judge(neutron, { status: 409, body: neutronError('NetworkInUse') }, { fault: 'networkInUse' })),
    ).toEqual([]);
    const wrong = judge(neutron, { status: 409, body: neutronError('SubnetInUse') }, { fault: 'networkInUse' });
    expect(failedIds(wrong)).toEqual(['fault-type', 'json-schema']);
    expect(wrong.find((c) => c.check === 'fault-type')).toMatchObject({
      expected: 'NetworkInUse',
      actual: 'SubnetInUse',
    });
  });

  it('the conflict row leaves the type open; missing detail or an extra member is a finding', () => {
    expect(
      failedIds(
        judge(neutron, { status: 409, body: neutronError('IpAddressAlreadyAllocated') }, { fault: 'conflict' }),
      ),
    ).toEqual([]);
    const noDetail = JSON.stringify({ NeutronError: { type: 'X', message: 'm' } });
    expect(failedIds(judge(neutron, { status: 409, body: noDetail }, { fault: 'conflict' }))).toEqual([
      'fault-members',
      'json-schema',
    ]);
    const wrongRoot = JSON.stringify({ neutronError: { type: 'X', message: 'm', detail: '' } });
    expect(failedIds(judge(neutron, { status: 409, body: wrongRoot }, { fault: 'conflict' }))).toContain('fault-root');
  });

  it('a 401 in the identity envelope (the auth middleware) is accepted, and said so; only for 401', () => {
    const checks = judge(neutron, { status: 401, body: identityError(401) }, { fault: 'unauthorized' });
    expect(failedIds(checks)).toEqual([]);
    expect(checks.find((c) => c.check === 'fault-root')?.message).toBe(
      "401 in the identity service's envelope, as the auth middleware sends it",
    );
    expect(checks.map((c) => c.check)).toContain('fault-code');
    expect(failedIds(judge(neutron, { status: 401, body: identityError(403) }, { fault: 'unauthorized' }))).toEqual([
      'fault-code',
      'json-schema',
    ]);
    expect(
      failedIds(judge(neutron, { status: 403, body: identityError(403, 'Forbidden') }, { fault: 'forbidden' })),
    ).toContain('fault-root');
  });

  it('406 to an XML-only Accept: a JSON body or none conforms; an XML body does not', () => {
    const accept = { accept: 'application/xml' };
    const json = judge(
      neutron,
      { status: 406, body: neutronError('HTTPNotAcceptable'), requestHeaders: accept },
      { fault: 'notAcceptable' },
    );
    expect(failedIds(json)).toEqual([]);
    expect(json.find((c) => c.check === 'content-type')?.message).toMatch(
      /asked for application\/xml, which neutron-v2\.0 does not serve/,
    );
    const empty = judge(neutron, { status: 406, body: '', requestHeaders: accept }, { fault: 'notAcceptable' });
    expect(failedIds(empty)).toEqual([]);
    expect(empty.find((c) => c.check === 'well-formed')?.state).toBe('passed');
    const xml = judge(
      neutron,
      { status: 406, body: '<NeutronError/>', contentType: 'application/xml', requestHeaders: accept },
      { fault: 'notAcceptable' },
    );
    expect(failedIds(xml)).toContain('content-type');
    expect(failedIds(judge(neutron, { status: 404, body: '' }, { fault: 'notFound' }))).toContain('well-formed');
  });

  it('a 2xx where a fault was due is one finding (status), not a broken fault body', () => {
    expect(failedIds(judge(neutron, { status: 201, body: '{"network":{"id":"n"}}' }, { fault: 'badRequest' }))).toEqual(
      ['status'],
    );
  });

  it("the answer counts as the fault it is: the expected row, the named exception, or its status's only row", () => {
    const observed = (status: number, body: string, fault: string) =>
      evaluateProbe({
        catalog: neutron.catalog,
        validators: neutron,
        format: 'json',
        request: { method: 'DELETE', url: 'http://x/v2.0/networks/n', headers: {} },
        response: { status, headers: { 'content-type': 'application/json' }, body, truncated: false },
        expectation: {
          kind: 'fault',
          fault: findFault(neutron.catalog, fault),
          statuses: findFault(neutron.catalog, fault).codes,
        },
      }).observedFault;
    expect(observed(409, neutronError('NetworkInUse'), 'networkInUse')).toBe('networkInUse');
    expect(observed(409, neutronError('NetworkInUse'), 'notFound')).toBe('networkInUse');
    expect(observed(409, neutronError('SubnetInUse'), 'networkInUse')).toBe('conflict');
    expect(observed(404, neutronError('PortNotFound'), 'networkInUse')).toBe('notFound');
  });
});

describe('fixed-root checks on Identity v3 errors (keystone-v3)', () => {
  it('a 401 with WWW-Authenticate and code = status conforms; without the header it does not', () => {
    expect(
      failedIds(judge(keystone, { status: 401, body: identityError(401), headers: WWW }, { fault: 'invalidToken' })),
    ).toEqual([]);
    const bare = judge(keystone, { status: 401, body: identityError(401) }, { fault: 'invalidToken' });
    expect(failedIds(bare)).toEqual(['fault-headers']);
    expect(bare.find((c) => c.check === 'fault-headers')).toMatchObject({ expected: 'WWW-Authenticate' });
  });

  it('error.code must be the status, as an integer', () => {
    expect(
      failedIds(
        judge(keystone, { status: 401, body: identityError(400), headers: WWW }, { fault: 'noAuthentication' }),
      ),
    ).toEqual(['fault-code', 'json-schema']);
    expect(
      failedIds(
        judge(keystone, { status: 401, body: identityError('401'), headers: WWW }, { fault: 'noAuthentication' }),
      ),
    ).toContain('fault-code');
  });

  it('another status than the row expects is the status finding only; the body is checked as that status', () => {
    const forbidden = JSON.stringify({
      error: { code: 403, title: 'Forbidden', message: 'Update of `parent_id` is not allowed.' },
    });
    expect(failedIds(judge(keystone, { status: 403, body: forbidden }, { fault: 'createOnlyAttribute' }))).toEqual([
      'status',
    ]);
  });

  it('an HTML 404 is a finding of content type and well-formedness, not of status', () => {
    const html = judge(
      keystone,
      { status: 404, body: '<!doctype html><title>404 Not Found</title>', contentType: 'text/html; charset=utf-8' },
      { fault: 'uriNotFound' },
    );
    expect(failedIds(html)).toEqual(['content-type', 'well-formed']);
  });
});

/** A generated schema, read down its `properties`. */
interface SchemaNode {
  properties: Record<string, SchemaNode>;
}

describe('JSON Schema generation for fixed-root profiles', () => {
  const schema = generateJsonSchema(neutron.catalog) as { anyOf: unknown[]; $defs: Record<string, SchemaNode> };
  it('fixes the type only where a source names the exception', () => {
    expect(schema.$defs.networkInUse.properties.NeutronError.properties.type).toEqual({
      type: 'string',
      const: 'NetworkInUse',
    });
    expect(schema.$defs.notFound.properties.NeutronError.properties.type).toEqual({ type: 'string' });
  });
  it('defines the 401 in the identity envelope, with code 401, and accepts any row (anyOf)', () => {
    expect(schema.$defs['unauthorized.identity'].properties.error.properties.code).toEqual({
      type: 'integer',
      const: 401,
    });
    expect(schema.anyOf).toContainEqual({ $ref: '#/$defs/unauthorized.identity' });
  });
});
