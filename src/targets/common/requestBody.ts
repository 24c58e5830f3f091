import type { Format } from '../../model/catalog.js';
import { readXml } from '../../body/xmlView.js';
import { xmlToObject } from '../../body/xmlObject.js';

/**
 * Reads a request body the way the reference targets' documents describe it:
 * JSON as is; XML with attributes and children as members of the root.
 * Returns undefined when the body cannot be parsed.
 */
export function readRequestBody(text: string, format: Format): Record<string, unknown> | undefined {
  if (format === 'json') {
    try {
      const value = JSON.parse(text) as unknown;
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  const read = readXml(text);
  if (!read.ok) return undefined;
  return { [read.root.name]: xmlToObject(read.root) };
}
