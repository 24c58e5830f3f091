import type { Format } from '../model/catalog.js';
import { readXml } from './xmlView.js';
import { xmlToObject } from './xmlObject.js';
import { parseJson } from './parse.js';

/**
 * A body as the object the OpenStack documents describe: JSON as is; XML with
 * attributes and children as members of the root (`<network id="n"/>` →
 * `{network: {id: "n"}}`). Undefined when it cannot be read as one. The
 * reference targets read requests with it, the runner reads answers.
 */
export function readObject(text: string, format: Format): Record<string, unknown> | undefined {
  if (format === 'json') {
    try {
      const value = parseJson(text);
      return value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  const read = readXml(text);
  if (!read.ok) return undefined;
  return { [read.root.name]: xmlToObject(read.root) };
}
