import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../http/client.js';
import { Secrets } from '../http/secrets.js';
import { loadProfile } from '../profiles/load.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import { serveReference, type ReferenceApp, type RunningTarget } from '../targets/common/server.js';
import { findMutation } from '../targets/mutations.js';
import type { FaultDoc, TargetRequest } from '../targets/common/types.js';
import { runAgainstReference } from '../testing/reference.js';
import { runSuite } from './run.js';
import { joinUrl } from './buildRequest.js';

const profile = loadProfile('quantum-v1.0');
const only = (...ids: string[]) => ({ selection: { only: ids } });
const open: RunningTarget[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function serve(app: ReferenceApp): Promise<RunningTarget> {
  const t = await serveReference(app);
  open.push(t);
  return t;
}

async function run(target: string, ids: string[], timeoutMs = 2_000) {
  const client = new HttpClient({ timeoutMs });
  try {
    return await runSuite(
      { client, profile, target, tenant: 't1', runId: 'conform-test', credentials: {}, secrets: new Secrets() },
      { concurrency: 4, embeddedTarget: false, ...only(...ids) },
    );
  } finally {
    await client.close();
  }
}

async function networksLeft(target: string): Promise<unknown[]> {
  const res = await fetch(`${target}/v1.0/tenants/t1/networks`, { headers: { accept: 'application/json' } });
  return ((await res.json()) as { networks: unknown[] }).networks;
}

describe('runner', () => {
  it('sends setup in order, the probe, then every cleanup in reverse; nothing is left behind', async () => {
    const t = await serve(new QuantumApp());
    const result = await run(t.url, ['network.delete.in-use']);
    const [json] = result.cases;
    expect(json.state).toBe('passed');
    expect(json.exchanges.map((e) => e.step)).toEqual([
      'network',
      'port',
      'plug',
      'probe',
      'cleanup:plug',
      'cleanup:port',
      'cleanup:network',
    ]);
    expect(json.checks.filter((c) => c.check === 'success-status').every((c) => c.state === 'passed')).toBe(true);
    expect(await networksLeft(t.url)).toEqual([]);
  });

  it('cleans up when the probe fails, and undoes a probe that wrongly succeeded', async () => {
    const t = await serveReference(new QuantumApp({ flags: new Set(['accept-any-state']) }));
    open.push(t);
    const result = await run(t.url, ['port.create.invalid-state']);
    expect(result.cases.map((c) => c.state)).toEqual(['failed', 'failed']);
    // JSON and XML alike: the id is read from either answer.
    for (const c of result.cases)
      expect(c.exchanges.map((e) => e.step)).toEqual(['network', 'probe', 'cleanup:probe', 'cleanup:network']);
    expect(await networksLeft(t.url)).toEqual([]);
  });

  it('cleans up when the probe errors (no answer within the timeout), and reports the case as errored', async () => {
    const quantum = new QuantumApp();
    let hung = false;
    const hanging: ReferenceApp = {
      namespace: quantum.namespace,
      faultDoc: (r, f) => quantum.faultDoc(r, f),
      handle: (req: TargetRequest) => {
        if (req.method === 'PUT' && req.path.endsWith('/attachment') && !hung && req.body.includes('other')) {
          hung = true;
          return new Promise(() => {});
        }
        return quantum.handle(req);
      },
    };
    const t = await serve(hanging);
    const result = await run(t.url, ['attachment.plug.port-in-use'], 300);
    const errored = result.cases.find((c) => c.state === 'errored')!;
    expect(errored.reason).toMatch(/^probe: no answer from 127\.0\.0\.1:\d+ within 300 ms/);
    expect(errored.exchanges.map((e) => e.step).slice(-3)).toEqual(['cleanup:plug', 'cleanup:port', 'cleanup:network']);
    expect(await networksLeft(t.url)).toEqual([]);
  });

  it('stops a scenario whose setup is refused, checks nothing it did not send, still cleans up', async () => {
    const result = await runAgainstReference(profile, {
      mutation: findMutation('quantum-v1.0', 'post-201'),
      ...only('port.delete.in-use'),
    });
    const [c] = result.cases;
    expect(c.state).toBe('failed');
    expect(c.reason).toBe("setup step 'network' did not succeed, so the probe was not sent");
    expect(c.checks.filter((x) => x.state === 'failed').map((x) => `${x.check}@${x.step}`)).toEqual([
      'success-status@network',
    ]);
    expect(c.exchanges.map((e) => e.step)).toEqual(['network', 'cleanup:network']);
  });

  it('skips auth scenarios without credentials, with the reason', async () => {
    const t = await serve(new QuantumApp());
    const result = await run(t.url, ['auth.no-token', 'auth.forbidden']);
    expect(result.cases.map((c) => c.state)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(result.cases[0].reason).toMatch(/needs authentication/);
  });

  it('marks a run whose every probe errored as a target error', async () => {
    const result = await run('http://127.0.0.1:9', ['network.show.missing'], 500);
    expect(result.summary.errored).toBe(2);
    expect(result.targetError).toMatch(/connection refused/);
  });

  it('once interrupted, starts no new case; the cases under way finish and clean up', async () => {
    const t = await serve(new QuantumApp());
    const stop = new AbortController();
    const client = new HttpClient({ timeoutMs: 2_000 });
    const result = await runSuite(
      { client, profile, target: t.url, tenant: 't1', runId: 'conform-test', credentials: {}, secrets: new Secrets() },
      { concurrency: 2, embeddedTarget: false, signal: stop.signal, onCase: () => stop.abort() },
    );
    await client.close();
    expect(result.interrupted).toBe(true);
    const started = result.cases.filter((c) => c.reason !== 'the run was interrupted before this case started');
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(started.length).toBeLessThanOrEqual(2);
    expect(result.summary.skipped).toBe(56 - started.length);
    expect(await networksLeft(t.url)).toEqual([]);
  });

  it('judges the whole answer, not the copy cut for the reports: a 30 kB detail (a stack trace) conforms', async () => {
    const longDetail = {
      id: 'long-detail',
      description: '',
      caughtBy: '',
      fault: (d: FaultDoc) => ({
        ...d,
        members: d.members.map(
          ([k, v]) => [k, k === 'detail' ? `Traceback ${'x'.repeat(30_000)}` : v] as [string, unknown],
        ),
      }),
    };
    const t = await serveReference(new QuantumApp(), { mutation: longDetail });
    open.push(t);
    const result = await run(t.url, ['network.show.missing']);
    expect(result.cases.map((c) => c.state)).toEqual(['passed', 'passed']);
    expect(result.cases[0].exchanges[0].response?.truncated).toBe(true);
  });

  it('a 401 probe answered 200 by a target without authentication is skipped unless the run assumes auth', async () => {
    const t = await serve(new QuantumApp());
    const client = new HttpClient({ timeoutMs: 2_000 });
    const env = {
      client,
      profile,
      target: t.url,
      tenant: 't1',
      runId: 'conform-test',
      credentials: { main: 'some-token' },
      secrets: new Secrets(),
    };
    const options = {
      concurrency: 2,
      embeddedTarget: false,
      selection: { only: ['auth.no-token'], formats: ['json' as const] },
    };
    const unknown = await runSuite(env, options);
    const assumed = await runSuite({ ...env, assumed: new Set(['auth' as const]) }, options);
    await client.close();
    expect(unknown.cases[0]).toMatchObject({
      state: 'skipped',
      reason: expect.stringMatching(
        new RegExp(
          /^answered 200: the target answered without a token, /.source +
            /so it has no authentication in its pipeline.*--assume auth\)$/.source,
        ),
      ),
    });
    expect(assumed.cases[0].state).toBe('failed');
  });

  it('joins base URLs with path prefixes', () => {
    expect(joinUrl('http://h:1', '/v1.0/x')).toBe('http://h:1/v1.0/x');
    expect(joinUrl('http://h:1/network/', '/v1.0/x?a=1')).toBe('http://h:1/network/v1.0/x?a=1');
  });

  it('runs cases concurrently: the whole suite against the reference in well under a second per case', async () => {
    const result = await runAgainstReference(profile);
    expect(result.summary).toMatchObject({ total: 56, passed: 56 });
    expect(result.coverage.every((f) => f.triggered > 0 && f.conformed === f.triggered)).toBe(true);
  });
});
