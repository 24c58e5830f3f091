// Application credentials against real Keystone, made for the test (the
// admin's for the main credential, a member's for the second):
// - tokens that live 20 s: keystone-v3 runs from OS_* and from clouds.yaml,
//   its tokens expire during the run and are renewed, the verdicts are those
//   of a password run; a credential deleted during a run stops it (exit 3);
// - Keystone with its usual token lifetime and Neutron behind it: both
//   profiles found in the catalog and run, from OS_* and from clouds.yaml.
//   (Neutron's auth middleware cannot live with 20 s tokens: keystoneauth
//   takes any token that expires within 120 s as expired, and Neutron answers 401.)
// No secret appears in any output.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openstackAvailable } from '../openstack/available.js';
import { http } from '../openstack/http.js';
import { createApplicationCredential } from '../openstack/keystone-api.js';
import { startKeystone, type RunningKeystone } from '../openstack/keystone.js';
import { startNeutron, type RunningNeutron } from '../openstack/neutron.js';
import { spawnCli, type CliRun } from '../testing/cli.js';
import { KEYSTONE_FINDINGS, NEUTRON_FINDINGS } from '../testing/knownFindings.js';
import { casesIn, findings, namedLike, readRuns } from '../testing/realRun.js';
import { tempDir } from '../testing/tmp.js';

const availability = openstackAvailable();
const suite = availability.ok ? describe : describe.skip;
/** keystone-v3 sends ~45 requests: at 2 a second the run outlives its first tokens (renewed at 10 s). */
const RATE = '2';

type AppCredential = { id: string; readonly secret: string };

interface Cloud {
  keystone: RunningKeystone;
  main: AppCredential;
  second: AppCredential;
  memberPassword: string;
}

async function prepareCloud(keystone: RunningKeystone): Promise<Cloud> {
  const tag = randomBytes(3).toString('hex');
  const memberPassword = randomUUID();
  const member = await keystone.createUser({
    user: `member-${tag}`,
    password: memberPassword,
    project: `member-project-${tag}`,
    role: 'member',
  });
  const main = await createApplicationCredential(keystone.url, await keystone.issueToken(), `ci-${tag}`);
  const second = await createApplicationCredential(keystone.url, await keystone.issueToken(member), `ci-m-${tag}`);
  return { keystone, main, second, memberPassword };
}

const osEnv = (c: Cloud, main = c.main) => ({
  OS_AUTH_TYPE: 'v3applicationcredential',
  OS_AUTH_URL: c.keystone.authUrl,
  OS_APPLICATION_CREDENTIAL_ID: main.id,
  OS_APPLICATION_CREDENTIAL_SECRET: main.secret,
  CONFORM_SECOND_APPLICATION_CREDENTIAL_ID: c.second.id,
  CONFORM_SECOND_APPLICATION_CREDENTIAL_SECRET: c.second.secret,
});

