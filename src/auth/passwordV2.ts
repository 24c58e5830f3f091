// Identity v2.0 password authentication: POST {authUrl}/tokens answers 200
// (or 203) with `{access: {token: {id, expires}, serviceCatalog}}`.
import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { PasswordAuth } from './credentials.js';
import { postAuth, unusable, type IssuedToken } from './identityAnswer.js';
import { catalogFromV2 } from './serviceCatalog.js';

/** The request body; v2.0 calls the project a tenant and has no domains. */
function v2PasswordBody(auth: PasswordAuth): unknown {
  const tenant = auth.projectId
    ? { tenantId: auth.projectId }
    : auth.projectName
      ? { tenantName: auth.projectName }
      : {};
  return { auth: { passwordCredentials: { username: auth.username, password: auth.password }, ...tenant } };
}

export async function passwordV2(client: HttpClient, secrets: Secrets, auth: PasswordAuth): Promise<IssuedToken> {
  const answer = await postAuth(client, secrets, auth, {
    url: `${auth.authUrl}/tokens`,
    body: v2PasswordBody(auth),
    expected: [200, 203],
  });
  const token = (answer.json as { access?: { token?: { id?: unknown; expires?: unknown } } } | undefined)?.access
    ?.token;
  if (typeof token?.id !== 'string' || token.id === '')
    throw unusable(auth, `${answer.response.status} but no access.token.id in the body`);
  secrets.add(token.id);
  return {
    token: token.id,
    catalog: catalogFromV2(answer.json),
    expiresAt: typeof token.expires === 'string' ? token.expires : undefined,
    durationMs: answer.durationMs,
  };
}
