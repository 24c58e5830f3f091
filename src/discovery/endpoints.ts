// Which profile runs against which endpoint of a token's service catalog:
// a profile names its service type (catalog.serviceType: network, identity);
// its paths carry the API version, so a version at the end of the endpoint's
// URL is dropped (identity endpoints are listed as http://host:5000/v3/).
import type { Catalog } from '../model/catalog.js';
import { findEndpoint, type EndpointQuery, type ServiceCatalog } from '../auth/serviceCatalog.js';

/** `/v3` for a profile whose every path starts with /v3/; undefined when they do not share one. */
export function versionPrefix(catalog: Catalog): string | undefined {
  const firsts = new Set(catalog.operations.map((op) => op.path.split('/')[1]));
  if (firsts.size !== 1) return undefined;
  const [first] = firsts;
  return /^v\d+(\.\d+)?$/.test(first) ? `/${first}` : undefined;
}

/** The endpoint URL as the base the profile's paths are joined to. */
export function profileBase(endpointUrl: string, catalog: Catalog): string {
  const url = new URL(endpointUrl);
  let path = url.pathname.replace(/\/+$/, '');
  const prefix = versionPrefix(catalog);
  if (prefix && path.endsWith(prefix)) path = path.slice(0, -prefix.length);
  return `${url.origin}${path}`;
}

export type ProfileEndpoint =
  { profile: string; serviceType: string; target: string } | { profile: string; serviceType?: string; missing: string };

/** For each profile: its endpoint in the catalog, or why it has none. */
export function endpointsFor(
  catalogs: Catalog[],
  services: ServiceCatalog,
  query: Omit<EndpointQuery, 'serviceType'>,
): ProfileEndpoint[] {
  return catalogs.map((catalog) => {
    const { profile, serviceType } = catalog;
    if (!serviceType)
      return { profile, missing: `profile ${profile} names no service type to look up in a service catalog` };
    const url = findEndpoint(services, { ...query, serviceType });
    if (!url) {
      const where = `${query.interface ?? 'public'} endpoint${query.region ? ` in region ${query.region}` : ''}`;
      return {
        profile,
        serviceType,
        missing: `the token's service catalog has no ${where} of type '${serviceType}' (profile ${profile})`,
      };
    }
    return { profile, serviceType, target: profileBase(url, catalog) };
  });
}
