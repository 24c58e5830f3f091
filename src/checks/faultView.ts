import type { Envelope } from '../model/catalog.js';
import type { ParsedBody } from '../body/parse.js';

/** A member of a fault as the body carries it. */
interface FoundMember {
  value: unknown;
  /** JSON member, XML attribute or XML child element. */
  as: 'member' | 'attribute' | 'element';
}

/** A fault body, read the same way whatever its format. */
export interface FaultView {
  /** Root keys (JSON) or the root element's local name (XML). */
  roots: string[];
  /** The XML root's namespace. */
  namespace?: string;
  /** Members of the object under the root, or attributes and children of the root element. */
  members: Map<string, FoundMember>;
  /** The JSON value under the root key is not an object. */
  innerNotObject?: boolean;
}

/** Reads a parsed body as a fault in the given envelope; undefined when it is not a fault-shaped body at all. */
export function readFaultView(body: ParsedBody, envelope: Envelope): FaultView | undefined {
  if (body.kind === 'xml') {
    const members = new Map<string, FoundMember>();
    for (const [k, v] of Object.entries(body.root.attributes)) members.set(k, { value: v, as: 'attribute' });
    for (const child of body.root.children)
      if (!members.has(child.name)) members.set(child.name, { value: child.text, as: 'element' });
    return { roots: [body.root.name], namespace: body.root.namespace, members };
  }
  if (body.kind !== 'json' || !body.value || typeof body.value !== 'object' || Array.isArray(body.value))
    return undefined;
  const top = body.value as Record<string, unknown>;
  const roots = Object.keys(top);
  const expectedRoot = envelope.kind === 'fixed-root' ? envelope.root : roots[0];
  const inner = expectedRoot !== undefined ? top[expectedRoot] : undefined;
  const members = new Map<string, FoundMember>();
  if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
    for (const [k, v] of Object.entries(inner)) members.set(k, { value: v, as: 'member' });
    return { roots, members };
  }
  return { roots, members, innerNotObject: inner !== undefined };
}
