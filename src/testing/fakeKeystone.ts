// An in-process stand-in for Keystone's token API, for fast tests: password
// auth on v3 (POST /v3/auth/tokens → 201 + X-Subject-Token) and v2.0
// (POST /v2.0/tokens → 200 + access.token.id), with Keystone's status codes
// and body shapes. It issues real random tokens and can tell who holds one, so
// a reference target can accept exactly the tokens it issued.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenAuthority, TokenInfo } from '../targets/common/auth.js';

export interface FakeUser {
  name: string;
  password: string;
  /** Domain name; its id is its name in lower case (`Default` → `default`). */
  domain?: string;
  /** Projects the user may scope to (name; the id is `id-<name>`). */
  projects: string[];
  roles?: string[];
}

export interface FakeService {
  type: string;
  name: string;
  url: string;
  region?: string;
}

export interface FakeKeystone extends TokenAuthority {
  url: string;
  /** Every token issued so far. */
  issuedTokens(): string[];
  /** Every request received: method, path and raw body. */
  requests: Array<{ method: string; path: string; body: string }>;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  json: unknown;
}

interface Grant {
  user: FakeUser;
  project?: string;
}

/** A reference by name or id, as a client sent it: any member may be missing or of another type. */
interface Ref {
  id?: unknown;
  name?: unknown;
  domain?: Ref;
}

type PasswordUser = Ref & { password?: unknown };

/** The parts of a v3 password request this fake reads (any JSON value may arrive). */
interface V3Request {
  auth?: {
    identity?: { methods?: unknown; password?: { user?: PasswordUser } };
    scope?: { project?: Ref };
  };
}

/** The parts of a v2.0 password request this fake reads (any JSON value may arrive). */
interface V2Request {
  auth?: {
    passwordCredentials?: { username?: unknown; password?: unknown };
    tenantName?: unknown;
    tenantId?: unknown;
  };
}

const UNAUTHORIZED = {
  code: 401,
  title: 'Unauthorized',
  message: 'The request you have made requires authentication.',
};

const inDomain = (user: FakeUser, ref: Ref | undefined): boolean => {
  const name = user.domain ?? 'Default';
  return ref?.name === name || ref?.id === name.toLowerCase();
};

/** The project a request scopes to, when the user may; `false` when it may not. */
function scopeOf(user: FakeUser, project: Ref | undefined): string | undefined | false {
  if (!project) return undefined;
  const hit = user.projects.find((p) => project.name === p || project.id === `id-${p}`);
  return hit ?? false;
}

const badRequest = (message: string): Answer => ({
  status: 400,
  json: { error: { code: 400, title: 'Bad Request', message } },
});

/** A v3 password request's user and the project it scopes to, or what it lacks in Keystone's words. */
function readV3(body: V3Request | undefined): { pw: PasswordUser; project?: Ref } | string {
  const identity = body?.auth?.identity;
  const pw = identity?.password?.user;
  if (!Array.isArray(identity?.methods) || !identity.methods.includes('password') || typeof pw?.name !== 'string') {
    return 'Expecting to find identity in auth.';
  }
  if (!pw.domain) return 'Expecting to find domain in user.';
  return { pw, project: body?.auth?.scope?.project };
}

/** Who a v3 request authenticates as, and the project it scopes to; none when Keystone says 401. */
function v3Grant(users: FakeUser[], pw: PasswordUser, project: Ref | undefined): Grant | undefined {
  const user = users.find((u) => u.name === pw.name && inDomain(u, pw.domain));
  const scope = user ? scopeOf(user, project) : false;
  if (!user || user.password !== pw.password || scope === false) return undefined;
  if (project?.name && !project.id && !inDomain(user, project.domain)) return undefined;
  return { user, project: scope };
}

/** The user and the tenant a v2.0 password request names; none when it names no user. */
function readV2(body: V2Request | undefined): { username: string; password: unknown; tenant: unknown } | undefined {
  const auth = body?.auth;
  const creds = auth?.passwordCredentials;
  if (typeof creds?.username !== 'string') return undefined;
  const tenantId = auth?.tenantId;
  const tenant = auth?.tenantName ?? (typeof tenantId === 'string' ? tenantId.replace(/^id-/, '') : undefined);
  return { username: creds.username, password: creds.password, tenant };
}

