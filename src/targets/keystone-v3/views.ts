import type { Project, Role, User } from './store.js';

const link = (base: string, path: string) => ({ links: { self: `${base}/v3/${path}` } });

export function projectView(p: Project, base: string): Record<string, unknown> {
  return {
    ...p.extra,
    id: p.id,
    name: p.name,
    description: p.description,
    domain_id: p.domainId,
    parent_id: p.parentId,
    enabled: p.enabled,
    is_domain: p.isDomain,
    tags: p.tags,
    options: {},
    ...link(base, `projects/${p.id}`),
  };
}

export function domainView(d: Project, base: string): Record<string, unknown> {
  return {
    ...d.extra,
    id: d.id,
    name: d.name,
    description: d.description,
    enabled: d.enabled,
    tags: d.tags,
    options: {},
    ...link(base, `domains/${d.id}`),
  };
}

export function userView(u: User, base: string): Record<string, unknown> {
  return {
    ...u.extra,
    id: u.id,
    name: u.name,
    domain_id: u.domainId,
    enabled: u.enabled,
    ...(u.defaultProjectId ? { default_project_id: u.defaultProjectId } : {}),
    password_expires_at: null,
    options: {},
    ...link(base, `users/${u.id}`),
  };
}

export function roleView(r: Role, base: string): Record<string, unknown> {
  return { id: r.id, name: r.name, domain_id: null, description: null, options: {}, ...link(base, `roles/${r.id}`) };
}
