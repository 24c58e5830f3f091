import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load.js';
import type { ServiceCatalog } from '../auth/serviceCatalog.js';
import { endpointsFor, profileBase, versionPrefix } from './endpoints.js';

const neutron = loadCatalog('neutron-v2.0');
const keystone = loadCatalog('keystone-v3');
const quantum = loadCatalog('quantum-v1.0');

const services: ServiceCatalog = [
  {
    type: 'identity',
    name: 'keystone',
    endpoints: [
      { interface: 'internal', region: 'RegionOne', url: 'http://10.0.0.1:5000/v3/' },
      { interface: 'public', region: 'RegionOne', url: 'https://cloud.example/identity/v3/' },
    ],
  },
  {
    type: 'network',
    name: 'neutron',
    endpoints: [
      { interface: 'public', region: 'RegionTwo', url: 'https://net2.example:9696' },
      { interface: 'public', region: 'RegionOne', url: 'https://net.example:9696/' },
    ],
  },
];

describe('endpoint discovery from a service catalog', () => {
  it("reads the API version a profile's paths share", () => {
    expect(versionPrefix(neutron)).toBe('/v2.0');
    expect(versionPrefix(keystone)).toBe('/v3');
  });

  it('drops the version the endpoint is listed with, keeps any other path prefix', () => {
    expect(profileBase('https://cloud.example/identity/v3/', keystone)).toBe('https://cloud.example/identity');
    expect(profileBase('http://127.0.0.1:5000/v3', keystone)).toBe('http://127.0.0.1:5000');
    expect(profileBase('https://net.example:9696/', neutron)).toBe('https://net.example:9696');
    expect(profileBase('https://cloud.example/networking/v2.0', neutron)).toBe('https://cloud.example/networking');
  });

  it("picks the public endpoint of the profile's service type, in the region asked for", () => {
    expect(endpointsFor([keystone, neutron], services, { region: 'RegionOne' })).toEqual([
      { profile: 'keystone-v3', serviceType: 'identity', target: 'https://cloud.example/identity' },
      { profile: 'neutron-v2.0', serviceType: 'network', target: 'https://net.example:9696' },
    ]);
    expect(endpointsFor([neutron], services, {})).toEqual([
      { profile: 'neutron-v2.0', serviceType: 'network', target: 'https://net2.example:9696' },
    ]);
  });

  it('says why a profile has no endpoint', () => {
    const [none] = endpointsFor([neutron], services, { region: 'RegionThree' });
    expect(none).toMatchObject({
      missing: expect.stringMatching(/no public endpoint in region RegionThree of type 'network'/),
    });
    const [untyped] = endpointsFor([quantum], services, {});
    expect(untyped).toMatchObject({ missing: expect.stringMatching(/names no service type/) });
  });
});
