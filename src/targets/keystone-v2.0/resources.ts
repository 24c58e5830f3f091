import { readObject } from '../../body/object.js';
import type { Reply, TargetRequest } from '../common/types.js';
import { identityFault as F } from './faults.js';
import { booleanField, member, stringField } from './routes.js';
import type { KeystoneStore, Tenant, User } from './store.js';

const ok = (status: number, payload?: Record<string, unknown>): Reply => ({ kind: 'success', status, payload });
const unsupported = (allow: string): Reply => ({ kind: 'success', status: 405, headers: { allow } });

const tenantView = (t: Tenant) => ({ id: t.id, name: t.name, description: t.description, enabled: t.enabled });
const userView = (u: User) => ({ id: u.id, name: u.name, email: u.email, enabled: u.enabled, tenantId: u.tenantId });

/** The tenant and user operations (core admin API and the OS-KSADM extension). */
export class Resources {
  constructor(
    private readonly store: KeystoneStore,
    /** Behaviour switches used by mutations. */
    private readonly flags: ReadonlySet<string>,
  ) {}

  /** GET lists what the caller may see (everything for an admin); POST creates (the caller is an admin by then). */
  tenants(req: TargetRequest, visible: (t: Tenant) => boolean): Reply {
    if (req.method === 'GET')
      return ok(200, { tenants: [...this.store.tenants.values()].filter(visible).map(tenantView) });
    if (req.method !== 'POST') return unsupported('GET, POST');
    const body = member(readObject(req.body, req.format), 'tenant');
    const name = stringField(body?.name);
    const enabled = booleanField(body?.enabled);
    if (!body || !name || enabled === null)
      return F.badRequest('A tenant needs a name: {"tenant": {"name": ..., "description": ..., "enabled": true}}');
    if (this.store.tenantByName(name) && !this.flags.has('duplicate-tenant-names')) return F.tenantConflict(name);
    const tenant = this.store.createTenant({
      name,
      description: stringField(body.description),
      enabled: enabled ?? true,
    });
    return ok(201, { tenant: tenantView(tenant) });
  }

  tenant(req: TargetRequest, id: string): Reply {
    return this.item(
      req,
      id,
      { items: this.store.tenants, root: 'tenant', what: 'Tenant', view: tenantView, updatedBy: ['POST', 'PUT'] },
      (tenant) => {
        const body = member(readObject(req.body, req.format), 'tenant');
        const enabled = booleanField(body?.enabled);
        if (!body || enabled === null || (body.name !== undefined && !stringField(body.name)))
          return F.badRequest('An update is {"tenant": {"name": ..., "description": ..., "enabled": ...}}');
        const name = stringField(body.name);
        const holder = name ? this.store.tenantByName(name) : undefined;
        if (holder && holder.id !== id && !this.flags.has('duplicate-tenant-names')) return F.tenantConflict(name!);
        Object.assign(tenant, {
          ...(name ? { name } : {}),
          ...(body.description !== undefined ? { description: String(body.description) } : {}),
          ...(enabled !== undefined ? { enabled } : {}),
        });
        return ok(200, { tenant: tenantView(tenant) });
      },
    );
  }

  users(req: TargetRequest): Reply {
    if (req.method === 'GET') return ok(200, { users: [...this.store.users.values()].map(userView) });
    if (req.method !== 'POST') return unsupported('GET, POST');
    const body = member(readObject(req.body, req.format), 'user');
    const fields = body && userFields(body);
    if (!fields || !fields.name)
      return F.badRequest(
        'A user needs a name: {"user": {"name": ..., "password": ..., "tenantId": ..., "enabled": true}}',
      );
    if (fields.tenantId && !this.store.tenants.get(fields.tenantId))
      return F.itemNotFound(`Tenant ${fields.tenantId} could not be found`);
    // The table has no fault for a duplicate user name (see the catalog notes): a malformed request.
    if (this.store.userByName(fields.name)) return F.badRequest(`A user named ${fields.name} already exists`);
    const user = this.store.createUser({
      name: fields.name,
      password: fields.password,
      email: fields.email,
      enabled: fields.enabled ?? true,
      tenantId: fields.tenantId,
      roles: [],
    });
    return ok(201, { user: userView(user) });
  }

  user(req: TargetRequest, id: string): Reply {
    return this.item(
      req,
      id,
      { items: this.store.users, root: 'user', what: 'User', view: userView, updatedBy: ['PUT'] },
      (user) => {
        const body = member(readObject(req.body, req.format), 'user');
        const fields = body && userFields(body);
        if (!fields) return F.badRequest('An update is {"user": {"name": ..., "email": ..., "enabled": ...}}');
        if (fields.tenantId && !this.store.tenants.get(fields.tenantId))
          return F.itemNotFound(`Tenant ${fields.tenantId} could not be found`);
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) Object.assign(user, { [k]: v });
        return ok(200, { user: userView(user) });
      },
    );
  }

  /**
   * One tenant or user: GET shows it, DELETE removes it, `updatedBy` methods
   * update it; itemNotFound when it is not there.
   */
  private item<T>(req: TargetRequest, id: string, kind: ItemKind<T>, update: (item: T) => Reply): Reply {
    const found = kind.items.get(id);
    if (!found) return F.itemNotFound(`${kind.what} ${id} could not be found`);
    if (req.method === 'GET') return ok(200, { [kind.root]: kind.view(found) });
    if (req.method === 'DELETE') {
      kind.items.delete(id);
      return ok(204);
    }
    return kind.updatedBy.includes(req.method)
      ? update(found)
      : unsupported(['GET', ...kind.updatedBy, 'DELETE'].join(', '));
  }
}

interface ItemKind<T> {
  items: Map<string, T>;
  root: string;
  what: string;
  view: (item: T) => object;
  updatedBy: string[];
}

/** The fields of a user body, or undefined when one of them has the wrong type. */
function userFields(
  body: Record<string, unknown>,
): Partial<Pick<User, 'name' | 'password' | 'email' | 'enabled' | 'tenantId'>> | undefined {
  const enabled = booleanField(body.enabled);
  const password = body['OS-KSADM:password'] ?? body.password;
  const strings = { name: body.name, email: body.email, tenantId: body.tenantId, password };
  if (enabled === null || Object.values(strings).some((v) => v !== undefined && typeof v !== 'string'))
    return undefined;
  return {
    name: stringField(body.name),
    password: password as string | undefined,
    email: stringField(body.email),
    tenantId: stringField(body.tenantId),
    enabled,
  };
}
