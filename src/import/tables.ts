// What the rows of a table mean: its columns are recognised by their
// headers (a fault name, the codes, a description or possible cause, a
// reason phrase, "Expected in All Requests"); a normal / success table gives
// success codes, any other table with a code column gives fault rows.
import type { Operation, Provenance } from '../model/catalog.js';
import type { DocTable, FaultRow, SuccessRow } from './reading.js';

type Role = 'name' | 'code' | 'cause' | 'description' | 'reason' | 'expected';

const ROLES: [Role, RegExp][] = [
  ['expected', /expected in all/i],
  ['name', /fault (element|type)|^element$|^name$|^fault$/i],
  ['code', /code|returned value|^status|^value$/i],
  ['cause', /cause/i],
  ['description', /description|meaning|message/i],
  ['reason', /^type$|reason/i],
];

function roles(header: string[]): (Role | undefined)[] {
  const taken = new Set<Role>();
  return header.map((h) => {
    const role = ROLES.find(([r, re]) => !taken.has(r) && re.test(h))?.[0];
    if (role) taken.add(role);
    return role;
  });
}

const METHODS: Operation['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const CODE = /\b([1-5]\d\d)\b/g;

export interface TableReading {
  faults: FaultRow[];
  successes: SuccessRow[];
  notes: string[];
}

const isSuccessTable = (t: DocTable) => /\bnormal|success/i.test(`${t.title} ${t.header.join(' ')}`);

/** A fault row from its cells: the codes, the reason phrase (its column, or the words after the code), the name. */
function faultRow(cell: (role: Role) => string, codes: number[], provenance: Provenance): FaultRow {
  const codeCell = cell('code');
  // `400 Bad Request`: the words after the code are its reason phrase.
  const phrase = codeCell
    .replace(CODE, '')
    .replace(/^[\s:,-]+/, '')
    .trim();
  const reason = cell('reason') || (phrase && !/\d/.test(phrase) ? phrase : undefined);
  const name = cell('name');
  const cause = cell('cause');
  return {
    ...(name ? { name } : {}),
    codes,
    ...(reason ? { reason } : {}),
    ...(cause ? { cause } : {}),
    description: cell('description') || cause || reason || '',
    ...(/^yes$/i.test(cell('expected')) ? { expectedInAllRequests: true } : {}),
    written: name || codeCell,
    provenance,
  };
}

/** What a table's columns tell, as notes. */
function columnNotes(table: DocTable, columns: (Role | undefined)[], where: string): string[] {
  const at = (role: Role) => columns.indexOf(role);
  const notes: string[] = [];
  const ignored = table.header.filter((h, i) => columns[i] === undefined && h !== '');
  if (ignored.length) notes.push(`${where}: column(s) ${ignored.map((h) => `'${h}'`).join(', ')} not read`);
  if (at('expected') >= 0)
    notes.push(`${where}: the column '${table.header[at('expected')]}' marks the faults any request may get`);
  if (at('reason') >= 0 && !isSuccessTable(table)) {
    const column = table.header[at('reason')];
    notes.push(
      at('name') < 0 && at('cause') < 0
        ? `${where}: the faults are named after the reason phrase ('${column}' column)`
        : `${where}: the '${column}' column (the reason phrase) names no fault: the code says it`,
    );
  }
  return notes;
}

function readTable(table: DocTable, out: TableReading): void {
  const columns = roles(table.header);
  const at = (role: Role) => columns.indexOf(role);
  const where = `${table.file}, ${table.title}`;
  if (at('code') < 0) {
    if (table.header.length > 0)
      out.notes.push(`${where}: no column of status codes (${table.header.join(' | ')}): not a fault table, not read`);
    return;
  }
  const success = isSuccessTable(table);
  table.rows.forEach((row, index) => {
    const cell = (role: Role) => (at(role) >= 0 ? (row.cells[at(role)] ?? '').trim() : '');
    const provenance: Provenance = {
      source: table.file,
      table: table.title,
      row: index + 1,
      ...(row.line ? { line: row.line } : {}),
    };
    const codes = [...cell('code').matchAll(CODE)].map((m) => Number(m[1]));
    if (codes.length === 0) {
      if (row.cells.some((c) => c.trim() !== ''))
        out.notes.push(`${where}, row ${index + 1}: no status code in '${cell('code')}': row not read`);
    } else if (success) {
      const methods = METHODS.filter((m) => new RegExp(`\\b${m}\\b`).test(cell('description')));
      for (const code of codes) out.successes.push({ code, methods, provenance });
    } else out.faults.push(faultRow(cell, codes, provenance));
  });
  out.notes.push(...columnNotes(table, columns, where));
}

/** The fault and success rows of the tables, and a note for each thing read or left. */
export function readTables(tables: DocTable[]): TableReading {
  const out: TableReading = { faults: [], successes: [], notes: [] };
  for (const table of tables) readTable(table, out);
  return out;
}
