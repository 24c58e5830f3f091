// neutron-v2.0 against real Neutron (Debian's Zed packages, auth_strategy =
// noauth): every scenario runs, the verdicts are the right ones, what conform
// creates is gone afterwards, and `conform cleanup` removes a crashed run's
// leftovers and nothing else.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openstackAvailable } from '../openstack/available.js';
import { http } from '../openstack/http.js';
import { startNeutron, type RunningNeutron } from '../openstack/neutron.js';
import { spawnCli } from '../testing/cli.js';
import { caseOf, casesIn, createdNames, findings, namedLike, ownedBy, readRuns, runOf } from '../testing/realRun.js';
import { tempDir } from '../testing/tmp.js';

const availability = openstackAvailable();
const suite = availability.ok ? describe : describe.skip;
const NEUTRON_COLLECTIONS = ['/v2.0/ports', '/v2.0/subnets', '/v2.0/networks'];
const EVERYTHING = [...NEUTRON_COLLECTIONS, '/v2.0/security-groups'];
const TENANT = 'conform-itest-tenant';

/**
 * Where real Neutron (Zed) departs from the status table, and only there:
 * PUT on a collection (networks, subnets, ports) is routed to "update <kind>
 * None" and answers 404 NetworkNotFound / SubnetNotFound / PortNotFound
 * instead of 405.
 */
const NEUTRON_FINDINGS = {
  'method.put-networks[json]': ['status'],
  'method.put-subnets[json]': ['status'],
  'method.put-ports[json]': ['status'],
};

