// OS_AUTH_URL comes with or without its version (`http://host:5000`,
// `http://host:5000/v3`, `http://host:5000/v2.0/`): conform needs the
// versioned endpoint and the version, without guessing by discovery.
import { UsageError } from '../errors.js';
import type { IdentityApiVersion } from './credentials.js';

/** `3`, `3.0`, `v3` → '3'; `2`, `2.0`, `v2.0` → '2.0'. */
function parseIdentityVersion(raw: string, where: string): IdentityApiVersion {
  const v = raw.trim().replace(/^v/i, '');
  if (/^3(\.\d+)?$/.test(v)) return '3';
  if (/^2(\.0)?$/.test(v)) return '2.0';
  throw new UsageError(`${where} must be 3 or 2.0, got '${raw}'`);
}

/** The version a URL's path ends with, if it does. */
function versionInPath(path: string): IdentityApiVersion | undefined {
  if (/\/v3(\.\d+)?$/.test(path)) return '3';
  if (/\/v2\.0$/.test(path)) return '2.0';
  return undefined;
}

/**
 * The versioned endpoint and its version. The version written in the URL wins
 * over none; when both are given they must agree. Default: v3.
 */
export function identityEndpoint(
  rawUrl: string,
  rawVersion: string | undefined,
  where: { url: string; version: string },
): { url: string; version: IdentityApiVersion } {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UsageError(`${where.url} '${rawUrl}' is not a URL (example: http://keystone.example:5000/v3)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${where.url} must be http:// or https://, got ${url.protocol}`);
  if (url.username || url.password) throw new UsageError(`${where.url} must not carry credentials`);
  const path = url.pathname.replace(/\/+$/, '');
  const asked = rawVersion !== undefined ? parseIdentityVersion(rawVersion, where.version) : undefined;
  const written = versionInPath(path);
  if (asked && written && asked !== written) {
    throw new UsageError(`${where.url} ends with v${written} but ${where.version} asks for ${asked}: make them agree`);
  }
  const version = written ?? asked ?? '3';
  const versioned = written ? path : `${path}/v${version}`;
  return { url: `${url.origin}${versioned}`, version };
}
