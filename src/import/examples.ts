// Fault examples in a document: JSON objects with one root key, and XML
// elements carrying a namespace. Read, never evaluated: JSON.parse on a
// bounded slice, XML by a tolerant scan that expands no entity (a document
// declaring entities is refused) and forgives the typos documents have
// (a closing tag without its `>`), each forgiven one recorded as a note.
import type { Provenance } from '../model/catalog.js';
import type { FaultExample } from './reading.js';
import { ImportError, LIMITS } from './limits.js';

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Where the JSON value starting with `{` at `start` ends (past its `}`), or -1; too deep is an error. */
function endOfObject(text: string, start: number, name: string): number {
  let depth = 0;
  let inString = false;
  const limit = Math.min(text.length, start + LIMITS.exampleBytes);
  for (let i = start; i < limit; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth++;
      if (depth > LIMITS.exampleDepth)
        throw new ImportError(
          `${name}: a JSON example nested deeper than ${LIMITS.exampleDepth} levels (line ${lineAt(text, start)})`,
        );
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

const isStatus = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599;

/** `{"root": {members}}` with at least a string member: a fault body. */
function jsonFault(value: unknown, provenance: Provenance): FaultExample | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const inner = (value as Record<string, unknown>)[keys[0]];
  if (!inner || typeof inner !== 'object' || Array.isArray(inner)) return undefined;
  const entries = Object.entries(inner as Record<string, unknown>);
  // A fault says what went wrong: a message member (a resource body such as {"project": {…}} has none).
  if (!entries.some(([k, v]) => /message|fault/i.test(k) && typeof v === 'string')) return undefined;
  if (!entries.every(([, v]) => typeof v === 'string' || typeof v === 'number' || v === null)) return undefined;
  const code = entries.find(([k, v]) => /code/i.test(k) && isStatus(v));
  return {
    format: 'json',
    root: keys[0],
    members: entries.map(([name, v]) => ({ name, type: Number.isInteger(v) ? 'integer' : 'string' })),
    attributes: {},
    ...(code ? { code: code[1] as number } : {}),
    provenance,
  };
}

/** The JSON fault examples of a text. */
export function readJsonExamples(name: string, text: string): FaultExample[] {
  const found: FaultExample[] = [];
  // Characters scanned at most: braces that never close are each scanned up to LIMITS.exampleBytes.
  let budget = 4 * Math.max(text.length, LIMITS.exampleBytes);
  let from = 0;
  while (found.length < LIMITS.tables) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    const end = endOfObject(text, start, name);
    budget -= (end < 0 ? Math.min(text.length, start + LIMITS.exampleBytes) : end) - start;
    if (budget < 0)
      throw new ImportError(
        `${name}: too many unclosed '{' to look for JSON examples in (line ${lineAt(text, start)})`,
      );
    if (end < 0) {
      from = start + 1;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch {
      from = start + 1;
      continue;
    }
    const line = lineAt(text, start);
    const fault = jsonFault(value, { source: name, table: `JSON example at line ${line}`, line });
    if (fault) found.push(fault);
    from = end;
  }
  return found;
}

/** Refuses a document that declares entities: an import expands none, and a bomb is refused outright. */
function refuseEntities(name: string, text: string): void {
  const m = /<!ENTITY|<!DOCTYPE[^>[]*\[/i.exec(text);
  if (m)
    throw new ImportError(
      `${name}: an XML example declares entities (${m[0]}… at line ${lineAt(text, m.index)}): ` +
        'refused, an import expands no entity and reads no external one',
    );
}

const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The names of the children of an element's content, each once, in order; too deep is an error. */
function childElements(name: string, content: string, line: number): FaultExample['members'] {
  const members: FaultExample['members'] = [];
  let depth = 0;
  for (const tag of content.matchAll(/<(\/?)([A-Za-z_][\w.-]*)[^<>]*?(\/?)>/g)) {
    if (tag[1]) {
      depth--;
      continue;
    }
    if (depth === 0 && !members.some((m) => m.name === tag[2])) members.push({ name: tag[2], type: 'string' });
    if (!tag[3]) depth++;
    if (depth > LIMITS.exampleDepth)
      throw new ImportError(
        `${name}: an XML example nested deeper than ${LIMITS.exampleDepth} elements (line ${line})`,
      );
  }
  return members;
}

/**
 * The element starting at `start`: its name and attributes, its children's
 * names; a closing tag without `>` is tolerated.
 */
function xmlFault(name: string, text: string, start: number, notes: string[]): FaultExample | undefined {
  const open = /^<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
    text.slice(start, start + LIMITS.exampleBytes),
  );
  if (!open || open[3]) return undefined;
  const root = open[1];
  const attributes: Record<string, string> = {};
  for (const a of open[2].matchAll(ATTR)) attributes[a[1]] = a[2] ?? a[3];
  const namespace = attributes.xmlns;
  if (!namespace) return undefined;
  const line = lineAt(text, start);
  const body = text.slice(start + open[0].length, start + LIMITS.exampleBytes);
  const close = new RegExp(`</${root}(\\s*>)?`).exec(body);
  if (!close) return undefined;
  if (!close[1])
    notes.push(
      `${name}, XML example at line ${line}: its closing tag </${root} lacks the '>'; read as </${root}> ` +
        '(the contract is what the example clearly means, not its typo)',
    );
  const members = childElements(name, body.slice(0, close.index), line);
  const code = Number(attributes.code);
  const { xmlns: _ns, ...rest } = attributes;
  void _ns;
  if (isStatus(code)) members.push({ name: 'code', type: 'integer' });
  return {
    format: 'xml',
    root,
    members,
    attributes: rest,
    ...(isStatus(code) ? { code } : {}),
    namespace,
    provenance: { source: name, table: `XML example at line ${line}`, line },
  };
}

/** The XML fault examples of a text: elements that carry a default namespace. */
export function readXmlExamples(name: string, text: string, notes: string[]): FaultExample[] {
  refuseEntities(name, text);
  const found: FaultExample[] = [];
  for (const m of text.matchAll(/<[A-Za-z_][\w.-]*\s[^<>]*\bxmlns\s*=/g)) {
    if (found.length >= LIMITS.tables) break;
    const fault = xmlFault(name, text, m.index, notes);
    if (fault) found.push(fault);
  }
  return found;
}
