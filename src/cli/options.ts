import { UsageError } from '../errors.js';
import { listProfiles } from '../catalog/registry.js';
import { versionPrefix } from '../discovery/endpoints.js';
import { catalogOf, resolveProfileRef, type ProfileRef } from '../profiles/ref.js';

/** `http://user:pass@host` → `http://…@host`: what a user typed, fit to be echoed. */
const withoutUserInfo = (raw: string) =>
  raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@\s]*@/i, (_m, scheme: string | undefined) => `${scheme ?? ''}…@`);

export function parseTarget(raw: string, flag = 'target'): string {
  let url: URL;
  const shown = withoutUserInfo(raw);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw))
    throw new UsageError(`--${flag} '${shown}' needs a scheme: http://${shown} or https://${shown}`);
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--${flag} '${shown}' is not a URL (example: http://127.0.0.1:9696)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--${flag} must be http:// or https://, got ${url.protocol}`);
  if (url.username || url.password)
    throw new UsageError(`--${flag} must not carry credentials; use --token or OS_* variables`);
  return url.toString().replace(/\/$/, '');
}

/**
 * A --target that ends in the version its profile's paths start with
 * (`http://host:5000/v3` for keystone-v3) would be asked for /v3/v3/…. The
 * version is dropped, with a note, rather than refused: no service has its
 * version twice in its paths, so the URL can only mean the service's root;
 * it is how endpoints are listed (`openstack endpoint list`, a token's
 * service catalog), and discovery drops it from those the same way
 * (profileBase). A path prefix before the version is kept.
 */
export function targetRoot(target: string, profiles: ProfileRef[], flag = 'target'): { target: string; note?: string } {
  const url = new URL(target);
  const path = url.pathname.replace(/\/+$/, '');
  for (const ref of profiles) {
    const catalog = catalogOf(ref);
    const name = catalog.profile;
    const version = versionPrefix(catalog);
    if (!version || !path.endsWith(version) || url.search) continue;
    url.pathname = path.slice(0, -version.length);
    const root = url.toString().replace(/\/$/, '');
    return {
      target: root,
      note: `--${flag} ${target} ends in ${version}, the version ${name}'s paths start with: using ${root}`,
    };
  }
  return { target };
}

/** --profile values: built-in names, or profile folders (loaded and checked here); each once. */
export function checkProfiles(values: string[]): ProfileRef[] {
  const known = listProfiles();
  return [...new Set(values)].map((v) => resolveProfileRef(v, known));
}

/** Node's timers hold at most a signed 32-bit number of milliseconds; a longer delay fires at once. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

export function timeoutMs(value: unknown, flag = 'timeout'): number {
  const n = positiveInt(flag, value);
  if (n > MAX_TIMEOUT_MS)
    throw new UsageError(`--${flag} ${n} is too long: at most ${MAX_TIMEOUT_MS} ms (about 24.8 days)`);
  return n;
}

/** {tenant} goes into URL paths as is: it must be one non-empty path segment. */
export function parseTenant(raw: string): string {
  if (raw === '') throw new UsageError("--tenant '' is empty: give a tenant (project) id, or leave the flag out");
  const bad = /[/?#\s]/.exec(raw);
  if (bad) {
    const what = /\s/.test(bad[0]) ? 'whitespace' : `'${bad[0]}'`;
    throw new UsageError(
      `--tenant '${raw}' contains ${what}: ` +
        "a tenant id goes into URL paths and must not contain '/', '?', '#' or whitespace",
    );
  }
  return raw;
}

/** A number as typed (a string from the command line: digits only) or as a default. */
function wholeNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
}

export function positiveInt(name: string, value: unknown): number {
  const n = wholeNumber(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--${name} needs a whole number of at least 1, got '${String(value)}'`);
  return n;
}

export function parsePort(value: unknown): number {
  const n = wholeNumber(value);
  if (!Number.isInteger(n) || n > 65535) throw new UsageError(`--port must be 0..65535, got '${String(value)}'`);
  return n;
}

/** --deadline SECONDS (decimals allowed) → milliseconds, rounded up, within what a Node timer holds. */
export function deadlineMs(value: string): number {
  const seconds = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(value) ? Number(value) : Number.NaN;
  if (!(seconds > 0))
    throw new UsageError(`--deadline needs a number of seconds above 0 (decimals allowed: 1.5), got '${value}'`);
  const ms = Math.ceil(seconds * 1000);
  if (ms > MAX_TIMEOUT_MS)
    throw new UsageError(`--deadline ${value} is too long: at most ${MAX_TIMEOUT_MS / 1000} s (about 24.8 days)`);
  return ms;
}

/** --rate N: requests per second above 0, decimals allowed; at most 1000 (one a millisecond). */
export function requestRate(value: string): number {
  const rate = /^([0-9]+(\.[0-9]*)?|\.[0-9]+)$/.test(value) ? Number(value) : Number.NaN;
  if (!(rate > 0) || rate > 1000)
    throw new UsageError(`--rate needs requests per second above 0 and at most 1000 (0.5, 20), got '${value}'`);
  return rate;
}

const BYTE_UNITS: Record<string, number> = { '': 1, kib: 1024, mib: 1024 * 1024 };

/** --max-body BYTES: a whole number of bytes, or of KiB / MiB (`64KiB`, `8MiB`). */
export function maxBodyBytes(value: string): number {
  const m = /^([0-9]+)\s*(KiB|MiB)?$/i.exec(value);
  const bytes = m ? Number(m[1]) * BYTE_UNITS[(m[2] ?? '').toLowerCase()] : Number.NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1)
    throw new UsageError(
      `--max-body needs a whole number of bytes of at least 1, or of KiB or MiB (8MiB), got '${value}'`,
    );
  return bytes;
}
