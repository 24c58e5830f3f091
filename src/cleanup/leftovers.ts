// What a crashed run left behind: the resources of the kinds a profile
// creates (catalog.leftovers) whose names start with what the run put first
// in every name it gave — `${runId}-` — or, asked for explicitly, a prefix
// every run shares; with what lives inside them (a Quantum network's ports)
// and what has to come off before they can go (a port's attachment).
import type { Catalog, LeftoverKind } from '../model/catalog.js';
import type { HttpClient } from '../http/client.js';
import { buildRequest, type BuiltRequest } from '../runner/buildRequest.js';
import { readPointer } from '../runner/pointer.js';
import type { Credentials } from '../model/credentials.js';

/** The prefix every name conform gives starts with: `--prefix conform-` deletes what any run left behind. */
export const DEFAULT_PREFIX = 'conform-';

/** `conform-20261121t210501-3fa2`, as newRunId makes them and results.json records them (runs[].runId). */
export const RUN_ID = /^conform-\d{8}t\d{6}-[0-9a-f]{4}$/;

/** Which names are a run's: those starting with one of these (`${runId}-`, or the prefix given). */
export interface NameMatch {
  prefixes: string[];
}

/** The names one run gave (`${runId}-${scenario}-${format}`), or any of several runs'. */
export const runNames = (runIds: string[]): NameMatch => ({ prefixes: runIds.map((id) => `${id}-`) });

export interface Leftover {
  /** What it is: `port`, `network`, `attachment`. */
  what: string;
  id: string;
  /** Its name; for what has none, where it is (`in network conform-…`). */
  name: string;
  /** The operation that deletes it, and the path parameters that reach it. */
  delete: string;
  params: Record<string, string>;
}

export interface CleanupTarget {
  client: HttpClient;
  catalog: Catalog;
  target: string;
  credentials: Credentials;
  /** Path parameters every request takes: `{tenant}`. */
  vars?: Record<string, string>;
}

export function request(t: CleanupTarget, operation: string, params: Record<string, string> = {}): BuiltRequest {
  return buildRequest({ operation, params }, 'json', {
    catalog: t.catalog,
    target: t.target,
    vars: { ...t.vars, ...params },
    credentials: t.credentials,
    invalidToken: '',
  });
}

/**
 * The JSON answer of a GET. When `mayBeGone`, undefined for a thing gone since
 * it was listed (404, or the profile's not-found); otherwise that is an error
 * too (a top-level list that is not found: not the service it should be).
 */
async function read(
  t: CleanupTarget,
  operation: string,
  params: Record<string, string>,
  mayBeGone: boolean,
): Promise<unknown> {
  const req = request(t, operation, params);
  const outcome = await t.client.send(req);
  if (!outcome.ok) throw new Error(`${req.method} ${req.url}: ${outcome.error}`);
  const { status, body } = outcome.response;
  if (status === 200) return JSON.parse(body) as unknown;
  if (mayBeGone && (status === 404 || operationNotFound(t.catalog, operation, status))) return undefined;
  throw new Error(`${req.method} ${req.url} answered ${status}, not 200`);
}

/** A status the operation documents as "not found" (Quantum's networkNotFound is 420). */
function operationNotFound(catalog: Catalog, operation: string, status: number): boolean {
  const op = catalog.operations.find((o) => o.id === operation);
  return (op?.faults ?? []).some(
    (element) => /notfound/i.test(element) && catalog.faults.find((f) => f.element === element)?.codes.includes(status),
  );
}

const singular = (kind: LeftoverKind) => kind.collection.replace(/s$/, '');
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The items of a list: id and, when the list gives it, name. Throws when the list cannot be read. */
async function list(t: CleanupTarget, kind: LeftoverKind, params: Record<string, string>) {
  const inside = Object.keys(params).length > 0;
  const answer = await read(t, kind.list, params, inside);
  if (answer === undefined) return []; // what it was inside is gone
  const items = readPointer(answer, `/${kind.collection}`);
  if (!Array.isArray(items)) {
    const req = request(t, kind.list, params);
    throw new Error(`${req.method} ${req.url}: the answer has no '${kind.collection}' list`);
  }
  return (items as Array<{ id?: unknown; name?: unknown }>).flatMap((item) => {
    const id = text(item?.id);
    return id ? [{ id, name: text(item.name) }] : [];
  });
}

/** What has to come off one before it is deleted (a port's attachment), if anything. */
async function detached(t: CleanupTarget, kind: LeftoverKind, own: Record<string, string>): Promise<Leftover[]> {
  if (!kind.detach) return [];
  const id = text(readPointer(await read(t, kind.detach.show, own, true), kind.detach.id));
  if (!id) return [];
  const what = kind.detach.delete.split('.')[0];
  return [{ what, id, name: `on ${singular(kind)} ${own[kind.param]}`, delete: kind.detach.delete, params: own }];
}

/**
 * One kind's leftovers in deletion order: for each item kept, what comes off
 * it, then what lives inside it, then the item. `keep` undefined: every item
 * (what lives inside a leftover goes with it, named or not).
 */
async function findKind(
  t: CleanupTarget,
  kind: LeftoverKind,
  params: Record<string, string>,
  keep: ((name: string) => boolean) | undefined,
  where: string,
): Promise<Leftover[]> {
  const found: Leftover[] = [];
  for (const item of await list(t, kind, params)) {
    const own = { ...params, [kind.param]: item.id };
    let name = item.name;
    if (name === undefined && kind.show && keep) {
      const shown = await read(t, kind.show.operation, own, true);
      if (shown === undefined) continue; // gone since the list
      name = text(readPointer(shown, kind.show.name));
    }
    if (keep && (name === undefined || !keep(name))) continue;
    const label = name ?? where;
    found.push(...(await detached(t, kind, own)));
    for (const inner of kind.contents ?? [])
      found.push(...(await findKind(t, inner, own, undefined, `in ${singular(kind)} ${label}`)));
    found.push({ what: singular(kind), id: item.id, name: label, delete: kind.delete, params: own });
  }
  return found;
}

/** Everything of these kinds the service lists for the run's own tenant (t.vars.tenant), whatever its name. */
export async function findTenantLeftovers(t: CleanupTarget, kinds: LeftoverKind[]): Promise<Leftover[]> {
  const found: Leftover[] = [];
  for (const kind of kinds)
    found.push(...(await findKind(t, kind, {}, undefined, `of tenant ${t.vars?.tenant ?? '?'}`)));
  return found;
}

/** Lists each kind; throws with the status when a list cannot be read (nothing is deleted then). */
export async function findLeftovers(t: CleanupTarget, match: NameMatch): Promise<Leftover[]> {
  const keep = (name: string) => match.prefixes.some((p) => name.startsWith(p));
  const found: Leftover[] = [];
  for (const kind of t.catalog.leftovers ?? []) found.push(...(await findKind(t, kind, {}, keep, '')));
  return found;
}