suite(
  availability.ok
    ? 'neutron-v2.0 against real Neutron (noauth)'
    : `neutron-v2.0 against real Neutron (skipped: ${availability.reason})`,
  () => {
    let neutron: RunningNeutron;
    /** The reports of the full run, for the waivers written from its findings. */
    let fullRun: string | undefined;

    beforeAll(async () => {
      neutron = await startNeutron({ auth: 'noauth' });
      console.info(`neutron: setup ${neutron.setupMs} ms, ready ${neutron.readyMs} ms after start`);
    });
    afterAll(async () => {
      await neutron?.stop();
    });
    beforeEach(({ onTestFailed }) =>
      onTestFailed(() => console.error(`--- neutron log (tail) ---\n${neutron?.logTail(40)}`)),
    );

    it('runs every scenario in a tenant of its own: right verdicts, the 3 findings, nothing left behind', async () => {
      const reports = tempDir('itest');
      // No --tenant, no credential: noauth Neutron lets conform choose the tenant, so it is the run's own.
      const cli = await spawnCli(['--target', neutron.url, '--profile', 'neutron-v2.0', '--reports', reports]);
      console.info(`conform neutron-v2.0 (noauth): ${cli.ms} ms`);
      expect(cli.code, cli.stdout + cli.stderr).toBe(1);
      const run = runOf(readRuns(reports), 'neutron-v2.0');

      expect(casesIn(run, 'errored')).toEqual([]);
      // Without an auth system in the pipeline, the 401/403 scenarios cannot run: skipped, with the reason.
      expect(casesIn(run, 'skipped').sort()).toEqual([
        'auth.bad-token[json]',
        'auth.forbidden[json]',
        'auth.no-token[json]',
      ]);
      expect(
        run.cases.filter((c) => c.state === 'skipped').every((c) => /needs authentication/.test(c.reason ?? '')),
      ).toBe(true);
      expect(findings(run)).toEqual(NEUTRON_FINDINGS);
      for (const kind of ['networks', 'subnets', 'ports']) {
        const put = caseOf(run, `method.put-${kind}`).checks.find((k) => k.check === 'status');
        expect(put).toMatchObject({ expected: '405 (methodNotAllowed)', actual: '404' });
      }
      expect(run.summary).toMatchObject({ total: 39, passed: 33, failed: 3, errored: 0, skipped: 3 });
      // The wrong methods on items, the body without its key, the subnet without a cidr or in use,
      // the MAC address in use and a text/csv Accept all get what the table says.
      for (const scenario of [
        'method.patch-network',
        'method.patch-subnet',
        'method.patch-port',
        'method.post-network',
        'method.patch-subnets',
        'method.patch-ports',
        'network.create.no-resource-key',
        'subnet.create.no-cidr',
        'subnet.delete.in-use',
        'port.create.mac-taken',
        'accept.csv',
      ])
        expect(caseOf(run, scenario).state, scenario).toBe('passed');

      // The documented details the brief gives are checked, not just the status.
      expect(caseOf(run, 'network.delete.in-use').checks.find((k) => k.check === 'fault-type')?.state).toBe('passed');
      expect(caseOf(run, 'accept.xml').checks.find((k) => k.check === 'content-type')?.message).toMatch(
        /asked for application\/xml/,
      );
      // Every setup and cleanup call got its documented success code (POST 201, DELETE 204):
      // 14 creations, each undone: in-use: network + port; read-only, show, rename, no-cidr: a network each;
      // ip-taken and subnet in use: network, subnet, port; mac-taken: network, port.
      const stepChecks = run.cases.flatMap((c) => c.checks.filter((k) => k.check === 'success-status'));
      expect(stepChecks).toHaveLength(28);
      expect(stepChecks.filter((k) => k.state !== 'passed')).toEqual([]);
      expect(
        run.cases
          .flatMap((c) => c.exchanges)
          .filter((e) => e.role === 'cleanup')
          .map((e) => e.response?.status),
      ).not.toContain(undefined);

      // Every resource conform created is gone, checked by listing.
      expect(createdNames(run)).toHaveLength(14);
      // GET and PUT answer their documented 200.
      expect(['network.show.existing', 'network.update.rename'].map((s) => caseOf(run, s).state)).toEqual([
        'passed',
        'passed',
      ]);
      expect(createdNames(run).every((n) => n.startsWith(run.runId))).toBe(true);
      expect(await namedLike(neutron.url, EVERYTHING, run.runId)).toEqual([]);
      // The tenant was the run's own; the default security group Neutron made for it is deleted, and said so.
      expect(caseOf(run, 'network.show.existing').exchanges[0].request.body).toContain(`"tenant_id":"${run.runId}"`);
      expect(cli.stderr + cli.stdout).toMatch(
        new RegExp(`\\{tenant\\} was the run's own, ${run.runId}; .* is deleted: security_group default \\(`),
      );
      expect(await ownedBy(neutron.url, EVERYTHING, run.runId)).toEqual([]);
      fullRun = reports;
    });

    it('the 3 findings waived (conform waive, reasons filled in): exit 0 with 3 waived, none stale', async () => {
      expect(fullRun, 'the full run comes first').toBeDefined();
      const file = `${tempDir('itest-waivers')}/waivers.yaml`;
      const waive = await spawnCli(['waive', '--from', `${fullRun}/results.json`, '--out', file]);
      expect(waive.code, waive.stderr).toBe(0);
      const written = readFileSync(file, 'utf8');
      expect(written).toMatch(/case: method\.put-networks\[json\]\n {4}checks: \[status\]/);
      writeFileSync(
        file,
        written.replace(/reason: .*/g, 'reason: PUT on the collection is routed to update <kind> None'),
      );
      const reports = tempDir('itest-waived');
      const args = ['--target', neutron.url, '--profile', 'neutron-v2.0', '--reports', reports];
      const cli = await spawnCli([...args, '--waivers', file, '--strict-waivers']);
      expect(cli.code, cli.stdout + cli.stderr).toBe(0);
      const run = runOf(readRuns(reports), 'neutron-v2.0');
      expect(run.summary).toMatchObject({ total: 39, passed: 33, failed: 0, waived: 3, skipped: 3 });
      expect(run.waivers).toMatchObject({ stale: [], expired: [] });
      expect(cli.stdout).toMatch(/36 required: 33 passed, 3 waived, 0 failed, 0 errored, 3 skipped/);
      expect(await ownedBy(neutron.url, EVERYTHING, run.runId)).toEqual([]);
    });

    it('conform cleanup deletes what a crashed run left (port, subnet, network) and nothing else', async () => {
      const prefix = `conform-crashed-${randomBytes(3).toString('hex')}-`;
      const create = async (kind: string, body: Record<string, unknown>) => {
        const answer = await http(`${neutron.url}/v2.0/${kind}s`, { body: { [kind]: { tenant_id: TENANT, ...body } } });
        expect(answer.status).toBe(201);
        return (answer.json as Record<string, { id: string }>)[kind].id;
      };
      const network = await create('network', { name: `${prefix}net` });
      const subnet = await create('subnet', {
        name: `${prefix}subnet`,
        network_id: network,
        ip_version: 4,
        cidr: '198.51.100.0/24',
      });
      await create('port', {
        name: `${prefix}port`,
        network_id: network,
        fixed_ips: [{ subnet_id: subnet }],
        device_owner: 'compute:nova',
        device_id: 'crashed',
      });
      const keep = await create('network', { name: `keep-${prefix}` });

      const dry = await spawnCli([
        'cleanup',
        '--target',
        neutron.url,
        '--profile',
        'neutron-v2.0',
        '--prefix',
        prefix,
        '--dry-run',
      ]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toMatch(/3 leftover\(s\) named/);
      expect(await namedLike(neutron.url, NEUTRON_COLLECTIONS, prefix)).toHaveLength(3);

      const cleanup = await spawnCli([
        'cleanup',
        '--target',
        neutron.url,
        '--profile',
        'neutron-v2.0',
        '--prefix',
        prefix,
      ]);
      expect(cleanup.code, cleanup.stdout + cleanup.stderr).toBe(0);
      expect(cleanup.stdout.split('\n').filter((l) => l.includes(': deleted '))).toHaveLength(3);
      expect(cleanup.stdout).toMatch(/3 deleted, 0 not deleted, of 3/);
      expect(await namedLike(neutron.url, NEUTRON_COLLECTIONS, prefix)).toEqual([]);
      expect(await namedLike(neutron.url, ['/v2.0/networks'], `keep-${prefix}`)).toHaveLength(1);
      expect((await http(`${neutron.url}/v2.0/networks/${keep}`, { method: 'DELETE' })).status).toBe(204);
      // The default security group Neutron made for this test's tenant goes too.
      const groups = (await http(`${neutron.url}/v2.0/security-groups?tenant_id=${TENANT}`)).json as {
        security_groups: Array<{ id: string }>;
      };
      for (const g of groups.security_groups)
        expect((await http(`${neutron.url}/v2.0/security-groups/${g.id}`, { method: 'DELETE' })).status).toBe(204);
      expect(await ownedBy(neutron.url, EVERYTHING, TENANT)).toEqual([]);
    });
  },
);
