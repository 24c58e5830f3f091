// Turns what resolve decided into the tokens a run sends: a given token as is,
// password auth by a call to the identity service. Every secret is in the
// run's Secrets before this returns (passwords before they are sent).
import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { Credentials } from '../model/credentials.js';
import { describeAuth, secretValues, type AuthMethod, type IdentityAuth } from './credentials.js';
import { appCredentialV3 } from './appCredentialV3.js';
import type { IssuedToken } from './identityAnswer.js';
import { passwordV2 } from './passwordV2.js';
import { passwordV3 } from './passwordV3.js';
import type { ResolvedAuth } from './resolve.js';
import type { ServiceCatalog } from './serviceCatalog.js';

export interface ObtainedCredentials {
  credentials: Credentials;
  /** The catalog that came with the main token (password auth only), for endpoint discovery. */
  catalog?: ServiceCatalog;
  /** One line per token obtained by password auth, for the console; no secret in them. */
  notes: string[];
  /** The tokens the identity service issued (not those given as is), for their renewal. */
  issued: { main?: IssuedToken; second?: IssuedToken };
}

interface Obtained {
  token: string;
  issued?: IssuedToken;
  note?: string;
}

/** A new token from the identity service, for a credential it issues them for. */
export function issueToken(method: IdentityAuth, client: HttpClient, secrets: Secrets): Promise<IssuedToken> {
  if (method.kind === 'application-credential') return appCredentialV3(client, secrets, method);
  return (method.identityApiVersion === '3' ? passwordV3 : passwordV2)(client, secrets, method);
}

async function obtain(method: AuthMethod, role: string, client: HttpClient, secrets: Secrets): Promise<Obtained> {
  if (method.kind === 'token') return { token: method.token };
  const issued = await issueToken(method, client, secrets);
  return {
    token: issued.token,
    issued,
    note: `${role}: token obtained by ${describeAuth(method)} in ${issued.durationMs} ms`,
  };
}

export async function obtainCredentials(
  resolved: ResolvedAuth,
  client: HttpClient,
  secrets: Secrets,
): Promise<ObtainedCredentials> {
  // Register every secret first: if one of the two fails, the other's are redacted already.
  for (const method of [resolved.main, resolved.second])
    if (method) for (const v of secretValues(method)) secrets.add(v);
  const [main, second] = await Promise.all([
    resolved.main && obtain(resolved.main, 'main credential', client, secrets),
    resolved.second && obtain(resolved.second, 'second credential', client, secrets),
  ]);
  return {
    credentials: { main: main?.token, second: second?.token },
    catalog: main?.issued?.catalog,
    notes: [main?.note, second?.note].filter((n): n is string => n !== undefined),
    issued: { main: main?.issued, second: second?.issued },
  };
}
