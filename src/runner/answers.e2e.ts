// Answers a hostile or failing target gives, judged for what they are: a body
// too large to read is not judged for its shape, a body nested too deep is not
// well-formed, a service unavailable throughout is untestable, and conform's own
// errors are never dressed as the target's.
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../http/client.js';
import { Secrets } from '../http/secrets.js';
import { loadProfile } from '../profiles/load.js';
import { serveReference, type ReferenceApp, type RunningTarget } from '../targets/common/server.js';
import type { Mutation } from '../targets/common/mutation.js';
import type { WireResponse } from '../targets/common/types.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import type { RunEnvironment } from './environment.js';
import { runSuite } from './run.js';

const profile = loadProfile('quantum-v1.0');
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function serve(app: ReferenceApp, mutation?: Mutation): Promise<RunningTarget> {
  const t = await serveReference(app, { mutation });
  open.push(t);
  return t;
}

const onFaults = (id: string, wire: (res: WireResponse) => WireResponse): Mutation => ({
  id,
  description: id,
  caughtBy: '',
  wire: (res) => (res.status >= 400 ? wire(res) : res),
});

async function run(target: string, only: string[], client = new HttpClient({ timeoutMs: 5_000 })) {
  open.push(client);
  const env: RunEnvironment = {
    client,
    profile,
    target,
    tenant: 't1',
    runId: 'conform-test',
    credentials: {},
    secrets: new Secrets(),
  };
  return runSuite(env, { concurrency: 2, embeddedTarget: false, selection: { only, formats: ['json'] } });
}

describe('answers judged for what they are', () => {
  it('a well-formed fault larger than the read limit: its shape is not judged, the case says why', async () => {
    const huge = (res: WireResponse) => ({
      ...res,
      body: JSON.stringify({ networkNotFound: { message: 'no', code: 420, detail: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    const t = await serve(new QuantumApp(), onFaults('huge', huge));
    const [cut] = (await run(t.url, ['network.show.missing'])).cases;
    expect(cut.state).toBe('skipped');
    expect(cut.reason).toBe(
      'answered 420 with a body larger than the 1048576 bytes conform reads, ' +
        'so its shape was not judged (--max-body raises the limit)',
    );
    expect(cut.checks.filter((c) => c.state === 'failed')).toEqual([]);
    expect(cut.checks.find((c) => c.check === 'well-formed')?.state).toBe('skipped');
    // A larger limit reads it whole, and it conforms.
    const whole = await run(
      t.url,
      ['network.show.missing'],
      new HttpClient({ timeoutMs: 5_000, maxBodyBytes: 4 << 20 }),
    );
    expect(whole.cases[0].state).toBe('passed');
  });

  it('a fault nested 5,000 levels deep is a well-formed finding, not a crash', async () => {
    const deep = (res: WireResponse) => ({
      ...res,
      body: `${'{"networkNotFound":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
    });
    const t = await serve(new QuantumApp(), onFaults('deep', deep));
    const [c] = (await run(t.url, ['network.show.missing'])).cases;
    expect(c.state).toBe('failed');
    expect(c.checks.find((x) => x.check === 'well-formed')).toMatchObject({
      state: 'failed',
      message: 'the body is not well-formed JSON: nested deeper than 64 levels',
    });
  });

  it('503 with Retry-After to every request: untestable, said once, no finding', async () => {
    const down: ReferenceApp = {
      namespace: 'http://netstack.org/quantum/api/v1.0',
      faultDoc: (_r, f) => new QuantumApp().faultDoc(_r, f),
      handle: () => ({
        kind: 'fault',
        status: 503,
        element: 'serviceUnavailable',
        message: 'down',
        headers: { 'retry-after': '120' },
      }),
    };
    const t = await serve(down);
    const result = await run(t.url, ['network.show.missing', 'network.delete.in-use']);
    expect(result.summary).toMatchObject({ failed: 0, errored: 2 });
    expect(result.targetError).toMatch(/^every answer was 503 with Retry-After: 120: the service is unavailable/);
    expect(result.cases.every((c) => c.reason === result.targetError)).toBe(true);
  });

  it("conform's own error in a case is thrown as such, not reported as the target's", async () => {
    const t = await serve(new QuantumApp());
    const client = new HttpClient({ timeoutMs: 5_000 });
    client.send = () => Promise.reject(new TypeError('a bug of conform'));
    await expect(run(t.url, ['network.show.missing'], client)).rejects.toThrow('a bug of conform');
  });
});
