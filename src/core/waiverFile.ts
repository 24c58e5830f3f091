// The waiver file (--waivers): known deviations a team accepts, read strictly
// (every problem one line naming the file, the entry and what is wrong), and
// written by `conform waive` from a run's findings with a reason to fill in.
import fs from 'node:fs';
import { parse } from 'yaml';
import type { CheckId } from '../model/check.js';
import type { Waiver, WaiverSet } from '../model/waiver.js';
import { PROBE_CHECKS } from '../checks/registry.js';
import { listProfiles } from '../catalog/registry.js';
import { loadCatalog } from '../catalog/load.js';
import { loadSuite } from '../suite/load.js';
import { UsageError } from '../errors.js';

const WAIVERS_FORMAT = 'conform-waivers/1';

/** The reason `conform waive` writes: refused by the loader until a person replaces it. */
const REASON_PLACEHOLDER = 'TODO: why this finding is accepted';

const CHECK_IDS: readonly string[] = [...PROBE_CHECKS.map((c) => c.id), 'success-status', 'setup-response'];
const FIELDS = ['case', 'profile', 'check', 'checks', 'reason', 'expires', 'link'];
const CASE = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([a-z]+)\])?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Scenario id → its formats, per built-in profile: what a waiver may name. */
type Known = Map<string, Map<string, string[]>>;

function knownCases(): Known {
  const known: Known = new Map();
  for (const profile of listProfiles()) {
    const catalog = loadCatalog(profile);
    const scenarios = new Map(loadSuite(catalog).scenarios.map((s) => [s.id, s.formats ?? catalog.formats]));
    known.set(profile, scenarios);
  }
  return known;
}

const isDate = (text: string): boolean => {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
};

