import { createHash, timingSafeEqual } from 'node:crypto';
import type { TokenAuthority, TokenInfo } from '../common/auth.js';
import { readObject } from '../../body/object.js';
import type { FaultReply, Reply, TargetRequest } from '../common/types.js';
import { identityFault as F } from './faults.js';
import { member, stringField } from './routes.js';
import type { KeystoneStore, Tenant, Token, User } from './store.js';

/** What the token operations need from the service. */
export interface IdentityContext {
  store: KeystoneStore;
  now(): number;
  tokenLifetimeMs: number;
  /** Tokens issued elsewhere that this service also accepts (service tokens, the embedded run's tokens). */
  external?: TokenAuthority;
}

export const isAdmin = (roles: readonly string[]) => roles.some((r) => r.toLowerCase() === 'admin');

const digest = (s: string) => createHash('sha256').update(s).digest();
const samePassword = (stored: string | undefined, given: string) =>
  stored !== undefined && timingSafeEqual(digest(stored), digest(given));

function accessPayload(
  token: Pick<Token, 'id' | 'expires'>,
  user: Pick<User, 'id' | 'name' | 'roles'>,
  tenant?: Pick<Tenant, 'id' | 'name'>,
): Record<string, unknown> {
  return {
    access: {
      token: {
        id: token.id,
        expires: token.expires.toISOString(),
        ...(tenant ? { tenant: { id: tenant.id, name: tenant.name } } : {}),
      },
      user: { id: user.id, name: user.name, roles: user.roles.map((name) => ({ name })) },
      serviceCatalog: [],
    },
  };
}

/** Who the credentials of an authentication request are. Diablo Keystone's order: unknown user, disabled, password. */
function authenticatedUser(ctx: IdentityContext, auth: Record<string, unknown>): User | FaultReply {
  const password = member(auth, 'passwordCredentials');
  if (password) {
    const username = stringField(password.username);
    if (!username || typeof password.password !== 'string')
      return F.badRequest('passwordCredentials need a username and a password');
    const user = ctx.store.userByName(username);
    if (!user) return F.unauthorized('Invalid user / password');
    if (!user.enabled) return F.userDisabled(username);
    return samePassword(user.password, password.password) ? user : F.unauthorized('Invalid user / password');
  }
  const token = member(auth, 'token');
  if (token) {
    const id = stringField(token.id);
    if (!id) return F.badRequest('token credentials need an id');
    return ctx.store.liveToken(id, ctx.now())?.user ?? F.unauthorized('The token is invalid or expired');
  }
  return F.badRequest('Expecting passwordCredentials or token in auth');
}

/** The tenant a token is scoped to: the one asked for (tenantId or tenantName), else the user's default. */
function scope(ctx: IdentityContext, user: User, auth: Record<string, unknown>): Tenant | undefined | FaultReply {
  const id = stringField(auth.tenantId);
  const name = stringField(auth.tenantName);
  if (!id && !name) return user.tenantId ? ctx.store.tenants.get(user.tenantId) : undefined;
  const tenant = id ? ctx.store.tenants.get(id) : ctx.store.tenantByName(name!);
  if (!tenant || (tenant.id !== user.tenantId && !isAdmin(user.roles)))
    return F.unauthorized('Unauthorized on this tenant');
  return tenant;
}

/** POST /v2.0/tokens: passwordCredentials or token in, a scoped token out. */
export function authenticate(ctx: IdentityContext, req: TargetRequest): Reply {
  const auth = member(readObject(req.body, req.format), 'auth');
  if (!auth) return F.badRequest('Expecting {"auth": {"passwordCredentials": {"username": ..., "password": ...}}}');
  const user = authenticatedUser(ctx, auth);
  if ('kind' in user) return user;
  const tenant = scope(ctx, user, auth);
  if (tenant && 'kind' in tenant) return tenant;
  const token = ctx.store.issueToken(user, tenant?.id, ctx.tokenLifetimeMs, ctx.now());
  return { kind: 'success', status: 200, payload: accessPayload(token, user, tenant) };
}

/** Who a token belongs to: one this service issued, else one the external authority knows. */
export async function identifyToken(ctx: IdentityContext, token: string): Promise<TokenInfo | undefined> {
  const live = ctx.store.liveToken(token, ctx.now());
  if (live) return { tenant: live.token.tenantId ?? '', roles: live.user.roles };
  return ctx.external?.identify(token);
}

/** GET /v2.0/tokens/{tokenId} (admin): the token's access, or itemNotFound for a token that is not valid. */
export async function validateToken(ctx: IdentityContext, id: string): Promise<Reply> {
  const live = ctx.store.liveToken(id, ctx.now());
  if (live) {
    const tenant = live.token.tenantId ? ctx.store.tenants.get(live.token.tenantId) : undefined;
    return { kind: 'success', status: 200, payload: accessPayload(live.token, live.user, tenant) };
  }
  const info = await ctx.external?.identify(id);
  if (!info) return F.itemNotFound('The token is not valid');
  const tenant = info.tenant ? { id: info.tenant, name: info.tenant } : undefined;
  const expires = new Date(ctx.now() + ctx.tokenLifetimeMs);
  // A token this service did not issue belongs to no user it knows.
  return {
    kind: 'success',
    status: 200,
    payload: accessPayload({ id, expires }, { id: 'external', name: 'external', roles: info.roles }, tenant),
  };
}
