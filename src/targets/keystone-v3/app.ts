import { randomUUID } from 'node:crypto';
import type { Format } from '../../model/catalog.js';
import type { ReferenceApp } from '../common/server.js';
import type { TokenAuthority } from '../common/auth.js';
import { identityErrorDoc, keystoneChallenge } from '../common/identityError.js';
import type { FaultDoc, FaultReply, Reply, TargetRequest } from '../common/types.js';
import { Entities, type Caller } from './entities.js';
import { v3Fault as F } from './faults.js';
import { DEFAULT_DOMAIN, V3Store } from './store.js';
import { issueToken, live, revokeToken, validateToken, type TokenContext } from './tokens.js';
import { roleView } from './views.js';

export interface KeystoneV3Options {
  /** Tokens issued elsewhere that this service also accepts (the embedded run's StaticTokens). */
  auth?: TokenAuthority;
  /** Behaviour switches used by mutations. */
  flags?: ReadonlySet<string>;
  tokenLifetimeMs?: number;
  now?: () => number;
}

const ok = (status: number, payload?: Record<string, unknown>): Reply => ({ kind: 'success', status, payload });

/** The paths of Identity v3 the reference serves, below /v3. */
type Route =
  | { kind: 'version' }
  | { kind: 'tokens' }
  | { kind: 'collection'; name: 'projects' | 'domains' | 'users' | 'roles' | 'role_assignments' }
  | { kind: 'entity'; name: 'projects' | 'domains' | 'users' | 'roles'; id: string }
  | { kind: 'grants'; target: string; user: string; role?: string; domain: boolean }
  | { kind: 'unknown' };

const COLLECTIONS = new Set(['projects', 'domains', 'users', 'roles', 'role_assignments']);

type Collection = Extract<Route, { kind: 'collection' }>['name'];

/** /v3/projects/{id}/users/{user}/roles[/{role}] and the same under /v3/domains. */
function grantRoute(collection: Collection, rest: string[]): Route {
  const [id, users, user, roles, role, ...more] = rest;
  const grantable = collection === 'projects' || collection === 'domains';
  if (!grantable || users !== 'users' || !user || roles !== 'roles' || more.length > 0) return { kind: 'unknown' };
  return { kind: 'grants', target: id, user, role, domain: collection === 'domains' };
}

function route(path: string): Route {
  const p = path
    .split('/')
    .filter((x) => x !== '')
    .map(decodeURIComponent);
  if (p[0] !== 'v3') return { kind: 'unknown' };
  if (p.length === 1) return { kind: 'version' };
  const [, name, id] = p;
  if (name === 'auth' && id === 'tokens' && p.length === 3) return { kind: 'tokens' };
  if (!COLLECTIONS.has(name)) return { kind: 'unknown' };
  const collection = name as Collection;
  if (p.length === 2) return { kind: 'collection', name: collection };
  if (p.length === 3 && collection !== 'role_assignments') return { kind: 'entity', name: collection, id };
  return grantRoute(collection, p.slice(2));
}

/** The policy rule of a call on a collection, as Keystone names it in a 403. */
const RULES: Record<Collection, { list: string; create: string }> = {
  projects: { list: 'identity:list_projects', create: 'identity:create_project' },
  domains: { list: 'identity:list_domains', create: 'identity:create_domain' },
  users: { list: 'identity:list_users', create: 'identity:create_user' },
  roles: { list: 'identity:list_roles', create: 'identity:create_role' },
  role_assignments: { list: 'identity:list_role_assignments', create: '' },
};

/**
 * The Identity v3 reference target: projects, domains, users, roles and their
 * assignments, and tokens, in memory, JSON only, every fault in the
 * `{"error": {"code", "title", "message"}}` envelope and every 401 with
 * WWW-Authenticate. Where Keystone Zed departs from the Error Return Code
 * table (an id in a POST, missing references, a parent_id update, a taken
 * rename, an unknown path), it follows the table.
 */
export class KeystoneV3App implements ReferenceApp {
  private readonly store = new V3Store();
  private readonly flags: ReadonlySet<string>;
  private readonly entities: Entities;
  private readonly tokens: TokenContext;
  private host = 'localhost';

