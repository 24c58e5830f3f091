// conform.yaml: the run options of RUN_OPTIONS and the authentication settings
// that are not secrets, checked in beside the project. Each option comes from
// the first of: its flag, its variable (CONFORM_* for the run options, the
// OS_* / CONFORM_SECOND_* ones for authentication), the file, its default.
// A secret is in the file only as a ${VAR} reference.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { UsageError } from '../errors.js';
import type { Env } from '../auth/fromEnv.js';
import { authFlagsFrom, authFlagVariables } from '../auth/cliFlags.js';
import { closest } from './argv.js';
import { looksLikePath } from '../profiles/ref.js';
import { RUN_OPTIONS, type OptionValue, type RunOption } from './runOptions.js';

export const CONFIG_FILE = 'conform.yaml';

/** A key ending in one of these holds a secret: only a ${VAR} reference may stand for it in the file. */
const SECRET_KEY = /(password|token|secret)$/i;

const AUTH_KEYS = new Map(authFlagVariables().map((a) => [a.flag, a.env]));
const RUN_KEYS = new Map(RUN_OPTIONS.filter((o) => !o.flagOnly).map((o) => [o.name, o]));

/** One key of the file: its value with the variables substituted, and where it was written. */
export interface FileValue {
  value: OptionValue;
  line: number;
  /** The variables its value refers to. */
  refs: string[];
}

export interface ConfigFile {
  /** As shown in messages: relative to the working folder when inside it. */
  shown: string;
  dir: string;
  values: Map<string, FileValue>;
}

/** The file to read: `--config` / CONFORM_CONFIG (which must exist), else conform.yaml in the folder, if any. */
export function findConfig(explicit: { value?: string; from: string }, cwd: string): string | undefined {
  if (explicit.value !== undefined) {
    const file = path.resolve(cwd, explicit.value);
    if (!existsSync(file)) throw new UsageError(`${explicit.from} names ${explicit.value}, which does not exist`);
    return file;
  }
  const here = path.join(cwd, CONFIG_FILE);
  return existsSync(here) ? here : undefined;
}

type Where = (message: string, line?: number) => UsageError;

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** `${VAR}` and `${VAR:-default}` replaced from `env` (an empty variable counts as unset). */
function substitute(text: string, key: string, env: Env, fail: (m: string) => UsageError, refs: string[]): string {
  const out = text.replace(REFERENCE, (_m, name: string, fallback: string | undefined) => {
    refs.push(name);
    const value = env[name];
    if (value !== undefined && value !== '') return value;
    if (fallback !== undefined) return fallback;
    throw fail(`'${key}' refers to \${${name}}, which is not set (set it, or write \${${name}:-default})`);
  });
  if (text.replace(REFERENCE, '').includes('${'))
    throw fail(`'${key}' has a '\${' that is not a \${VAR} or \${VAR:-default} reference`);
  return out;
}

function secretHint(key: string): string {
  const env = AUTH_KEYS.get(key);
  return env
    ? `put it in ${env}, or write \${VAR} (${key}: \${${env}})`
    : 'put it in an environment variable and write ${VAR}';
}

/** A secret's value must be one reference, without a default: the file is checked in. */
function checkSecret(key: string, node: Node | null, fail: (m: string) => UsageError): void {
  const text = isScalar(node) ? String(node.value ?? '') : undefined;
  if (text !== undefined && /^\$\{[A-Za-z_][A-Za-z0-9_]*(:-)?\}$/.test(text)) return;
  throw fail(`'${key}' is a secret and may not be written in the file: ${secretHint(key)}`);
}

const KINDS = { string: 'one value', list: 'a value or a list of values', boolean: 'true or false' } as const;

/** The node as the option's kind wants it, variables substituted. */
function valueOf(key: string, node: Node | null, option: RunOption | undefined, env: Env, fail: Where): FileValue {
  const kind = option?.kind ?? 'string';
  const wrong = () => fail(`'${key}' must be ${KINDS[kind]}`);
  const refs: string[] = [];
  const text = (n: unknown): string => {
    if (!isScalar(n) || n.value === null || n.value === '') throw wrong();
    return substitute(String(n.value), key, env, (m) => fail(m), refs);
  };
  let value: OptionValue;
  if (kind === 'list') value = isSeq(node) ? node.items.map(text) : [text(node)];
  else value = text(node);
  if (kind === 'boolean') {
    if (value !== 'true' && value !== 'false') throw wrong();
    value = value === 'true';
  }
  if (option?.choices) {
    const bad = (value as string[]).find((v) => !option.choices!.includes(v));
    if (bad !== undefined) throw fail(`'${key}' may not be '${bad}': one of ${option.choices.join(', ')}`);
  }
  return { value, line: 0, refs };
}

function unknownKey(key: string): string {
  const near = closest(key, [...RUN_KEYS.keys(), ...AUTH_KEYS.keys()]);
  return `unknown key '${key}'${near ? `; did you mean '${near}'?` : ''} (the keys are the flags of conform --help)`;
}

