// `conform` with credentials and no --target: the endpoints come from the main
// token's service catalog, as the OpenStack client finds them, and each
// profile that names a service type runs against its endpoint, with the
// token's project as {tenant}.
import { UsageError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { Catalog } from '../model/catalog.js';
import type { IdentityAuth } from '../auth/credentials.js';
import { endpointsFor } from './endpoints.js';
import { ADMIN_ROLE, readToken } from './tokenInfo.js';

interface DiscoveredTarget {
  profile: string;
  target: string;
}

export interface Discovery {
  targets: DiscoveredTarget[];
  /** The token's project: {tenant}. */
  projectId?: string;
  mainIsAdmin: boolean;
  /** One line per endpoint found, for the console. */
  notes: string[];
}

/**
 * `catalogs`: the profiles asked for (all of them must be found), or every
 * profile that names a service type (those found run; at least one must be).
 */
export async function discoverTargets(args: {
  auth: IdentityAuth;
  token: string;
  catalogs: Catalog[];
  requireAll: boolean;
  client: HttpClient;
  secrets: Secrets;
}): Promise<Discovery> {
  const { auth } = args;
  if (auth.identityApiVersion !== '3') {
    throw new UsageError(
      "finding endpoints in the token's service catalog needs identity v3 " +
        `(the credentials use v${auth.identityApiVersion}): give --target URL`,
    );
  }
  const info = await readToken(args.client, args.secrets, auth.authUrl, args.token);
  const found = endpointsFor(args.catalogs, info.catalog, { region: auth.regionName });
  const missing = found.flatMap((f) => ('missing' in f ? [f.missing] : []));
  const targets = found.flatMap((f) => ('target' in f ? [{ profile: f.profile, target: f.target }] : []));
  if (args.requireAll && missing.length > 0) throw new UsageError(`${missing.join('; ')}: give --target URL`);
  if (targets.length === 0) {
    const wanted = args.catalogs.map((c) => `${c.serviceType} (${c.profile})`).join(', ');
    throw new UsageError(`the token's service catalog lists none of ${wanted}: give --target URL`);
  }
  const notes = found.map((f) =>
    'target' in f
      ? `${f.profile}: ${f.serviceType} endpoint ${f.target} (from the token's service catalog)`
      : `${f.profile}: not run, ${f.missing}`,
  );
  return { targets, projectId: info.projectId, mainIsAdmin: info.roles.includes(ADMIN_ROLE), notes };
}