  constructor(private readonly options: KeystoneV3Options = {}) {
    this.flags = options.flags ?? new Set();
    this.entities = new Entities(this.store, this.flags, () => `http://${this.host}`);
    this.tokens = {
      store: this.store,
      flags: this.flags,
      challenge: {},
      now: options.now ?? Date.now,
      lifetimeMs: options.tokenLifetimeMs ?? 3_600_000,
    };
  }

  faultDoc(reply: FaultReply, _format: Format): FaultDoc {
    return identityErrorDoc(reply.status, reply.message);
  }

  async handle(req: TargetRequest): Promise<Reply> {
    this.host = req.headers.host ?? 'localhost';
    this.tokens.challenge = keystoneChallenge(this.host);
    const reply = await this.dispatch(req);
    return { ...reply, format: 'json', headers: { ...reply.headers, 'x-openstack-request-id': `req-${randomUUID()}` } };
  }

  private async dispatch(req: TargetRequest): Promise<Reply> {
    if (req.path.split('/').every((x) => x === '')) return this.versions(300);
    const r = route(req.path);
    if (r.kind === 'unknown') return F.uriNotFound();
    if (r.kind === 'version') return this.versions(200);
    if (r.kind === 'tokens' && req.method === 'POST') return issueToken(this.tokens, req.body);
    const caller = await this.caller(req);
    if ('kind' in caller) return caller;
    switch (r.kind) {
      case 'tokens':
        return this.tokenCall(req, caller);
      case 'collection':
        return this.collection(req, r.name, caller);
      case 'entity':
        return this.entity(req, r.name, r.id, caller);
      case 'grants':
        return this.grants(req, r, caller);
    }
  }

  private versions(status: number): Reply {
    const version = {
      id: 'v3.14',
      status: 'stable',
      updated: '2020-04-07T00:00:00Z',
      links: [{ rel: 'self', href: `http://${this.host}/v3/` }],
      'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
    };
    return status === 300 ? ok(300, { versions: { values: [version] } }) : ok(200, { version });
  }

  private async caller(req: TargetRequest): Promise<Caller | FaultReply> {
    const token = req.headers['x-auth-token'];
    if (!token) return F.noAuthentication(this.tokens.challenge);
    const own = live(this.tokens, token);
    if (own) {
      const user = this.store.users.get(own.userId);
      const admin = own.roles.some((r) => r.name === 'admin');
      return {
        admin: admin || this.flags.has('admin-for-everyone'),
        userId: own.userId,
        projectId: own.scope?.id,
        domainId: user?.domainId ?? DEFAULT_DOMAIN,
      };
    }
    const who = await this.options.auth?.identify(token);
    if (!who && this.flags.has('accept-any-token')) return { admin: true, domainId: DEFAULT_DOMAIN };
    if (!who) return F.invalidToken(this.tokens.challenge);
    const admin = who.roles.includes('admin') || this.flags.has('admin-for-everyone');
    return { admin, projectId: who.tenant, domainId: DEFAULT_DOMAIN };
  }

  private tokenCall(req: TargetRequest, caller: Caller): Reply {
    const subject = req.headers['x-subject-token'];
    const own = subject !== undefined && subject === req.headers['x-auth-token'];
    if (!caller.admin && !own) return F.forbidden('identity:validate_token');
    if (req.method === 'GET' || req.method === 'HEAD')
      return validateToken(this.tokens, subject, req.method === 'HEAD');
    if (req.method === 'DELETE') return revokeToken(this.tokens, subject);
    return F.methodNotAllowed(req.method);
  }

