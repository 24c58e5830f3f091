import { describe, expect, it } from 'vitest';
import { negotiate } from './server.js';

describe('reference target format negotiation', () => {
  it('takes the path suffix first, then Accept, then Content-Type, and JSON by default', () => {
    expect(negotiate('/v1.0/tenants/t/networks.xml', { accept: 'application/json' })).toEqual({
      path: '/v1.0/tenants/t/networks',
      format: 'xml',
      negotiatedBy: 'suffix',
    });
    expect(negotiate('/v1.0/tenants/t/networks', { accept: 'application/xml' })).toMatchObject({
      format: 'xml',
      negotiatedBy: 'accept',
    });
    expect(negotiate('/v1.0/tenants/t/networks', { accept: 'text/xml' })).toMatchObject({ format: 'xml' });
    expect(negotiate('/v1.0/tenants/t/networks', { 'content-type': 'application/xml' })).toMatchObject({
      format: 'xml',
      negotiatedBy: 'content-type',
    });
    expect(negotiate('/v1.0/tenants/t/networks', {})).toMatchObject({ format: 'json', negotiatedBy: 'default' });
  });
});
