// The service catalog that comes with a token (v3 `token.catalog`, v2.0
// `access.serviceCatalog`), as one typed shape, for endpoint discovery.

type EndpointInterface = 'public' | 'internal' | 'admin';

interface CatalogEndpoint {
  interface: EndpointInterface;
  region?: string;
  url: string;
}

interface CatalogService {
  /** `network`, `identity`, ... */
  type: string;
  name?: string;
  endpoints: CatalogEndpoint[];
}

export type ServiceCatalog = CatalogService[];

const INTERFACES: EndpointInterface[] = ['public', 'internal', 'admin'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** What the identity service sent is not trusted: entries that do not fit are left out. */
function services(entries: unknown, endpointsOf: (raw: Json) => CatalogEndpoint[]): ServiceCatalog {
  const out: ServiceCatalog = [];
  for (const entry of list(entries)) {
    const type = str(entry.type);
    if (!type) continue;
    out.push({ type, name: str(entry.name), endpoints: list(entry.endpoints).flatMap(endpointsOf) });
  }
  return out;
}

/** v3: `{token: {catalog: [{type, name, endpoints: [{interface, region_id, region, url}]}]}}`. */
export function catalogFromV3(body: unknown): ServiceCatalog {
  const token = isObject(body) ? body.token : undefined;
  return services(isObject(token) ? token.catalog : undefined, (e) => {
    const iface = str(e.interface) as EndpointInterface | undefined;
    const url = str(e.url);
    if (!iface || !INTERFACES.includes(iface) || !url) return [];
    return [{ interface: iface, region: str(e.region_id) ?? str(e.region), url }];
  });
}

/** v2.0: `{access: {serviceCatalog: [{type, name, endpoints: [{region, publicURL, internalURL, adminURL}]}]}}`. */
export function catalogFromV2(body: unknown): ServiceCatalog {
  const access = isObject(body) ? body.access : undefined;
  return services(isObject(access) ? access.serviceCatalog : undefined, (e) =>
    INTERFACES.flatMap((iface) => {
      const url = str(e[`${iface}URL`]);
      return url ? [{ interface: iface, region: str(e.region), url }] : [];
    }),
  );
}

export interface EndpointQuery {
  serviceType: string;
  /** Default: public. */
  interface?: EndpointInterface;
  /** Any region when not given. */
  region?: string;
}

/** The URL of the first endpoint that fits, as keystoneauth picks it; undefined when none does. */
export function findEndpoint(catalog: ServiceCatalog, query: EndpointQuery): string | undefined {
  const wanted = query.interface ?? 'public';
  for (const service of catalog) {
    if (service.type !== query.serviceType) continue;
    const hit = service.endpoints.find(
      (e) => e.interface === wanted && (query.region === undefined || e.region === query.region),
    );
    if (hit) return hit.url;
  }
  return undefined;
}
