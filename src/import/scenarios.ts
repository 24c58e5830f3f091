// Scenarios an import can derive without knowing the API's resources, each
// only for an operation the document lists the code for:
//   404  a made-up id in the path (GET and DELETE: no body to get wrong first)
//   401  no token, and a token the service never issued (GET operations)
//   405  a method the path is not documented for (never DELETE or POST on a collection)
//   406  an Accept the profile does not serve (GET operations)
//   400  a malformed body on a create (or an update not documented to answer 404)
// A probe that could create something (a POST) carries the cleanup the
// documented delete gives; with no delete documented it is not derived.
import type { Catalog, Operation } from '../model/catalog.js';
import type { Requirement, Scenario } from '../model/scenario.js';
import { BUILTINS, placeholders } from '../suite/template.js';
import { singular } from './names.js';

const madeUp = (op: Operation): Record<string, string> =>
  Object.fromEntries(
    placeholders(op.path)
      .filter((p) => !BUILTINS.has(p))
      .map((p) => [p, '{uuid}']),
  );

function faultWith(catalog: Catalog, op: Operation, code: number): string | undefined {
  return op.faults.find((f) => catalog.faults.find((d) => d.element === f)?.codes.includes(code));
}

/** A token to get past authentication where 401 is listed; an administrator where 403 is (a role may be checked). */
function requirements(catalog: Catalog, op: Operation): Requirement[] {
  const needs: Requirement[] = [];
  if (faultWith(catalog, op, 401)) needs.push('auth');
  if (faultWith(catalog, op, 403)) needs.push('admin');
  return needs;
}

const isItem = (op: Operation) => /\}$/.test(op.path);

