// Fault tables written as plain text (a PDF or HTML page copied as text):
//   Table 3.2. Fault Elements and Error Codes
//   Fault Element Error Code Description
//   BadRequest 400 Malformed request body. …
// The header names the columns; each row is a name, its codes, then the rest.
import type { DocTable } from './reading.js';
import { LIMITS } from './limits.js';

/** Column names a plain-text fault table header is made of, in the order they may appear. */
const COLUMNS = [
  /fault (?:element|type)s?/i,
  /(?:associated )?(?:error |status |http )?codes?/i,
  /description|possible cause|meaning/i,
  /expected in all requests/i,
];

/** The columns of a header line, or undefined when it is not one of a fault table. */
function headerColumns(line: string): string[] | undefined {
  if (!/fault (?:element|type)/i.test(line) || !/codes?\b/i.test(line)) return undefined;
  const columns: string[] = [];
  let rest = line;
  for (const column of COLUMNS) {
    const m = column.exec(rest);
    if (!m) continue;
    columns.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  return columns.length >= 2 ? columns : undefined;
}

const ROW = /^([A-Za-z][A-Za-z0-9_.-]*)\s+(\d{3}(?:\s*,\s*\d{3})*)(?=\s|$)\s*(.*)$/;

/** The rows under a header from line `from`: until the first line that is no row. */
function readRows(lines: string[], from: number, header: string[]): DocTable['rows'] {
  const expected = header.some((h) => /expected in all/i.test(h));
  const described = header.some((h) => /description|cause|meaning/i.test(h));
  const rows: DocTable['rows'] = [];
  for (let j = from; j < lines.length && rows.length < LIMITS.rows; j++) {
    const m = ROW.exec(lines[j].trim());
    if (!m) break;
    const yes = expected ? /^(.*?)\s*\b(YES|NO)$/i.exec(m[3]) : null;
    const [rest, flag] = yes ? [yes[1], yes[2]] : [m[3], ''];
    rows.push({ cells: [m[1], m[2], ...(described ? [rest] : []), ...(expected ? [flag] : [])], line: j + 1 });
  }
  return rows;
}

/** The plain-text fault tables of a document. */
export function readTextTables(file: string, text: string): DocTable[] {
  const lines = text.split(/\r?\n/);
  const tables: DocTable[] = [];
  for (let i = 0; i < lines.length && tables.length < LIMITS.tables; i++) {
    const header = headerColumns(lines[i].trim());
    // A pipe table is read by the Markdown reader.
    if (!header || lines[i].trim().startsWith('|')) continue;
    const previous = lines[i - 1]?.trim() ?? '';
    const title = /^table\b/i.test(previous) ? previous : `the table at line ${i + 1}`;
    const rows = readRows(lines, i + 1, header);
    if (rows.length > 0) tables.push({ file, title, header, rows, line: i + 1 });
    i += rows.length;
  }
  return tables;
}

const isSeparator = (line: string) => /^\|?[\s|:-]+\|?$/.test(line) && line.includes('-');

/** `| a | b | |` → ['a', 'b', '']: the cells between the outer pipes. */
function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((c) => c.trim());
}

/** The pipe tables (Markdown) of a document: the first row is the header. */
export function readPipeTables(file: string, text: string): DocTable[] {
  const lines = text.split(/\r?\n/);
  const tables: DocTable[] = [];
  for (let i = 0; i < lines.length && tables.length < LIMITS.tables; i++) {
    if (!lines[i].trim().startsWith('|') || isSeparator(lines[i].trim())) continue;
    const header = pipeCells(lines[i]);
    while (header.length > 0 && header.at(-1) === '') header.pop();
    const previous = lines
      .slice(Math.max(0, i - 3), i)
      .map((l) => l.trim())
      .filter((l) => /^(?:\*\*)?table\b/i.test(l))
      .at(-1);
    const table: DocTable = {
      file,
      title: previous?.replace(/\*/g, '') ?? `the pipe table at line ${i + 1}`,
      header,
      rows: [],
      line: i + 1,
    };
    let j = i + 1;
    for (; j < lines.length && lines[j].trim().startsWith('|') && table.rows.length < LIMITS.rows; j++) {
      if (isSeparator(lines[j].trim())) continue;
      table.rows.push({ cells: pipeCells(lines[j]).slice(0, Math.max(header.length, 1)), line: j + 1 });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}
