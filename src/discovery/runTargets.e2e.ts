// Where a run goes and with which {tenant}, against an identity v3 stand-in
// that issues tokens by password, tells a token's project, roles and catalog
// (GET /v3/auth/tokens), and records every request it receives:
// - credentials in the environment alone leave `conform` on the embedded
//   target and the identity service untouched; --discover uses them;
// - with --target and a password credential, {tenant} is the token's project.
import { noteLine } from '../report/console.js';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secrets } from '../http/secrets.js';
import { loadProfile } from '../profiles/load.js';
import { DEFAULT_PROFILE, listProfiles } from '../catalog/registry.js';
import type { TokenAuthority } from '../targets/common/auth.js';
import { serveReference, type RunningTarget } from '../targets/common/server.js';
import { createReference } from '../targets/registry.js';
import { runCli, type CliRun } from '../testing/cli.js';
import { blankAuthEnv, withEnv } from '../testing/env.js';
import { tempDir } from '../testing/tmp.js';
import { runTargets, type RunTargets, type TargetSettings } from './runTargets.js';

const PASSWORD = 'alice-pw-Hk29vQ';
const SECOND_PASSWORD = 'bob-pw-Tn40cR';
const PROJECT_ID = '6f1e0c2b9a8d4e7f8a1b2c3d4e5f6a7b';
const OTHER_PROJECT_ID = '0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d';

interface Identity extends TokenAuthority {
  url: string;
  /** `METHOD path` of every request received. */
  requests: string[];
  /** Answer GET /v3/auth/tokens with 403, as a policy that forbids reading tokens would. */
  refuseReads: boolean;
  /** Endpoints the tokens' catalogs list. */
  services: Array<{ type: string; url: string }>;
  close(): Promise<void>;
}

const USERS: Record<string, { password: string; project: string; roles: string[] }> = {
  alice: { password: PASSWORD, project: PROJECT_ID, roles: ['member'] },
  bob: { password: SECOND_PASSWORD, project: OTHER_PROJECT_ID, roles: ['member'] },
};

