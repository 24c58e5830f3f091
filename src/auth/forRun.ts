// The credentials of one `conform --target URL` run, obtained once before any
// profile runs, with what the user should know printed on stderr.
import { homedir } from 'node:os';
import { IdentityServiceError } from '../errors.js';
import { HttpClient } from '../http/client.js';
import type { Network } from '../http/network.js';
import type { Secrets } from '../http/secrets.js';
import type { Credentials } from '../model/credentials.js';
import type { ConfigContext } from './cloudsYaml.js';
import type { IdentityApiVersion } from './credentials.js';
import { obtainCredentials } from './obtain.js';
import type { AuthFlags } from '../model/credentials.js';
import type { RunNote } from '../model/result.js';
import { resolveAuth } from './resolve.js';
import { TokenRenewal } from './renewal.js';

export interface RunAuth {
  credentials: Credentials;
  /** Why the identity service could not be used: the run is untestable (exit 3), reported as such. */
  failure?: string;
  /** Renews the issued tokens before they expire, once started (none when every token was given as is). */
  renewal?: TokenRenewal;
  /** Where the main token came from, when it was obtained by password auth (no secret in it). */
  mainIdentity?: { authUrl: string; identityApiVersion: IdentityApiVersion };
}

export const processContext = (): ConfigContext => ({ env: process.env, cwd: process.cwd(), home: homedir() });

/**
 * Whether any authentication flag was given on the command line. Without
 * --target that asks for the endpoints of the token's service catalog (with
 * password credentials), or is ignored on the embedded target, which says so.
 */
export function hasAuthFlags(flags: AuthFlags): boolean {
  return [flags.main, flags.second].some((s) => Object.values(s).some((v) => v !== undefined));
}

/**
 * Resolves and obtains the run's tokens. A configuration mistake (UsageError:
 * missing setting, wrong password) is thrown; an identity service that cannot
 * be used (IdentityServiceError) becomes `failure`. Every secret is in `secrets` first.
 */
export async function authenticateRun(
  flags: AuthFlags,
  options: { timeoutMs: number; network?: Network },
  secrets: Secrets,
  say: (note: RunNote) => void,
  ctx: ConfigContext = processContext(),
): Promise<RunAuth> {
  const resolved = resolveAuth(flags, ctx);
  for (const message of resolved.warnings) say({ topic: 'credentials', level: 'note', message });
  if (!resolved.main && !resolved.second) return { credentials: {} };
  const client = new HttpClient({ timeoutMs: options.timeoutMs, connections: 2, network: options.network });
  try {
    const obtained = await obtainCredentials(resolved, client, secrets);
    for (const message of obtained.notes) say({ topic: 'credentials', level: 'info', message });
    const main = resolved.main;
    const renewable = (['main', 'second'] as const).flatMap((role) => {
      const method = resolved[role];
      const issued = obtained.issued[role];
      return method && method.kind !== 'token' && issued ? [{ role, method, issued }] : [];
    });
    const renewal =
      renewable.length > 0 ? new TokenRenewal(obtained.credentials, renewable, { secrets, ...options }) : undefined;
    return {
      credentials: obtained.credentials,
      renewal,
      mainIdentity:
        main && main.kind !== 'token'
          ? { authUrl: main.authUrl, identityApiVersion: main.identityApiVersion }
          : undefined,
    };
  } catch (err) {
    if (err instanceof IdentityServiceError) return { credentials: {}, failure: err.message };
    throw err;
  } finally {
    await client.close();
  }
}
