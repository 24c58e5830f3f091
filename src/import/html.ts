// A small, bounded, tolerant HTML reader: enough to find the tables of a
// documentation page (with rowspan and colspan, text nested in <p>, <a>,
// <strong>, …) and the text around them. It never fetches, runs or expands
// anything: a tag is a name and attributes, a character reference one of the
// few it knows, everything else text.
import { ImportError, LIMITS } from './limits.js';
import type { DocTable } from './reading.js';

interface Tag {
  kind: 'open' | 'close';
  name: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
}

type Token = Tag | { kind: 'text'; text: string };

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Character references: the named ones above and numeric ones; anything else stays as written. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function readTag(source: string): Tag | undefined {
  const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)([\s\S]*?)(\/?)>$/.exec(source);
  if (!m) return undefined;
  const attrs: Record<string, string> = {};
  for (const a of m[3].matchAll(ATTR)) attrs[a[1].toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
  return { kind: m[1] ? 'close' : 'open', name: m[2].toLowerCase(), attrs, selfClosing: m[4] === '/' };
}

/** Where what starts at `lt` ends when it is no tag: a comment, a doctype or processing instruction; -1 otherwise. */
function endOfSkipped(source: string, lt: number): number {
  if (source.startsWith('<!--', lt)) {
    const end = source.indexOf('-->', lt + 4);
    return end < 0 ? source.length : end + 3;
  }
  if (source[lt + 1] !== '!' && source[lt + 1] !== '?') return -1;
  const end = source.indexOf('>', lt);
  return end < 0 ? source.length : end + 1;
}

/** The next `>` at or after a position, remembered so that a text of many `<` and no `>` is scanned once. */
class NextGt {
  private at = -1;
  constructor(private readonly source: string) {}
  from(i: number): number {
    if (this.at !== Infinity && this.at < i) {
      const found = this.source.indexOf('>', i);
      this.at = found < 0 ? Infinity : found;
    }
    return this.at;
  }
}

/** The tag starting at `lt`, if it is one: a `>` before the next `<` (`a < b` is text). */
function tagAt(source: string, lt: number, gts: NextGt): { tag: Tag; end: number } | undefined {
  const gt = gts.from(lt);
  const next = source.indexOf('<', lt + 1);
  if (gt === Infinity || (next >= 0 && next < gt)) return undefined;
  const tag = readTag(source.slice(lt, gt + 1));
  return tag ? { tag, end: gt + 1 } : undefined;
}

/** The tokens of a text: tags, and the text between them (comments, doctypes and processing instructions dropped). */
function* tokenize(source: string): Generator<Token> {
  const gts = new NextGt(source);
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    if (lt < 0) {
      yield { kind: 'text', text: source.slice(i) };
      return;
    }
    if (lt > i) yield { kind: 'text', text: source.slice(i, lt) };
    const skipped = endOfSkipped(source, lt);
    const found = skipped < 0 ? tagAt(source, lt, gts) : undefined;
    if (skipped >= 0) i = skipped;
    else if (!found) {
      yield { kind: 'text', text: '<' };
      i = lt + 1;
    } else {
      yield found.tag;
      i = found.end;
      // The content of script and style is not HTML: skipped whole.
      if (found.tag.kind === 'open' && (found.tag.name === 'script' || found.tag.name === 'style')) {
        const close = new RegExp(`</${found.tag.name}`, 'ig');
        close.lastIndex = i;
        i = close.exec(source)?.index ?? source.length;
      }
    }
  }
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source', 'param']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

export interface HtmlCell {
  text: string;
  header: boolean;
  rowspan: number;
  colspan: number;
}

