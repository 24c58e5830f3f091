import { randomBytes, randomUUID } from 'node:crypto';

/** A project; a domain is a project with isDomain (as Keystone stores them). */
export interface Project {
  id: string;
  name: string;
  description: string;
  domainId: string | null;
  parentId: string | null;
  enabled: boolean;
  isDomain: boolean;
  tags: string[];
  /** Attributes Keystone keeps as given. */
  extra: Record<string, unknown>;
}

export interface User {
  id: string;
  name: string;
  domainId: string;
  enabled: boolean;
  password?: string;
  defaultProjectId?: string;
  extra: Record<string, unknown>;
}

export interface Role {
  id: string;
  name: string;
}

export interface Token {
  id: string;
  userId: string;
  methods: string[];
  /** The project or domain the token is scoped to. */
  scope?: { kind: 'project' | 'domain'; id: string };
  roles: Role[];
  issuedAt: number;
  expiresAt: number;
  auditId: string;
}

export const DEFAULT_DOMAIN = 'default';

export const hexId = () => randomUUID().replace(/-/g, '');

/** The in-memory state of the Identity v3 reference target. */
export class V3Store {
  readonly projects = new Map<string, Project>();
  readonly users = new Map<string, User>();
  readonly roles = new Map<string, Role>();
  readonly tokens = new Map<string, Token>();
  /** `target|user|role`: a role of a user on a project or a domain. */
  readonly assignments = new Set<string>();

  constructor() {
    this.projects.set(DEFAULT_DOMAIN, {
      id: DEFAULT_DOMAIN,
      name: 'Default',
      description: 'The default domain',
      domainId: null,
      parentId: null,
      enabled: true,
      isDomain: true,
      tags: [],
      extra: {},
    });
    for (const name of ['admin', 'member', 'reader']) {
      const role = { id: hexId(), name };
      this.roles.set(role.id, role);
    }
  }

  domain(id: string): Project | undefined {
    const p = this.projects.get(id);
    return p?.isDomain ? p : undefined;
  }

  project(id: string): Project | undefined {
    const p = this.projects.get(id);
    return p && !p.isDomain ? p : undefined;
  }

  domainByName(name: string): Project | undefined {
    return [...this.projects.values()].find((p) => p.isDomain && p.name === name);
  }

  /** A project (or, with isDomain, a domain) of that name in the domain, other than `except`. */
  named(name: string, domainId: string | null, isDomain: boolean, except?: string): Project | undefined {
    return [...this.projects.values()].find(
      (p) => p.id !== except && p.isDomain === isDomain && p.name === name && (isDomain || p.domainId === domainId),
    );
  }

  userNamed(name: string, domainId: string, except?: string): User | undefined {
    return [...this.users.values()].find((u) => u.id !== except && u.name === name && u.domainId === domainId);
  }

  roleNamed(name: string): Role | undefined {
    return [...this.roles.values()].find((r) => r.name === name);
  }

  rolesOf(userId: string, targetId: string): Role[] {
    return [...this.roles.values()].filter((r) => this.assignments.has(`${targetId}|${userId}|${r.id}`));
  }

  children(id: string): Project[] {
    return [...this.projects.values()].filter((p) => p.parentId === id && !p.isDomain);
  }

  /** Removes a project or a domain, with what only it held (a domain's projects and users, assignments). */
  remove(id: string): void {
    const domain = this.projects.get(id)?.isDomain;
    if (domain) {
      for (const p of this.projects.values()) if (p.domainId === id) this.remove(p.id);
      for (const u of this.users.values()) if (u.domainId === id) this.removeUser(u.id);
    }
    for (const a of this.assignments) if (a.startsWith(`${id}|`)) this.assignments.delete(a);
    this.projects.delete(id);
  }

  removeUser(id: string): void {
    for (const a of this.assignments) if (a.split('|')[1] === id) this.assignments.delete(a);
    for (const [k, t] of this.tokens) if (t.userId === id) this.tokens.delete(k);
    this.users.delete(id);
  }

  newToken(fields: Omit<Token, 'id' | 'auditId'>): Token {
    const token: Token = { ...fields, id: `gAAAAA${randomBytes(48).toString('base64url')}`, auditId: hexId() };
    this.tokens.set(token.id, token);
    return token;
  }
}
