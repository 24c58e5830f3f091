import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect as globalExpect, type ExpectStatic } from 'vitest';
import { SCHEMAS_DIR } from '../paths.js';

/** The published schema of results.json. */
const RESULTS_SCHEMA_FILE = path.join(SCHEMAS_DIR, 'conform-results.schema.json');

let validator: ValidateFunction | undefined;

/** The schema compiled once, strictly: a keyword ajv does not know is an error in the schema. */
function validateResults(): ValidateFunction {
  validator ??= new Ajv2020({ allErrors: true, strictSchema: true, strictRequired: false, strictTypes: false }).compile(
    JSON.parse(fs.readFileSync(RESULTS_SCHEMA_FILE, 'utf8')) as object,
  );
  return validator;
}

/** What is wrong with `data` as results.json, a line per problem (at most 10); none when it is valid. */
export function resultsSchemaErrors(data: unknown): string[] {
  const validate = validateResults();
  if (validate(data)) return [];
  return (validate.errors ?? [])
    .slice(0, 10)
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/**
 * Expects `file` (a results.json, or the reports folder it is in) to be valid
 * against schemas/conform-results.schema.json; returns the parsed results.
 * `expect`: a concurrent test's own.
 */
export function expectValidResults(
  file: string,
  expect: ExpectStatic = globalExpect,
): { format: string; runs: unknown[] } {
  const json = fs.statSync(file).isDirectory() ? path.join(file, 'results.json') : file;
  const data = JSON.parse(fs.readFileSync(json, 'utf8')) as { format: string; runs: unknown[] };
  expect(resultsSchemaErrors(data), `${json} against ${path.basename(RESULTS_SCHEMA_FILE)}`).toEqual([]);
  return data;
}
