import type { Format } from '../../model/catalog.js';
import type { FaultDoc, FaultReply } from './types.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Serialises a fault document as the envelope of Quantum v1.0 and Identity v2.0 defines it. */
export function serializeFault(doc: FaultDoc, format: Format): string {
  if (format === 'json') {
    const inner: Record<string, unknown> = {};
    for (const [k, v] of doc.members) inner[k] = v;
    if (doc.code !== undefined) inner.code = doc.code;
    for (const [k, v] of doc.attributes) inner[k] = v;
    return JSON.stringify({ [doc.element]: inner, ...(doc.extraRoots ?? {}) });
  }
  const attrs = [
    ...(doc.namespace !== undefined ? [`xmlns="${esc(doc.namespace)}"`] : []),
    ...(doc.code !== undefined && doc.codeAs === 'attribute' ? [`code="${esc(String(doc.code))}"`] : []),
    ...doc.attributes.map(([k, v]) => `${k}="${esc(v)}"`),
  ];
  const children = doc.members.map(([k, v]) => `<${k}>${esc(String(v))}</${k}>`);
  if (doc.code !== undefined && doc.codeAs === 'element') children.unshift(`<code>${esc(String(doc.code))}</code>`);
  const open = [doc.element, ...attrs].join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${open}>${children.join('')}</${doc.element}>`;
}

/**
 * The fault document of an element-per-fault envelope (Quantum v1.0, Identity
 * v2.0): the code as an attribute, the message, then the detail under the name
 * the profile gives it; extra members (overLimit's retryAt) as attributes.
 */
export function elementFaultDoc(reply: FaultReply, namespace: string, detailMember: string): FaultDoc {
  return {
    element: reply.element,
    namespace,
    code: reply.status,
    codeAs: 'attribute',
    members: [
      ['message', reply.message],
      ...(reply.detail !== undefined ? ([[detailMember, reply.detail]] as [string, unknown][]) : []),
    ],
    attributes: Object.entries(reply.extra ?? {}),
  };
}
