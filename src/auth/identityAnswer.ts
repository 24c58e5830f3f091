// Sending an authentication request and judging the answer, shared by the
// v2.0 and v3 password flows.
//
// Exit codes, decided here:
// - The identity service answered and said no to what conform was told to
//   send (400 malformed, 401 wrong user/password/project/domain, 403 user
//   disabled, 404/405 no token API at that URL): UsageError, exit 2. The
//   settings are wrong; running again will not help until they change.
// - No answer (refused, timeout, unknown host), a 5xx, or a "success" that
//   carries no usable token: IdentityServiceError, exit 3. The cloud, not the settings,
//   is what cannot be tested right now - the same verdict as an unreachable
//   --target, which conform also cannot tell apart from a mistyped one.
import { IdentityServiceError, UsageError } from '../errors.js';
import type { HttpClient, HttpResponse } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import { secretValues, type IdentityAuth } from './credentials.js';
import type { ServiceCatalog } from './serviceCatalog.js';

export interface IssuedToken {
  /** Registered in the run's Secrets before it is returned. */
  token: string;
  catalog: ServiceCatalog;
  expiresAt?: string;
  /** When the identity service issued it (its clock: with expiresAt, the token's lifetime). */
  issuedAt?: string;
  /** Time the identity service took to answer. */
  durationMs: number;
}

export interface IdentityAnswer {
  response: HttpResponse;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
  durationMs: number;
}

/** The identity service's own words, from `{"error": {"message"}}` or `{"<fault>": {"message"}}`; one short line. */
export function faultMessage(body: string): string {
  try {
    const doc = JSON.parse(body) as Record<string, { message?: unknown; title?: unknown }>;
    const root = doc.error ?? Object.values(doc)[0];
    if (typeof root?.message === 'string') return root.message;
  } catch {
    // not JSON: the raw text below
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 160);
}

function who(auth: IdentityAuth): string {
  if (auth.kind === 'application-credential')
    return `application credential '${auth.id ?? `${auth.name}' of user '${auth.username ?? auth.userId}`}'`;
  const project = auth.projectName ?? auth.projectId;
  return `user '${auth.username}'${project ? ` (project '${project}')` : ''}`;
}

const CHECK: Record<IdentityAuth['kind'], string> = {
  password: 'user name, password, project and domains',
  'application-credential': 'its id or name, user and secret',
};
const METHOD: Record<IdentityAuth['kind'], string> = {
  password: 'a password',
  'application-credential': 'an application credential',
};

/** POSTs an authentication request; throws the error a person can act on unless the status is `expected`. */
export async function postAuth(
  client: HttpClient,
  secrets: Secrets,
  auth: IdentityAuth,
  request: { url: string; body: unknown; expected: number[] },
): Promise<IdentityAnswer> {
  for (const secret of secretValues(auth)) secrets.add(secret);
  const outcome = await client.send({
    method: 'POST',
    url: request.url,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request.body),
  });
  const at = `identity service ${auth.authUrl}`;
  if (!outcome.ok) throw new IdentityServiceError(`${at} could not be reached: ${secrets.redact(outcome.error)}`);
  const { response } = outcome;
  const said = () => `${response.status} ${faultMessage(secrets.redact(response.body))}`.trim();
  if (!request.expected.includes(response.status)) {
    switch (response.status) {
      case 401:
        throw new UsageError(`${at} refused the credentials of ${who(auth)}: ${said()} (check ${CHECK[auth.kind]})`);
      case 400:
      case 403:
        throw new UsageError(`${at} refused to authenticate ${who(auth)}: ${said()}`);
      case 404:
      case 405:
        // 404 is Keystone's answer for an application credential it does not know (deleted, or another user's).
        if (auth.kind === 'application-credential' && response.status === 404)
          throw new UsageError(`${at} refused ${who(auth)}: ${said()} (check ${CHECK[auth.kind]})`);
        throw new UsageError(
          `${at} has no v${auth.identityApiVersion} token API at ${request.url} (${response.status}): ` +
            'check the auth URL and the identity API version',
        );
    }
    if (response.status >= 500) throw new IdentityServiceError(`${at} failed to authenticate ${who(auth)}: ${said()}`);
    throw new IdentityServiceError(
      `${at} answered ${response.status} to ${METHOD[auth.kind]} authentication, ` +
        `not ${request.expected.join(' or ')}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    json = undefined;
  }
  return { response, json, durationMs: outcome.durationMs };
}

/** A success that cannot be used: exit 3, the identity service is broken. */
export function unusable(auth: IdentityAuth, why: string): IdentityServiceError {
  return new IdentityServiceError(
    `identity service ${auth.authUrl} answered the authentication of ${who(auth)} with ${why}`,
  );
}
