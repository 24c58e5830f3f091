// `conform cleanup` against the embedded reference targets of every profile:
// what two runs left behind (and something of nobody's), then a cleanup of one
// run id — only that run's resources are gone, read back by listing; what lives
// inside them (a Quantum network's ports, their attachments) goes with them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedTarget } from '../targets/embedded.js';
import { runCliClean as runCli } from '../testing/cli.js';
import { tempDir } from '../testing/tmp.js';
import { newRunId } from '../core/runId.js';

const TENANT = 'conform';

/** A JSON call to the target with the main token. */
async function call<T = Record<string, Record<string, string>>>(
  t: EmbeddedTarget,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      'x-auth-token': t.credentials.main,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The names in a list answer: `{"users": [{"name": …}]}`. */
const names = async (t: EmbeddedTarget, path: string, key: string): Promise<string[]> =>
  (await call<Record<string, { name: string }[]>>(t, 'GET', path))[key].map((x) => x.name);

interface Fixture {
  profile: string;
  /** Creates what a crashed run named `prefix…` would have left. */
  leave(t: EmbeddedTarget, prefix: string): Promise<void>;
  /** What is there now, one line per resource, named by what conform named. */
  present(t: EmbeddedTarget): Promise<string[]>;
}

const Q = `/v1.0/tenants/${TENANT}/networks`;

const quantum: Fixture = {
  profile: 'quantum-v1.0',
  async leave(t, prefix) {
    const network = async (name: string) => (await call(t, 'POST', Q, { network: { name } })).network.id as string;
    const port = async (net: string) =>
      (await call(t, 'POST', `${Q}/${net}/ports`, { port: { state: 'ACTIVE' } })).port.id as string;
    // A network with two ports, one with an attachment plugged (network.delete.in-use, left as it was).
    const inUse = await network(`${prefix}network.delete.in-use-json`);
    const plugged = await port(inUse);
    await port(inUse);
    await call(t, 'PUT', `${Q}/${inUse}/ports/${plugged}/attachment`, {
      attachment: { id: `${prefix}network.delete.in-use-json-vif` },
    });
    // A renamed one (network.update.valid) and one alone.
    await network(`${prefix}network.update.valid-xml-renamed`);
    await network(`${prefix}port.show.missing-json`);
  },
  async present(t) {
    const lines: string[] = [];
    type Ids = Record<string, { id: string }[]>;
    for (const { id } of (await call<Ids>(t, 'GET', Q)).networks) {
      const { name } = (await call(t, 'GET', `${Q}/${id}`)).network;
      lines.push(`network ${name}`);
      for (const p of (await call<Ids>(t, 'GET', `${Q}/${id}/ports`)).ports) {
        const attachment = (await call(t, 'GET', `${Q}/${id}/ports/${p.id}/attachment`)).attachment.id;
        lines.push(`port in ${name}${attachment ? ` with ${attachment}` : ''}`);
      }
    }
    return lines.sort();
  },
};

const keystoneV2: Fixture = {
  profile: 'keystone-v2.0',
  async leave(t, prefix) {
    const tenant = await call(t, 'POST', '/v2.0/tenants', { tenant: { name: `${prefix}tenant-json`, enabled: true } });
    await call(t, 'POST', '/v2.0/tenants', { tenant: { name: `${prefix}tenant-2-xml`, enabled: true } });
    await call(t, 'POST', '/v2.0/users', {
      user: {
        name: `${prefix}user-json`,
        email: `${prefix}@example.invalid`,
        tenantId: tenant.tenant.id,
        enabled: true,
      },
    });
  },
  async present(t) {
    const tenants = (await names(t, '/v2.0/tenants', 'tenants')).map((n) => `tenant ${n}`);
    const users = (await names(t, '/v2.0/users', 'users')).map((n) => `user ${n}`);
    return [...tenants, ...users].sort();
  },
};

let cidr = 0;
const neutron: Fixture = {
  profile: 'neutron-v2.0',
  async leave(t, prefix) {
    const network = (await call(t, 'POST', '/v2.0/networks', { network: { name: `${prefix}net-json` } })).network.id;
    const subnet = await call(t, 'POST', '/v2.0/subnets', {
      subnet: { name: `${prefix}subnet-json`, network_id: network, ip_version: 4, cidr: `198.51.${cidr++}.0/24` },
    });
    await call(t, 'POST', '/v2.0/ports', {
      port: { name: `${prefix}port-json`, network_id: network, fixed_ips: [{ subnet_id: subnet.subnet.id }] },
    });
  },
  async present(t) {
    const lines: string[] = [];
    for (const kind of ['network', 'subnet', 'port'])
      for (const n of await names(t, `/v2.0/${kind}s`, `${kind}s`)) lines.push(`${kind} ${n}`);
    return lines.sort();
  },
};

const keystoneV3: Fixture = {
  profile: 'keystone-v3',
  async leave(t, prefix) {
    await call(t, 'POST', '/v3/projects', { project: { name: `${prefix}project-json` } });
    await call(t, 'POST', '/v3/users', { user: { name: `${prefix}user-json` } });
  },
  async present(t) {
    const projects = (await names(t, '/v3/projects', 'projects')).map((n) => `project ${n}`);
    const users = (await names(t, '/v3/users', 'users')).map((n) => `user ${n}`);
    return [...projects, ...users].sort();
  },
};

const RUN_A = 'conform-20261121t210501-aaaa';
const RUN_B = 'conform-20261121t210501-bbbb';

describe.each([quantum, keystoneV2, neutron, keystoneV3])('conform cleanup of $profile', (fixture) => {
  let t: EmbeddedTarget;
  let before: string[];
  beforeAll(async () => {
    t = (await startEmbedded(fixture.profile, TENANT))!;
    before = await fixture.present(t);
    await fixture.leave(t, `${RUN_A}-`);
    await fixture.leave(t, `${RUN_B}-`);
    // Nobody's, and names that hold the run id without starting with it: not the run's either.
    await fixture.leave(t, 'keep-');
    await fixture.leave(t, `x-${RUN_A}-`);
  });
  afterAll(() => t?.close());

  const cleanup = (...args: string[]) =>
    runCli(['cleanup', '--target', t.url, '--profile', fixture.profile, '--token', t.credentials.main, ...args]);
  const mentions = (lines: string[], s: string) => lines.filter((l) => l.includes(s));

  it('--dry-run --run-id lists what that run left, deletes nothing', async () => {
    const all = await fixture.present(t);
    const dry = await cleanup('--run-id', RUN_A, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`\\d+ leftover\\(s\\) named '${RUN_A}-…' \\(dry run: nothing deleted\\)`));
    expect(dry.stdout).not.toContain(RUN_B);
    expect(dry.stdout).not.toMatch(/keep-/);
    expect(await fixture.present(t)).toEqual(all);
  });

  it('--run-id deletes what that run created, and only that', async () => {
    const all = await fixture.present(t);
    const run = await cleanup('--run-id', RUN_A);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/: (\d+) deleted, 0 not deleted, of \1 named/);
    const after = await fixture.present(t);
    const ofA = all.filter((l) => l.includes(`${RUN_A}-`) && !l.includes(`x-${RUN_A}-`));
    expect(ofA.length).toBeGreaterThan(0);
    expect(after).toEqual(all.filter((l) => !ofA.includes(l)));
    expect(mentions(after, RUN_B)).toEqual(mentions(all, RUN_B));
    expect(mentions(after, 'keep-')).toEqual(mentions(all, 'keep-'));
  });

  it('--prefix conform- is the explicit choice of every run: then B goes too, the others stay', async () => {
    const run = await cleanup('--prefix', 'conform-');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const after = await fixture.present(t);
    expect(mentions(after, 'conform-2026').filter((l) => !l.includes('x-conform-'))).toEqual([]);
    expect(after.filter((l) => !before.includes(l)).every((l) => /keep-|x-conform-/.test(l))).toBe(true);
    expect(mentions(after, 'keep-').length).toBeGreaterThan(0);
  });
});

