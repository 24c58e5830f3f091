import { describe, expect, it } from 'vitest';
import { catalogFromV2, catalogFromV3, findEndpoint } from './serviceCatalog.js';

describe('service catalog', () => {
  const v3 = {
    token: {
      catalog: [
        {
          type: 'identity',
          name: 'keystone',
          endpoints: [{ interface: 'public', region_id: 'R1', url: 'http://k:5000/v3/' }],
        },
        {
          type: 'network',
          name: 'neutron',
          endpoints: [
            { interface: 'internal', region_id: 'R1', url: 'http://10.0.0.1:9696' },
            { interface: 'public', region: 'R2', url: 'http://r2:9696' },
            { interface: 'public', region_id: 'R1', url: 'http://r1:9696' },
            { interface: 'bogus', url: 'http://x' },
            { interface: 'public', region_id: 'R3' },
            'not an endpoint',
          ],
        },
        { name: 'no type' },
        42,
      ],
    },
  };

  it('reads v3 catalogs, leaving out what does not fit', () => {
    const catalog = catalogFromV3(v3);
    expect(catalog.map((s) => s.type)).toEqual(['identity', 'network']);
    expect(catalog[1].endpoints).toEqual([
      { interface: 'internal', region: 'R1', url: 'http://10.0.0.1:9696' },
      { interface: 'public', region: 'R2', url: 'http://r2:9696' },
      { interface: 'public', region: 'R1', url: 'http://r1:9696' },
    ]);
    expect(catalogFromV3({ token: {} })).toEqual([]);
    expect(catalogFromV3('garbage')).toEqual([]);
  });

  it('finds an endpoint by type, interface (public by default) and region', () => {
    const catalog = catalogFromV3(v3);
    expect(findEndpoint(catalog, { serviceType: 'network' })).toBe('http://r2:9696');
    expect(findEndpoint(catalog, { serviceType: 'network', region: 'R1' })).toBe('http://r1:9696');
    expect(findEndpoint(catalog, { serviceType: 'network', interface: 'internal' })).toBe('http://10.0.0.1:9696');
    expect(findEndpoint(catalog, { serviceType: 'network', interface: 'admin' })).toBeUndefined();
    expect(findEndpoint(catalog, { serviceType: 'compute' })).toBeUndefined();
  });

  it('reads v2.0 catalogs: one endpoint per interface URL', () => {
    const catalog = catalogFromV2({
      access: {
        serviceCatalog: [
          {
            type: 'network',
            name: 'neutron',
            endpoints: [{ region: 'R1', publicURL: 'http://pub', adminURL: 'http://adm' }],
          },
        ],
      },
    });
    expect(catalog).toEqual([
      {
        type: 'network',
        name: 'neutron',
        endpoints: [
          { interface: 'public', region: 'R1', url: 'http://pub' },
          { interface: 'admin', region: 'R1', url: 'http://adm' },
        ],
      },
    ]);
  });
});
