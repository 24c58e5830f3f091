// The command line read once more, token by token, with the options of the
// command that runs, before yargs's own checks: what yargs would let through,
// misread or answer with its whole help — an unknown option or command, a flag
// without its value, a single-value flag given twice, an empty credential —
// becomes a usage error of one line that names it.
import { UsageError } from '../errors.js';

/** What a command's options look like to the parser. */
export interface OptionTable {
  /** Every spelling, names and aliases, to the option's key. */
  names: ReadonlyMap<string, string>;
  /** Options that take no value (`--no-NAME` too). */
  booleans: ReadonlySet<string>;
  /** Options that take one value or more, and may be given again (their values add up). */
  arrays: ReadonlySet<string>;
  /** Options whose value may not be empty: a credential from `--token "$UNSET"` is a mistake, not "no token". */
  nonEmpty: ReadonlySet<string>;
}

/** The part of yargs's getOptions() the table is made from. */
export interface ParserOptions {
  key: Record<string, unknown>;
  alias: Record<string, string[]>;
  boolean: string[];
  array: string[];
}

export function optionTable(options: ParserOptions, nonEmpty: Iterable<string> = []): OptionTable {
  const names = new Map<string, string>(Object.keys(options.key).map((k) => [k, k]));
  for (const [key, aliases] of Object.entries(options.alias)) for (const a of aliases) names.set(a, key);
  const canonical = (list: Iterable<string>) => new Set([...list].map((k) => names.get(k) ?? k));
  return {
    names,
    booleans: canonical(options.boolean),
    arrays: canonical(options.array),
    nonEmpty: canonical(nonEmpty),
  };
}

/** Who reads the line: the command (`conform cleanup`), and the commands there are. */
export interface CommandLine {
  command: string;
  commands: readonly string[];
  /** How many positional arguments the command takes after its name (`merge <dirs..>`: any number); default none. */
  positionals?: number;
}

interface Given {
  key: string;
  /** As typed: `--os-token`, `--no-color`. */
  spelled: string;
  values: string[];
}

/** An option, not a value: `-x`, `--x`, but not `-1` or `-` alone. */
const isOption = (token: string) => /^-./.test(token) && !/^-(\d+(\.\d*)?|\.\d+)$/.test(token);

/** Optimal string alignment distance: edits, a swap of neighbours counting as one (`tagret` → `target`). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The known name closest to `typed`, when it is close enough to be what was meant. */
export function closest(typed: string, known: Iterable<string>): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = name.startsWith(typed) && typed.length >= 3 ? 0.5 : distance(typed, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(typed.length / 3)) ? best.name : undefined;
}

const helpOf = (line: CommandLine) => (line.command === 'run' ? 'conform --help' : `conform ${line.command} --help`);

function unknownOption(spelled: string, table: OptionTable, line: CommandLine): UsageError {
  const typed = spelled.replace(/^-+/, '').split('=')[0];
  const spellings = [...table.names.keys()].filter((n) => n.length > 1);
  const near = closest(typed, [...spellings, ...[...table.booleans].map((b) => `no-${b}`)]);
  const hint = near ? `; did you mean --${near}?` : '';
  return new UsageError(`unknown option ${spelled.split('=')[0]}${hint} (${helpOf(line)} lists them)`);
}

/** The option a token names, or undefined for a value or a positional argument. */
function optionOf(token: string, table: OptionTable, line: CommandLine): { key: string; inline?: string } {
  const body = token.replace(/^--?/, '');
  const eq = body.indexOf('=');
  const name = eq < 0 ? body : body.slice(0, eq);
  const inline = eq < 0 ? undefined : body.slice(eq + 1);
  const key = table.names.get(name);
  if (key) return { key, inline };
  const negated = name.startsWith('no-') ? table.names.get(name.slice(3)) : undefined;
  if (negated && table.booleans.has(negated)) return { key: negated, inline };
  throw unknownOption(token, table, line);
}

/** The options given, in order, and the positional arguments; throws on an unknown option or a missing value. */
function read(args: readonly string[], table: OptionTable, line: CommandLine) {
  const given: Given[] = [];
  const positionals: { token: string; index: number }[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    if (token === '--') {
      positionals.push(...args.slice(i + 1).map((t, k) => ({ token: t, index: i + 1 + k })));
      break;
    }
    if (!isOption(token)) {
      positionals.push({ token, index: i });
      continue;
    }
    const { key, inline } = optionOf(token, table, line);
    const spelled = token.split('=')[0];
    const values: string[] = inline !== undefined ? [inline] : [];
    if (table.booleans.has(key)) {
      if (inline === undefined && /^(true|false)$/.test(args[i + 1] ?? '')) i++;
    } else if (inline === undefined) {
      while (i + 1 < args.length && !isOption(args[i + 1]) && args[i + 1] !== '--') {
        values.push(args[++i]);
        if (!table.arrays.has(key)) break;
      }
      if (values.length === 0) throw new UsageError(`${spelled} needs a value (${helpOf(line)} describes it)`);
    }
    given.push({ key, spelled, values });
  }
  return { given, positionals };
}

const TIMES = ['', 'once', 'twice'];

function checkRepeats(given: Given[], table: OptionTable): void {
  const byKey = new Map<string, Given[]>();
  for (const g of given) byKey.set(g.key, [...(byKey.get(g.key) ?? []), g]);
  for (const [key, all] of byKey) {
    if (all.length < 2 || table.arrays.has(key)) continue;
    const spellings = [...new Set(all.map((g) => g.spelled))];
    const as = spellings.length > 1 ? ` (as ${spellings.join(' and ')})` : '';
    const what = table.booleans.has(key) ? 'it is a switch' : 'it takes one value';
    throw new UsageError(
      `${spellings[0]} is given ${TIMES[all.length] ?? `${all.length} times`}${as}; ${what}: give it once`,
    );
  }
}

function checkPositionals(positionals: { token: string; index: number }[], line: CommandLine): void {
  // The command's own name comes first (`run` may be left out), then the arguments it takes.
  const named = positionals[0]?.token === line.command ? 1 : 0;
  const extra = positionals.slice(named + (line.positionals ?? 0));
  if (extra.length === 0) return;
  const [first] = extra;
  if (first.index === 0) {
    const near = closest(first.token, line.commands);
    throw new UsageError(
      `unknown command '${first.token}'${near ? `; did you mean ${near}?` : ''} (conform --help lists them)`,
    );
  }
  throw new UsageError(`unexpected argument '${first.token}' (${helpOf(line)} lists the options)`);
}

/**
 * Throws a UsageError for the first mistake of the command line: an unknown
 * option or command (with the nearest known one), an option without its value,
 * an argument nothing takes, a single-value option given twice, an empty
 * credential.
 */
export function checkArgs(args: readonly string[], table: OptionTable, line: CommandLine): void {
  const { given, positionals } = read(args, table, line);
  checkPositionals(positionals, line);
  checkRepeats(given, table);
  const empty = given.find((g) => table.nonEmpty.has(g.key) && g.values.some((v) => v.trim() === ''));
  if (empty) throw new UsageError(`${empty.spelled} is empty: give a value, or leave the flag out`);
}
