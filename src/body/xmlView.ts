import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A namespace-aware view of an XML element, enough to diagnose a fault body. */
export interface XmlElementView {
  /** Local name, without prefix. */
  name: string;
  /** The namespace URI the element is in, if any. */
  namespace?: string;
  /** Attributes without namespace declarations, by qualified name. */
  attributes: Record<string, string>;
  children: XmlElementView[];
  text: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Entities are not expanded by the parser (no DOCTYPE entity can blow up);
 * the five predefined ones and character references are decoded here.
 */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return PREDEFINED[ref] ?? whole;
  });
}

function splitName(qname: string): { prefix?: string; local: string } {
  const i = qname.indexOf(':');
  return i < 0 ? { local: qname } : { prefix: qname.slice(0, i), local: qname.slice(i + 1) };
}

function toView(node: OrderedNode, inherited: Map<string, string>): XmlElementView | undefined {
  const qname = Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#comment');
  if (!qname) return undefined;
  const rawAttrs = node[':@'] ?? {};
  const scope = new Map(inherited);
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns') scope.set('', v);
    else if (k.startsWith('xmlns:')) scope.set(k.slice(6), v);
    else attributes[k] = decode(v);
  }
  const { prefix, local } = splitName(qname);
  const namespace = scope.get(prefix ?? '') || undefined;
  const content = (node[qname] as OrderedNode[]) ?? [];
  const children: XmlElementView[] = [];
  let text = '';
  for (const item of content) {
    if ('#text' in item) text += decode(String(item['#text']));
    else {
      const child = toView(item, scope);
      if (child) children.push(child);
    }
  }
  return { name: local, namespace, attributes, children, text: text.trim() };
}

export type XmlReadResult = { ok: true; root: XmlElementView } | { ok: false; error: string };

/** Checks well-formedness and returns the root element's view. */
export function readXml(text: string): XmlReadResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, error: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` };
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (err) {
    // e.g. nesting deeper than the parser allows: not a readable document, never a crash.
    return { ok: false, error: (err as Error).message };
  }
  const roots = nodes.map((n) => toView(n, new Map())).filter((v): v is XmlElementView => v !== undefined);
  if (roots.length !== 1) return { ok: false, error: `expected one root element, found ${roots.length}` };
  return { ok: true, root: roots[0] };
}