export interface HtmlTable {
  /** The rows as written: the cells each row has, spans not yet spread. */
  rows: HtmlCell[][];
  /** The last line of text before the table (its caption, a heading). */
  before: string;
  /** The line of the document the table starts on. */
  line: number;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The caption of a table: the last line of text before it, Markdown marks (`## `, `**`) taken off. */
function captionOf(before: string): string {
  const lines = before
    .split('\n')
    .map((l) => collapse(l.replace(/^#+\s*/, '').replace(/\*\*/g, '')))
    .filter((l) => l !== '');
  return (lines.at(-1) ?? '').slice(0, 200);
}
const span = (v: string | undefined) => Math.min(Math.max(parseInt(v ?? '1', 10) || 1, 1), 1000);

/** Reads tables as the tokens come: the open elements (for the depth bound), the tables being read. */
class TableReader {
  readonly tables: HtmlTable[] = [];
  private readonly open: string[] = [];
  private stack: { table: HtmlTable; row?: HtmlCell[]; cell?: HtmlCell }[] = [];
  private before = '';
  private lines = 1;

  constructor(private readonly name: string) {}

  text(raw: string): void {
    for (let at = raw.indexOf('\n'); at >= 0; at = raw.indexOf('\n', at + 1)) this.lines += 1;
    const text = raw.includes('&') ? decodeEntities(raw) : raw;
    const top = this.stack.at(-1);
    if (top?.cell) top.cell.text += text;
    else if (!top) this.before += text;
  }

  openTag(tag: Tag): void {
    if (!VOID.has(tag.name) && !tag.selfClosing) {
      this.open.push(tag.name);
      if (this.open.length > LIMITS.htmlDepth)
        throw new ImportError(
          `${this.name}: HTML nested deeper than ${LIMITS.htmlDepth} elements (line ${this.lines})`,
        );
    }
    const top = this.stack.at(-1);
    if (tag.name === 'table') this.startTable();
    else if (top && tag.name === 'tr') this.startRow(top);
    else if (top && (tag.name === 'td' || tag.name === 'th')) this.startCell(top, tag);
    else if (top?.cell && BLOCK.has(tag.name)) top.cell.text += ' ';
  }

  /** A closing tag closes up to the element it names, if that one is open; a stray one is ignored. */
  closeTag(tag: Tag): void {
    const at = this.open.lastIndexOf(tag.name);
    if (at >= 0) this.open.length = at;
    const top = this.stack.at(-1);
    if (!top) return;
    if (tag.name === 'table') this.stack = this.stack.slice(0, -1);
    else if (tag.name === 'td' || tag.name === 'th') top.cell = undefined;
    else if (tag.name === 'tr') top.row = undefined;
    else if (top.cell && BLOCK.has(tag.name)) top.cell.text += ' ';
  }

  private startTable(): void {
    if (this.tables.length >= LIMITS.tables) throw new ImportError(`${this.name}: more than ${LIMITS.tables} tables`);
    const table: HtmlTable = { rows: [], before: captionOf(this.before), line: this.lines };
    this.tables.push(table);
    this.stack.push({ table });
    this.before = '';
  }

  private startRow(top: { table: HtmlTable; row?: HtmlCell[]; cell?: HtmlCell }): void {
    if (top.table.rows.length >= LIMITS.rows)
      throw new ImportError(`${this.name}: a table of more than ${LIMITS.rows} rows`);
    top.row = [];
    top.table.rows.push(top.row);
    top.cell = undefined;
  }

  private startCell(top: { table: HtmlTable; row?: HtmlCell[]; cell?: HtmlCell }, tag: Tag): void {
    if (!top.row) this.startRow(top);
    top.cell = {
      text: '',
      header: tag.name === 'th',
      rowspan: span(tag.attrs.rowspan),
      colspan: span(tag.attrs.colspan),
    };
    top.row!.push(top.cell);
  }
}

/**
 * The tables of an HTML (or Markdown-with-HTML) text. Elements are counted as
 * they open and close; more than LIMITS.htmlDepth open at once is an error.
 */
function readHtmlTables(source: string, name: string): HtmlTable[] {
  const reader = new TableReader(name);
  for (const token of tokenize(source)) {
    if (token.kind === 'text') reader.text(token.text);
    else if (token.kind === 'open') reader.openTag(token);
    else reader.closeTag(token);
  }
  for (const t of reader.tables) for (const row of t.rows) for (const c of row) c.text = collapse(c.text);
  return reader.tables;
}

/** A table's rows as a grid: a cell spanning rows or columns is repeated in each place it covers. */
function spreadSpans(rows: HtmlCell[][]): { cells: string[]; header: boolean; spanned: boolean[] }[] {
  const pending: { text: string; left: number }[] = [];
  return rows.map((row) => {
    const cells: string[] = [];
    const spanned: boolean[] = [];
    let header = row.length > 0;
    let col = 0;
    const fillPending = () => {
      while (pending[col] && pending[col].left > 0) {
        cells[col] = pending[col].text;
        spanned[col] = true;
        pending[col].left -= 1;
        col += 1;
      }
    };
    for (const cell of row) {
      fillPending();
      header &&= cell.header;
      for (let k = 0; k < cell.colspan; k++) {
        cells[col] = cell.text;
        spanned[col] = false;
        pending[col] = { text: cell.text, left: cell.rowspan - 1 };
        col += 1;
      }
    }
    fillPending();
    return { cells, header, spanned };
  });
}

/** The tables of an HTML text as DocTables: the first row is the header when it is all <th>. */
export function readHtmlDocTables(file: string, text: string): DocTable[] {
  return readHtmlTables(text, file).map((t) => {
    const grid = spreadSpans(t.rows);
    const hasHeader = grid[0]?.header === true;
    return {
      file,
      title: t.before || `the HTML table at line ${t.line}`,
      header: hasHeader ? grid[0].cells : [],
      rows: (hasHeader ? grid.slice(1) : grid).map((r) => ({ cells: r.cells })),
      line: t.line,
    };
  });
}
