import { randomBytes, randomUUID } from 'node:crypto';

export interface Tenant {
  id: string;
  name: string;
  description?: string;
  enabled: boolean;
}

export interface User {
  id: string;
  name: string;
  /** Never serialised. A user without one cannot authenticate with a password. */
  password?: string;
  email?: string;
  enabled: boolean;
  /** The default tenant: where an unscoped authentication lands. */
  tenantId?: string;
  /** Global roles (`admin` makes every admin call possible). */
  roles: string[];
}

export interface Token {
  id: string;
  userId: string;
  tenantId?: string;
  expires: Date;
}

const hex = () => randomUUID().replace(/-/g, '');

/** The in-memory state of the Identity v2.0 reference target. */
export class KeystoneStore {
  readonly tenants = new Map<string, Tenant>();
  readonly users = new Map<string, User>();
  private readonly tokens = new Map<string, Token>();

  tenantByName(name: string): Tenant | undefined {
    return [...this.tenants.values()].find((t) => t.name === name);
  }

  userByName(name: string): User | undefined {
    return [...this.users.values()].find((u) => u.name === name);
  }

  createTenant(fields: Omit<Tenant, 'id'> & { id?: string }): Tenant {
    const tenant: Tenant = { ...fields, id: fields.id ?? hex() };
    this.tenants.set(tenant.id, tenant);
    return tenant;
  }

  createUser(fields: Omit<User, 'id'> & { id?: string }): User {
    const user: User = { ...fields, id: fields.id ?? hex() };
    this.users.set(user.id, user);
    return user;
  }

  issueToken(user: User, tenantId: string | undefined, lifetimeMs: number, now: number): Token {
    const token: Token = {
      id: randomBytes(24).toString('hex'),
      userId: user.id,
      tenantId,
      expires: new Date(now + lifetimeMs),
    };
    this.tokens.set(token.id, token);
    return token;
  }

  /** A token this service issued that still holds: not expired, its user still there and enabled. */
  liveToken(id: string, now: number): { token: Token; user: User } | undefined {
    const token = this.tokens.get(id);
    const user = token && this.users.get(token.userId);
    if (!token || !user || !user.enabled || token.expires.getTime() <= now) return undefined;
    return { token, user };
  }
}
