// Real Keystone (Debian's python3-keystone) on loopback with SQLite, in a
// private temp dir: keystone-manage sets it up, keystone-wsgi-public serves it.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  credentials,
  createProjectMember,
  issueToken,
  registerService,
  type IssuedToken,
  type KeystoneCredentials,
  type MemberSpec,
} from './keystone-api.js';
import { SYSTEM_PYTHON, allSucceeded, runToCompletion, serviceEnv, useSqliteWal } from './process.js';
import { launchService, type RunningService } from './service.js';

export const KEYSTONE_MANAGE = '/usr/bin/keystone-manage';
export const KEYSTONE_WSGI_PUBLIC = '/usr/bin/keystone-wsgi-public';

export interface RunningKeystone extends RunningService {
  /** Identity endpoint for clients and keystonemiddleware: `${url}/v3`. */
  readonly authUrl: string;
  readonly adminUser: string;
  /** Not enumerable: printing the object does not print it. Never log it. */
  readonly adminPassword: string;
  /** File (mode 0600, in the temp dir) holding the admin password, for humans: `$(cat …)`. */
  readonly adminPasswordFile: string;
  readonly adminProject: string;
  readonly userDomain: 'Default';
  readonly projectDomain: 'Default';
  readonly region: string;
  /** The admin's credentials (password not enumerable). */
  admin(): KeystoneCredentials;
  /** A project-scoped token by password auth (the admin's when no credentials are given). */
  issueToken(creds?: KeystoneCredentials): Promise<IssuedToken>;
  /** Creates an unprivileged user with `role` on `project` (created if missing). */
  createUser(spec: MemberSpec): Promise<KeystoneCredentials & { userId: string; projectId: string }>;
  /** Registers a service with a public endpoint in region `region`. */
  registerService(type: string, name: string, url: string): Promise<{ serviceId: string; endpointId: string }>;
}

export interface KeystoneOptions {
  /** Loopback port to listen on; a free one by default. */
  port?: number;
  /** Give up waiting for GET /v3 after this long (default 60 s). */
  readyTimeoutMs?: number;
  /** The lifetime of the tokens it issues ([token] expiration; default Keystone's, one hour). */
  tokenLifetimeSeconds?: number;
}

const PASSWORD_FILE = 'admin-password';
const ADMIN = { user: 'admin', project: 'admin', role: 'admin', region: 'RegionOne' } as const;

export async function startKeystone(opts: KeystoneOptions = {}): Promise<RunningKeystone> {
  const adminPassword = randomBytes(18).toString('base64url');
  const service = await launchService({
    name: 'Keystone',
    tempPrefix: 'conform-keystone-',
    logName: 'keystone',
    port: opts.port,
    readyPath: '/v3',
    readyStatuses: [200],
    readyTimeoutMs: opts.readyTimeoutMs ?? 60_000,
    async prepare({ dir, port, url, logFile }) {
      const configFile = join(dir, 'keystone.conf');
      writeFileSync(configFile, keystoneConf(dir, logFile, opts.tokenLifetimeSeconds), { mode: 0o600 });
      writeFileSync(join(dir, PASSWORD_FILE), adminPassword, { mode: 0o600 });
      const manage = (step: string, args: string[] = [], env: Record<string, string> = {}) =>
        runToCompletion({
          name: `keystone-manage ${step}`,
          command: SYSTEM_PYTHON,
          args: [KEYSTONE_MANAGE, '--config-file', configFile, step, ...args],
          env: serviceEnv(env),
          cwd: dir,
          logFile,
        });
      const owner = [
        '--keystone-user',
        String(process.getuid?.() ?? 0),
        '--keystone-group',
        String(process.getgid?.() ?? 0),
      ];
      // Independent steps (database, token keys, credential keys) run side by side:
      // each keystone-manage run spends ~4 s importing Keystone.
      await allSucceeded([
        manage('db_sync').then(() => useSqliteWal(join(dir, 'keystone.sqlite'), logFile)),
        manage('fernet_setup', owner),
        manage('credential_setup', owner),
      ]);
      await manage(
        'bootstrap',
        [
          '--bootstrap-username',
          ADMIN.user,
          '--bootstrap-project-name',
          ADMIN.project,
          '--bootstrap-role-name',
          ADMIN.role,
          '--bootstrap-region-id',
          ADMIN.region,
          '--bootstrap-public-url',
          `${url}/v3/`,
        ],
        { OS_BOOTSTRAP_PASSWORD: adminPassword }, // via the environment: not visible in `ps`
      );
      return {
        name: 'keystone-wsgi-public',
        command: SYSTEM_PYTHON,
        args: [KEYSTONE_WSGI_PUBLIC, '--host', '127.0.0.1', '--port', String(port)],
        env: serviceEnv({ OS_KEYSTONE_CONFIG_FILES: configFile }),
        cwd: dir,
      };
    },
  });

  const admin = (): KeystoneCredentials => credentials({ user: ADMIN.user, project: ADMIN.project }, adminPassword);
  const adminToken = async (): Promise<string> => (await issueToken(service.url, admin())).token;
  const keystone = {
    ...service,
    authUrl: `${service.url}/v3`,
    adminPasswordFile: join(service.dir, PASSWORD_FILE),
    adminUser: ADMIN.user,
    adminProject: ADMIN.project,
    userDomain: 'Default' as const,
    projectDomain: 'Default' as const,
    region: ADMIN.region,
    admin,
    issueToken: (creds: KeystoneCredentials = admin()) => issueToken(service.url, creds),
    createUser: async (spec: MemberSpec) => createProjectMember(service.url, await adminToken(), spec),
    registerService: async (type: string, name: string, url: string) =>
      registerService(service.url, await adminToken(), { type, name, url, region: ADMIN.region }),
  };
  Object.defineProperty(keystone, 'adminPassword', { value: adminPassword, enumerable: false });
  return keystone as RunningKeystone;
}

function keystoneConf(dir: string, logFile: string, tokenLifetimeSeconds?: number): string {
  const token = tokenLifetimeSeconds === undefined ? '' : `\n[token]\nexpiration = ${tokenLifetimeSeconds}\n`;
  return `[DEFAULT]
log_file = ${logFile}
use_stderr = false

[database]
connection = sqlite:///${join(dir, 'keystone.sqlite')}

[fernet_tokens]
key_repository = ${join(dir, 'fernet-keys')}

[fernet_receipts]
# Defaults to /etc/keystone/fernet-keys: fernet_setup would create it there.
key_repository = ${join(dir, 'fernet-keys')}

[credential]
key_repository = ${join(dir, 'credential-keys')}
${token}`;
}
