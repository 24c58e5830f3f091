import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../model/output.js';
import { UsageError } from '../../errors.js';
import { loadCatalogFile } from '../../catalog/load.js';
import { generatedFiles } from '../../schemagen/files.js';
import { EXIT } from '../exitCode.js';

/**
 * `conform schemas DIR`: writes the JSON Schema (and, for a profile
 * documenting XML, the XSDs) generated from DIR/catalog.json beside it, with
 * the generator of the built-in profiles.
 */
export function schemasCommand(dir: string, io: Output): number {
  const file = path.join(dir, 'catalog.json');
  if (!fs.existsSync(file))
    throw new UsageError(`${dir} has no catalog.json (a profile folder holds catalog.json and suites/*.json)`);
  const catalog = loadCatalogFile(file);
  for (const f of generatedFiles(catalog, 'by `conform schemas` from catalog.json')) {
    const target = path.join(dir, path.basename(f.path));
    fs.writeFileSync(target, f.content);
    io.out(`wrote ${target}`);
  }
  return EXIT.conform;
}