const isUrl = (text: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** What is wrong with the case (and profile) an entry names, if anything. */
function caseProblem(name: string, profile: string | undefined, known: Known): string | undefined {
  const m = CASE.exec(name);
  if (!m) return `case: '${name}' is not '<scenario id>' or '<scenario id>[<format>]'`;
  const [, scenario, format] = m;
  const where = profile !== undefined ? [profile] : [...known.keys()];
  const formats = where.map((p) => known.get(p)?.get(scenario)).filter((f): f is string[] => f !== undefined);
  if (formats.length === 0)
    return `case: no scenario '${scenario}' in ${profile !== undefined ? `profile ${profile}` : 'any profile'}`;
  if (format !== undefined && !formats.some((f) => f.includes(format)))
    return `case: scenario '${scenario}' has no format '${format}' (it has ${[...new Set(formats.flat())].join(', ')})`;
  return undefined;
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** The checks an entry names (`check: x` or `checks: [x, y]`), and what is wrong with them. */
function checksOf(entry: Record<string, unknown>, problems: string[]): CheckId[] | undefined {
  if (entry.check !== undefined && entry.checks !== undefined) {
    problems.push('check and checks: give one of them');
    return undefined;
  }
  const given = entry.checks ?? entry.check;
  if (given === undefined) return undefined;
  const list = typeof given === 'string' ? [given] : given;
  if (!Array.isArray(list) || list.length === 0 || !list.every((c) => typeof c === 'string')) {
    problems.push(`${entry.checks !== undefined ? 'checks' : 'check'}: a check id or a list of them`);
    return undefined;
  }
  const unknown = list.filter((c) => !CHECK_IDS.includes(c));
  if (unknown.length > 0) problems.push(`checks: unknown ${unknown.join(', ')} (known: ${CHECK_IDS.join(', ')})`);
  return list as CheckId[];
}

function reasonProblem(reason: unknown): string | undefined {
  if (reason === undefined) return 'reason: missing (why the finding is accepted)';
  if (!text(reason)) return 'reason: a non-empty string';
  if (/^\s*todo\b/i.test(reason)) return 'reason: fill in the reason (it still says TODO)';
  return undefined;
}

/** What is wrong with the fields of an entry other than its checks. */
function fieldProblems(e: Record<string, unknown>, known: Known): string[] {
  const problems = Object.keys(e)
    .filter((k) => !FIELDS.includes(k))
    .map((k) => `${k}: unknown field (known: ${FIELDS.join(', ')})`);
  if (e.profile !== undefined && (typeof e.profile !== 'string' || !known.has(e.profile)))
    problems.push(`profile: '${String(e.profile)}' is not a profile (known: ${[...known.keys()].join(', ')})`);
  if (!text(e.case)) problems.push('case: missing (a scenario id, or <scenario id>[<format>])');
  else if (problems.length === 0)
    problems.push(...[caseProblem(e.case, e.profile as string | undefined, known) ?? []].flat());
  problems.push(...[reasonProblem(e.reason) ?? []].flat());
  if (e.expires !== undefined && (typeof e.expires !== 'string' || !isDate(e.expires)))
    problems.push(`expires: '${String(e.expires)}' is not a date (YYYY-MM-DD)`);
  if (e.link !== undefined && (typeof e.link !== 'string' || !isUrl(e.link)))
    problems.push(`link: '${String(e.link)}' is not an http(s) URL`);
  return problems;
}

/** One entry, or the problems with it (each `<what>: <what is wrong>`). */
function readEntry(raw: unknown, entry: string, known: Known): { waiver?: Waiver; problems: string[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { problems: ['not a mapping'] };
  const e = raw as Record<string, string | undefined>;
  const problems = fieldProblems(e, known);
  const checks = checksOf(e, problems);
  if (problems.length > 0) return { problems };
  const optional = (key: 'profile' | 'expires' | 'link') => (e[key] !== undefined ? { [key]: e[key] } : {});
  const waiver: Waiver = {
    case: e.case!,
    ...optional('profile'),
    ...(checks ? { checks } : {}),
    reason: e.reason!.trim(),
    ...optional('expires'),
    ...optional('link'),
    entry,
  };
  return { waiver, problems };
}

/** The top of the file: `{ format?, waivers: [...] }`, or what is wrong with it. */
function entriesOf(data: unknown): unknown[] | string {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return 'not a mapping with a list under `waivers`';
  const top = data as Record<string, unknown>;
  const extra = Object.keys(top).filter((k) => k !== 'waivers' && k !== 'format');
  if (extra.length > 0) return `unknown top-level field(s) ${extra.join(', ')} (known: format, waivers)`;
  if (top.format !== undefined && top.format !== WAIVERS_FORMAT)
    return `format: '${String(top.format)}' is not ${WAIVERS_FORMAT}`;
  if (!Array.isArray(top.waivers)) return 'waivers: missing, or not a list';
  return top.waivers;
}

/** An entry as its place and case, for an error line: `waivers[2] (network.show.missing[json])`. */
const entryName = (raw: unknown, i: number): string => {
  const name = (raw as { case?: unknown } | null)?.case;
  return `waivers[${i}]${typeof name === 'string' ? ` (${name})` : ''}`;
};

/**
 * Reads waivers from `text` (YAML or JSON: YAML is a superset). Throws a
 * UsageError whose lines each name the file, the entry and what is wrong.
 */
export function parseWaivers(file: string, source: string): WaiverSet {
  let data: unknown;
  try {
    data = parse(source);
  } catch (err) {
    throw new UsageError(`${file}: not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`);
  }
  const entries = entriesOf(data);
  if (typeof entries === 'string') throw new UsageError(`${file}: ${entries}`);
  const known = knownCases();
  const lines: string[] = [];
  const waivers: Waiver[] = [];
  entries.forEach((raw, i) => {
    const entry = entryName(raw, i);
    const { waiver, problems } = readEntry(raw, `waivers[${i}]`, known);
    for (const p of problems) lines.push(`${file}: ${entry}: ${p}`);
    if (waiver) waivers.push(waiver);
  });
  // The parser prints the first line after `conform: `; each further line says it too.
  if (lines.length > 0) throw new UsageError(lines.join('\nconform: '));
  return { file, waivers };
}

export function loadWaivers(file: string): WaiverSet {
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseWaivers(file, source);
}

/** A finding to write a waiver for: a failed case of a profile's run. */
export interface Finding {
  profile: string;
  case: string;
  checks: CheckId[];
  /** Its first finding in one line, written as a comment above the entry. */
  summary?: string;
  /** A finding already waived: its waiver's reason, expiry and link are kept. */
  waived?: Pick<Waiver, 'reason' | 'expires' | 'link'>;
}

/** A value in a waiver file: plain when it is an id, else quoted (a JSON string is a YAML one). */
const scalar = (v: string): string => (/^[A-Za-z0-9][A-Za-z0-9._[\]-]*$/.test(v) ? v : JSON.stringify(v));

/** A waiver file for `findings`, each with the placeholder reason the loader refuses until it is replaced. */
export function renderWaivers(findings: Finding[], from: string): string {
  const header = [
    `# Known deviations, from the findings in ${from}.`,
    '# Fill in each reason (the file is refused while one says TODO); add `expires: YYYY-MM-DD` and `link:` as needed.',
    '',
  ];
  const body = findings.flatMap((f, i) => {
    const entry = [
      `  - profile: ${scalar(f.profile)}`,
      `    case: ${scalar(f.case)}`,
      `    checks: [${f.checks.map(scalar).join(', ')}]`,
      `    reason: ${scalar(f.waived?.reason ?? REASON_PLACEHOLDER)}`,
      ...(f.waived?.expires ? [`    expires: ${scalar(f.waived.expires)}`] : []),
      ...(f.waived?.link ? [`    link: ${scalar(f.waived.link)}`] : []),
    ];
    const comment = f.summary ? [`  # ${f.summary.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')}`] : [];
    return [...(i > 0 ? [''] : []), ...comment, ...entry];
  });
  return [...header, `format: ${WAIVERS_FORMAT}`, findings.length ? 'waivers:' : 'waivers: []', ...body, ''].join('\n');
}
