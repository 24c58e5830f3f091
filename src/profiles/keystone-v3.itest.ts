// keystone-v3 against real Keystone, and neutron-v2.0 against real Neutron
// behind it (auth_strategy = keystone), both found the way a user runs them:
// OS_* credentials and --discover, the endpoints from the token's service
// catalog. Every scenario runs with real tokens; the verdicts are the right
// ones; every project, user, network, subnet and port conform created is gone.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openstackAvailable } from '../openstack/available.js';
import { http } from '../openstack/http.js';
import { startKeystone, type RunningKeystone } from '../openstack/keystone.js';
import { startNeutron, type RunningNeutron } from '../openstack/neutron.js';
import { spawnCli } from '../testing/cli.js';
import { caseOf, casesIn, createdNames, findings, namedLike, ownedBy, readRuns, runOf } from '../testing/realRun.js';
import { tempDir } from '../testing/tmp.js';
import { KEYSTONE_FINDINGS, KEYSTONE_STATUS, NEUTRON_FINDINGS } from '../testing/knownFindings.js';

const availability = openstackAvailable();
const suite = availability.ok ? describe : describe.skip;

suite(
  availability.ok
    ? 'keystone-v3 and neutron-v2.0 behind Keystone, endpoints from the service catalog'
    : `keystone-v3 (skipped: ${availability.reason})`,
  () => {
    let keystone: RunningKeystone;
    let neutron: RunningNeutron;
    let member: Awaited<ReturnType<RunningKeystone['createUser']>>;
    let adminToken: string;
    /** The reports of the full discovered run, for the waivers written from its findings. */
    let fullRun: string | undefined;

    beforeAll(async () => {
      keystone = await startKeystone();
      neutron = await startNeutron({ auth: 'keystone', keystone });
      await keystone.registerService('network', 'neutron', neutron.url);
      const tag = randomBytes(3).toString('hex');
      member = await keystone.createUser({
        user: `member-${tag}`,
        password: randomUUID(),
        project: `member-project-${tag}`,
        role: 'member',
      });
      adminToken = (await keystone.issueToken()).token;
      console.info(
        `keystone: setup ${keystone.setupMs} ms, ready ${keystone.readyMs} ms; ` +
          `neutron: setup ${neutron.setupMs} ms, ready ${neutron.readyMs} ms`,
      );
    });
    afterAll(async () => {
      await Promise.all([neutron?.stop(), keystone?.stop()]);
    });
    beforeEach(({ onTestFailed }) =>
      onTestFailed(() => {
        console.error(`--- keystone log (tail) ---\n${keystone?.logTail(40)}`);
        console.error(`--- neutron log (tail) ---\n${neutron?.logTail(20)}`);
      }),
    );

    const osEnv = () => ({
      OS_AUTH_URL: keystone.authUrl,
      OS_USERNAME: keystone.adminUser,
      OS_PASSWORD: keystone.adminPassword,
      OS_PROJECT_NAME: keystone.adminProject,
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_NAME: 'Default',
      CONFORM_SECOND_USERNAME: member.user,
      CONFORM_SECOND_PASSWORD: member.password,
      CONFORM_SECOND_PROJECT_NAME: member.project,
    });
    const asAdmin = () => ({ 'x-auth-token': adminToken });

    it('finds both endpoints, runs every scenario with real tokens: right verdicts, nothing left behind', async () => {
      const reports = tempDir('itest');
      const cli = await spawnCli(['--discover', '--reports', reports], osEnv());
      console.info(`conform keystone-v3 + neutron-v2.0 (discovered): ${cli.ms} ms`);
      expect(cli.code, cli.stdout + cli.stderr).toBe(1);
      expect(cli.stderr).toContain(`keystone-v3: identity endpoint ${keystone.url} (from the token's service catalog)`);
      expect(cli.stderr).toContain(`neutron-v2.0: network endpoint ${neutron.url} (from the token's service catalog)`);
      const runs = readRuns(reports);
      expect(runs.map((r) => [r.profile, r.target])).toEqual([
        ['keystone-v3', keystone.url],
        ['neutron-v2.0', neutron.url],
      ]);

      const identity = runOf(runs, 'keystone-v3');
      expect(casesIn(identity, 'errored')).toEqual([]);
      expect(casesIn(identity, 'skipped')).toEqual([]);
      expect(findings(identity)).toEqual(KEYSTONE_FINDINGS);
      for (const [scenario, [expected, actual]] of Object.entries(KEYSTONE_STATUS)) {
        expect(caseOf(identity, scenario).checks.find((k) => k.check === 'status')).toMatchObject({ expected, actual });
      }
      // The scenarios real Keystone answers as the table says: a member's write, a duplicate user name,
      // a PATCH of the id, a name too long, a revoked token, a missing role in a grant path.
      for (const scenario of [
        'auth.member-create',
        'user.create.taken',
        'project.update.id',
        'project.create.long-name',
        'auth.revoked-token',
        'grant.missing-role',
      ])
        expect(caseOf(identity, scenario).state, scenario).toBe('passed');
      // The batch create's 400 cannot be told from a missing attribute's: coverage says so.
      expect(identity.coverage.find((f) => f.fault === 'batchNotAllowed')?.undistinguished).toEqual({
        cases: 1,
        from: ['missingAttribute'],
      });
      for (const scenario of ['auth.no-token', 'auth.bad-token', 'token.wrong-password', 'auth.revoked-token']) {
        expect(caseOf(identity, scenario).checks.find((k) => k.check === 'fault-headers')?.state).toBe('passed');
      }
      // No scenario aims at the untriggerable rows;
      // Keystone's 500 on the taken rename is answered in place of a conflict.
      expect(
        identity.coverage.filter((f) => f.untriggerable).map((f) => [f.fault, f.triggered, f.answeredInstead]),
      ).toEqual([
        ['invalidManagementStatus', 0, 0],
        ['internalError', 0, 1],
        ['serviceUnavailable', 0, 0],
      ]);

      const network = runOf(runs, 'neutron-v2.0');
      expect(casesIn(network, 'errored')).toEqual([]);
      expect(casesIn(network, 'skipped')).toEqual([]);
      expect(findings(network)).toEqual(NEUTRON_FINDINGS);
      for (const scenario of ['auth.no-token', 'auth.bad-token']) {
        const c = caseOf(network, scenario);
        expect(c.state).toBe('passed');
        expect(c.checks.find((k) => k.check === 'fault-root')?.message).toBe(
          "401 in the identity service's envelope, as the auth middleware sends it",
        );
      }
      expect(caseOf(network, 'auth.forbidden').state).toBe('passed');
      // {tenant} is the token's project.
      const adminProject = (
        await http(`${keystone.authUrl}/projects?name=${keystone.adminProject}`, { headers: asAdmin() })
      ).json as { projects: Array<{ id: string }> };
      expect(caseOf(network, 'network.update.read-only').exchanges[0].request.body).toContain(
        `"tenant_id":"${adminProject.projects[0].id}"`,
      );

      // Everything created is gone, checked by listing.
      expect(createdNames(identity)).toHaveLength(15);
      expect(createdNames(network)).toHaveLength(14);
      expect(await namedLike(keystone.url, ['/v3/projects', '/v3/users'], identity.runId, asAdmin())).toEqual([]);
      const networking = ['/v2.0/ports', '/v2.0/subnets', '/v2.0/networks', '/v2.0/security-groups'];
      expect(await namedLike(neutron.url, networking, network.runId, asAdmin())).toEqual([]);
      // Behind Keystone the tenant is the token's project, not the run's: nothing is owned by a run id.
      expect(await ownedBy(neutron.url, networking, network.runId, asAdmin())).toEqual([]);

      // No secret in any output.
      const outputs = [
        cli.stdout,
        cli.stderr,
        readFileSync(join(reports, 'results.json'), 'utf8'),
        readFileSync(join(reports, 'junit.xml'), 'utf8'),
      ].join('\n');
      for (const secret of [keystone.adminPassword, member.password, adminToken]) expect(outputs).not.toContain(secret);
      expect(outputs).not.toMatch(/gAAAAA[\w-]{20}/); // no Fernet token at all
      fullRun = reports;
    });

    it('15 findings waived: exit 0, 15 waived; one waiver removed: exit 1, only it named; a stale one', async () => {
      expect(fullRun, 'the full run comes first').toBeDefined();
      const file = join(tempDir('itest-waivers'), 'waivers.yaml');
      const waive = await spawnCli(['waive', '--from', join(fullRun!, 'results.json'), '--out', file]);
      expect(waive.code, waive.stderr).toBe(0);
      const written = parseYaml(readFileSync(file, 'utf8')) as { waivers: Array<{ case: string; reason: string }> };
      expect(written.waivers.map((w) => w.case).sort()).toEqual(
        Object.keys({ ...KEYSTONE_FINDINGS, ...NEUTRON_FINDINGS }).sort(),
      );
      const filled = written.waivers.map((w) => ({ ...w, reason: `a known departure of ${w.case}` }));
      const runWith = async (waivers: object[], strict: boolean) => {
        writeFileSync(file, stringifyYaml({ waivers }));
        const reports = tempDir('itest-waived');
        const args = ['--discover', '--reports', reports, '--waivers', file, ...(strict ? ['--strict-waivers'] : [])];
        return { cli: await spawnCli(args, osEnv()), runs: readRuns(reports) };
      };

      const waived = await runWith(filled, true);
      expect(waived.cli.code, waived.cli.stdout + waived.cli.stderr).toBe(0);
      expect(waived.runs.reduce((n, r) => n + (r.summary.waived ?? 0), 0)).toBe(15);
      expect(waived.runs.flatMap((r) => r.cases.filter((c) => c.state === 'failed'))).toEqual([]);

      // The service fixed (the waiver removed) or a waiver for what now passes: only that one is named.
      const rename = 'project.rename.taken[json]';
      const stale = { profile: 'keystone-v3', case: 'project.show.missing[json]', reason: 'it passes: stale' };
      const partial = await runWith([...filled.filter((w) => w.case !== rename), stale], false);
      expect(partial.cli.code, partial.cli.stdout + partial.cli.stderr).toBe(1);
      const identity = runOf(partial.runs, 'keystone-v3');
      expect(casesIn(identity, 'failed')).toEqual([rename]);
      expect(findings(identity)).toEqual(KEYSTONE_FINDINGS); // the waived ones are still shown
      expect(identity.waivers?.stale.map((w) => w.case)).toEqual([stale.case]);
      const strict = await runWith([...filled, stale], true);
      expect(strict.cli.code, 'a stale waiver fails the run under --strict-waivers').toBe(1);
      expect(strict.runs.flatMap((r) => r.cases.filter((c) => c.state === 'failed'))).toEqual([]);
    }, 420_000); // three discovered runs of both profiles, about 70 s each

    it('with a member token, the scenarios that need an administrator are skipped, never failed', async () => {
      const reports = tempDir('itest');
      const token = (await keystone.issueToken(member)).token;
      const cli = await spawnCli(
        ['--target', keystone.url, '--profile', 'keystone-v3', '--only', 'project.*', '--reports', reports],
        { OS_TOKEN: token },
      );
      // Nothing failed; nothing could be tested either: that is exit 3, said in one line.
      expect(cli.code, cli.stdout + cli.stderr).toBe(3);
      expect(cli.stdout).toMatch(/target could not be tested: every case was skipped/);
      const run = runOf(readRuns(reports), 'keystone-v3');
      expect(run.summary.skipped).toBe(run.summary.total);
      expect(
        run.cases.every((c) => c.reason === "needs an administrator: the main credential's token has no admin role"),
      ).toBe(true);
    });

    it('conform cleanup deletes the projects and users a crashed run left, and nothing else', async () => {
      const prefix = `conform-crashed-${randomBytes(3).toString('hex')}-`;
      for (const [kind, name] of [
        ['project', `${prefix}p`],
        ['user', `${prefix}u`],
        ['project', `keep-${prefix}`],
      ]) {
        expect(
          (await http(`${keystone.authUrl}/${kind}s`, { headers: asAdmin(), body: { [kind]: { name } } })).status,
        ).toBe(201);
      }
      const cleanup = await spawnCli(['cleanup', '--profile', 'keystone-v3', '--prefix', prefix], osEnv());
      expect(cleanup.code, cleanup.stdout + cleanup.stderr).toBe(0);
      expect(cleanup.stdout).toMatch(/keystone-v3 at .*: 2 deleted, 0 not deleted, of 2/);
      expect(await namedLike(keystone.url, ['/v3/projects', '/v3/users'], prefix, asAdmin())).toEqual([]);
      expect(await namedLike(keystone.url, ['/v3/projects'], `keep-${prefix}`, asAdmin())).toHaveLength(1);
    });
  },
);