/** Who a v2.0 request authenticates as, and the tenant it scopes to; none when Keystone says 401. */
function v2Grant(users: FakeUser[], read: NonNullable<ReturnType<typeof readV2>>): Grant | undefined {
  const user = users.find((u) => u.name === read.username);
  const scope = user ? scopeOf(user, read.tenant ? { name: read.tenant } : undefined) : false;
  if (!user || user.password !== read.password || scope === false) return undefined;
  return { user, project: scope };
}

/** A v3 token's catalog: each service with a public, an internal and an admin endpoint. */
const v3Catalog = (services: FakeService[]) =>
  services.map((s) => ({
    type: s.type,
    name: s.name,
    id: `svc-${s.name}`,
    endpoints: ['public', 'internal', 'admin'].map((i) => ({
      id: `${s.name}-${i}`,
      interface: i,
      region: s.region ?? 'RegionOne',
      region_id: s.region ?? 'RegionOne',
      url: s.url,
    })),
  }));

export async function startFakeKeystone(options: {
  users: FakeUser[];
  services?: FakeService[];
}): Promise<FakeKeystone> {
  const issued = new Map<string, Grant>();
  const requests: FakeKeystone['requests'] = [];
  const issue = (grant: Grant) => {
    const token = `gAAAA${randomBytes(48).toString('base64url')}`;
    issued.set(token, grant);
    return token;
  };
  const expires = () => new Date(Date.now() + 3600_000).toISOString();
  const services = options.services ?? [];

  function v3(body: V3Request | undefined): Answer {
    const read = readV3(body);
    if (typeof read === 'string') return badRequest(read);
    const grant = v3Grant(options.users, read.pw, read.project);
    if (!grant) {
      return {
        status: 401,
        headers: { 'www-authenticate': `Keystone uri="${server.url}"` },
        json: { error: UNAUTHORIZED },
      };
    }
    const { user, project: scope } = grant;
    const token = issue(grant);
    const catalog = v3Catalog(services);
    const domain = { id: (user.domain ?? 'Default').toLowerCase(), name: user.domain ?? 'Default' };
    return {
      status: 201,
      headers: { 'x-subject-token': token },
      json: {
        token: {
          methods: ['password'],
          user: { id: `id-${user.name}`, name: user.name, domain },
          ...(scope
            ? {
                project: { id: `id-${scope}`, name: scope, domain },
                roles: (user.roles ?? ['member']).map((r) => ({ id: `id-${r}`, name: r })),
                catalog,
              }
            : {}),
          expires_at: expires(),
          issued_at: new Date().toISOString(),
        },
      },
    };
  }

  function v2(body: V2Request | undefined): Answer {
    const read = readV2(body);
    if (!read) return badRequest('Expecting to find passwordCredentials in auth.');
    const grant = v2Grant(options.users, read);
    if (!grant) return { status: 401, json: { error: UNAUTHORIZED } };
    const { user, project: scope } = grant;
    const token = issue(grant);
    return {
      status: 200,
      json: {
        access: {
          token: {
            id: token,
            expires: expires(),
            ...(scope ? { tenant: { id: `id-${scope}`, name: scope, enabled: true } } : {}),
          },
          serviceCatalog: scope
            ? services.map((s) => ({
                type: s.type,
                name: s.name,
                endpoints: [{ region: s.region ?? 'RegionOne', publicURL: s.url, internalURL: s.url, adminURL: s.url }],
              }))
            : [],
          user: { id: `id-${user.name}`, name: user.name, roles: (user.roles ?? ['member']).map((r) => ({ name: r })) },
        },
      },
    };
  }

  const server = Object.assign(
    http.createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      requests.push({ method: req.method ?? '', path: req.url ?? '', body: raw });
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const route = `${req.method} ${req.url}`;
      const answer: Answer =
        route === 'POST /v3/auth/tokens'
          ? v3(body as V3Request | undefined)
          : route === 'POST /v2.0/tokens'
            ? v2(body as V2Request | undefined)
            : {
                status: 404,
                json: { error: { code: 404, title: 'Not Found', message: 'The resource could not be found.' } },
              };
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.json));
    }),
    { url: '' },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: server.url,
    requests,
    issuedTokens: () => [...issued.keys()],
    identify(token: string): TokenInfo | undefined {
      const grant = issued.get(token);
      return grant?.project ? { tenant: grant.project, roles: grant.user.roles ?? ['member'] } : undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
