import fs from 'node:fs';
import path from 'node:path';
import { SCHEMAS_DIR, SUITES_DIR } from '../paths.js';

/** A built-in profile copied to `parent/as` as a profile folder of its own: catalog.json and suites/*.json only. */
export function copyProfile(parent: string, name: string, as = name): string {
  const dir = path.join(parent, as);
  fs.mkdirSync(path.join(dir, 'suites'), { recursive: true });
  fs.copyFileSync(path.join(SCHEMAS_DIR, name, 'catalog.json'), path.join(dir, 'catalog.json'));
  for (const f of fs.readdirSync(path.join(SUITES_DIR, name)))
    fs.copyFileSync(path.join(SUITES_DIR, name, f), path.join(dir, 'suites', f));
  return dir;
}
