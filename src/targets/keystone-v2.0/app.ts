import type { Format } from '../../model/catalog.js';
import type { ReferenceApp } from '../common/server.js';
import type { TokenAuthority } from '../common/auth.js';
import { elementFaultDoc } from '../common/faultDoc.js';
import type { FaultDoc, FaultReply, Reply, TargetRequest } from '../common/types.js';
import { authenticate, identifyToken, isAdmin, validateToken, type IdentityContext } from './authentication.js';
import { identityFault as F } from './faults.js';
import { RateLimiter, type RateLimit } from './rateLimit.js';
import { Resources } from './resources.js';
import { route, type Route } from './routes.js';
import { KeystoneStore } from './store.js';

const IDENTITY_NAMESPACE = 'http://docs.openstack.org/identity/api/v2.0';

/**
 * The tenant whose backend the reference target keeps in maintenance by default
 * (suites/keystone-v2.0/maintenance.json).
 */
const MAINTENANCE_TENANT = 'conform-maintenance';

/** By default: two reads of one tenant per token per minute (suites/keystone-v2.0/limits.json). */
const DEFAULT_RATE_LIMIT: RateLimit = { requests: 2, windowMs: 60_000 };

/** An account that exists from the start: the service's administrator, or users of tests. */
export interface InitialUser {
  name: string;
  password: string;
  /** The user's default tenant, by name; created if missing. */
  tenant?: string;
  roles?: string[];
}

export interface KeystoneOptions {
  /** Tokens issued elsewhere that this service also accepts, e.g. the embedded run's StaticTokens. */
  auth?: TokenAuthority;
  /** Behaviour switches used by mutations. */
  flags?: ReadonlySet<string>;
  /** The limit on GET /v2.0/tenants/{tenantId} per token and tenant; false: none. */
  rateLimit?: RateLimit | false;
  /** Tenant ids whose backend is in maintenance: any request naming one answers serviceUnavailable. */
  maintenance?: Iterable<string>;
  users?: InitialUser[];
  tokenLifetimeMs?: number;
  now?: () => number;
}

interface Caller {
  token: string;
  tenant: string;
  admin: boolean;
}

/**
 * The Identity v2.0 reference target: tokens (authenticate, validate),
 * tenants and users (OS-KSADM), in memory, JSON and XML, answering every
 * fault of seed 004 a client can provoke. It can serve as the identity
 * service of the other reference targets (see remoteTokens.ts).
 */
export class KeystoneApp implements ReferenceApp {
  readonly namespace = IDENTITY_NAMESPACE;
  private readonly store = new KeystoneStore();
  private readonly flags: ReadonlySet<string>;
  private readonly identity: IdentityContext;
  private readonly resources: Resources;
  private readonly limiter?: RateLimiter;
  private readonly maintenance: ReadonlySet<string>;

  constructor(options: KeystoneOptions = {}) {
    this.flags = options.flags ?? new Set();
    const now = options.now ?? Date.now;
    this.identity = {
      store: this.store,
      now,
      tokenLifetimeMs: options.tokenLifetimeMs ?? 3_600_000,
      external: options.auth,
    };
    this.resources = new Resources(this.store, this.flags);
    const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
    if (limit && !this.flags.has('no-rate-limit')) this.limiter = new RateLimiter(limit);
    this.maintenance = new Set(options.maintenance ?? [MAINTENANCE_TENANT]);
    for (const u of options.users ?? []) this.addUser(u);
  }

  private addUser(u: InitialUser): void {
    const tenant = u.tenant
      ? (this.store.tenantByName(u.tenant) ?? this.store.createTenant({ name: u.tenant, enabled: true }))
      : undefined;
    this.store.createUser({
      name: u.name,
      password: u.password,
      enabled: true,
      tenantId: tenant?.id,
      roles: u.roles ?? [],
    });
  }

  faultDoc(reply: FaultReply, _format: Format): FaultDoc {
    return elementFaultDoc(reply, IDENTITY_NAMESPACE, 'details');
  }

  async handle(req: TargetRequest): Promise<Reply> {
    const r = route(req.path);
    if (r.kind === 'root')
      return { kind: 'success', status: 200, payload: { version: { id: 'v2.0', status: 'stable' } } };
    if (r.kind === 'unknown') return F.itemNotFound(`No resource at ${req.path}`);
    if (r.kind === 'tokens')
      return req.method === 'POST'
        ? authenticate(this.identity, req)
        : { kind: 'success', status: 405, headers: { allow: 'POST' } };
    const caller = await this.caller(req);
    if ('kind' in caller) return caller;
    const refused = this.gate(req, r, caller);
    if (refused) return refused;
    switch (r.kind) {
      case 'token':
        return req.method === 'GET'
          ? validateToken(this.identity, r.id)
          : { kind: 'success', status: 405, headers: { allow: 'GET' } };
      case 'tenants':
        return this.resources.tenants(req, (t) => caller.admin || t.id === caller.tenant);
      case 'tenant':
        return this.resources.tenant(req, r.id);
      case 'users':
        return this.resources.users(req);
      case 'user':
        return this.resources.user(req, r.id);
    }
  }

  private async caller(req: TargetRequest): Promise<Caller | FaultReply> {
    const token = req.headers['x-auth-token'];
    if (!token) return F.unauthorized('No authentication token was supplied (X-Auth-Token)');
    const who = await identifyToken(this.identity, token);
    if (!who) return F.unauthorized('The authentication token is invalid or expired');
    return { token, tenant: who.tenant, admin: isAdmin(who.roles) || this.flags.has('admin-for-everyone') };
  }

  /** Maintenance, then the rate limit, then the admin role: what stands between a caller and a resource. */
  private gate(
    req: TargetRequest,
    r: Exclude<Route, { kind: 'root' | 'unknown' | 'tokens' }>,
    caller: Caller,
  ): FaultReply | undefined {
    if (r.kind === 'tenant' && this.maintenance.has(r.id))
      return F.serviceUnavailable(`The backend of tenant ${r.id} is in maintenance; try again later`);
    if (r.kind === 'tenant' && req.method === 'GET' && this.limiter) {
      const now = this.identity.now();
      const taken = this.limiter.take(`${caller.token}\u0000${r.id}`, now);
      const { requests, windowMs } = this.limiter.limit;
      if (!taken.allowed)
        return F.overLimit(
          `At most ${requests} reads of a tenant per ${windowMs / 1000} s and token`,
          taken.retryAt,
          now,
        );
    }
    const listing = r.kind === 'tenants' && req.method === 'GET';
    if (!caller.admin && !listing) return F.forbidden('This operation needs the admin role');
    return undefined;
  }
}