function checkPair(pair: Pair, lines: LineCounter, env: Env, shown: string): [string, FileValue] {
  const keyNode = pair.key as Node | null;
  const line = keyNode?.range ? lines.linePos(keyNode.range[0]).line : 1;
  const fail = (m: string) => new UsageError(`${shown}:${line}: ${m}`);
  if (!isScalar(keyNode) || typeof keyNode.value !== 'string') throw fail('a key must be a name');
  const key = keyNode.value;
  const value = pair.value as Node | null;
  if (SECRET_KEY.test(key)) checkSecret(key, value, fail);
  const option = RUN_KEYS.get(key);
  if (!option && !AUTH_KEYS.has(key)) throw fail(unknownKey(key));
  return [key, { ...valueOf(key, value, option, env, fail), line }];
}

/** Reads and checks a configuration file; every mistake is a UsageError of one line naming the file and the key. */
export function loadConfig(file: string, env: Env, cwd: string): ConfigFile {
  const relative = path.relative(cwd, file);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${shown}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    const { line } = lines.linePos(error.pos[0]);
    throw new UsageError(`${shown}:${line}: not valid YAML: ${error.message.split('\n')[0]}`);
  }
  const values = new Map<string, FileValue>();
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === '')))
    return { shown, dir: '', values };
  if (!isMap(root)) throw new UsageError(`${shown}:1: must be a mapping of options (target: URL, profile: …)`);
  for (const pair of root.items) {
    const [key, value] = checkPair(pair as Pair, lines, env, shown);
    values.set(key, value);
  }
  return { shown, dir: path.dirname(file), values };
}

/** A CONFORM_* variable as the option's value; an empty one counts as unset. */
function fromVariable(option: RunOption, name: string, raw: string): OptionValue {
  if (option.kind === 'list') {
    const values = raw.split(/[\s,]+/).filter((v) => v !== '');
    const bad = option.choices && values.find((v) => !option.choices!.includes(v));
    if (bad) throw new UsageError(`${name} may not be '${bad}': one of ${option.choices!.join(', ')}`);
    return values;
  }
  if (option.kind === 'string') return raw;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new UsageError(`${name} must be true or false, got '${raw}'`);
}

/** One setting as resolved: its value, and where it came from (`--timeout`, `CONFORM_TIMEOUT`, `conform.yaml:4`). */
export interface Resolved {
  value: OptionValue | undefined;
  source: string;
}

const flagSource = (name: string, value: unknown) => (value === false ? `--no-${name}` : `--${name}`);
const fileSource = (file: ConfigFile, v: FileValue) =>
  `${file.shown}:${v.line}${v.refs.length ? ` (${v.refs.map((r) => `\${${r}}`).join(', ')})` : ''}`;

/** A path of conform.yaml, relative to its folder; of a list, the entries written as paths (`./api`). */
function relativeTo(dir: string, option: RunOption, value: OptionValue): OptionValue {
  if (option.kind !== 'list') return path.resolve(dir, String(value));
  const entries = Array.isArray(value) ? value : [String(value)];
  return entries.map((v) => (looksLikePath(v) ? path.resolve(dir, v) : v));
}

function resolveOne(option: RunOption, args: Record<string, unknown>, env: Env, file?: ConfigFile): Resolved {
  const flag = args[option.name];
  if (flag !== undefined) return { value: flag as OptionValue, source: flagSource(option.name, flag) };
  for (const name of [option.env, option.usualEnv]) {
    const raw = name ? env[name] : undefined;
    if (name && raw) return { value: fromVariable(option, name, raw), source: name };
  }
  const given = option.flagOnly ? undefined : file?.values.get(option.name);
  if (given && file) {
    const value = option.path ? relativeTo(file.dir, option, given.value) : given.value;
    return { value, source: fileSource(file, given) };
  }
  return { value: option.default, source: 'default' };
}

/** Every run option, resolved. */
export function resolveRunOptions(args: Record<string, unknown>, env: Env, file?: ConfigFile): Map<string, Resolved> {
  return new Map(RUN_OPTIONS.map((o) => [o.name, resolveOne(o, args, env, file)]));
}

/**
 * The authentication settings the file gives, where neither the flag nor the
 * variable does (the environment is read by resolveAuth itself, above them).
 */
export function fileAuth(args: Record<string, unknown>, env: Env, file?: ConfigFile) {
  if (!file) return undefined;
  const given: Record<string, string> = {};
  for (const [flag, variable] of AUTH_KEYS) {
    const v = file.values.get(flag);
    if (v && args[flag] === undefined && !env[variable]) given[flag] = String(v.value);
  }
  if (Object.keys(given).length === 0) return undefined;
  const { main, second } = authFlagsFrom(given);
  return { origin: file.shown, main, second };
}

/** Where each authentication setting comes from, for `conform config`; secrets are shown as [REDACTED]. */
export function resolveAuthSources(args: Record<string, unknown>, env: Env, file?: ConfigFile): Map<string, Resolved> {
  const out = new Map<string, Resolved>();
  for (const [flag, variable] of AUTH_KEYS) {
    const secret = SECRET_KEY.test(flag);
    const show = (v: unknown) => (secret ? '[REDACTED]' : (v as OptionValue));
    const fromFile = file?.values.get(flag);
    if (args[flag] !== undefined && args[flag] !== '') out.set(flag, { value: show(args[flag]), source: `--${flag}` });
    else if (env[variable]) out.set(flag, { value: show(env[variable]), source: variable });
    else if (fromFile && file) out.set(flag, { value: show(fromFile.value), source: fileSource(file, fromFile) });
  }
  return out;
}
