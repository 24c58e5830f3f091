// Identity v3 password authentication: POST {authUrl}/auth/tokens answers 201
// with the token in the X-Subject-Token header and the token's data (catalog
// included) in the body.
import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { IdentityAuth, PasswordAuth } from './credentials.js';
import { postAuth, unusable, type IssuedToken } from './identityAnswer.js';
import { catalogFromV3 } from './serviceCatalog.js';

/** `{id}` or `{name}`; the `default` domain when neither is given, as the OpenStack client does. */
function domain(name: string | undefined, id: string | undefined): { id: string } | { name: string } {
  if (id) return { id };
  if (name) return { name };
  return { id: 'default' };
}

/** The request body: password method, project scope when a project is given (else unscoped). */
export function v3PasswordBody(auth: PasswordAuth): unknown {
  const user = { name: auth.username, domain: domain(auth.userDomainName, auth.userDomainId), password: auth.password };
  const project = auth.projectId
    ? { id: auth.projectId }
    : auth.projectName
      ? { name: auth.projectName, domain: domain(auth.projectDomainName, auth.projectDomainId) }
      : undefined;
  return {
    auth: {
      identity: { methods: ['password'], password: { user } },
      ...(project ? { scope: { project } } : {}),
    },
  };
}

export function passwordV3(client: HttpClient, secrets: Secrets, auth: PasswordAuth): Promise<IssuedToken> {
  return issueV3(client, secrets, auth, v3PasswordBody(auth));
}

/** POST {authUrl}/auth/tokens with `body`: the token, its catalog and lifetime. */
export async function issueV3(
  client: HttpClient,
  secrets: Secrets,
  auth: IdentityAuth,
  requestBody: unknown,
): Promise<IssuedToken> {
  const answer = await postAuth(client, secrets, auth, {
    url: `${auth.authUrl}/auth/tokens`,
    body: requestBody,
    expected: [201],
  });
  const token = answer.response.headers['x-subject-token'];
  if (!token) throw unusable(auth, `${answer.response.status} but no X-Subject-Token header`);
  secrets.add(token);
  const body = answer.json as { token?: { expires_at?: unknown; issued_at?: unknown } } | undefined;
  if (typeof body?.token !== 'object' || body.token === null)
    throw unusable(auth, `${answer.response.status} but no token document in the body`);
  const { expires_at: expiresAt, issued_at: issuedAt } = body.token;
  return {
    token,
    catalog: catalogFromV3(answer.json),
    expiresAt: typeof expiresAt === 'string' ? expiresAt : undefined,
    issuedAt: typeof issuedAt === 'string' ? issuedAt : undefined,
    durationMs: answer.durationMs,
  };
}
