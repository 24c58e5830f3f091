// The folders under src/ import one another without a cycle, and the runtime
// (what the published CLI is built from) imports nothing of the folders that
// exist for tests and development. Read from the sources themselves: every
// non-test .ts file, its relative imports and re-exports (type-only ones and
// literal dynamic imports too).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const DEV_FOLDERS = ['testing', 'openstack', 'docs', 'mutants', 'bench', 'build'];
const isTestFile = (file: string) => /\.(test|e2e|itest)\.ts$/.test(file);

// ---------------------------------------------------------------------------
// Reading the imports of a source: a small lexer that skips comments, strings,
// template literals and regular expressions, so that only real import syntax
// counts.

type Token = { kind: 'word' | 'string' | 'punct'; text: string };

/** Where the quoted string (or template literal without substitutions) starting at `at` ends, past its quote. */
function endOfQuoted(source: string, at: number): number {
  const quote = source[at];
  let i = at + 1;
  while (i < source.length && source[i] !== quote) i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Where the template literal piece from `at` (past a backtick or a closing `}`) ends: past `` ` `` or `${`. */
function endOfTemplatePiece(source: string, at: number): { end: number; opensExpression: boolean } {
  let i = at;
  while (i < source.length) {
    if (source[i] === '\\') i += 2;
    else if (source[i] === '`') return { end: i + 1, opensExpression: false };
    else if (source[i] === '$' && source[i + 1] === '{') return { end: i + 2, opensExpression: true };
    else i += 1;
  }
  return { end: i, opensExpression: false };
}

/** Where the regular expression literal starting at `at` ends, past its flags. */
function endOfRegExp(source: string, at: number): number {
  let i = at + 1;
  let inClass = false;
  while (i < source.length && (inClass || source[i] !== '/') && source[i] !== '\n') {
    if (source[i] === '\\') i += 1;
    else if (source[i] === '[') inClass = true;
    else if (source[i] === ']') inClass = false;
    i += 1;
  }
  i += 1;
  while (/[a-z]/i.test(source[i] ?? '')) i += 1;
  return i;
}

const ENDS_A_VALUE = new Set([')', ']', '}']);
const KEYWORDS_BEFORE_AN_EXPRESSION = new Set([
  'return',
  'typeof',
  'case',
  'in',
  'of',
  'new',
  'throw',
  'void',
  'await',
]);

/** Whether a `/` after `previous` starts a regular expression (rather than being a division). */
function slashStartsRegExp(previous: Token | undefined): boolean {
  if (!previous) return true;
  if (previous.kind === 'string') return false;
  if (previous.kind === 'word') return KEYWORDS_BEFORE_AN_EXPRESSION.has(previous.text);
  return !ENDS_A_VALUE.has(previous.text);
}

/** Skips whitespace and comments from `at`; returns where the next token starts. */
function skipTrivia(source: string, at: number): number {
  let i = at;
  for (;;) {
    if (/\s/.test(source[i] ?? '')) i += 1;
    else if (source.startsWith('//', i)) i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
    else if (source.startsWith('/*', i))
      i = source.indexOf('*/', i + 2) === -1 ? source.length : source.indexOf('*/', i + 2) + 2;
    else return i;
  }
}

/** The tokens of a TypeScript source that matter for finding its imports: words, string literals, punctuation. */
function tokens(source: string): Token[] {
  const out: Token[] = [];
  // One entry per open brace: whether closing it resumes a template literal.
  const braces: boolean[] = [];
  const templatePiece = (at: number) => {
    const piece = endOfTemplatePiece(source, at);
    if (piece.opensExpression) braces.push(true);
    out.push({ kind: 'string', text: '`…`' });
    return piece.end;
  };
  let i = skipTrivia(source, 0);
  while (i < source.length) {
    const c = source[i];
    const word = /^[A-Za-z_$][\w$]*|^\d[\w.]*/.exec(source.slice(i, i + 200));
    if (word) {
      out.push({ kind: 'word', text: word[0] });
      i += word[0].length;
    } else if (c === "'" || c === '"') {
      const end = endOfQuoted(source, i);
      out.push({ kind: 'string', text: source.slice(i + 1, end - 1) });
      i = end;
    } else if (c === '`') i = templatePiece(i + 1);
    else if (c === '}' && braces.pop()) i = templatePiece(i + 1);
    else if (c === '/' && slashStartsRegExp(out.at(-1))) {
      i = endOfRegExp(source, i);
      out.push({ kind: 'string', text: '/…/' });
    } else {
      if (c === '{') braces.push(false);
      out.push({ kind: 'punct', text: c });
      i += 1;
    }
    i = skipTrivia(source, i);
  }
  return out;
}

/**
 * The module specifiers a source imports: `import … from`, `export … from`, `import type`,
 * side-effect `import '…'` and `import('…')` with a literal.
 */
