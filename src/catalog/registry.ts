import fs from 'node:fs';
import path from 'node:path';
import { SCHEMAS_DIR } from '../paths.js';

/** The built-in profiles: a profile exists when schemas/<profile>/catalog.json does. */
export function listProfiles(schemasDir = SCHEMAS_DIR): string[] {
  return fs
    .readdirSync(schemasDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(schemasDir, d.name, 'catalog.json')))
    .map((d) => d.name)
    .sort();
}

export const DEFAULT_PROFILE = 'quantum-v1.0';
