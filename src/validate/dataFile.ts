import type { ErrorObject } from 'ajv/dist/2020.js';
import { UsageError } from '../errors.js';

/** A validator of one of conform's own data files, compiled ahead of time (src/schemagen/validators.ts). */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** At most this many problems of one file are listed; the rest are counted. */
const MAX_LISTED = 8;

/** An ajv error as a rule a reader can act on: which property, which values. */
function ruleOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return `must not have the property '${String(p.additionalProperty)}'`;
  if (e.keyword === 'enum')
    return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  if (e.keyword === 'const') return `must be ${JSON.stringify(p.allowedValue)}`;
  return e.message ?? e.keyword;
}

/** `… at position 41` → `line 3 column 7`: where a JSON syntax error is, as an editor shows it. */
function positionOf(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line} column ${column})`;
}

/** One line per problem, each naming the file and the place: `file: /pointer rule`. */
export function problemLines(file: string, problems: string[]): string {
  const listed = problems.slice(0, MAX_LISTED).map((p) => `${file}: ${p}`);
  const more = problems.length - listed.length;
  return [...listed, ...(more > 0 ? [`${file}: and ${more} more`] : [])].join('\n');
}

/**
 * A validator for one of conform's own data files (catalogs, suites): parses
 * the text and checks it with the schema's compiled validator, turning every problem into
 * a UsageError that names the file, the place (a JSON pointer) and the rule, one line each.
 */
export function dataFileValidator<T>(validate: CompiledValidator): (file: string, text: string) => T {
  return (file, text) => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      const message = (err as Error).message.split('\n')[0];
      throw new UsageError(`${file}: not valid JSON: ${message}${positionOf(text, message)}`);
    }
    if (!validate(data)) {
      const lines = [...new Set((validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${ruleOf(e)}`))];
      throw new UsageError(problemLines(file, lines));
    }
    return data as T;
  };
}
