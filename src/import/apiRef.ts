// OpenStack api-ref sources (reStructuredText rendered by os-api-ref): each
// operation is `.. rest_method:: GET /v3/projects/{project_id}`, followed by
//   .. rest_status_code:: success status.yaml      (keystone's style)
//      - 200
//   .. rest_status_code:: error status.yaml
//      - 404
//      - 409: duplicate_zone
// or by free text (neutron-lib's, nova's style), possibly wrapped:
//   Normal response codes: 200
//   Error response codes: badRequest(400), itemNotFound(404),
//   unauthorized(401)
// A file a directive names (status.yaml, a literalinclude) is read only when
// it is one of the documents given; nothing else is opened.
import { parse } from 'yaml';
import type { Operation } from '../model/catalog.js';
import type { DocOperation, ListedCode } from './reading.js';
import { ImportError, LIMITS } from './limits.js';

const METHOD = /^\.\.\s+rest_method::\s+(GET|POST|PUT|PATCH|DELETE|HEAD)\s+(\/\S*)\s*$/;
const STATUS = /^\.\.\s+rest_status_code::\s+(success|error)\s+(\S+)\s*$/;
const FREE = /^(normal|error)\s+response\s+codes?\s*:\s*(.*)$/i;
const UNDERLINE = /^([=\-~^"'`#*+])\1{2,}\s*$/;

/** `badRequest(400)`, `404`, `409: duplicate_zone`: the codes a list item or a sentence names. */
function listedCodes(text: string): ListedCode[] {
  const codes: ListedCode[] = [];
  for (const m of text.matchAll(
    /([A-Za-z][A-Za-z0-9_]*)\s*\(\s*([1-5]\d\d)\s*\)|\b([1-5]\d\d)\b(?:\s*:\s*([A-Za-z][\w-]*))?/g,
  )) {
    if (m[2]) codes.push({ code: Number(m[2]), name: m[1] });
    else codes.push({ code: Number(m[3]), ...(m[4] ? { name: m[4] } : {}) });
  }
  return codes;
}

export interface ApiRefReading {
  operations: DocOperation[];
  /** Files the directives name (status.yaml, literalinclude), by the name written. */
  named: Set<string>;
  notes: string[];
}

/** Whether a text is an api-ref source: it has a rest_method directive. */
export const isApiRef = (text: string) => /^\.\.\s+rest_method::/m.test(text);

/** The state of a reading: what has been read, the section title and the operation the lines belong to. */
interface Cursor {
  file: string;
  lines: string[];
  out: ApiRefReading;
  title?: string;
  current?: DocOperation;
}

/** `.. rest_method:: GET /path`: a new operation. */
function onMethod(c: Cursor, m: RegExpExecArray, i: number): void {
  if (m[1] === 'HEAD') {
    c.out.notes.push(`${c.file}, line ${i + 1}: HEAD ${m[2]} not read (conform probes GET, POST, PUT, PATCH, DELETE)`);
    c.current = undefined;
    return;
  }
  if (c.out.operations.length >= LIMITS.operations)
    throw new ImportError(`${c.file}: more than ${LIMITS.operations} operations`);
  c.current = {
    method: m[1] as Operation['method'],
    path: m[2],
    ...(c.title ? { title: c.title } : {}),
    success: [],
    errors: [],
    provenance: { source: c.file, table: `.. rest_method:: ${m[1]} ${m[2]}`, line: i + 1 },
  };
  c.out.operations.push(c.current);
}

/** `.. rest_status_code:: success|error FILE` and its list of indented `- code` items; returns the last line read. */
function onStatus(c: Cursor, m: RegExpExecArray, i: number): number {
  c.out.named.add(m[2]);
  const items: string[] = [];
  let j = i + 1;
  for (; j < c.lines.length; j++) {
    if (c.lines[j].trim() === '') continue;
    if (!/^\s+-\s/.test(c.lines[j])) break;
    items.push(c.lines[j].trim().slice(1));
  }
  if (!c.current)
    c.out.notes.push(`${c.file}, line ${i + 1}: a rest_status_code list before any rest_method: not read`);
  else addCodes(c.current, m[1], items.flatMap(listedCodes));
  return j - 1;
}

function addCodes(op: DocOperation, kind: string, codes: ListedCode[]): void {
  if (/^(success|normal)/i.test(kind)) op.success.push(...codes.map((c) => c.code));
  else op.errors.push(...codes);
}

/** `Error response codes: …`, going on until a blank line (wrapped over lines); returns the last line read. */
function onFreeText(c: Cursor, m: RegExpExecArray, i: number): number {
  let sentence = m[2];
  let j = i + 1;
  for (; j < c.lines.length && c.lines[j].trim() !== '' && !FREE.test(c.lines[j].trim()); j++)
    sentence += ` ${c.lines[j].trim()}`;
  if (c.current) addCodes(c.current, m[1], listedCodes(sentence));
  return j - 1;
}

export function readApiRef(file: string, text: string): ApiRefReading {
  const c: Cursor = { file, lines: text.split(/\r?\n/), out: { operations: [], named: new Set(), notes: [] } };
  for (let i = 0; i < c.lines.length; i++) {
    const trimmed = c.lines[i].trim();
    if (UNDERLINE.test(c.lines[i + 1] ?? '') && trimmed !== '' && !trimmed.startsWith('..')) c.title = trimmed;
    const method = METHOD.exec(trimmed);
    const status = STATUS.exec(trimmed);
    const free = FREE.exec(trimmed);
    const include = /^\.\.\s+literalinclude::\s+(\S+)/.exec(trimmed);
    if (method) onMethod(c, method, i);
    else if (status) i = onStatus(c, status, i);
    else if (free) i = onFreeText(c, free, i);
    else if (include) c.out.named.add(include[1]);
  }
  return c.out;
}

/** status.yaml: code → reason name (`default`, `duplicate_zone`) → text. Aliases are refused, not expanded. */
export function readStatusYaml(file: string, text: string): Map<number, Map<string, string>> {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 0, schema: 'failsafe' });
  } catch (err) {
    throw new ImportError(`${file}: not a status.yaml: ${(err as Error).message.split('\n')[0]}`);
  }
  const out = new Map<number, Map<string, string>>();
  if (!data || typeof data !== 'object') return out;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const code = Number(key);
    if (!Number.isInteger(code) || code < 100 || code > 599 || !value || typeof value !== 'object') continue;
    const texts = new Map<string, string>();
    for (const [name, t] of Object.entries(value as Record<string, unknown>))
      if (typeof t === 'string') texts.set(name, t.replace(/\s+/g, ' ').trim());
    out.set(code, texts);
  }
  return out;
}
