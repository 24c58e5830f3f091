import { afterEach, describe, expect, it } from 'vitest';
import { serveReference, type RunningTarget } from '../targets/common/server.js';
import { KeystoneApp } from '../targets/keystone-v2.0/app.js';
import { main } from './program.js';
import { runCliClean } from '../testing/cli.js';
import { tempDir } from '../testing/tmp.js';

const open: RunningTarget[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

/** POST /v2.0/tokens: the token, and the id of the tenant it is scoped to. */
async function issue(identity: string, username: string, password: string): Promise<{ id: string; tenant: string }> {
  const res = await fetch(`${identity}/v2.0/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ auth: { passwordCredentials: { username, password } } }),
  });
  const { token } = ((await res.json()) as { access: { token: { id: string; tenant: { id: string } } } }).access;
  return { id: token.id, tenant: token.tenant.id };
}

describe('conform serve', () => {
  it(
    'a quantum reference behind the keystone-v2.0 reference: every scenario, ' +
      '401 and 403 included, passes with tokens keystone issued',
    async () => {
      const keystone = await serveReference(
        new KeystoneApp({
          users: [
            { name: 'quantum', password: 'service-pass', tenant: 'service', roles: ['admin'] },
            { name: 'alice', password: 'alice-pass', tenant: 'alpha' },
            { name: 'bob', password: 'bob-pass', tenant: 'beta' },
          ],
        }),
      );
      open.push(keystone);
      const serviceToken = (await issue(keystone.url, 'quantum', 'service-pass')).id;
      const stop = new AbortController();
      let url = '';
      const served = main(
        ['serve', '--profile', 'quantum-v1.0', '--identity-url', keystone.url, '--identity-token', serviceToken],
        {
          out: (line) => (url = /listening on (http:\/\/[^;\s]+)/.exec(line)?.[1] ?? url),
          err: () => {},
        },
        stop.signal,
      );
      await expect.poll(() => url, { timeout: 5_000 }).not.toBe('');
      try {
        const [alice, bob] = [
          await issue(keystone.url, 'alice', 'alice-pass'),
          await issue(keystone.url, 'bob', 'bob-pass'),
        ];
        const run = await runCliClean([
          '--target',
          url,
          '--tenant',
          alice.tenant,
          '--token',
          alice.id,
          '--second-token',
          bob.id,
          '--reports',
          tempDir('serve'),
        ]);
        expect(run.stdout).toMatch(/56 cases, 56 passed, 0 failed, 0 errored, 0 skipped/);
        expect(run.code).toBe(0);
        expect(run.stdout + run.stderr).not.toContain(alice.id);
      } finally {
        stop.abort();
        expect(await served).toBe(0);
      }
    },
  );

  it('--identity-url without the admin token to ask it with is a usage error', async () => {
    let err = '';
    const code = await main(['serve', '--identity-url', 'http://127.0.0.1:1'], {
      out: () => {},
      err: (l) => (err += l),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/--identity-url needs the admin token/);
  });
});
