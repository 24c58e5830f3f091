import { readObject } from '../../body/object.js';
import type { FaultReply, Reply } from '../common/types.js';
import { v3Fault as F } from './faults.js';
import type { Project, Role, Token, User, V3Store } from './store.js';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export interface TokenContext {
  store: V3Store;
  flags: ReadonlySet<string>;
  challenge: Record<string, string>;
  now: () => number;
  lifetimeMs: number;
}

/** The `identity` of an authentication request, or the 400 for its shape. */
function identityOf(text: string): { identity: Record<string, unknown>; methods: string[] } | FaultReply {
  const parsed = readObject(text, 'json');
  if (!parsed) return F.invalidBodyFormat('Malformed request body: it is not a JSON object.');
  if (!isRecord(parsed.auth)) return F.missingAttribute('auth');
  const identity = parsed.auth.identity;
  if (!isRecord(identity)) return F.missingAttribute('identity');
  const methods = identity.methods;
  if (methods === undefined) return F.missingAttribute('methods');
  if (!Array.isArray(methods) || methods.some((m) => typeof m !== 'string'))
    return F.unexpectedType('methods', methods, 'array');
  return { identity, methods: methods as string[] };
}

function domainOf(ctx: TokenContext, ref: unknown): Project | undefined {
  if (!isRecord(ref)) return undefined;
  if (typeof ref.id === 'string') return ctx.store.domain(ref.id);
  return typeof ref.name === 'string' ? ctx.store.domainByName(ref.name) : undefined;
}

function passwordUser(ctx: TokenContext, data: Record<string, unknown>): User | FaultReply {
  const user = data.user;
  if (!isRecord(user)) return F.authenticationFailed('user', 'password');
  const found =
    typeof user.id === 'string'
      ? ctx.store.users.get(user.id)
      : typeof user.name === 'string'
        ? ctx.store.userNamed(user.name, domainOf(ctx, user.domain)?.id ?? '')
        : undefined;
  if (typeof user.id !== 'string' && typeof user.name !== 'string')
    return F.authenticationFailed('user id or name', 'user');
  const right = found?.password !== undefined && found.password === user.password;
  if (!found || !found.enabled || (!right && !ctx.flags.has('any-password')))
    return F.invalidCredentials(ctx.challenge);
  return found;
}

/** Who the request authenticates as, by its first method. */
function authenticated(ctx: TokenContext, identity: Record<string, unknown>, methods: string[]): User | FaultReply {
  for (const method of methods) if (!isRecord(identity[method])) return F.authenticationFailed(method, 'identity');
  const [method] = methods;
  if (method === 'password') return passwordUser(ctx, identity.password as Record<string, unknown>);
  if (method === 'token') {
    const id = (identity.token as Record<string, unknown>).id;
    const token = typeof id === 'string' ? live(ctx, id) : undefined;
    const user = token && ctx.store.users.get(token.userId);
    return user ?? F.invalidCredentials(ctx.challenge);
  }
  return F.invalidCredentials(ctx.challenge);
}

function scopeOf(ctx: TokenContext, user: User, scope: unknown): { scope?: Token['scope'] } | FaultReply {
  if (scope === undefined || scope === 'unscoped') return {};
  if (!isRecord(scope)) return F.unexpectedType('scope', scope, 'object');
  let target: Project | undefined;
  if (isRecord(scope.project)) {
    const p = scope.project;
    target =
      typeof p.id === 'string'
        ? ctx.store.project(p.id)
        : [...ctx.store.projects.values()].find(
            (x) => !x.isDomain && x.name === p.name && x.domainId === domainOf(ctx, p.domain)?.id,
          );
  } else if (isRecord(scope.domain)) target = domainOf(ctx, scope.domain);
  else return F.invalidBodyFormat('The scope names neither a project nor a domain.');
  if (!target || !target.enabled || ctx.store.rolesOf(user.id, target.id).length === 0)
    return F.invalidCredentials(ctx.challenge);
  return { scope: { kind: target.isDomain ? 'domain' : 'project', id: target.id } };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '000Z');

function tokenBody(ctx: TokenContext, token: Token): Record<string, unknown> {
  const user = ctx.store.users.get(token.userId)!;
  const domain = ctx.store.domain(user.domainId);
  const target = token.scope ? ctx.store.projects.get(token.scope.id) : undefined;
  const scoped = target
    ? token.scope!.kind === 'project'
      ? {
          project: {
            id: target.id,
            name: target.name,
            domain: { id: target.domainId, name: ctx.store.domain(target.domainId!)?.name },
          },
        }
      : { domain: { id: target.id, name: target.name } }
    : {};
  return {
    token: {
      methods: token.methods,
      user: { id: user.id, name: user.name, domain: { id: domain?.id, name: domain?.name }, password_expires_at: null },
      audit_ids: [token.auditId],
      issued_at: iso(token.issuedAt),
      expires_at: iso(token.expiresAt),
      ...scoped,
      ...(target ? { roles: token.roles.map((r: Role) => ({ id: r.id, name: r.name })), catalog: [] } : {}),
    },
  };
}

/** A token this service issued and that has not expired. */
export function live(ctx: TokenContext, id: string): Token | undefined {
  const token = ctx.store.tokens.get(id);
  return token && token.expiresAt > ctx.now() ? token : undefined;
}

/** POST /v3/auth/tokens: password or token authentication, unscoped or scoped to a project or a domain. */
export function issueToken(ctx: TokenContext, body: string): Reply {
  const read = identityOf(body);
  if (!('identity' in read)) return read;
  const user = authenticated(ctx, read.identity, read.methods);
  if (!('id' in user)) return user;
  const parsed = readObject(body, 'json')!;
  const scoped = scopeOf(ctx, user, (parsed.auth as Record<string, unknown>).scope);
  if ('kind' in scoped) return scoped;
  const target = scoped.scope;
  const now = ctx.now();
  const token = ctx.store.newToken({
    userId: user.id,
    methods: read.methods,
    scope: target,
    roles: target ? ctx.store.rolesOf(user.id, target.id) : [],
    issuedAt: now,
    expiresAt: now + ctx.lifetimeMs,
  });
  return { kind: 'success', status: 201, payload: tokenBody(ctx, token), headers: { 'x-subject-token': token.id } };
}

/** GET (HEAD) /v3/auth/tokens: the token in X-Subject-Token. */
export function validateToken(ctx: TokenContext, subject: string | undefined, head: boolean): Reply {
  if (!subject) return F.missingAttribute('X-Subject-Token');
  const token = live(ctx, subject);
  if (!token) return F.resourceNotFound('token', subject);
  return {
    kind: 'success',
    status: 200,
    payload: head ? undefined : tokenBody(ctx, token),
    headers: { 'x-subject-token': token.id },
  };
}

/** DELETE /v3/auth/tokens: revoke the token in X-Subject-Token. */
export function revokeToken(ctx: TokenContext, subject: string | undefined): Reply {
  if (!subject) return F.missingAttribute('X-Subject-Token');
  if (!live(ctx, subject)) return F.resourceNotFound('token', subject);
  if (!ctx.flags.has('revocation-ignored')) ctx.store.tokens.delete(subject);
  return { kind: 'success', status: 204 };
}
