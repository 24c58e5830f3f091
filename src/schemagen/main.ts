/** `npm run schemas`: regenerate every profile's JSON Schema and XSDs from its catalog. */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../catalog/load.js';
import { listProfiles } from '../catalog/registry.js';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';
import { generatedFiles } from './files.js';
import { dataFileValidatorSources } from './validators.js';

for (const file of dataFileValidatorSources()) {
  fs.writeFileSync(path.join(PACKAGE_ROOT, 'src', file.path), file.content);
  console.log(`wrote src/${file.path}`);
}

for (const profile of listProfiles()) {
  for (const file of generatedFiles(loadCatalog(profile))) {
    const target = path.join(SCHEMAS_DIR, file.path);
    fs.writeFileSync(target, file.content);
    console.log(`wrote schemas/${file.path}`);
  }
}
