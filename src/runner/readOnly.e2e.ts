// --read-only against a target that keeps every request it got: nothing but
// GET and HEAD arrives; the scenarios that would send more are skipped with
// the reason; a selection with nothing to read is a usage error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedded, type EmbeddedTarget } from '../targets/embedded.js';
import { runCliClean } from '../testing/cli.js';
import { readRuns } from '../testing/realRun.js';
import { tempDir } from '../testing/tmp.js';
import { startWatchedFront, type WatchedFront } from '../testing/watchedFront.js';

const PROFILE = 'quantum-v1.0';
let target: EmbeddedTarget;
let front: WatchedFront;

beforeAll(async () => {
  target = (await startEmbedded(PROFILE, 'conform'))!;
  front = await startWatchedFront(target.url);
});
afterAll(async () => {
  await Promise.all([front?.close(), target?.close()]);
});

const args = (reports: string, ...more: string[]) => [
  '--target',
  front.url,
  '--profile',
  PROFILE,
  '--token',
  target.credentials.main,
  '--second-token',
  target.credentials.second,
  '--reports',
  reports,
  '--read-only',
  ...more,
];

describe('--read-only', () => {
  it('sends nothing but GET and HEAD; the scenarios that would are skipped, each with the reason', async () => {
    const reports = tempDir('read-only');
    const cli = await runCliClean(args(reports));
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(front.arrivals.length).toBeGreaterThan(5);
    expect(new Set(front.arrivals.map((a) => a.method))).toEqual(new Set(['GET']));
    const [run] = readRuns(reports);
    const skipped = run.cases.filter((c) => c.state === 'skipped');
    const ran = run.cases.filter((c) => c.state !== 'skipped');
    expect(ran.length).toBeGreaterThan(5);
    expect(ran.every((c) => c.state === 'passed')).toBe(true);
    expect(skipped.length).toBeGreaterThan(10);
    const update = skipped.find((c) => c.scenario === 'network.update.missing');
    expect(update?.reason).toMatch(/^--read-only: the probe is a PUT \(network\.update\), which may create, change/);
    const inUse = skipped.find((c) => c.scenario === 'network.delete.in-use');
    expect(inUse?.reason).toMatch(/^--read-only: setup step 'network' is a POST \(network\.create\)/);
  });

  it('a selection with no scenario that only reads: exit 2, said in one line, nothing sent', async () => {
    const before = front.arrivals.length;
    const cli = await runCliClean(args(tempDir('read-only'), '--only', 'network.update.*', 'network.delete.*'));
    expect(cli.code, cli.stdout + cli.stderr).toBe(2);
    expect(cli.stderr).toMatch(/--read-only plans no case: every scenario selected of quantum-v1\.0 sends a request/);
    expect(front.arrivals.length).toBe(before);
  });
});
