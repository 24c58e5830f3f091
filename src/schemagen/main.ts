/** `npm run schemas`: regenerate every profile's JSON Schema and XSDs from its catalog. */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../catalog/load.js';
import { listProfiles } from '../catalog/registry.js';
import { SCHEMAS_DIR } from '../paths.js';
import { generatedFiles } from './files.js';

for (const profile of listProfiles()) {
  for (const file of generatedFiles(loadCatalog(profile))) {
    const target = path.join(SCHEMAS_DIR, file.path);
    fs.writeFileSync(target, file.content);
    console.log(`wrote schemas/${file.path}`);
  }
}
