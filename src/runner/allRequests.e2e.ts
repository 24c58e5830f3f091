import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../http/client.js';
import { Secrets } from '../http/secrets.js';
import { loadProfile } from '../profiles/load.js';
import { StaticTokens } from '../targets/common/auth.js';
import { serveReference, type ReferenceApp, type RunningTarget } from '../targets/common/server.js';
import type { Reply, TargetRequest } from '../targets/common/types.js';
import { KeystoneApp } from '../targets/keystone-v2.0/app.js';
import { runSuite } from './run.js';

/**
 * Identity v2.0 lets any request answer serviceUnavailable (a fault "expected
 * in all requests"): on a setup call it is accepted once its body validates,
 * the case cannot go on, and that is not a finding.
 */
const profile = loadProfile('keystone-v2.0');
const ADMIN = 'admin-token-for-this-test';
const open: RunningTarget[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function runAnswering(answer: (req: TargetRequest) => Reply | undefined, only: string[]) {
  const keystone = new KeystoneApp({
    auth: new StaticTokens(new Map([[ADMIN, { tenant: 'conform', roles: ['admin'] }]])),
  });
  const app: ReferenceApp = {
    namespace: keystone.namespace,
    faultDoc: (r, f) => keystone.faultDoc(r, f),
    handle: (req: TargetRequest) => answer(req) ?? keystone.handle(req),
  };
  const target = await serveReference(app);
  open.push(target);
  const client = new HttpClient({ timeoutMs: 2_000 });
  try {
    return await runSuite(
      {
        client,
        profile,
        target: target.url,
        tenant: 'conform',
        runId: 'conform-test',
        credentials: { main: ADMIN },
        mainIsAdmin: true,
        secrets: new Secrets(),
      },
      { concurrency: 2, embeddedTarget: false, selection: { only, formats: ['json'] } },
    );
  } finally {
    await client.close();
  }
}

async function runWithTenantCreateAnswering(reply: Reply) {
  const keystone = new KeystoneApp({
    auth: new StaticTokens(new Map([[ADMIN, { tenant: 'conform', roles: ['admin'] }]])),
  });
  const app: ReferenceApp = {
    namespace: keystone.namespace,
    faultDoc: (r, f) => keystone.faultDoc(r, f),
    handle: (req: TargetRequest) =>
      req.method === 'POST' && req.path === '/v2.0/tenants' ? reply : keystone.handle(req),
  };
  const target = await serveReference(app);
  open.push(target);
  const client = new HttpClient({ timeoutMs: 2_000 });
  try {
    const result = await runSuite(
      {
        client,
        profile,
        target: target.url,
        tenant: 'conform',
        runId: 'conform-test',
        credentials: { main: ADMIN },
        mainIsAdmin: true,
        secrets: new Secrets(),
      },
      {
        concurrency: 2,
        embeddedTarget: false,
        selection: { only: ['tenant.create.duplicate-name'], formats: ['json'] },
      },
    );
    return result.cases[0];
  } finally {
    await client.close();
  }
}

describe('faults expected in all requests, on the probe', () => {
  it(
    'a target that answers serviceUnavailable to everything: no finding, ' +
      'nothing exercised, every case skipped, and the run untestable',
    async () => {
      const run = await runAnswering(
        () => ({ kind: 'fault', status: 503, element: 'serviceUnavailable', message: 'Service Unavailable' }),
        ['tenant.show.missing', 'user.show.missing'],
      );
      expect(run.cases.map((c) => c.state)).toEqual(['skipped', 'skipped']);
      expect(run.cases[0].reason).toMatch(
        new RegExp(
          /answered serviceUnavailable \(503\), a fault the profile expects in all requests: /.source +
            /accepted and validated, but itemNotFound was not triggered/.source,
        ),
      );
      expect(run.cases[0].acceptedInstead).toBe('serviceUnavailable');
      expect(run.targetError).toMatch(/every case was skipped/);
    },
  );
});

describe('faults expected in all requests, on setup calls', () => {
  it(
    'a well-formed serviceUnavailable is accepted and validated: ' +
      'no finding, and the case is skipped since its rule was not exercised',
    async () => {
      const c = await runWithTenantCreateAnswering({
        kind: 'fault',
        status: 503,
        element: 'serviceUnavailable',
        message: 'Service Unavailable',
        detail: 'backend in maintenance',
      });
      expect(c.state).toBe('skipped');
      expect(c.reason).toMatch(
        new RegExp(
          /setup step '\w+' answered 503, a fault the profile expects in all requests: /.source +
            /accepted and validated, but the probe could not be sent/.source,
        ),
      );
      expect(c.checks.find((x) => x.check === 'success-status')?.message).toMatch(
        /serviceUnavailable \(503\), a fault expected in all requests: accepted and validated/,
      );
      expect(c.checks.filter((x) => x.state === 'failed')).toEqual([]);
      expect(c.checks.some((x) => x.check === 'json-schema' && x.state === 'passed')).toBe(true);
    },
  );

  it('a 503 whose body is not the documented fault is a finding', async () => {
    const c = await runWithTenantCreateAnswering({
      kind: 'fault',
      status: 503,
      element: 'overLimit',
      message: 'Service Unavailable',
    });
    expect(c.state).toBe('failed');
    expect(c.checks.filter((x) => x.state === 'failed').map((x) => x.check)).toEqual(
      expect.arrayContaining(['success-status', 'fault-root']),
    );
  });
});