/** clouds.yaml with `ci` (the main credential) and `ci-member` (the second); the args that name them. */
function cloudsYaml(c: Cloud): { args: string[]; env: Record<string, string> } {
  const dir = tempDir('appcred-clouds');
  const entry = (a: AppCredential) =>
    `    auth_type: v3applicationcredential\n    auth:\n      auth_url: ${c.keystone.authUrl}\n` +
    `      application_credential_id: ${a.id}\n      application_credential_secret: ${a.secret}\n`;
  writeFileSync(join(dir, 'clouds.yaml'), `clouds:\n  ci:\n${entry(c.main)}  ci-member:\n${entry(c.second)}`);
  return {
    args: ['--os-cloud', 'ci', '--second-os-cloud', 'ci-member'],
    env: { OS_CLIENT_CONFIG_FILE: join(dir, 'clouds.yaml') },
  };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** Right verdicts (those of a password run) for `profiles`, nothing left behind, no secret in any output. */
async function expectConformingRun(c: Cloud, cli: CliRun, reports: string, targets: Record<string, string>) {
  expect(cli.code, cli.stdout + cli.stderr).toBe(1);
  const runs = readRuns(reports);
  expect(runs.map((r) => [r.profile, r.target])).toEqual(Object.entries(targets));
  const expected: Record<string, object> = { 'keystone-v3': KEYSTONE_FINDINGS, 'neutron-v2.0': NEUTRON_FINDINGS };
  const admin = { 'x-auth-token': (await c.keystone.issueToken()).token };
  for (const run of runs) {
    expect(casesIn(run, 'errored'), run.profile).toEqual([]);
    expect(casesIn(run, 'skipped'), run.profile).toEqual([]);
    expect(findings(run), run.profile).toEqual(expected[run.profile]);
    const collections =
      run.profile === 'keystone-v3'
        ? ['/v3/projects', '/v3/users']
        : ['/v2.0/ports', '/v2.0/subnets', '/v2.0/networks'];
    expect(await namedLike(run.target, collections, run.runId, admin)).toEqual([]);
  }
  expect(cli.stderr).toMatch(/main credential: token obtained by application credential '/);
  const outputs = [cli.stdout, cli.stderr, read(reports, 'results.json'), read(reports, 'junit.xml')].join('\n');
  for (const secret of [c.main.secret, c.second.secret, c.keystone.adminPassword, c.memberPassword])
    expect(outputs).not.toContain(secret);
  expect(outputs).not.toMatch(/gAAAAA[\w-]{20}/); // no Fernet token at all
}

suite(
  availability.ok
    ? 'application credentials, tokens of 20 s renewed during the run (real Keystone)'
    : `application credentials (skipped: ${availability.reason})`,
  () => {
    let cloud: Cloud;
    beforeAll(async () => {
      cloud = await prepareCloud(await startKeystone({ tokenLifetimeSeconds: 20 }));
    });
    afterAll(async () => {
      await cloud?.keystone.stop();
    });
    beforeEach(({ onTestFailed }) =>
      onTestFailed(() => console.error(`--- keystone log (tail) ---\n${cloud?.keystone.logTail(40)}`)),
    );

    const keystoneRun = async (args: string[], env: Record<string, string>, onStderr?: (text: string) => void) => {
      const reports = tempDir('appcred');
      const all = ['--target', cloud.keystone.url, '--profile', 'keystone-v3', '--rate', RATE, ...args];
      const cli = await spawnCli([...all, '--reports', reports], env, undefined, onStderr);
      return { cli, reports };
    };

    it('from OS_* and from clouds.yaml: tokens renewed, the run ends with the verdicts of a password run', async () => {
      for (const given of [{ args: [], env: osEnv(cloud) }, cloudsYaml(cloud)]) {
        const { cli, reports } = await keystoneRun(given.args, given.env);
        console.info(`keystone-v3 with application credentials, --rate ${RATE}: ${cli.ms} ms`);
        await expectConformingRun(cloud, cli, reports, { 'keystone-v3': cloud.keystone.url });
        expect(cli.stderr).toMatch(/main credential: token renewed in \d+ ms/);
        expect(cli.stderr).toMatch(/second credential: token renewed in \d+ ms/);
        expect(readRuns(reports)[0].stoppedBy).toBeUndefined();
      }
    });

    it('a credential deleted during the run: its renewal fails, the run stops saying why (exit 3)', async () => {
      const issued = await cloud.keystone.issueToken();
      const doomed = await createApplicationCredential(cloud.keystone.url, issued, `doomed-${randomUUID()}`);
      let obtained: () => void = () => undefined;
      const hasToken = new Promise<void>((resolve) => (obtained = resolve));
      const running = keystoneRun([], osEnv(cloud, doomed), (text) => {
        if (text.includes('{tenant} is')) obtained();
      });
      // Once the cases run (deleting it revokes its tokens): the credential goes, its renewal fails.
      await hasToken;
      await new Promise((r) => setTimeout(r, 3_000));
      const admin = await cloud.keystone.issueToken();
      const userId = (admin.body as { token: { user: { id: string } } }).token.user.id;
      const gone = await http(`${cloud.keystone.authUrl}/users/${userId}/application_credentials/${doomed.id}`, {
        method: 'DELETE',
        headers: { 'x-auth-token': admin.token },
      });
      expect(gone.status).toBe(204);
      const { cli, reports } = await running;
      expect(cli.code, cli.stdout + cli.stderr).toBe(3);
      expect(cli.stderr).toMatch(/main credential: the token could not be renewed before it expired: .*refused/);
      expect(readRuns(reports)[0].stoppedBy).toBe('token');
      expect(cli.stdout + cli.stderr + read(reports, 'results.json')).not.toContain(doomed.secret);
    });
  },
);

suite(
  availability.ok
    ? 'application credentials: keystone-v3 and neutron-v2.0 found in the catalog (real Keystone and Neutron)'
    : `application credentials with Neutron (skipped: ${availability.reason})`,
  () => {
    let cloud: Cloud;
    let neutron: RunningNeutron;
    beforeAll(async () => {
      const keystone = await startKeystone();
      neutron = await startNeutron({ auth: 'keystone', keystone });
      await keystone.registerService('network', 'neutron', neutron.url);
      cloud = await prepareCloud(keystone);
    });
    afterAll(async () => {
      await Promise.all([neutron?.stop(), cloud?.keystone.stop()]);
    });
    beforeEach(({ onTestFailed }) =>
      onTestFailed(() => {
        console.error(`--- keystone log (tail) ---\n${cloud?.keystone.logTail(30)}`);
        console.error(`--- neutron log (tail) ---\n${neutron?.logTail(20)}`);
      }),
    );

    it('from OS_* and from clouds.yaml: both profiles, the verdicts of a password run', async () => {
      for (const given of [{ args: [], env: osEnv(cloud) }, cloudsYaml(cloud)]) {
        const reports = tempDir('appcred');
        const cli = await spawnCli(['--discover', ...given.args, '--reports', reports], given.env);
        console.info(`keystone-v3 + neutron-v2.0 with application credentials: ${cli.ms} ms`);
        await expectConformingRun(cloud, cli, reports, {
          'keystone-v3': cloud.keystone.url,
          'neutron-v2.0': neutron.url,
        });
      }
    });
  },
);
