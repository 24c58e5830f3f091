/** The Identity v2.0 resources the reference target serves. */
export type Route =
  | { kind: 'root' }
  | { kind: 'tokens' }
  | { kind: 'token'; id: string }
  | { kind: 'tenants' }
  | { kind: 'tenant'; id: string }
  | { kind: 'users' }
  | { kind: 'user'; id: string }
  | { kind: 'unknown' };

const COLLECTIONS = { tokens: 'token', tenants: 'tenant', users: 'user' } as const;

export function route(path: string): Route {
  const p = path.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
  if (p.length === 0 || (p.length === 1 && (p[0] === '' || p[0] === 'v2.0'))) return { kind: 'root' };
  if (p[0] !== 'v2.0' || p.length > 3 || !(p[1] in COLLECTIONS)) return { kind: 'unknown' };
  const collection = p[1] as keyof typeof COLLECTIONS;
  if (p.length === 2) return { kind: collection };
  return p[2] === '' ? { kind: 'unknown' } : { kind: COLLECTIONS[collection], id: p[2] };
}

/** Reads the object under `root` of a request body (JSON, or XML with attributes as members). */
export function member(parsed: Record<string, unknown> | undefined, root: string): Record<string, unknown> | undefined {
  const inner = parsed?.[root];
  return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : undefined;
}

/**
 * A boolean field as JSON (true/false) or XML ("true"/"false") carries it;
 * undefined when absent, null when neither.
 */
export function booleanField(value: unknown): boolean | undefined | null {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}

/** A non-empty string field, or undefined. */
export function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