async function startIdentity(): Promise<Identity> {
  const issued = new Map<string, string>(); // token → user name
  const tokenDoc = (user: string) => ({
    token: {
      methods: ['password'],
      user: { id: `id-${user}`, name: user, domain: { id: 'default', name: 'Default' } },
      project: { id: USERS[user].project, name: `${user}-project`, domain: { id: 'default', name: 'Default' } },
      roles: USERS[user].roles.map((name) => ({ id: `id-${name}`, name })),
      catalog: identity.services.map((s) => ({
        type: s.type,
        name: s.type,
        id: `svc-${s.type}`,
        endpoints: [{ id: `${s.type}-public`, interface: 'public', region_id: 'RegionOne', url: s.url }],
      })),
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
    },
  });
  type Send = (status: number, json: unknown, headers?: Record<string, string>) => void;
  const unauthorized = (send: Send) =>
    send(401, {
      error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
    });
  /** POST /v3/auth/tokens: a new token for a known user and its password. */
  const authenticate = (raw: string, send: Send) => {
    const user = JSON.parse(raw)?.auth?.identity?.password?.user;
    if (!USERS[user?.name] || USERS[user.name].password !== user.password) return unauthorized(send);
    const token = `gAAAA${randomBytes(32).toString('base64url')}`;
    issued.set(token, user.name);
    return send(201, tokenDoc(user.name), { 'x-subject-token': token });
  };
  /** GET /v3/auth/tokens: the token named by X-Subject-Token, to a caller with a token of its own. */
  const readToken = (req: http.IncomingMessage, send: Send) => {
    if (!issued.has(String(req.headers['x-auth-token']))) return unauthorized(send);
    if (identity.refuseReads)
      return send(403, {
        error: { code: 403, title: 'Forbidden', message: 'You are not authorized to perform the requested action.' },
      });
    const user = issued.get(String(req.headers['x-subject-token']));
    return user
      ? send(200, tokenDoc(user))
      : send(404, { error: { code: 404, title: 'Not Found', message: 'Could not find token.' } });
  };
  const server = http.createServer(async (req, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    identity.requests.push(`${req.method} ${req.url}`);
    const send: Send = (status, json, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    if (req.method === 'POST' && req.url === '/v3/auth/tokens') return authenticate(raw, send);
    if (req.method === 'GET' && req.url === '/v3/auth/tokens') return readToken(req, send);
    send(404, { error: { code: 404, title: 'Not Found', message: 'The resource could not be found.' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const identity: Identity = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: [],
    refuseReads: false,
    services: [],
    // A reference target asks this who a token is: its tenant is the token's project id, as in Neutron.
    identify(token: string) {
      const user = issued.get(token);
      return user ? { tenant: USERS[user].project, roles: USERS[user].roles } : undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return identity;
}

let identity: Identity;
let quantum: RunningTarget;

beforeAll(async () => {
  identity = await startIdentity();
  quantum = await serveReference(createReference('quantum-v1.0', { auth: identity })!);
});

afterAll(async () => {
  await quantum?.close();
  await identity?.close();
});

/** An openrc file sourced: alice's password credentials, and bob as the unprivileged second credential. */
const openrc = (): Record<string, string> => ({
  ...blankAuthEnv(),
  OS_AUTH_URL: `${identity.url}/v3`,
  OS_USERNAME: 'alice',
  OS_PASSWORD: PASSWORD,
  OS_PROJECT_NAME: 'alice-project',
  CONFORM_SECOND_USERNAME: 'bob',
  CONFORM_SECOND_PASSWORD: SECOND_PASSWORD,
  CONFORM_SECOND_PROJECT_NAME: 'bob-project',
});

const settings = (over: Partial<TargetSettings> = {}): TargetSettings => ({
  defaultProfiles: () => [loadProfile(DEFAULT_PROFILE)],
  allProfiles: () => listProfiles().map((p) => loadProfile(p)),
  auth: { main: {}, second: {} },
  timeoutMs: 5000,
  ...over,
});

/** runTargets with `vars` as the environment; what it printed, and the identity requests it made. */
async function place(
  over: Partial<TargetSettings>,
  vars: Record<string, string> = openrc(),
): Promise<{ planned: RunTargets; said: string[]; requests: string[] }> {
  const said: string[] = [];
  const before = identity.requests.length;
  const planned = await withEnv(vars, () =>
    runTargets(settings(over), new Secrets(), (note) => said.push(noteLine(note))),
  );
  return { planned, said, requests: identity.requests.slice(before) };
}

const runWith = (args: string[], vars: Record<string, string>): Promise<CliRun> => withEnv(vars, () => runCli(args));

describe('credentials in the environment and no --target', () => {
  it('runTargets: the embedded target, one note, nothing sent to the identity service', async () => {
    const { planned, said, requests } = await place({});
    expect(planned.runs.map((r) => [r.profile.catalog.profile, r.target, r.tenant])).toEqual([
      [DEFAULT_PROFILE, undefined, 'conform'],
    ]);
    expect(said).toEqual([
      expect.stringMatching(
        /^conform: note: the credentials in the environment .* were not used: .*--discover.*--target URL$/,
      ),
    ]);
    expect(requests).toEqual([]);
  });

  it(
    '`conform` as a user with an openrc sourced runs the embedded target, ' +
      'says so once, and leaves the cloud alone',
    async () => {
      const before = identity.requests.length;
      const reports = tempDir('run-targets');
      const run = await runWith(['--only', 'network.*', '--reports', reports], openrc());
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /quantum-v1\.0 against embedded reference target http:\/\/127\.0\.0\.1:\d+: \d+ cases, \d+ passed, 0 failed/,
      );
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^conform: note: the credentials in the environment .* were not used/),
      ]);
      expect(identity.requests.slice(before)).toEqual([]);
      expect(JSON.parse(fs.readFileSync(path.join(reports, 'results.json'), 'utf8')).runs[0].embeddedTarget).toBe(true);
    },
  );

  it("--discover: the endpoints of the token's catalog, the token's project as {tenant}", async () => {
    identity.services = [{ type: 'network', url: 'http://127.0.0.1:9/' }];
    try {
      const { planned, said, requests } = await place({ discover: true, profiles: [loadProfile('neutron-v2.0')] });
      expect(planned.runs.map((r) => [r.profile.catalog.profile, r.target, r.tenant])).toEqual([
        ['neutron-v2.0', 'http://127.0.0.1:9', PROJECT_ID],
      ]);
      expect(said).toContain(
        "conform: neutron-v2.0: network endpoint http://127.0.0.1:9 (from the token's service catalog)",
      );
      expect(requests).toEqual(['POST /v3/auth/tokens', 'POST /v3/auth/tokens', 'GET /v3/auth/tokens']);
    } finally {
      identity.services = [];
    }
  });

  it('an authentication flag asks for discovery as --discover does', async () => {
    identity.services = [{ type: 'network', url: 'http://127.0.0.1:9/' }];
    try {
      const { OS_USERNAME, ...rest } = openrc();
      const { planned } = await place(
        { auth: { main: { username: OS_USERNAME }, second: {} }, profiles: [loadProfile('neutron-v2.0')] },
        rest,
      );
      expect(planned.runs.map((r) => r.target)).toEqual(['http://127.0.0.1:9']);
    } finally {
      identity.services = [];
    }
  });

  it('the CLI with --discover: the endpoint found is the one tested', async () => {
    identity.services = [{ type: 'network', url: 'http://127.0.0.1:9/' }];
    try {
      const run = await runWith(
        ['--discover', '--profile', 'neutron-v2.0', '--reports', tempDir('run-targets')],
        openrc(),
      );
      expect(run.code).toBe(3);
      expect(run.stderr).toContain(
        "conform: neutron-v2.0: network endpoint http://127.0.0.1:9 (from the token's service catalog)",
      );
      expect(run.stderr).toContain(
        'conform: http://127.0.0.1:9 could not be tested: connection refused by 127.0.0.1:9',
      );
      expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    } finally {
      identity.services = [];
    }
  });
});

describe('--target with password credentials: {tenant}', () => {
  it("is the main token's project, read from the identity service, and said (nothing secret in it)", async () => {
    const { planned, said, requests } = await place({ target: quantum.url });
    expect(planned.runs.map((r) => r.tenant)).toEqual([PROJECT_ID]);
    expect(said).toContain(
      `conform: {tenant} is ${PROJECT_ID}, the main token's project (give --tenant ID for another)`,
    );
    expect(requests.filter((r) => r.startsWith('GET'))).toEqual(['GET /v3/auth/tokens']);
    expect(said.join('\n')).not.toMatch(new RegExp(`${PASSWORD}|${SECOND_PASSWORD}|gAAAA`));
  });

  it('is --tenant when given; the token is not read', async () => {
    const { planned, requests } = await place({ target: quantum.url, tenant: 'given' });
    expect(planned.runs.map((r) => r.tenant)).toEqual(['given']);
    expect(requests.filter((r) => r.startsWith('GET'))).toEqual([]);
  });

  it("stays 'conform', with a one-line note suggesting --tenant, when the token's project cannot be read", async () => {
    identity.refuseReads = true;
    try {
      const { planned, said } = await place({ target: quantum.url });
      expect(planned.runs.map((r) => r.tenant)).toEqual(['conform']);
      const notes = said.filter((l) => l.includes('{tenant}'));
      expect(notes).toEqual([
        expect.stringMatching(
          new RegExp(
            /^conform: note: the main token's project could not be read: /.source +
              /identity service .*\/v3 answered 403 to reading its own token: .*: /.source +
              /\{tenant\} is 'conform'; give --tenant ID if the target expects the token's project$/.source,
          ),
        ),
      ]);
    } finally {
      identity.refuseReads = false;
    }
  });

  it("stays 'conform', silently, with a token credential", async () => {
    const { planned, said, requests } = await place(
      { target: quantum.url },
      { ...blankAuthEnv(), OS_TOKEN: 'some-token' },
    );
    expect(planned.runs.map((r) => r.tenant)).toEqual(['conform']);
    expect(said).toEqual([]);
    expect(requests).toEqual([]);
  });

  it(
    'a whole run against a target that, like Neutron, ' + 'takes the tenant from the token: every case conforms',
    async () => {
      const reports = tempDir('run-targets');
      const run = await runWith(['--target', quantum.url, '--reports', reports], openrc());
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/: \d+ cases, \d+ passed, 0 failed, 0 errored/);
      const results = JSON.parse(fs.readFileSync(path.join(reports, 'results.json'), 'utf8'));
      // The 403 scenarios ran: bob's token is of another project.
      expect(
        results.runs[0].cases
          .filter((c: { scenario: string }) => c.scenario === 'auth.forbidden')
          .map((c: { state: string }) => c.state),
      ).toEqual(['passed', 'passed']);
      const paths = results.runs[0].cases.flatMap((c: { exchanges: Array<{ request: { url: string } }> }) =>
        c.exchanges.map((e) => e.request.url),
      );
      expect(paths.some((u: string) => u.includes(`/tenants/${PROJECT_ID}/`))).toBe(true);
      expect(paths.some((u: string) => u.includes('/tenants/conform/'))).toBe(false);
    },
  );
});
