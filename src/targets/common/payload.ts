import type { Format } from '../../model/catalog.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `networks` → `network`: the element of one item of a list. */
const singular = (name: string) => (name.endsWith('s') ? name.slice(0, -1) : name);

function element(name: string, value: unknown, xmlns?: string): string {
  const attrs = xmlns ? [`xmlns="${esc(xmlns)}"`] : [];
  const children: string[] = [];
  if (Array.isArray(value)) value.forEach((item) => children.push(element(singular(name), item)));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (v && typeof v === 'object') children.push(element(k, v));
      else if (v !== undefined && v !== null) attrs.push(`${k}="${esc(String(v))}"`);
    }
  }
  const open = [name, ...attrs].join(' ');
  return children.length === 0 ? `<${open}/>` : `<${open}>${children.join('')}</${name}>`;
}

/** A success body: JSON as is; XML with scalar fields as attributes and lists as repeated elements. */
export function serializePayload(payload: Record<string, unknown>, format: Format, namespace?: string): string {
  if (format === 'json') return JSON.stringify(payload);
  const [[root, value]] = Object.entries(payload);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, namespace)}`;
}
