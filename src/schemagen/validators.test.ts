import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProfiles } from '../catalog/registry.js';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';
import { COMPILED_FAULTS_FILE } from '../validate/compiledFaults.js';
import { faultValidatorsSource, dataFileValidatorSources } from './validators.js';

describe('the compiled validators of catalogs and suites', () => {
  it('are those their schemas make today (`npm run schemas` writes them again)', () => {
    for (const file of dataFileValidatorSources()) {
      const committed = fs.readFileSync(path.join(PACKAGE_ROOT, 'src', file.path), 'utf8');
      expect(committed === file.content, `src/${file.path} is stale: run \`npm run schemas\``).toBe(true);
    }
  });
});

describe("the compiled validators of built-in profiles' faults", () => {
  for (const profile of listProfiles()) {
    it(`${profile}: are those its committed faults.schema.json makes today`, () => {
      const schema = fs.readFileSync(path.join(SCHEMAS_DIR, profile, 'faults.schema.json'), 'utf8');
      const file = path.join(SCHEMAS_DIR, profile, COMPILED_FAULTS_FILE);
      expect(fs.existsSync(file), `schemas/${profile}/${COMPILED_FAULTS_FILE} is not committed`).toBe(true);
      const stale = fs.readFileSync(file, 'utf8') !== faultValidatorsSource(schema);
      expect(stale, `schemas/${profile}/${COMPILED_FAULTS_FILE} is stale: run \`npm run schemas\``).toBe(false);
    });
  }
});