function importSpecifiers(source: string): string[] {
  const t = tokens(source);
  const specifiers: string[] = [];
  const isWord = (k: number, text: string) => t[k]?.kind === 'word' && t[k].text === text;
  const stringAt = (k: number) => (t[k]?.kind === 'string' ? t[k].text : undefined);
  for (let k = 0; k < t.length; k += 1) {
    const dotBefore = t[k - 1]?.text === '.';
    if (isWord(k, 'from') && stringAt(k + 1) !== undefined) specifiers.push(stringAt(k + 1)!);
    else if (isWord(k, 'import') && !dotBefore && stringAt(k + 1) !== undefined) specifiers.push(stringAt(k + 1)!);
    else if (isWord(k, 'import') && !dotBefore && t[k + 1]?.text === '(' && stringAt(k + 2) !== undefined)
      specifiers.push(stringAt(k + 2)!);
  }
  return specifiers;
}

// ---------------------------------------------------------------------------
// The folder graph.

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !isTestFile(e.name) ? [full] : [];
  });
}

/** A file's node: its top-level folder under src/, or its own name for a file directly in src/. */
function nodeOf(relativeToSrc: string): string {
  return relativeToSrc.split(/[\\/]/)[0];
}

interface Import {
  from: string;
  to: string;
}

function relativeImports(): { imports: Import[]; unresolved: string[] } {
  const imports: Import[] = [];
  const unresolved: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = path.relative(SRC, file);
    for (const spec of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
      const to = path.relative(SRC, target);
      if (to.startsWith('..')) continue;
      if (!fs.existsSync(target)) unresolved.push(`${from}: '${spec}'`);
      else imports.push({ from, to });
    }
  }
  return { imports, unresolved };
}

/** node → node → the file imports that make that edge. */
function folderGraph(imports: Import[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const { from, to } of imports) {
    const [a, b] = [nodeOf(from), nodeOf(to)];
    if (a === b) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    const edge = graph.get(a)!;
    edge.set(b, [...(edge.get(b) ?? []), `${from} imports ${to}`]);
  }
  return graph;
}

/** The shortest path of edges from `start` back to `start`, if there is one. */
function shortestCycleThrough(graph: Map<string, Map<string, string[]>>, start: string): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0])!);
        return [...path, start];
      }
      if (previous.has(next)) continue;
      previous.set(next, node);
      queue.push(next);
    }
  }
  return undefined;
}

/** One cycle per group of folders that reach one another, as `a → b → a` with the imports behind each step. */
function cycles(graph: Map<string, Map<string, string[]>>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const node of [...graph.keys()].sort()) {
    if (seen.has(node)) continue;
    const cycle = shortestCycleThrough(graph, node);
    if (!cycle) continue;
    for (const n of cycle) seen.add(n);
    const why = cycle.slice(1).map((to, k) => graph.get(cycle[k])!.get(to)![0]);
    out.push(`${cycle.join(' → ')} (${why.join('; ')})`);
  }
  return out;
}

describe('the import reader', () => {
  it('finds imports, re-exports, type-only, side-effect and literal dynamic imports', () => {
    const source = [
      "import fs from 'node:fs';",
      "import type { A } from './a.js';",
      "import {\n  b,\n  type B,\n} from '../b.js';",
      "export * from './c.js';",
      "export { d } from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['node:fs', './a.js', '../b.js', './c.js', './d.js', './e.js', './f.js']);
  });

  it('skips what only looks like an import: in comments, strings, templates and regular expressions', () => {
    const source = [
      "// import x from './comment.js'",
      "/* export * from './block.js' */",
      'const s = "import y from \'./string.js\'";',
      "const t = `import z from './template.js' ${`import('./nested.js')`} from '/x'`;",
      "const r = /from '.\\/regexp.js'/;",
      "const q = a / b; const u = { from: 'not-an-import' };",
      "import real from './real.js';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./real.js']);
  });

  it('names a file by its top-level folder, or by its own name directly in src/', () => {
    expect(nodeOf('targets/common/server.ts')).toBe('targets');
    expect(nodeOf('runner/run.ts')).toBe('runner');
    expect(nodeOf('errors.ts')).toBe('errors.ts');
  });

  it('prints a cycle as a → b → a, with the imports that make it', () => {
    const graph = folderGraph([
      { from: 'a/x.ts', to: 'b/y.ts' },
      { from: 'b/y.ts', to: 'c.ts' },
      { from: 'b/z.ts', to: 'a/w.ts' },
    ]);
    expect(cycles(graph)).toEqual(['a → b → a (a/x.ts imports b/y.ts; b/z.ts imports a/w.ts)']);
  });
});

describe('architecture of src/', () => {
  const { imports, unresolved } = relativeImports();

  it('reads a plausible number of imports, each naming a file that exists', () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(unresolved).toEqual([]);
  });

  it('has no cycle between its top-level folders (and the files directly in src/)', () => {
    expect(cycles(folderGraph(imports))).toEqual([]);
  });

  it('runtime code imports nothing from the test and development folders', () => {
    const dev = (file: string) => DEV_FOLDERS.includes(nodeOf(file));
    const offending = imports.filter((i) => !dev(i.from) && dev(i.to)).map((i) => `${i.from} imports ${i.to}`);
    expect(offending).toEqual([]);
  });
});
