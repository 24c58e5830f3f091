// Catalog operations from api-ref operations: an id from the path and the
// method, placeholders conform can fill, the success code, the faults.
import type { Operation } from '../model/catalog.js';
import type { DocOperation } from './reading.js';
import type { FaultSet } from './faults.js';
import { faultForCode } from './faults.js';
import { placeholderName, singular, unique } from './names.js';

const DEFAULT_SUCCESS: Record<Operation['method'], number> = { GET: 200, POST: 201, PUT: 200, PATCH: 200, DELETE: 204 };

/** `GET /v3/projects` → project.list; `GET …/{id}` → project.show; POST → create; PATCH, PUT → update; … */
function idOf(method: Operation['method'], path: string): string {
  const segments = path.split('/').filter((s) => s !== '');
  const item = segments.length > 0 && /^\{.*\}$/.test(segments.at(-1)!);
  const resource = [...segments].reverse().find((s) => !/^\{.*\}$/.test(s) && !/^v\d/.test(s)) ?? 'root';
  const name = singular(resource.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase());
  const action = item
    ? { GET: 'show', PATCH: 'update', PUT: 'update', DELETE: 'delete', POST: 'post' }[method]
    : { GET: 'list', POST: 'create', PUT: 'put', PATCH: 'patch', DELETE: 'delete-all' }[method];
  return `${name}.${action}`;
}

export function operationsFrom(
  docOps: DocOperation[],
  set: FaultSet,
  statusTexts: Map<number, Map<string, string>>,
  notes: string[],
): Operation[] {
  const ids = new Set<string>();
  const renamed = new Set<string>();
  return docOps.map((op) => {
    const path = op.path.replace(/\{([^}]+)\}/g, (whole, p: string) => {
      const name = placeholderName(p);
      if (name !== p) renamed.add(`{${p}} → {${name}}`);
      return `{${name}}`;
    });
    const id = unique(idOf(op.method, path), ids);
    let success = op.success[0];
    if (success === undefined) {
      success = DEFAULT_SUCCESS[op.method];
      notes.push(`${op.provenance.table}: no success code listed; ${success}, the usual one for ${op.method}`);
    }
    const faults = [...new Set(op.errors.map((listed) => faultForCode(set, listed, op, statusTexts)))];
    if (renamed.size > 0 && op === docOps.at(-1))
      notes.push(
        `paths: placeholders renamed to letters and digits, as scenarios write them: ${[...renamed].join(', ')}`,
      );
    return {
      id,
      method: op.method,
      path,
      success,
      faults,
      provenance: [{ ...op.provenance, ...(op.title ? { note: op.title } : {}) }],
    };
  });
}
