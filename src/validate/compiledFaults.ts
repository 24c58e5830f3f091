// A built-in profile's fault validators compiled ahead of time: CommonJS code
// that ajv's standalone mode wrote beside faults.schema.json (`npm run schemas`,
// src/schemagen/validators.ts). Required synchronously, it validates without
// ajv's compiler being loaded; its schema's hash says whether it is current.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { FormatDefinition } from 'ajv/dist/2020.js';
import type { CompiledValidator } from './dataFile.js';
import { FORMATS } from './formats.js';

/** The file beside faults.schema.json. */
export const COMPILED_FAULTS_FILE = 'faults.validators.cjs';

/** The key of the validator of the whole schema (any documented fault); the others are $defs' names. */
export const ANY_FAULT = '#';

/** What the generated file exports. */
export interface CompiledFaultsModule {
  /** The hash of the faults.schema.json text it was compiled from. */
  schemaSha256: string;
  validators(formats: Record<string, FormatDefinition<string>>): Record<string, CompiledValidator>;
}

export const schemaSha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const require = createRequire(import.meta.url);

/**
 * The validators compiled from `schemaText`, from `file`: none when the file is
 * missing or was compiled from another text (stale), and ajv must compile instead.
 */
export function loadCompiledFaults(
  file: string,
  schemaText: string,
): ReadonlyMap<string, CompiledValidator> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const compiled = require(file) as CompiledFaultsModule;
  if (compiled.schemaSha256 !== schemaSha256(schemaText)) return undefined;
  return new Map(Object.entries(compiled.validators(FORMATS)));
}
