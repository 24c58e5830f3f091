import type { FaultReply, Reply, SuccessReply } from '../common/types.js';
import { v3Fault as F } from './faults.js';
import { DEFAULT_DOMAIN, hexId, type Project, type User, type V3Store } from './store.js';
import { DOMAIN_SCHEMA, PROJECT_SCHEMA, readEntity, USER_SCHEMA } from './validate.js';
import { domainView, projectView, userView } from './views.js';

/** Who is calling, as the token says. */
export interface Caller {
  admin: boolean;
  userId?: string;
  projectId?: string;
  domainId: string;
}

const ok = (status: number, payload?: Record<string, unknown>): SuccessReply => ({ kind: 'success', status, payload });

type Attrs = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Projects, domains and users, with Keystone's rules and the Error Return Code table's faults. */
export class Entities {
  constructor(
    private readonly store: V3Store,
    private readonly flags: ReadonlySet<string>,
    private readonly base: () => string,
  ) {}

  /** An entity a body refers to by id does not exist: 404 (Keystone Zed answers 400 for a project's). */
  private missingReference(kind: string, id: string): FaultReply {
    const fault = F.referenceNotFound(kind, id);
    return this.flags.has('reference-as-400') ? { ...fault, status: 400, element: 'invalidValue' } : fault;
  }

  private read(body: string, schema: typeof PROJECT_SCHEMA, method: 'POST' | 'PATCH') {
    const ignoreId = this.flags.has(method === 'POST' ? 'accept-id-in-post' : 'accept-id-in-patch');
    return readEntity(body, schema, method, { ignoreId, unlimitedNames: this.flags.has('unlimited-names') });
  }

  // Projects and domains

  listProjects(domains: boolean): Reply {
    const items = [...this.store.projects.values()].filter((p) => p.isDomain === domains);
    const view = domains ? domainView : projectView;
    return ok(200, { [domains ? 'domains' : 'projects']: items.map((p) => view(p, this.base())) });
  }

  showProject(id: string, domains: boolean): Reply {
    const p = domains ? this.store.domain(id) : this.store.project(id);
    if (!p) return F.resourceNotFound(domains ? 'domain' : 'project', id);
    return ok(200, domains ? { domain: domainView(p, this.base()) } : { project: projectView(p, this.base()) });
  }

  /** The domain and parent a new project goes under, or the fault for a reference that does not exist. */
  private placement(attrs: Attrs, caller: Caller): { domainId: string; parentId: string } | FaultReply {
    const parentId = text(attrs.parent_id);
    const domainId = text(attrs.domain_id);
    const parent = parentId !== undefined ? this.store.projects.get(parentId) : undefined;
    if (parentId !== undefined && !parent) return this.missingReference('project', parentId);
    if (domainId !== undefined && !this.store.domain(domainId)) return this.missingReference('domain', domainId);
    const parentDomain = parent ? (parent.isDomain ? parent.id : parent.domainId!) : undefined;
    const domain = domainId ?? parentDomain ?? caller.domainId;
    if (parentDomain !== undefined && parentDomain !== domain)
      return F.invalidValue('parent_id', `the parent ${parentId} is not in domain ${domain}`);
    return { domainId: domain, parentId: parentId ?? domain };
  }

  createProject(body: string, caller: Caller): Reply {
    const read = this.read(body, PROJECT_SCHEMA, 'POST');
    if (!('attrs' in read)) return read;
    const {
      name,
      description,
      domain_id: _d,
      parent_id: _p,
      enabled,
      is_domain,
      tags,
      options: _o,
      ...extra
    } = read.attrs;
    if (is_domain === true) {
      const made = this.newDomain(read.attrs);
      return 'id' in made ? ok(201, { project: projectView(made, this.base()) }) : made;
    }
    const where = this.placement(read.attrs, caller);
    if (!('domainId' in where)) return where;
    if (this.store.named(String(name), where.domainId, false) && !this.flags.has('duplicate-names'))
      return F.conflict('project', String(name), where.domainId);
    const project: Project = {
      id: hexId(),
      name: String(name),
      description: text(description) ?? '',
      domainId: where.domainId,
      parentId: where.parentId,
      enabled: enabled !== false,
      isDomain: false,
      tags: (tags as string[] | undefined) ?? [],
      extra,
    };
    this.store.projects.set(project.id, project);
    return ok(201, { project: projectView(project, this.base()) });
  }

  createDomain(body: string): Reply {
    const read = this.read(body, DOMAIN_SCHEMA, 'POST');
    if (!('attrs' in read)) return read;
    const made = this.newDomain(read.attrs);
    return 'id' in made ? ok(201, { domain: domainView(made, this.base()) }) : made;
  }

  /** A domain, made with POST /v3/domains or as a project with is_domain. */
  private newDomain(attrs: Attrs): Project | FaultReply {
    const { name, description, enabled, tags } = attrs;
    if (this.store.named(String(name), null, true) && !this.flags.has('duplicate-names'))
      return F.conflict('domain', String(name));
    const domain: Project = {
      id: hexId(),
      name: String(name),
      description: text(description) ?? '',
      domainId: null,
      parentId: null,
      enabled: enabled !== false,
      isDomain: true,
      tags: (tags as string[] | undefined) ?? [],
      extra: {},
    };
    this.store.projects.set(domain.id, domain);
    return domain;
  }

