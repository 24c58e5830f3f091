import type { Catalog, Format } from '../model/catalog.js';

export const MEDIA_TYPES: Record<Format, string> = {
  json: 'application/json',
  xml: 'application/xml',
};

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function element(name: string, value: unknown, xmlns?: string): string {
  const attrs: string[] = xmlns ? [`xmlns="${escapeXml(xmlns)}"`] : [];
  const children: string[] = [];
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (Array.isArray(v)) v.forEach((item) => children.push(element(k, item)));
      else if (v && typeof v === 'object') children.push(element(k, v));
      else if (v !== undefined && v !== null) attrs.push(`${k}="${escapeXml(String(v))}"`);
    }
  }
  const open = [name, ...attrs].join(' ');
  return children.length === 0 ? `<${open}/>` : `<${open}>${children.join('')}</${name}>`;
}

/**
 * A request body written once as JSON, in the format asked for. In XML the
 * root key becomes the root element in the profile's namespace and scalar
 * members become attributes (`{"network":{"name":"n"}}` → `<network name="n"/>`).
 */
export function encodeBody(body: unknown, format: Format, catalog: Catalog): string {
  if (format === 'json') return JSON.stringify(body);
  if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length !== 1) {
    throw new Error('an XML body needs a JSON object with exactly one root key');
  }
  const [[root, value]] = Object.entries(body);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${element(root, value, catalog.xml?.namespace)}`;
}
