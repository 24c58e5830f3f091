// conform's own password authentication against real Keystone (Debian's
// python3-keystone): tokens for an admin, a member and an unprivileged user
// of another project, the catalog they carry, the errors a person sees, and a
// whole CLI run whose target validates the tokens with that same Keystone.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IdentityServiceError, UsageError } from '../errors.js';
import { HttpClient } from '../http/client.js';
import { Secrets } from '../http/secrets.js';
import { http } from '../openstack/http.js';
import { KEYSTONE_MANAGE, KEYSTONE_WSGI_PUBLIC, startKeystone, type RunningKeystone } from '../openstack/keystone.js';
import { groupMembers, SYSTEM_PYTHON } from '../openstack/process.js';
import type { TokenAuthority, TokenInfo } from '../targets/common/auth.js';
import { serveReference, type RunningTarget } from '../targets/common/server.js';
import { createReference } from '../targets/registry.js';
import { runCli } from '../testing/cli.js';
import { blankAuthEnv, withEnv } from '../testing/env.js';
import type { ConfigContext } from './cloudsYaml.js';
import { obtainCredentials } from './obtain.js';
import type { AuthFlags } from '../model/credentials.js';
import { resolveAuth } from './resolve.js';
import { findEndpoint } from './serviceCatalog.js';
import { tempDir } from '../testing/tmp.js';

const missing = [SYSTEM_PYTHON, KEYSTONE_MANAGE, KEYSTONE_WSGI_PUBLIC].filter((p) => !existsSync(p));
const suite = process.platform === 'linux' && missing.length === 0 ? describe : describe.skip;
const NETWORK_URL = 'http://127.0.0.1:9696';

/**
 * Who a token is, asked of Keystone itself (GET /v3/auth/tokens) once per
 * token, then cached: what a service's auth middleware does.
 */
function keystoneTokens(
  keystone: RunningKeystone,
  serviceToken: () => string,
  seen: Map<string, Promise<TokenInfo | undefined>>,
): TokenAuthority {
  const validate = async (token: string): Promise<TokenInfo | undefined> => {
    const answer = await http(`${keystone.authUrl}/auth/tokens?nocatalog`, {
      headers: { 'x-auth-token': serviceToken(), 'x-subject-token': token },
    });
    if (answer.status !== 200) return undefined;
    const body = answer.json as { token: { project?: { name: string }; roles?: Array<{ name: string }> } };
    return body.token.project
      ? { tenant: body.token.project.name, roles: (body.token.roles ?? []).map((r) => r.name) }
      : undefined;
  };
  return {
    identify(token: string): Promise<TokenInfo | undefined> {
      if (!seen.has(token)) seen.set(token, validate(token));
      return seen.get(token)!;
    },
  };
}

