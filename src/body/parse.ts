import type { Format } from '../model/catalog.js';
import { readXml, type XmlElementView } from './xmlView.js';

export type ParsedBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'xml'; root: XmlElementView }
  | { kind: 'invalid'; format: Format; error: string };

/** What a body looks like, whatever its Content-Type says. */
export function sniffFormat(body: string): Format | 'empty' | 'other' {
  const head = body.trimStart();
  if (head === '') return 'empty';
  if (head.startsWith('<')) return 'xml';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  return 'other';
}

/** No fault is nested this deep; a body that is cannot crash the checks that walk it. */
const MAX_JSON_DEPTH = 64;

/** How deep `text`'s arrays and objects nest, counting no further than `limit` + 1 (strings skipped). */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length && deepest <= limit; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** JSON.parse, refusing what nests deeper than MAX_JSON_DEPTH. */
export function parseJson(text: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new SyntaxError(`nested deeper than ${MAX_JSON_DEPTH} levels`);
  return JSON.parse(text);
}

/** Parses a body as the format that was asked for. */
export function parseBody(body: string, format: Format): ParsedBody {
  if (body.trim() === '') return { kind: 'empty' };
  if (format === 'json') {
    try {
      return { kind: 'json', value: parseJson(body) };
    } catch (err) {
      return { kind: 'invalid', format, error: (err as Error).message };
    }
  }
  const read = readXml(body);
  return read.ok ? { kind: 'xml', root: read.root } : { kind: 'invalid', format, error: read.error };
}
