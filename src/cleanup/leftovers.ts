// What a crashed run left behind: the resources of the kinds a profile
// creates (catalog.leftovers) whose names start with the prefix every name
// conform gives begins with.
import type { Catalog, LeftoverKind } from '../model/catalog.js';
import type { HttpClient } from '../http/client.js';
import { buildRequest, type BuiltRequest } from '../runner/buildRequest.js';
import type { Credentials } from '../model/credentials.js';

export const DEFAULT_PREFIX = 'conform-';

export interface Leftover {
  kind: LeftoverKind;
  id: string;
  name: string;
}

export interface CleanupTarget {
  client: HttpClient;
  catalog: Catalog;
  target: string;
  credentials: Credentials;
}

export function request(t: CleanupTarget, operation: string, params: Record<string, string> = {}): BuiltRequest {
  return buildRequest({ operation, params }, 'json', {
    catalog: t.catalog,
    target: t.target,
    vars: {},
    credentials: t.credentials,
    invalidToken: '',
  });
}

/** Lists each kind; throws with the status when a list cannot be read (nothing is deleted then). */
export async function findLeftovers(t: CleanupTarget, prefix: string): Promise<Leftover[]> {
  const found: Leftover[] = [];
  for (const kind of t.catalog.leftovers ?? []) {
    const req = request(t, kind.list);
    const outcome = await t.client.send(req);
    if (!outcome.ok) throw new Error(`${req.method} ${req.url}: ${outcome.error}`);
    if (outcome.response.status !== 200)
      throw new Error(`${req.method} ${req.url} answered ${outcome.response.status}, not 200`);
    const items = (JSON.parse(outcome.response.body) as Record<string, unknown>)[kind.collection];
    if (!Array.isArray(items)) throw new Error(`${req.method} ${req.url}: the answer has no '${kind.collection}' list`);
    for (const item of items as Array<{ id?: unknown; name?: unknown }>) {
      if (typeof item?.id === 'string' && typeof item.name === 'string' && item.name.startsWith(prefix))
        found.push({ kind, id: item.id, name: item.name });
    }
  }
  return found;
}