  private collection(req: TargetRequest, name: Collection, caller: Caller): Reply {
    const verb = req.method === 'GET' ? 'list' : req.method === 'POST' ? 'create' : undefined;
    if (!verb || !RULES[name][verb]) return F.methodNotAllowed(req.method);
    const memberWrites = verb === 'create' && this.flags.has('member-writes');
    if (!caller.admin && !memberWrites) return F.forbidden(RULES[name][verb]);
    if (name === 'role_assignments') return this.assignments();
    if (name === 'roles')
      return verb === 'list'
        ? ok(200, { roles: [...this.store.roles.values()].map((r) => roleView(r, `http://${this.host}`)) })
        : F.forbidden(RULES.roles.create);
    if (verb === 'list')
      return name === 'users' ? this.entities.listUsers() : this.entities.listProjects(name === 'domains');
    if (name === 'users') return this.entities.createUser(req.body, caller);
    return name === 'domains' ? this.entities.createDomain(req.body) : this.entities.createProject(req.body, caller);
  }

  private entity(req: TargetRequest, name: Exclude<Collection, 'role_assignments'>, id: string, caller: Caller): Reply {
    const self = (name === 'users' && id === caller.userId) || (name === 'projects' && id === caller.projectId);
    const verb = ({ GET: 'get', PATCH: 'update', DELETE: 'delete' } as const)[req.method as 'GET'];
    if (!verb) return F.methodNotAllowed(req.method);
    if (!caller.admin && !(self && verb === 'get')) return F.forbidden(`identity:${verb}_${name.slice(0, -1)}`);
    if (name === 'roles') return this.role(verb, id);
    if (name === 'users') {
      if (verb === 'get') return this.entities.showUser(id);
      return verb === 'update' ? this.entities.updateUser(id, req.body) : this.entities.deleteUser(id);
    }
    const domains = name === 'domains';
    if (verb === 'get') return this.entities.showProject(id, domains);
    return verb === 'update'
      ? this.entities.updateProject(id, req.body, domains)
      : this.entities.deleteProject(id, domains);
  }

  /** Roles are read here; the three of a fresh deployment (admin, member, reader) are all there are. */
  private role(verb: 'get' | 'update' | 'delete', id: string): Reply {
    if (verb !== 'get') return F.forbidden(`identity:${verb}_role`);
    const role = this.store.roles.get(id);
    return role ? ok(200, { role: roleView(role, `http://${this.host}`) }) : F.resourceNotFound('role', id);
  }

  /** Role grants: PUT, HEAD/GET (check), DELETE one; GET the user's roles on a project or a domain. */
  private grants(req: TargetRequest, r: Extract<Route, { kind: 'grants' }>, caller: Caller): Reply {
    // The method is routed before anything is looked up, as Keystone's routes do.
    const methods = r.role ? ['PUT', 'GET', 'HEAD', 'DELETE'] : ['GET'];
    if (!methods.includes(req.method)) return F.methodNotAllowed(req.method);
    if (!caller.admin) return F.forbidden('identity:create_grant');
    const target = r.domain ? this.store.domain(r.target) : this.store.project(r.target);
    if (!target) return F.resourceNotFound(r.domain ? 'domain' : 'project', r.target);
    if (!this.store.users.has(r.user)) return F.resourceNotFound('user', r.user);
    if (!r.role) {
      const roles = this.store.rolesOf(r.user, r.target).map((x) => roleView(x, `http://${this.host}`));
      return ok(200, { roles });
    }
    // The role in the path is the reference entity of the table's 404 row (a mutation grants any id).
    if (!this.store.roles.has(r.role) && !this.flags.has('grant-any-role')) return F.referenceNotFound('role', r.role);
    return this.grant(req.method, r.target, r.user, r.role);
  }

  private grant(method: string, target: string, user: string, role: string): Reply {
    const key = `${target}|${user}|${role}`;
    const missing = F.resourceNotFound('role assignment', `role ${role}, user ${user}, target ${target}`);
    if (method === 'PUT') {
      this.store.assignments.add(key);
      return ok(204);
    }
    if (method === 'DELETE') return this.store.assignments.delete(key) ? ok(204) : missing;
    return this.store.assignments.has(key) ? ok(204) : missing;
  }

  private assignments(): Reply {
    const list = [...this.store.assignments].map((a) => {
      const [target, user, role] = a.split('|');
      const scope = this.store.domain(target) ? { domain: { id: target } } : { project: { id: target } };
      return { role: { id: role }, user: { id: user }, scope };
    });
    return ok(200, { role_assignments: list });
  }
}
