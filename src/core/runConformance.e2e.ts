// The core entry point, as the CLI and the tests call it: notes are data in
// the results, reporters hear the run in order, report files only when asked.
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunSettings } from '../model/settings.js';
import type { Reporter } from '../report/reporter.js';
import { blankAuthEnv, withEnv } from '../testing/env.js';
import { expectValidResults } from '../testing/results.js';
import { tempDir } from '../testing/tmp.js';
import { planConformance } from './plan.js';
import { runConformance } from './runConformance.js';

const settings = (over: Partial<RunSettings> = {}): RunSettings => ({
  discover: false,
  concurrency: 4,
  timeoutMs: 5_000,
  selection: { only: ['network.show.missing'] },
  assume: [],
  auth: { main: {}, second: {} },
  ...over,
});

const servers: http.Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function redirecting(): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(301, { location: 'https://elsewhere.example/v2.0/' });
    res.end();
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
}

/** A reporter that writes down what it hears, in order. */
function recorder(): { heard: string[]; reporter: Reporter } {
  const heard: string[] = [];
  return {
    heard,
    reporter: {
      onNote: (n) => heard.push(`note ${n.topic}`),
      onCaseEnd: (c) => heard.push(`case ${c.id} ${c.state}`),
      onRunEnd: (r) => heard.push(`run ${r.profile}`),
      onEnd: (runs) => heard.push(`end ${runs.length}`),
    },
  };
}

describe('runConformance', () => {
  it('runs the embedded reference target; reporters hear notes, cases, each run, then the end', async () => {
    const { heard, reporter } = recorder();
    const result = await withEnv({ ...blankAuthEnv(), OS_TOKEN: 'a-token-from-an-openrc' }, () =>
      runConformance(settings(), { reporters: [reporter] }),
    );
    expect(result.reportFiles).toBeUndefined();
    const [run] = result.runs;
    expect(run.embeddedTarget).toBe(true);
    expect(run.summary).toMatchObject({ total: 2, passed: 2 });
    expect(heard).toEqual([
      'note credentials',
      expect.stringMatching(/^case network\.show\.missing\[(json|xml)\] passed$/),
      expect.stringMatching(/^case network\.show\.missing\[(json|xml)\] passed$/),
      'run quantum-v1.0',
      'end 1',
    ]);
    // The note is data in the result, and holds no secret.
    expect(run.notes).toEqual([
      { topic: 'credentials', level: 'note', message: expect.stringMatching(/were not used: .*give --target URL$/) },
    ]);
    expect(JSON.stringify(run)).not.toContain('a-token-from-an-openrc');
  });

  it('records a root that redirects as a note of the run, and in results.json', async () => {
    const reports = tempDir('core-notes');
    const target = await redirecting();
    const result = await withEnv(blankAuthEnv(), () => runConformance(settings({ target, reportsDir: reports })));
    expect(result.reportFiles).toEqual([path.join(reports, 'results.json'), path.join(reports, 'junit.xml')]);
    expectValidResults(reports);
    const written = JSON.parse(fs.readFileSync(path.join(reports, 'results.json'), 'utf8'));
    expect(written.runs[0].notes).toEqual([
      {
        topic: 'target',
        level: 'note',
        message: expect.stringMatching(/redirects to https:\/\/elsewhere\.example\/v2\.0\/ \(301\); conform does not/),
      },
    ]);
  });

  it('a profile the selection leaves empty is left out, and every run says so', async () => {
    const result = await withEnv(blankAuthEnv(), () =>
      runConformance(settings({ profiles: ['quantum-v1.0', 'keystone-v2.0'] })),
    );
    expect(result.runs.map((r) => r.profile)).toEqual(['quantum-v1.0']);
    expect(result.runs[0].notes).toEqual([
      {
        topic: 'selection',
        level: 'note',
        message: expect.stringMatching(/^no scenario of keystone-v2\.0 matches --only .*: keystone-v2\.0 is left out$/),
      },
    ]);
  });

  it('an untestable target is one result whose cases say why, found before any case started', async () => {
    const result = await withEnv(blankAuthEnv(), () => runConformance(settings({ target: 'http://127.0.0.1:9' })));
    const [run] = result.runs;
    expect(run).toMatchObject({ preflightFailed: true, targetError: 'connection refused by 127.0.0.1:9' });
    expect(run.cases.map((c) => [c.state, c.reason])).toEqual([
      ['errored', 'connection refused by 127.0.0.1:9'],
      ['errored', 'connection refused by 127.0.0.1:9'],
    ]);
  });

  it('the dry run is the same placement as data: where each profile goes and its cases, nothing sent', () => {
    const plan = planConformance(settings({ target: 'http://127.0.0.1:9', profiles: ['quantum-v1.0'] }));
    expect(plan.notes).toEqual([]);
    expect(plan.profiles.map((p) => [p.profile.catalog.profile, p.where, p.cases.length])).toEqual([
      ['quantum-v1.0', 'http://127.0.0.1:9', 2],
    ]);
  });
});
