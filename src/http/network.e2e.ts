// How conform's requests travel, seen from the target and from a proxy: TLS
// with a private CA (refused, trusted by --os-cacert or clouds.yaml's cacert,
// or unchecked by --insecure), the proxy variables, and --rate.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedTarget } from '../targets/embedded.js';
import { runCli } from '../testing/cli.js';
import { blankAuthEnv, withEnv } from '../testing/env.js';
import { startForwardProxy, type ForwardProxy } from '../testing/forwardProxy.js';
import { makeTestCa, type TestCa } from '../testing/testCa.js';
import { tempDir } from '../testing/tmp.js';
import { busiestSecond, startWatchedFront, type WatchedFront } from '../testing/watchedFront.js';
import { readRuns } from '../testing/realRun.js';

const PROFILE = 'quantum-v1.0';
const ONLY = ['--only', 'network.*'];
/** The proxy variables of the shell running the tests, blanked: only what a test sets counts. */
const NO_PROXY_VARS = Object.fromEntries(
  ['http_proxy', 'https_proxy', 'no_proxy'].flatMap((v) => [v, v.toUpperCase()]).map((v) => [v, '']),
);

let target: EmbeddedTarget;
let ca: TestCa;
let secure: WatchedFront;
let plain: WatchedFront;
let proxy: ForwardProxy;

beforeAll(async () => {
  ca = makeTestCa();
  target = (await startEmbedded(PROFILE, 'conform'))!;
  secure = await startWatchedFront(target.url, { key: ca.key, cert: ca.cert });
  plain = await startWatchedFront(target.url);
  proxy = await startForwardProxy();
});
afterAll(async () => {
  await Promise.all([secure?.close(), plain?.close(), proxy?.close(), target?.close()]);
});

const cloudsFile = (dir: string) => ({ OS_CLIENT_CONFIG_FILE: join(dir, 'clouds.yaml') });

const conform = async (url: string, extra: string[] = [], env: Record<string, string> = {}) => {
  const reports = tempDir('network');
  const args = ['--target', url, '--profile', PROFILE, ...ONLY, '--token', target.credentials.main];
  const all = [...args, '--second-token', target.credentials.second, '--reports', reports, ...extra];
  // In this process: the proxy variables are read when the run's clients are made.
  const cli = await withEnv({ ...blankAuthEnv(), ...NO_PROXY_VARS, ...env }, () => runCli(all));
  return { ...cli, reports };
};

describe('a target with a certificate of a private CA', () => {
  it('is refused without the CA: exit 3, one line naming the certificate problem', async () => {
    const cli = await conform(secure.url);
    expect(cli.code, cli.stdout + cli.stderr).toBe(3);
    const reason = cli.stdout.split('\n').filter((l) => /TLS certificate not trusted/.test(l));
    expect(reason).toHaveLength(1);
    expect(reason[0]).toMatch(/unable to verify the first certificate \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    expect(reason[0]).toMatch(/--os-cacert FILE/);
  });

  it('is trusted with --os-cacert, OS_CACERT and the cacert of the cloud in clouds.yaml', async () => {
    const flag = await conform(secure.url, ['--os-cacert', ca.caFile]);
    expect(flag.code, flag.stdout + flag.stderr).toBe(0);
    const variable = await conform(secure.url, [], { OS_CACERT: ca.caFile });
    expect(variable.code, variable.stdout + variable.stderr).toBe(0);
    const dir = tempDir('clouds');
    writeFileSync(join(dir, 'ca.pem'), ca.caPem);
    writeFileSync(join(dir, 'clouds.yaml'), `clouds:\n  staging:\n    cacert: ${join(dir, 'ca.pem')}\n`);
    const cloud = await conform(secure.url, ['--os-cloud', 'staging'], cloudsFile(dir));
    expect(cloud.code, cloud.stdout + cloud.stderr).toBe(0);
    expect(readRuns(cloud.reports)[0].summary.failed).toBe(0);
    for (const cli of [flag, variable, cloud]) expect(cli.stderr).not.toMatch(/not verified/);
  });

  it('is accepted with --insecure (and verify: false), said once on stderr', async () => {
    const cli = await conform(secure.url, ['--insecure']);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stderr.match(/TLS certificates are not verified \(--insecure\)/g)).toHaveLength(1);
    const dir = tempDir('clouds');
    writeFileSync(join(dir, 'clouds.yaml'), 'clouds:\n  staging:\n    verify: false\n');
    const cloud = await conform(secure.url, ['--os-cloud', 'staging'], cloudsFile(dir));
    expect(cloud.code, cloud.stdout + cloud.stderr).toBe(0);
    expect(cloud.stderr.match(/TLS certificates are not verified \(verify: false in cloud 'staging'/g)).toHaveLength(1);
  });
});

describe('the proxy variables', () => {
  it('HTTP_PROXY: every request goes through the proxy; NO_PROXY: none does', async () => {
    const before = plain.arrivals.length;
    const via = await conform(plain.url, [], { HTTP_PROXY: proxy.url });
    expect(via.code, via.stdout + via.stderr).toBe(0);
    const sent = plain.arrivals.length - before;
    expect(sent).toBeGreaterThan(5);
    expect(proxy.relayed.filter((r) => r.includes(plain.url))).toHaveLength(sent);

    const relayed = proxy.relayed.length;
    const direct = await conform(plain.url, [], { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(direct.code, direct.stdout + direct.stderr).toBe(0);
    expect(proxy.relayed.length).toBe(relayed);
  });

  it('HTTPS_PROXY: an https target is reached through a CONNECT tunnel, the CA still checked', async () => {
    const before = proxy.relayed.length;
    const cli = await conform(secure.url, ['--os-cacert', ca.caFile], { HTTPS_PROXY: proxy.url });
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    const tunnels = proxy.relayed.slice(before);
    expect(tunnels.length).toBeGreaterThan(0);
    expect(tunnels.every((t) => t === `CONNECT ${new URL(secure.url).host}`)).toBe(true);
  });
});

describe('--rate', () => {
  it('--rate 20: R requests take at least R/20 s, and no second sees more than 20', async () => {
    const from = plain.arrivals.length;
    const cli = await conform(plain.url, ['--rate', '20', '--concurrency', '8']);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    const arrivals = plain.arrivals.slice(from);
    const spanMs = arrivals[arrivals.length - 1].at - arrivals[0].at;
    expect(arrivals.length).toBeGreaterThan(20);
    // R requests are R-1 gaps of at least 50 ms.
    expect(spanMs).toBeGreaterThanOrEqual(((arrivals.length - 1) / 20) * 1000 - 5);
    expect(busiestSecond(arrivals)).toBeLessThanOrEqual(20);
  });
});
