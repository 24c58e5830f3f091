// The model of authentication: what one source of settings gives (a layer),
// and what conform decided to do with them (an AuthMethod).
import type { AuthField, AuthFields } from '../model/credentials.js';

export type IdentityApiVersion = '2.0' | '3';

/** A token given as is: sent on every request, never refreshed. */
interface TokenAuth {
  kind: 'token';
  token: string;
  /** Where the token came from, for messages ("environment (OS_*)"). */
  origin: string;
}

/** Password authentication against an identity endpoint, for a project-scoped token. */
export interface PasswordAuth extends Pick<AuthFields, ScopeField> {
  kind: 'password';
  /** The versioned identity endpoint: `http://host:5000/v3` or `http://host:5000/v2.0`. */
  authUrl: string;
  identityApiVersion: IdentityApiVersion;
  username: string;
  password: string;
  origin: string;
}

/**
 * Application-credential authentication (identity v3 only): the credential by
 * id, or by name with its user (name and domain, or id). Its token's scope is
 * the credential's own project: no scope is sent.
 */
export interface AppCredentialAuth extends Pick<AuthFields, 'userDomainName' | 'userDomainId' | 'regionName'> {
  kind: 'application-credential';
  authUrl: string;
  identityApiVersion: '3';
  id?: string;
  name?: string;
  username?: string;
  userId?: string;
  secret: string;
  origin: string;
}

/** A credential the identity service issues tokens for, and so can renew them. */
export type IdentityAuth = PasswordAuth | AppCredentialAuth;

/**
 * Where the token is scoped and in which domains user and project live (v3
 * only; without a name or an id the `default` domain is used, as the
 * OpenStack client does), and the region for the catalog.
 */
type ScopeField =
  | 'projectName'
  | 'projectId'
  | 'userDomainName'
  | 'userDomainId'
  | 'projectDomainName'
  | 'projectDomainId'
  | 'regionName';

export type AuthMethod = TokenAuth | IdentityAuth;

/** Every field with its snake_case key (clouds.yaml; `OS_` + upper case in the environment). */
export const FIELD_KEYS: Record<AuthField, string> = {
  authType: 'auth_type',
  token: 'token',
  authUrl: 'auth_url',
  username: 'username',
  password: 'password',
  projectName: 'project_name',
  projectId: 'project_id',
  userDomainName: 'user_domain_name',
  userDomainId: 'user_domain_id',
  projectDomainName: 'project_domain_name',
  projectDomainId: 'project_domain_id',
  domainName: 'domain_name',
  domainId: 'domain_id',
  identityApiVersion: 'identity_api_version',
  regionName: 'region_name',
  applicationCredentialId: 'application_credential_id',
  applicationCredentialName: 'application_credential_name',
  applicationCredentialSecret: 'application_credential_secret',
  userId: 'user_id',
};

/** Older names of the same settings (Identity v2.0 called projects tenants). */
export const FIELD_ALIASES: Record<string, AuthField> = {
  tenant_name: 'projectName',
  tenant_id: 'projectId',
};

/** One source of settings, highest precedence first in a list of layers. */
export interface AuthLayer {
  origin: string;
  fields: AuthFields;
}

/** A one-line description without any secret in it. */
export function describeAuth(auth: AuthMethod): string {
  if (auth.kind === 'token') return `a token from ${auth.origin}`;
  if (auth.kind === 'application-credential') {
    const which = auth.id ? `'${auth.id}'` : `'${auth.name}' of user '${auth.username ?? auth.userId}'`;
    return `application credential ${which} at ${auth.authUrl} (from ${auth.origin})`;
  }
  const project = auth.projectName ?? auth.projectId;
  const scope = project ? ` in project '${project}'` : ' (unscoped)';
  return `password auth as user '${auth.username}'${scope} at ${auth.authUrl} (from ${auth.origin})`;
}

/** The values of an AuthMethod that must never be printed. */
export function secretValues(auth: AuthMethod): string[] {
  if (auth.kind === 'application-credential') return [auth.secret];
  return auth.kind === 'token' ? [auth.token] : [auth.password];
}
