// What a token says about itself: the project it is scoped to, its roles and
// its service catalog, read as the OpenStack client reads them for a token it holds:
// GET /v3/auth/tokens with the token as X-Auth-Token and X-Subject-Token.
import { IdentityServiceError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import { faultMessage } from '../auth/identityAnswer.js';
import { catalogFromV3, type ServiceCatalog } from '../auth/serviceCatalog.js';

export interface TokenInfo {
  /** The project the token is scoped to: `{tenant}` in create bodies. */
  projectId?: string;
  /** Role names on that project. */
  roles: string[];
  catalog: ServiceCatalog;
}

/** Keystone's default policies give project and user management to this role. */
export const ADMIN_ROLE = 'admin';

/** `identityUrl` is the versioned v3 endpoint (`http://host:5000/v3`). */
export async function readToken(
  client: HttpClient,
  secrets: Secrets,
  identityUrl: string,
  token: string,
): Promise<TokenInfo> {
  const outcome = await client.send({
    method: 'GET',
    url: `${identityUrl}/auth/tokens`,
    headers: { accept: 'application/json', 'x-auth-token': token, 'x-subject-token': token },
  });
  const at = `identity service ${identityUrl}`;
  if (!outcome.ok)
    throw new IdentityServiceError(
      `${at} could not be reached to read the token's catalog: ${secrets.redact(outcome.error)}`,
    );
  const { status, body } = outcome.response;
  if (status !== 200)
    throw new IdentityServiceError(
      `${at} answered ${status} to reading its own token: ${faultMessage(secrets.redact(body))}`,
    );
  let json: { token?: { project?: { id?: unknown }; roles?: unknown } };
  try {
    json = JSON.parse(body);
  } catch {
    throw new IdentityServiceError(`${at} answered the token read with a body that is not JSON`);
  }
  const projectId = json.token?.project?.id;
  const roles = Array.isArray(json.token?.roles)
    ? json.token.roles.map((r: { name?: unknown }) => r?.name).filter((n): n is string => typeof n === 'string')
    : [];
  return { projectId: typeof projectId === 'string' ? projectId : undefined, roles, catalog: catalogFromV3(json) };
}