describe('conform cleanup --from results.json', () => {
  let t: EmbeddedTarget;
  beforeAll(async () => {
    t = (await startEmbedded('quantum-v1.0', TENANT))!;
  });
  afterAll(() => t?.close());

  it('reads the run ids of a results.json a run wrote', async () => {
    const reports = tempDir('cleanup-from');
    const token = ['--token', t.credentials.main];
    const run = await runCli(['--target', t.url, ...token, '--only', 'network.show.missing', '--reports', reports]);
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(reports, 'results.json');
    const runId = JSON.parse(fs.readFileSync(file, 'utf8')).runs[0].runId as string;
    // What that run would have left had it crashed, and what another run left.
    await quantum.leave(t, `${runId}-`);
    const other = newRunId();
    await quantum.leave(t, `${other}-`);
    const cleanup = await runCli(['cleanup', '--target', t.url, '--profile', 'quantum-v1.0', ...token, '--from', file]);
    expect(cleanup.code, cleanup.stdout + cleanup.stderr).toBe(0);
    // An attachment, the two ports of its network, three networks.
    expect(cleanup.stdout).toMatch(new RegExp(`: 6 deleted, 0 not deleted, of 6 named '${runId}-…'`));
    const after = await quantum.present(t);
    expect(mentions(after, runId)).toEqual([]);
    // Three networks, two ports (one with its attachment): all still there.
    expect(mentions(after, other)).toHaveLength(5);
  });

  const mentions = (lines: string[], s: string) => lines.filter((l) => l.includes(s));
});

