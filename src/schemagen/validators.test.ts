import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../paths.js';
import { dataFileValidatorSources } from './validators.js';

describe('the compiled validators of catalogs and suites', () => {
  it('are those their schemas make today (`npm run schemas` writes them again)', () => {
    for (const file of dataFileValidatorSources()) {
      const committed = fs.readFileSync(path.join(PACKAGE_ROOT, 'src', file.path), 'utf8');
      expect(committed === file.content, `src/${file.path} is stale: run \`npm run schemas\``).toBe(true);
    }
  });
});