suite(
  `conform's password auth against real Keystone${missing.length ? ` (skipped: missing ${missing.join(', ')})` : ''}`,
  () => {
    let keystone: RunningKeystone;
    let target: RunningTarget | undefined;
    let adminToken = '';
    const client = new HttpClient({ timeoutMs: 30_000 });
    const member = { user: 'conform-member', password: randomBytes(12).toString('base64url'), project: 'conform' };
    const outsider = {
      user: 'conform-outsider',
      password: randomBytes(12).toString('base64url'),
      project: 'conform-elsewhere',
    };

    beforeAll(async () => {
      keystone = await startKeystone();
      await keystone.registerService('network', 'neutron', NETWORK_URL);
      await keystone.createUser({ ...member, role: 'member' });
      await keystone.createUser({ ...outsider, role: 'member' });
      console.info(`keystone: setup ${keystone.setupMs} ms, ready ${keystone.readyMs} ms after start`);
    });

    afterAll(async () => {
      await client.close();
      await target?.close();
      const pids = keystone ? groupMembers(keystone.pid) : [];
      await keystone?.stop();
      for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    });

    beforeEach(({ onTestFailed }) => {
      onTestFailed(() => console.error(`--- keystone log (tail) ---\n${keystone?.logTail(30) ?? '(not started)'}`));
    });

    const ctx = (env: Record<string, string>, cwd = tempDir('auth-itest')): ConfigContext => ({
      env: { XDG_CONFIG_DIRS: cwd, ...env },
      cwd,
      home: cwd,
    });
    const adminEnv = () => ({
      OS_AUTH_URL: keystone.url, // without /v3: conform adds it
      OS_USERNAME: keystone.adminUser,
      OS_PASSWORD: keystone.adminPassword,
      OS_PROJECT_NAME: keystone.adminProject,
      OS_USER_DOMAIN_NAME: keystone.userDomain,
      OS_PROJECT_DOMAIN_NAME: keystone.projectDomain,
    });
    const noFlags = (): AuthFlags => ({ main: {}, second: {} });

    it(
      'obtains an admin token by v3 password auth from OS_* variables; ' +
        'Keystone validates it; the catalog has the endpoints',
      async () => {
        const secrets = new Secrets();
        const obtained = await obtainCredentials(resolveAuth(noFlags(), ctx(adminEnv())), client, secrets);
        adminToken = obtained.credentials.main!;
        expect(adminToken).toMatch(/^\S{100,}$/);
        expect(secrets.redact(`${adminToken} ${keystone.adminPassword}`)).toBe('[REDACTED] [REDACTED]');
        const self = await http(`${keystone.authUrl}/auth/tokens`, {
          headers: { 'x-auth-token': adminToken, 'x-subject-token': adminToken },
        });
        expect(self.status).toBe(200);
        expect(self.json).toMatchObject({
          token: { user: { name: 'admin' }, project: { name: 'admin' }, methods: ['password'] },
        });
        expect((await http(`${keystone.authUrl}/projects`, { headers: { 'x-auth-token': adminToken } })).status).toBe(
          200,
        );
        expect(findEndpoint(obtained.catalog!, { serviceType: 'network', region: keystone.region })).toBe(NETWORK_URL);
        expect(findEndpoint(obtained.catalog!, { serviceType: 'identity' })).toBe(`${keystone.url}/v3/`);
      },
    );

    it('obtains tokens for a member and for an unprivileged outsider from clouds.yaml + secure.yaml', async () => {
      const dir = tempDir('auth-itest');
      const cloud = (name: string, who: typeof member) =>
        `  ${name}:\n    auth:\n      auth_url: ${keystone.authUrl}\n      username: ${who.user}\n` +
        `      project_name: ${who.project}\n      user_domain_name: Default\n` +
        `      project_domain_name: Default\n    identity_api_version: 3\n`;
      writeFileSync(join(dir, 'clouds.yaml'), `clouds:\n${cloud('main', member)}${cloud('outsider', outsider)}`);
      writeFileSync(
        join(dir, 'secure.yaml'),
        `clouds:\n  main:\n    auth:\n      password: "${member.password}"\n  outsider:\n    auth:\n` +
          `      password: "${outsider.password}"\n`,
      );
      const resolved = resolveAuth({ main: { cloud: 'main' }, second: { cloud: 'outsider' } }, ctx({}, dir));
      const obtained = await obtainCredentials(resolved, client, new Secrets());
      for (const [token, who] of [
        [obtained.credentials.main!, member],
        [obtained.credentials.second!, outsider],
      ] as const) {
        const self = await http(`${keystone.authUrl}/auth/tokens`, {
          headers: { 'x-auth-token': token, 'x-subject-token': token },
        });
        expect(self.status).toBe(200);
        expect(self.json).toMatchObject({
          token: {
            user: { name: who.user },
            project: { name: who.project },
            roles: expect.arrayContaining([expect.objectContaining({ name: 'member' })]),
          },
        });
      }
      // Unprivileged: Keystone itself refuses the outsider what the admin may do.
      expect(
        (await http(`${keystone.authUrl}/projects`, { headers: { 'x-auth-token': obtained.credentials.second! } }))
          .status,
      ).toBe(403);
    });

    it('a wrong password or unknown project: Keystone says 401, conform says so in one line (exit 2)', async () => {
      for (const env of [{ OS_PASSWORD: `${keystone.adminPassword}x` }, { OS_PROJECT_NAME: 'no-such-project' }]) {
        const err = await obtainCredentials(
          resolveAuth(noFlags(), ctx({ ...adminEnv(), ...env })),
          client,
          new Secrets(),
        ).catch((e: Error) => e);
        expect(err).toBeInstanceOf(UsageError);
        expect((err as Error).message).toMatch(
          new RegExp(
            `^identity service ${keystone.url}/v3 refused the credentials of user 'admin' \\(project '[^']+'\\): ` +
              `401 .*\\(check user name, password, project and domains\\)$`,
          ),
        );
        expect((err as Error).message).not.toContain(keystone.adminPassword);
      }
    });

    it('v2.0 against a Keystone that removed it: a clear configuration error, not a crash', async () => {
      const err = await obtainCredentials(
        resolveAuth(noFlags(), ctx({ ...adminEnv(), OS_IDENTITY_API_VERSION: '2.0' })),
        client,
        new Secrets(),
      ).catch((e: Error) => e);
      expect(err).toBeInstanceOf(UsageError);
      expect((err as Error).message).toBe(
        `identity service ${keystone.url}/v2.0 has no v2.0 token API at ${keystone.url}/v2.0/tokens (404): ` +
          `check the auth URL and the identity API version`,
      );
    });

    it('a stopped identity endpoint is unreachable: the run is untestable (exit 3)', async () => {
      const err = await obtainCredentials(
        resolveAuth(noFlags(), ctx({ ...adminEnv(), OS_AUTH_URL: 'http://127.0.0.1:9/v3' })),
        client,
        new Secrets(),
      ).catch((e: Error) => e);
      expect(err).toBeInstanceOf(IdentityServiceError);
    });

    it(
      'a whole run: tokens from Keystone, a target that asks Keystone who they are; ' +
        'every scenario passes; no secret printed',
      async () => {
        const seen = new Map<string, Promise<TokenInfo | undefined>>();
        const app = createReference('quantum-v1.0', { auth: keystoneTokens(keystone, () => adminToken, seen) })!;
        target = await serveReference(app);
        const reports = tempDir('auth-itest');
        const vars: Record<string, string> = {
          ...blankAuthEnv(),
          ...adminEnv(),
          OS_USERNAME: member.user,
          OS_PASSWORD: member.password,
          OS_PROJECT_NAME: member.project,
          CONFORM_SECOND_USERNAME: outsider.user,
          CONFORM_SECOND_PASSWORD: outsider.password,
          CONFORM_SECOND_PROJECT_NAME: outsider.project,
        };
        // The target knows a token's tenant by its project's name (conform),
        // not by the id conform reads from the token without --tenant.
        const run = await withEnv(vars, () =>
          runCli(['--target', target!.url, '--tenant', 'conform', '--reports', reports, '--verbose']),
        );
        expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
        console.info(run.stderr.trim()); // how long the tokens took (no secret in it: checked below)
        expect(run.stdout).toMatch(/: (\d+) cases, \1 passed, 0 failed, 0 errored, 0 skipped/);
        expect(run.stdout).toMatch(/PASS auth\.forbidden\[json\]/);
        // The tokens conform obtained, as the target saw them (the invented bad token is not a secret).
        const tokens = [...seen.keys()].filter((t) => !t.startsWith('conform-invalid-'));
        expect(tokens).toHaveLength(2);
        const outputs = [
          run.stdout,
          run.stderr,
          ...readdirSync(reports).map((f) => readFileSync(join(reports, f), 'utf8')),
        ];
        for (const text of outputs) {
          for (const secret of [member.password, outsider.password, keystone.adminPassword, adminToken, ...tokens])
            expect(text.includes(secret)).toBe(false);
        }
      },
    );
  },
);
