// A built-in profile's fault validators compiled ahead of time: CommonJS code
// that ajv's standalone mode wrote beside faults.schema.json (`npm run schemas`,
// src/schemagen/validators.ts); the hash of its schema says whether it is current.
import { createHash } from 'node:crypto';

/** The file beside faults.schema.json. */
export const COMPILED_FAULTS_FILE = 'faults.validators.cjs';

/** The key of the validator of the whole schema (any documented fault); the others are $defs' names. */
export const ANY_FAULT = '#';

export const schemaSha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
