// A run with known secrets (two passwords, the tokens Keystone issues for
// them, a given token), against a target that breaks the contract so that
// diagnoses and curl lines are printed: no secret may appear in stdout,
// stderr, or any file of the reports folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveReference, type RunningTarget } from '../targets/common/server.js';
import { findMutation } from '../targets/mutations.js';
import { createReference } from '../targets/registry.js';
import { runCli, spawnCli, type CliRun } from '../testing/cli.js';
import { blankAuthEnv, withEnv } from '../testing/env.js';
import { startFakeKeystone, type FakeKeystone } from '../testing/fakeKeystone.js';
import { tempDir } from '../testing/tmp.js';

const MAIN_PASSWORD = 'main-pw-Zq81xV4kT0';
const SECOND_PASSWORD = 'second-pw-Lr62mW9pB3';

let keystone: FakeKeystone;
let target: RunningTarget;

beforeAll(async () => {
  keystone = await startFakeKeystone({
    users: [
      { name: 'conform-user', password: MAIN_PASSWORD, projects: ['conform'] },
      { name: 'conform-other', password: SECOND_PASSWORD, projects: ['elsewhere'] },
    ],
  });
  // networkNotFound answered 404: the network scenarios fail, with diagnoses and curl lines.
  const mutation = findMutation('quantum-v1.0', 'status-404-for-420');
  const app = createReference('quantum-v1.0', { auth: keystone, flags: new Set(mutation.flags ?? []) })!;
  target = await serveReference(app, { mutation });
});

afterAll(async () => {
  await target?.close();
  await keystone?.close();
});

/** stdout, stderr and every file the run wrote. */
function everything(run: CliRun, reports: string): Record<string, string> {
  const files = Object.fromEntries(readdirSync(reports).map((f) => [f, readFileSync(join(reports, f), 'utf8')]));
  return { stdout: run.stdout, stderr: run.stderr, ...files };
}

function expectNoSecret(outputs: Record<string, string>, secrets: string[]): void {
  for (const [where, text] of Object.entries(outputs)) {
    for (const secret of secrets)
      expect(text.includes(secret), `${where} contains a secret (${secret.slice(0, 4)}…)`).toBe(false);
  }
}

const env = blankAuthEnv();

/** The CLI in this process (fast), with `vars` in the environment for the call. */
const runWith = (args: string[], vars: Record<string, string>): Promise<CliRun> => withEnv(vars, () => runCli(args));

describe('secrets never reach an output', () => {
  it(
    'password auth for both credentials (the CLI as a process): ' +
      'auth scenarios run, failures are diagnosed, nothing leaks',
    async () => {
      const reports = tempDir('secrets');
      const run = await spawnCli(
        [
          '--target',
          target.url,
          '--reports',
          reports,
          '--verbose',
          '--second-username',
          'conform-other',
          '--second-password',
          SECOND_PASSWORD,
          '--second-project-name',
          'elsewhere',
        ],
        {
          ...env,
          OS_AUTH_URL: keystone.url,
          OS_USERNAME: 'conform-user',
          OS_PASSWORD: MAIN_PASSWORD,
          OS_PROJECT_NAME: 'conform',
        },
      );
      expect(run.code, run.stderr).toBe(1);
      // The run did print what could leak: diagnoses with requests and curl lines carrying the token header.
      expect(run.stdout).toMatch(/FAIL network\./);
      expect(run.stdout).toContain('-H "x-auth-token: $OS_TOKEN"');
      expect(run.stderr).toMatch(
        new RegExp(
          `conform: main credential: token obtained by password auth as user 'conform-user' in project 'conform' ` +
            `at ${keystone.url}/v3 .* in \\d+ ms`,
        ),
      );
      expect(run.stderr).toContain('conform: note: a password given on the command line is visible to other users');
      const results = JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8'));
      const auth = results.runs[0].cases.filter((c: { scenario: string }) => c.scenario.startsWith('auth.'));
      expect(auth.map((c: { id: string; state: string }) => `${c.id} ${c.state}`).sort()).toEqual([
        'auth.bad-token[json] passed',
        'auth.bad-token[xml] passed',
        'auth.forbidden[json] passed',
        'auth.forbidden[xml] passed',
        'auth.no-token[json] passed',
        'auth.no-token[xml] passed',
      ]);
      const tokens = keystone.issuedTokens();
      expect(tokens).toHaveLength(2);
      expectNoSecret(everything(run, reports), [MAIN_PASSWORD, SECOND_PASSWORD, ...tokens]);
    },
  );

  it('a given token, in the same failing run', async () => {
    const reports = tempDir('secrets');
    const issued = keystone.issuedTokens()[0];
    const run = await runWith(['--target', target.url, '--reports', reports, '--verbose', '--only', 'network.*'], {
      ...env,
      OS_TOKEN: issued,
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('$OS_TOKEN');
    expectNoSecret(everything(run, reports), [issued]);
  });

  it('a wrong password: one line, exit 2, no password', async () => {
    const reports = tempDir('secrets');
    const wrong = `${MAIN_PASSWORD}-wrong`;
    const run = await runWith(
      [
        '--target',
        target.url,
        '--reports',
        reports,
        '--os-auth-url',
        `${keystone.url}/v3`,
        '--os-username',
        'conform-user',
        '--os-password',
        wrong,
        '--os-project-name',
        'conform',
      ],
      env,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'conform: note: a password given on the command line is visible to other users of this machine (ps); ' +
        'prefer OS_PASSWORD, CONFORM_SECOND_PASSWORD or clouds.yaml',
      `conform: identity service ${keystone.url}/v3 refused the credentials of user 'conform-user' ` +
        "(project 'conform'): 401 The request you have made requires authentication. " +
        '(check user name, password, project and domains)',
    ]);
    expectNoSecret(everything(run, reports), [wrong, MAIN_PASSWORD]);
  });

  it('an unreachable identity service: the run is untestable (exit 3) and reported so', async () => {
    const reports = tempDir('secrets');
    const run = await runWith(['--target', target.url, '--reports', reports], {
      ...env,
      OS_AUTH_URL: 'http://127.0.0.1:9/v3',
      OS_USERNAME: 'u',
      OS_PASSWORD: MAIN_PASSWORD,
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `conform: ${target.url} could not be tested: identity service http://127.0.0.1:9/v3 could not be reached: ` +
        `connection refused by 127.0.0.1:9`,
    );
    const results = JSON.parse(readFileSync(join(reports, 'results.json'), 'utf8'));
    expect(results.runs[0].targetError).toMatch(/could not be reached/);
    expectNoSecret(everything(run, reports), [MAIN_PASSWORD]);
  });
});
