// Identity v3 password authentication: POST {authUrl}/auth/tokens answers 201
// with the token in the X-Subject-Token header and the token's data (catalog
// included) in the body.
import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { PasswordAuth } from './credentials.js';
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

export async function passwordV3(client: HttpClient, secrets: Secrets, auth: PasswordAuth): Promise<IssuedToken> {
  const answer = await postAuth(client, secrets, auth, {
    url: `${auth.authUrl}/auth/tokens`,
    body: v3PasswordBody(auth),
    expected: [201],
  });
  const token = answer.response.headers['x-subject-token'];
  if (!token) throw unusable(auth, `${answer.response.status} but no X-Subject-Token header`);
  secrets.add(token);
  const body = answer.json as { token?: { expires_at?: unknown } } | undefined;
  if (typeof body?.token !== 'object' || body.token === null)
    throw unusable(auth, `${answer.response.status} but no token document in the body`);
  const expiresAt = typeof body.token.expires_at === 'string' ? body.token.expires_at : undefined;
  return { token, catalog: catalogFromV3(answer.json), expiresAt, durationMs: answer.durationMs };
}
