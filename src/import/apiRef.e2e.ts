// An api-ref fixture (keystone's rest_status_code form for projects, the
// free-text form wrapped over lines for users, a status.yaml, JSON fault
// examples) imported by the CLI, its derived scenarios run against the
// keystone-v3 reference target: all pass, and a broken rule fails those it concerns.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliClean as runCli } from '../testing/cli.js';
import { tempDir } from '../testing/tmp.js';
import { startEmbedded, type EmbeddedTarget } from '../targets/embedded.js';
import { findMutation } from '../targets/mutations.js';

const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'identity-api-ref');
const DOCS = ['projects.inc', 'users.inc', 'status.yaml', 'fault-401.json'].map((f) => path.join(FIXTURE, f));

const started: EmbeddedTarget[] = [];
afterAll(async () => {
  await Promise.all(started.map((t) => t.close()));
});

async function importFixture(): Promise<string> {
  const out = path.join(tempDir('api-ref'), 'identity');
  const run = await runCli(['import', ...DOCS, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/catalog\.json: 8 faults, 9 operations, fixed-root envelope \(json\)/);
  expect(run.stdout).toMatch(/derived\.json: 15 scenarios/);
  return out;
}

async function runAgainst(profile: string, mutation?: string) {
  const target = (await startEmbedded('keystone-v3', 'conform', {
    mutation: mutation ? findMutation('keystone-v3', mutation) : undefined,
  }))!;
  started.push(target);
  const reports = tempDir('api-ref-reports');
  const { main, second } = target.credentials;
  const args = ['--profile', profile, '--target', target.url, '--token', main, '--second-token', second];
  const run = await runCli([...args, '--assume', 'auth', 'admin', '--reports', reports, '--reporter', 'json']);
  const results = JSON.parse(fs.readFileSync(path.join(reports, 'results.json'), 'utf8'));
  const verdicts: Record<string, string> = {};
  for (const c of results.runs[0].cases) verdicts[c.scenario] = c.state;
  return { run, verdicts, target };
}

describe('an imported api-ref profile against the keystone-v3 reference target', () => {
  it('imports with provenance for every fault and operation, the wrapped free-text codes read whole', async () => {
    const out = await importFixture();
    const catalog = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8'));
    const show = catalog.operations.find((o: { id: string }) => o.id === 'user.show');
    // "unauthorized(401), forbidden(403),\nitemNotFound(404)": the code on the second line is read too.
    expect(show.faults).toEqual(['unauthorized', 'forbidden', 'itemNotFound']);
    expect(show.provenance[0]).toMatchObject({ table: '.. rest_method:: GET /v3/users/{user_id}' });
    const duplicate = catalog.faults.find((f: { element: string }) => f.element === 'duplicateProject');
    expect(duplicate).toMatchObject({
      codes: [409],
      description: 'A project with this name already exists in its domain.',
    });
    for (const f of catalog.faults) expect(f.provenance.length).toBeGreaterThan(0);
    expect(catalog.notes.join('\n')).toMatch(
      /names \.\/samples\/admin\/project-create-response\.json, which is not one/,
    );
  });

  it('every derived scenario passes, and nothing is left behind', async () => {
    const out = await importFixture();
    const { run, verdicts, target } = await runAgainst(out);
    for (const collection of ['projects', 'users']) {
      const res = await fetch(`${target.url}/v3/${collection}`, {
        headers: { 'x-auth-token': target.credentials.main },
      });
      const names = ((await res.json()) as Record<string, { name: string }[]>)[collection].map((e) => e.name);
      expect(
        names.filter((n) => n.startsWith('conform-')),
        collection,
      ).toEqual([]);
    }
    expect(run.stderr).toBe('');
    expect(Object.keys(verdicts)).toHaveLength(15);
    expect(Object.values(verdicts).every((v) => v === 'passed')).toBe(true);
    expect(run.code).toBe(0);
  });

  it('a reference that breaks a rule fails exactly the derived scenarios that rule concerns', async () => {
    const out = await importFixture();
    const { verdicts } = await runAgainst(out, 'code-mismatch');
    const failed = Object.keys(verdicts)
      .filter((id) => verdicts[id] !== 'passed')
      .sort();
    expect(failed).toEqual([
      'project.delete.missing',
      'project.show.missing',
      'user.delete.missing',
      'user.show.missing',
    ]);
  });
});
