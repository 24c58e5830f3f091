import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root, from src/ (tsx, vitest) and from dist/ (the built CLI) alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const SCHEMAS_DIR = path.join(PACKAGE_ROOT, 'schemas');
export const SUITES_DIR = path.join(PACKAGE_ROOT, 'suites');
/** The seed documents, when the shared folder sits beside the checkout. */
export const SEEDS_DIR = path.resolve(PACKAGE_ROOT, '..', 'shared', 'seeds');
