/** `npm run schemas`: regenerate every profile's JSON Schema, XSDs and compiled fault validators from its catalog. */
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../catalog/load.js';
import { listProfiles } from '../catalog/registry.js';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';
import { generatedFiles } from './files.js';
import { dataFileValidatorSources, faultValidatorsFile } from './validators.js';

for (const file of dataFileValidatorSources()) {
  fs.writeFileSync(path.join(PACKAGE_ROOT, 'src', file.path), file.content);
  console.log(`wrote src/${file.path}`);
}

for (const profile of listProfiles()) {
  const files = generatedFiles(loadCatalog(profile));
  const schema = files.find((f) => path.basename(f.path) === 'faults.schema.json')!;
  for (const file of [...files, faultValidatorsFile(schema)]) {
    const target = path.join(SCHEMAS_DIR, file.path);
    fs.writeFileSync(target, file.content);
    console.log(`wrote schemas/${file.path}`);
  }
}
