// Identity v3 application-credential authentication: POST {authUrl}/auth/tokens
// with the application_credential method. The credential carries its own
// project: the request has no scope.
import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { AppCredentialAuth } from './credentials.js';
import type { IssuedToken } from './identityAnswer.js';
import { issueV3 } from './passwordV3.js';

/** The request body: the credential by id, or by name with its user (by id, or by name in a domain). */
export function v3AppCredentialBody(auth: AppCredentialAuth): unknown {
  const domain = auth.userDomainId ? { id: auth.userDomainId } : { name: auth.userDomainName ?? 'Default' };
  const user = auth.userId ? { id: auth.userId } : { name: auth.username, domain };
  const credential = auth.id ? { id: auth.id, secret: auth.secret } : { name: auth.name, secret: auth.secret, user };
  return { auth: { identity: { methods: ['application_credential'], application_credential: credential } } };
}

export function appCredentialV3(client: HttpClient, secrets: Secrets, auth: AppCredentialAuth): Promise<IssuedToken> {
  return issueV3(client, secrets, auth, v3AppCredentialBody(auth));
}
