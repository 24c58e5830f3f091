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

/** Parses a body as the format that was asked for. */
export function parseBody(body: string, format: Format): ParsedBody {
  if (body.trim() === '') return { kind: 'empty' };
  if (format === 'json') {
    try {
      return { kind: 'json', value: JSON.parse(body) };
    } catch (err) {
      return { kind: 'invalid', format, error: (err as Error).message };
    }
  }
  const read = readXml(body);
  return read.ok ? { kind: 'xml', root: read.root } : { kind: 'invalid', format, error: read.error };
}
