import { UsageError } from '../errors.js';
import { listProfiles } from '../catalog/registry.js';

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

export function checkProfiles(names: string[]): string[] {
  const known = listProfiles();
  for (const n of names) {
    if (!known.includes(n)) throw new UsageError(`unknown profile '${n}'; known profiles: ${known.join(', ')}`);
  }
  return [...new Set(names)];
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

export function positiveInt(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`--${name} needs a whole number of at least 1, got '${String(value)}'`);
  return n;
}