describe('conform cleanup: what to delete must be said', () => {
  const base = ['cleanup', '--target', 'http://127.0.0.1:9', '--profile', 'quantum-v1.0'];

  it('without --run-id, --from or --prefix: a usage error saying how to give one', async () => {
    const run = await runCli(base);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'conform: cleanup deletes what one run created: give --run-id ID (runs[].runId in its results.json) ' +
        "or --from reports/results.json; --prefix conform- deletes what any run left behind, a concurrent run's too\n",
    );
  });

  it('a run id that is not one, a prefix with a run id, a results.json that is not one: usage errors', async () => {
    for (const [args, message] of [
      [['--run-id', 'conform-'], /^conform: 'conform-' is not a run id \(conform-20261121t210501-3fa2/],
      [['--run-id', RUN_A, '--prefix', 'conform-'], /--prefix and --run-id \/ --from exclude each other/],
      [['--prefix', 'co'], /--prefix 'co' is too short/],
      [
        ['--from', path.join(tempDir('cleanup-from'), 'nothing.json')],
        /--from .*nothing\.json: cannot read it as JSON \(ENOENT\)/,
      ],
    ] as const) {
      const run = await runCli([...base, ...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const file = path.join(tempDir('cleanup-from'), 'results.json');
    fs.writeFileSync(file, '{"format":"conform-results/1","runs":[]}');
    const empty = await runCli([...base, '--from', file]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/names no run: a results\.json of conform has runs\[\]\.runId/);
  });

  it('a profile no service catalog lists needs --target', async () => {
    const run = await runCli(['cleanup', '--profile', 'quantum-v1.0', '--run-id', RUN_A]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/quantum-v1\.0 cannot be found in a token's service catalog .*--target URL/);
  });

  it('--target ending in the version of the profile is used without it, as for a run', async () => {
    const run = await runCli([
      'cleanup',
      '--target',
      'http://127.0.0.1:9/v2.0',
      '--profile',
      'keystone-v2.0',
      '--run-id',
      RUN_A,
    ]);
    expect(run.stderr).toMatch(
      /^conform: note: --target http:\/\/127\.0\.0\.1:9\/v2\.0 ends in \/v2\.0, .*using http:\/\/127\.0\.0\.1:9$/m,
    );
    expect(run.code).toBe(3);
  });
});
