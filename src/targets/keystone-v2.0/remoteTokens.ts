import { HttpClient } from '../../http/client.js';
import { Secrets } from '../../http/secrets.js';
import type { TokenAuthority, TokenInfo } from '../common/auth.js';

interface Access {
  token?: { id?: unknown; tenant?: { id?: unknown } };
  user?: { roles?: { name?: unknown }[] };
}

/** The `access` object of an Identity v2.0 answer, if the body has one. */
function accessOf(body: string): Access | undefined {
  try {
    return (JSON.parse(body) as { access?: Access }).access;
  } catch {
    return undefined;
  }
}

/** Reads a token's tenant and roles out of an Identity v2.0 `access` body. */
function tokenInfo(body: string): TokenInfo | undefined {
  const access = accessOf(body);
  if (!access?.token) return undefined;
  const tenant = typeof access.token.tenant?.id === 'string' ? access.token.tenant.id : '';
  const roles = (access.user?.roles ?? []).map((r) => r.name).filter((n): n is string => typeof n === 'string');
  return { tenant, roles };
}

export interface PasswordCredentials {
  username: string;
  password: string;
  tenantName?: string;
}

/**
 * Tokens validated by an Identity v2.0 service over HTTP, the way the auth
 * middleware in front of an OpenStack service did: GET /v2.0/tokens/{token}
 * with the service's own admin token. 200 gives the token's tenant and roles;
 * 404 (itemNotFound) means the token is not valid. Anything else is an error
 * of the identity service, never a verdict on the token.
 */
export class KeystoneV2Tokens implements TokenAuthority {
  private readonly base: string;
  private readonly client: HttpClient;

  constructor(
    identityUrl: string,
    private readonly adminToken: string,
    options: { timeoutMs?: number } = {},
  ) {
    this.base = identityUrl.replace(/\/+$/, '');
    this.client = new HttpClient({ timeoutMs: options.timeoutMs ?? 5_000 });
  }

  /** Authenticates the service's own user (it needs the admin role) and validates tokens with its token. */
  static async login(
    identityUrl: string,
    credentials: PasswordCredentials,
    options: { timeoutMs?: number } = {},
  ): Promise<KeystoneV2Tokens> {
    const client = new HttpClient({ timeoutMs: options.timeoutMs ?? 5_000 });
    try {
      const { username, password, tenantName } = credentials;
      const outcome = await client.send({
        method: 'POST',
        url: `${identityUrl.replace(/\/+$/, '')}/v2.0/tokens`,
        headers: { accept: 'application/json', 'content-type': 'application/json' },
        body: JSON.stringify({
          auth: { passwordCredentials: { username, password }, ...(tenantName ? { tenantName } : {}) },
        }),
      });
      if (!outcome.ok) throw new Error(`the identity service at ${identityUrl} could not be reached: ${outcome.error}`);
      const id = outcome.response.status === 200 ? accessOf(outcome.response.body)?.token?.id : undefined;
      if (typeof id !== 'string')
        throw new Error(
          `the identity service at ${identityUrl} refused the service's credentials (${outcome.response.status})`,
        );
      return new KeystoneV2Tokens(identityUrl, id, options);
    } finally {
      await client.close();
    }
  }

  async identify(token: string): Promise<TokenInfo | undefined> {
    const outcome = await this.client.send({
      method: 'GET',
      url: `${this.base}/v2.0/tokens/${encodeURIComponent(token)}`,
      headers: { accept: 'application/json', 'x-auth-token': this.adminToken },
    });
    const secrets = new Secrets();
    secrets.add(token);
    secrets.add(this.adminToken);
    if (!outcome.ok)
      throw new Error(
        secrets.redact(`the identity service at ${this.base} could not validate a token: ${outcome.error}`),
      );
    const { status, body } = outcome.response;
    if (status === 404) return undefined;
    const info = status === 200 || status === 203 ? tokenInfo(body) : undefined;
    if (!info) throw new Error(`the identity service at ${this.base} answered ${status} to a token validation`);
    return info;
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
