// Reading a conform run against a real service, for the openstack itests:
// the run's results as data, its findings per case, and what it may have left
// behind, listed straight from the service (not through conform's own code).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseResult, RunResult } from '../model/result.js';
import { http } from '../openstack/http.js';

export function readRuns(reportsDir: string): RunResult[] {
  return (JSON.parse(readFileSync(join(reportsDir, 'results.json'), 'utf8')) as { runs: RunResult[] }).runs;
}

export function runOf(runs: RunResult[], profile: string): RunResult {
  const run = runs.find((r) => r.profile === profile);
  if (!run) throw new Error(`no ${profile} run in ${runs.map((r) => r.profile).join(', ')}`);
  return run;
}

/** Case id → the ids of its failed checks, for every case that has one. */
export function findings(run: RunResult): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of run.cases) {
    const failed = c.checks.filter((k) => k.state === 'failed').map((k) => k.check);
    if (failed.length > 0) out[c.id] = failed;
  }
  return out;
}

export const casesIn = (run: RunResult, state: CaseResult['state']) =>
  run.cases.filter((c) => c.state === state).map((c) => c.id);

export function caseOf(run: RunResult, scenario: string): CaseResult {
  const c = run.cases.find((x) => x.scenario === scenario);
  if (!c) throw new Error(`no case of ${scenario}`);
  return c;
}

/** Names of the resources in each collection (e.g. `/v2.0/networks` → `networks`) that start with `prefix`. */
export async function namedLike(
  baseUrl: string,
  collections: string[],
  prefix: string,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const names: string[] = [];
  for (const path of collections) {
    const answer = await http(`${baseUrl}${path}`, { headers });
    if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status}`);
    const key = path.split('/').pop()!.replace(/-/g, '_'); // /v2.0/security-groups lists security_groups
    for (const item of (answer.json as Record<string, Array<{ name?: string }>>)[key]) {
      if (item.name?.startsWith(prefix)) names.push(`${key}: ${item.name}`);
    }
  }
  return names;
}

/** Items of each collection whose tenant (tenant_id or project_id) starts with `prefix`: what a service made for it. */
export async function ownedBy(
  baseUrl: string,
  collections: string[],
  prefix: string,
  headers: Record<string, string> = {},
): Promise<string[]> {
  const owned: string[] = [];
  for (const path of collections) {
    const answer = await http(`${baseUrl}${path}`, { headers });
    if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status}`);
    const key = path.split('/').pop()!.replace(/-/g, '_');
    for (const item of (answer.json as Record<string, Array<Record<string, unknown>>>)[key]) {
      const tenant = String(item.tenant_id ?? item.project_id ?? '');
      if (tenant.startsWith(prefix)) owned.push(`${key}: ${String(item.name)} (${tenant})`);
    }
  }
  return owned;
}

/** The names of what a run created: its POSTs answered 201 (setups, and probes that wrongly succeeded), not tokens. */
export function createdNames(run: RunResult): string[] {
  return run.cases.flatMap((c) =>
    c.exchanges
      .filter((e) => e.request.method === 'POST' && e.response?.status === 201 && e.operation !== 'token.issue')
      .map((e) => JSON.stringify(JSON.parse(e.request.body ?? '{}')).match(/"name":"([^"]+)"/)?.[1] ?? '(unnamed)'),
  );
}
