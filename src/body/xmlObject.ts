import type { XmlElementView } from './xmlView.js';

/**
 * An XML element as the JSON object the OpenStack XML bindings stand for:
 * attributes and children become members (`<network id="n"/>` → `{id: "n"}`).
 */
export function xmlToObject(el: XmlElementView): Record<string, unknown> {
  const out: Record<string, unknown> = { ...el.attributes };
  for (const child of el.children) {
    out[child.name] =
      child.children.length === 0 && Object.keys(child.attributes).length === 0 ? child.text : xmlToObject(child);
  }
  return out;
}