  private updateRefused(fault: FaultReply): FaultReply {
    // Keystone Zed refuses a parent_id update with 403 instead of the table's 400 (a mutation).
    const forbidden = this.flags.has('parent-update-forbidden') && fault.message.includes('`parent_id`');
    return forbidden ? F.forbiddenBecause(fault.message) : fault;
  }

  updateProject(id: string, body: string, domains: boolean): Reply {
    const read = this.read(body, domains ? DOMAIN_SCHEMA : PROJECT_SCHEMA, 'PATCH');
    if (!('attrs' in read)) return this.updateRefused(read);
    const p = domains ? this.store.domain(id) : this.store.project(id);
    if (!p) return F.resourceNotFound(domains ? 'domain' : 'project', id);
    const name = read.attrs.name;
    const taken = typeof name === 'string' && this.store.named(name, p.domainId, p.isDomain, p.id);
    if (taken && !this.flags.has('duplicate-names'))
      return F.conflict(domains ? 'domain' : 'project', String(name), p.domainId ?? undefined);
    this.apply(p, read.attrs);
    return ok(200, domains ? { domain: domainView(p, this.base()) } : { project: projectView(p, this.base()) });
  }

  private apply(p: Project, attrs: Attrs): void {
    const { name, description, enabled, tags, options: _o, ...extra } = attrs;
    if (typeof name === 'string') p.name = name;
    if (description !== undefined) p.description = text(description) ?? '';
    if (typeof enabled === 'boolean') p.enabled = enabled;
    if (Array.isArray(tags)) p.tags = tags as string[];
    Object.assign(p.extra, extra);
  }

  deleteProject(id: string, domains: boolean): Reply {
    const p = domains ? this.store.domain(id) : this.store.project(id);
    if (!p) return F.resourceNotFound(domains ? 'domain' : 'project', id);
    if (p.isDomain && p.enabled)
      return F.forbiddenBecause('Cannot delete a domain that is enabled, please disable it first.');
    if (this.store.children(id).length > 0 && !p.isDomain)
      return F.forbiddenBecause(
        `Cannot delete the project ${id} since it is not a leaf in the hierarchy. ` +
          'Use the cascade option if you want to delete a whole subtree.',
      );
    this.store.remove(id);
    return ok(204);
  }

  // Users

  listUsers(): Reply {
    return ok(200, { users: [...this.store.users.values()].map((u) => userView(u, this.base())) });
  }

  showUser(id: string): Reply {
    const u = this.store.users.get(id);
    return u ? ok(200, { user: userView(u, this.base()) }) : F.resourceNotFound('user', id);
  }

  createUser(body: string, caller: Caller): Reply {
    const read = this.read(body, USER_SCHEMA, 'POST');
    if (!('attrs' in read)) return read;
    const { name, password, enabled, domain_id, default_project_id, options: _o, ...extra } = read.attrs;
    const domainId = text(domain_id) ?? caller.domainId ?? DEFAULT_DOMAIN;
    if (!this.store.domain(domainId)) return this.missingReference('domain', domainId);
    const project = text(default_project_id);
    if (project !== undefined && !this.store.project(project)) return this.missingReference('project', project);
    const duplicates = this.flags.has('duplicate-names') || this.flags.has('duplicate-user-names');
    if (this.store.userNamed(String(name), domainId) && !duplicates) return F.conflict('user', String(name), domainId);
    const user: User = {
      id: hexId(),
      name: String(name),
      domainId,
      enabled: enabled !== false,
      password: text(password),
      defaultProjectId: project,
      extra,
    };
    this.store.users.set(user.id, user);
    return ok(201, { user: userView(user, this.base()) });
  }

  updateUser(id: string, body: string): Reply {
    const read = this.read(body, USER_SCHEMA, 'PATCH');
    if (!('attrs' in read)) return read;
    const u = this.store.users.get(id);
    if (!u) return F.resourceNotFound('user', id);
    const { name, password, enabled, default_project_id, options: _o, ...extra } = read.attrs;
    if (typeof name === 'string' && this.store.userNamed(name, u.domainId, u.id) && !this.flags.has('duplicate-names'))
      return F.conflict('user', name, u.domainId);
    const project = text(default_project_id);
    if (project !== undefined && !this.store.project(project)) return this.missingReference('project', project);
    if (typeof name === 'string') u.name = name;
    if (password !== undefined) u.password = text(password);
    if (typeof enabled === 'boolean') u.enabled = enabled;
    if (default_project_id !== undefined) u.defaultProjectId = project;
    Object.assign(u.extra, extra);
    return ok(200, { user: userView(u, this.base()) });
  }

  deleteUser(id: string): Reply {
    if (!this.store.users.has(id)) return F.resourceNotFound('user', id);
    this.store.removeUser(id);
    return ok(204);
  }
}
