// What --profile names: a built-in profile by its name, or a profile folder
// by its path.
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../model/catalog.js';
import type { Profile } from '../model/profile.js';
import { loadCatalog } from '../catalog/load.js';
import { listProfiles } from '../catalog/registry.js';
import { UsageError } from '../errors.js';
import { loadProfileFolder } from './folder.js';
import { loadProfile } from './load.js';

/** A profile as a run is given it: a built-in profile's name, or a profile already loaded (a folder's). */
export type ProfileRef = string | Profile;

/** Written as a path: it has a path separator or starts with `.` (`./api`, `../x`, `/abs/api`, `.`). */
export const looksLikePath = (value: string) =>
  value.includes('/') || value.includes(path.sep) || value.startsWith('.');

/**
 * A --profile value: a path (a separator, a leading `.`) is a folder; else a
 * built-in profile's name; else an existing folder of that name. A folder
 * named like a built-in profile is reached as `./name`.
 */
export function resolveProfileRef(value: string, known = listProfiles()): ProfileRef {
  if (looksLikePath(value)) return loadProfileFolder(value);
  if (known.includes(value)) return value;
  if (fs.existsSync(value) && fs.statSync(value).isDirectory()) return loadProfileFolder(value);
  throw new UsageError(`unknown profile '${value}'; known profiles: ${known.join(', ')}, or a profile folder (./path)`);
}

/** The profile a reference stands for, loaded. */
export const profileOf = (ref: ProfileRef): Profile => (typeof ref === 'string' ? loadProfile(ref) : ref);

/** The catalog alone of the profile a reference stands for: no suite read, no validator built. */
export const catalogOf = (ref: ProfileRef): Catalog => (typeof ref === 'string' ? loadCatalog(ref) : ref.catalog);
