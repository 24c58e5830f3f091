// The few Keystone v3 REST calls the suites need around a real Keystone:
// password auth, an extra unprivileged user in a project, and a service with
// a public endpoint in the catalog.
import { http, type HttpAnswer } from './http.js';

export interface KeystoneCredentials {
  user: string;
  /** Not enumerable: console.log / JSON.stringify of the object leave it out. */
  readonly password: string;
  project: string;
  userDomain: string;
  projectDomain: string;
}

/** Defines `password` as a non-enumerable property so the object can be printed safely. */
export function credentials(
  parts: Omit<KeystoneCredentials, 'password' | 'userDomain' | 'projectDomain'> &
    Partial<Pick<KeystoneCredentials, 'userDomain' | 'projectDomain'>>,
  password: string,
): KeystoneCredentials {
  const creds = { userDomain: 'Default', projectDomain: 'Default', ...parts };
  Object.defineProperty(creds, 'password', { value: password, enumerable: false });
  return creds as KeystoneCredentials;
}

export interface IssuedToken {
  /** The X-Subject-Token value. Never print it. */
  token: string;
  /** The token body ({ token: { catalog, roles, project, … } }). */
  body: unknown;
}

/** POST /v3/auth/tokens with password auth, project-scoped. */
export async function issueToken(keystoneUrl: string, creds: KeystoneCredentials): Promise<IssuedToken> {
  const answer = await http(`${keystoneUrl}/v3/auth/tokens`, {
    body: {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: creds.user, domain: { name: creds.userDomain }, password: creds.password } },
        },
        scope: { project: { name: creds.project, domain: { name: creds.projectDomain } } },
      },
    },
  });
  expectStatus(answer, 201, `token for ${creds.user}`);
  const token = answer.headers['x-subject-token'];
  if (!token) throw new Error('Keystone issued a token without an X-Subject-Token header');
  return { token, body: answer.json };
}

export interface MemberSpec {
  user: string;
  password: string;
  /** Created when it does not exist yet. */
  project: string;
  role: 'member' | 'reader';
}

/** Creates a user (and the project if needed) in domain Default and grants it `role` on the project. */
export async function createProjectMember(
  keystoneUrl: string,
  adminToken: string,
  spec: MemberSpec,
): Promise<KeystoneCredentials & { userId: string; projectId: string }> {
  const call = adminCalls(keystoneUrl, adminToken);
  const projectId =
    (await call.findId('projects', spec.project)) ?? (await call.create('project', { name: spec.project }));
  const userId = await call.create('user', { name: spec.user, password: spec.password, default_project_id: projectId });
  const roleId = await call.findId('roles', spec.role);
  if (!roleId) throw new Error(`Keystone has no role named ${spec.role}`);
  const grant = await http(`${keystoneUrl}/v3/projects/${projectId}/users/${userId}/roles/${roleId}`, {
    method: 'PUT',
    headers: { 'x-auth-token': adminToken },
  });
  expectStatus(grant, 204, `role ${spec.role} for ${spec.user} on ${spec.project}`);
  return Object.assign(credentials({ user: spec.user, project: spec.project }, spec.password), { userId, projectId });
}

/** Registers a service and its public endpoint, so new tokens carry it in their catalog. */
export async function registerService(
  keystoneUrl: string,
  adminToken: string,
  spec: { type: string; name: string; url: string; region: string },
): Promise<{ serviceId: string; endpointId: string }> {
  const call = adminCalls(keystoneUrl, adminToken);
  const serviceId = await call.create('service', { type: spec.type, name: spec.name });
  const endpointId = await call.create('endpoint', {
    service_id: serviceId,
    interface: 'public',
    url: spec.url,
    region_id: spec.region,
  });
  return { serviceId, endpointId };
}

function adminCalls(keystoneUrl: string, adminToken: string) {
  const headers = { 'x-auth-token': adminToken };
  return {
    async findId(collection: string, name: string): Promise<string | undefined> {
      const answer = await http(`${keystoneUrl}/v3/${collection}?name=${encodeURIComponent(name)}`, { headers });
      expectStatus(answer, 200, `list ${collection}`);
      const items = (answer.json as Record<string, Array<{ id: string }>>)[collection];
      return items[0]?.id;
    },
    async create(kind: string, attributes: Record<string, unknown>): Promise<string> {
      const answer = await http(`${keystoneUrl}/v3/${kind}s`, { headers, body: { [kind]: attributes } });
      expectStatus(answer, 201, `create ${kind}`);
      return (answer.json as Record<string, { id: string }>)[kind].id;
    },
  };
}

/** Throws with the status and the (secret-free) error body when the answer is not the expected one. */
function expectStatus(answer: HttpAnswer, expected: number, what: string): void {
  if (answer.status !== expected) {
    throw new Error(`Keystone: ${what}: expected ${expected}, got ${answer.status}: ${answer.text.slice(0, 500)}`);
  }
}

/** An application credential of the token's user, with its roles on the token's project. */
export async function createApplicationCredential(
  keystoneUrl: string,
  issued: IssuedToken,
  name: string,
): Promise<{ id: string; readonly secret: string }> {
  const userId = (issued.body as { token: { user: { id: string } } }).token.user.id;
  const answer = await http(`${keystoneUrl}/v3/users/${userId}/application_credentials`, {
    headers: { 'x-auth-token': issued.token },
    body: { application_credential: { name } },
  });
  expectStatus(answer, 201, `application credential ${name}`);
  const { id, secret } = (answer.json as { application_credential: { id: string; secret: string } })
    .application_credential;
  const credential = { id };
  Object.defineProperty(credential, 'secret', { value: secret, enumerable: false });
  return credential as { id: string; readonly secret: string };
}