/** The documented delete of what a POST on this collection creates, and where its id is in the answer. */
function undoCreate(catalog: Catalog, op: Operation): Scenario['probe'] | undefined {
  const del = catalog.operations.find(
    (o) => o.method === 'DELETE' && new RegExp(`^${escape(op.path)}/\\{[A-Za-z][A-Za-z0-9]*\\}$`).test(o.path),
  );
  if (!del) return undefined;
  const param = placeholders(del.path).at(-1)!;
  const resource = [...op.path.split('/')].reverse().find((s) => s !== '' && !/^\{/.test(s)) ?? 'item';
  return {
    operation: op.id,
    capture: { id: `/${singular(resource)}/id` },
    cleanup: { operation: del.id, params: { ...madeUp(op), [param]: '{probe.id}' } },
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const METHODS: Operation['method'][] = ['PUT', 'PATCH', 'DELETE', 'POST'];

/** What a deriver knows: the catalog, the operation, what it needs, and where to put what it derives or skips. */
interface Derivation {
  catalog: Catalog;
  op: Operation;
  needs: Requirement[];
  scenarios: Scenario[];
  skipped: string[];
}

/** A scenario on the operation, its path's placeholders made up; `what` is how the title ends. */
function scenario(
  d: Derivation,
  kind: string,
  what: string,
  expected: { code: number; fault: string },
  requires = d.needs,
): Scenario {
  const { code, fault } = expected;
  const params = madeUp(d.op);
  return {
    id: `${d.op.id}.${kind}`,
    title: `${d.op.method} ${d.op.path} ${what}`,
    rationale: `${d.op.method} ${d.op.path} lists ${code}`,
    ...(requires.length ? { requires } : {}),
    probe: { operation: d.op.id, ...(Object.keys(params).length ? { params } : {}) },
    expect: { fault },
  };
}

function missing(d: Derivation): void {
  const fault = faultWith(d.catalog, d.op, 404);
  const safe = d.op.method === 'GET' || d.op.method === 'DELETE';
  if (fault && safe && Object.keys(madeUp(d.op)).length > 0) {
    const s = scenario(d, 'missing', 'with a made-up id', { code: 404, fault });
    d.scenarios.push({ ...s, rationale: `${s.rationale}: nothing has a fresh random id.` });
  }
}

function unauthorized(d: Derivation): void {
  const fault = faultWith(d.catalog, d.op, 401);
  if (!fault || d.op.method !== 'GET') return;
  for (const [kind, credential, what] of [
    ['no-token', 'none', 'without a token'],
    ['bad-token', 'invalid', 'with a token the service never issued'],
  ] as const) {
    const s = scenario(d, kind, what, { code: 401, fault }, ['auth']);
    d.scenarios.push({
      ...s,
      probe: { ...s.probe, credential },
      inconclusiveIfSucceeds: {
        unlessAssumed: 'auth',
        reason:
          'the service answered without a valid token: it may have no authentication (say --assume auth if it has)',
      },
    });
  }
}

function wrongMethod(d: Derivation): void {
  const fault = faultWith(d.catalog, d.op, 405);
  if (!fault) return;
  const documented = new Set(d.catalog.operations.filter((o) => o.path === d.op.path).map((o) => o.method));
  // Never DELETE or POST on a collection: a service wrongly carrying it out would destroy or create.
  const allowed = METHODS.filter((m) => isItem(d.op) || (m !== 'DELETE' && m !== 'POST'));
  const method = allowed.find((m) => !documented.has(m));
  if (!method) {
    d.skipped.push(`${d.op.id} (405: every method is documented on ${d.op.path})`);
    return;
  }
  const s = scenario(d, 'wrong-method', `sent as ${method}`, { code: 405, fault });
  d.scenarios.push({
    ...s,
    rationale: `${s.rationale}; ${method} is documented for no operation on it.`,
    probe: { ...s.probe, method },
  });
}

function notAcceptable(d: Derivation): void {
  const fault = faultWith(d.catalog, d.op, 406);
  if (!fault || d.op.method !== 'GET') return;
  const accept = d.catalog.formats.includes('xml') ? 'application/x-conform-unsupported' : 'application/xml';
  const s = scenario(d, 'not-acceptable', `asking for ${accept}`, { code: 406, fault });
  d.scenarios.push({
    ...s,
    rationale: `${s.rationale}; the profile serves no ${accept}.`,
    probe: { ...s.probe, accept },
  });
}

function malformed(d: Derivation): void {
  const fault = faultWith(d.catalog, d.op, 400);
  if (!fault || !['POST', 'PUT', 'PATCH'].includes(d.op.method)) return;
  const create = d.op.method === 'POST';
  if (!create && faultWith(d.catalog, d.op, 404)) {
    d.skipped.push(`${d.op.id} (400 and 404 both listed: a malformed body to a made-up id may rightly get either)`);
    return;
  }
  const undo = create ? undoCreate(d.catalog, d.op) : undefined;
  if (create && !undo) {
    d.skipped.push(`${d.op.id} (400: no documented delete would remove what a wrongly accepted create made)`);
    return;
  }
  const s = scenario(d, 'malformed', 'with a body that is not JSON', { code: 400, fault });
  const rawBody = { json: '{"conform": ', ...(d.catalog.formats.includes('xml') ? { xml: '<conform' } : {}) };
  d.scenarios.push({ ...s, rationale: `${s.rationale}.`, probe: { ...s.probe, ...undo, rawBody } });
}

const DERIVERS = [missing, unauthorized, wrongMethod, notAcceptable, malformed];

export function deriveScenarios(catalog: Catalog): { scenarios: Scenario[]; notes: string[] } {
  const scenarios: Scenario[] = [];
  const skipped: string[] = [];
  for (const op of catalog.operations) {
    const d: Derivation = { catalog, op, needs: requirements(catalog, op), scenarios, skipped };
    for (const derive of DERIVERS) derive(d);
  }
  const notes = [
    `scenarios: ${scenarios.length} derived from the codes each operation lists (404 made-up id, 401 no and bad ` +
      'token, 405 wrong method, 406 unsupported Accept, 400 malformed body); those needing a token require auth, ' +
      'and an administrator where the operation lists 403',
  ];
  if (skipped.length) notes.push(`scenarios not derived: ${skipped.join('; ')}`);
  return { scenarios, notes };
}
