import { randomBytes } from 'node:crypto';
import type { RunResult } from '../../model/result.js';
import { HttpClient } from '../../http/client.js';
import { Secrets } from '../../http/secrets.js';
import { loadProfile } from '../../profiles/load.js';
import { planCases, runSuite, summarize } from '../../runner/run.js';
import type { Credentials, RunEnvironment } from '../../runner/environment.js';
import { checkReachable } from '../../runner/reachability.js';
import { faultCoverage } from '../../runner/coverage.js';
import { caseLine, renderSummary } from '../../report/console.js';
import { prepareReportsDir, writeReports } from '../../report/write.js';
import { startEmbedded, type EmbeddedTarget } from '../../targets/embedded.js';
import { UsageError } from '../../errors.js';
import { TOOL } from '../../version.js';
import { EXIT, exitCodeFor } from '../exitCode.js';
import type { RunConfig } from '../options.js';
import { describeScenario } from '../describe.js';
import type { RunAuth } from '../../auth/forRun.js';
import { runTargets, type ProfileRun } from '../../discovery/runTargets.js';
import { DEFAULT_PROFILE, listProfiles } from '../../profiles/registry.js';

/** `conform-20261121t210501-3fa2`: in every name conform gives what it creates. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').toLowerCase();
  return `conform-${stamp}-${randomBytes(2).toString('hex')}`;
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** A run in which nothing could be sent: every planned case is an error with the same reason. */
function untestableRun(env: RunEnvironment, config: RunConfig, reason: string, embedded: boolean): RunResult {
  const cases = planCases(env, { formats: config.formats, only: config.only }).map(({ scenario, format }) => ({
    id: `${scenario.id}[${format}]`,
    scenario: scenario.id,
    title: scenario.title,
    format,
    state: 'errored' as const,
    reason,
    checks: [],
    exchanges: [],
    durationMs: 0,
  }));
  return {
    tool: TOOL,
    runId: env.runId,
    profile: env.profile.catalog.profile,
    target: env.target,
    embeddedTarget: embedded,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    targetError: reason,
    cases,
    summary: summarize(cases),
    coverage: faultCoverage(env.profile.catalog, cases),
  };
}

async function runProfile(planned: ProfileRun, config: RunConfig, io: Output, runId: string, auth: RunAuth & { mainIsAdmin?: boolean }, secrets: Secrets, signal?: AbortSignal): Promise<RunResult> {
  const { profile, tenant } = planned;
  let embedded: EmbeddedTarget | undefined;
  let target = planned.target;
  let credentials: Credentials = auth.credentials;
  if (!target) {
    embedded = await startEmbedded(profile.catalog.profile, tenant);
    if (!embedded) throw new UsageError(`profile ${profile.catalog.profile} has no embedded reference target: give --target URL`);
    target = embedded.url;
    credentials = embedded.credentials;
  }
  secrets.add(credentials.main);
  secrets.add(credentials.second);
  const client = new HttpClient({ timeoutMs: config.timeoutMs, connections: config.concurrency });
  const declared = new Set(config.assume);
  const env: RunEnvironment = embedded
    ? { client, profile, target, tenant, runId, credentials, secrets, mainIsAdmin: embedded.mainIsAdmin, assumed: embedded.assumed }
    : { client, profile, target, tenant, runId, credentials, secrets, mainIsAdmin: declared.has('admin') || auth.mainIsAdmin, assumed: declared };
  try {
    if (auth.failure && !embedded) {
      io.err(`conform: ${target} could not be tested: ${auth.failure}`);
      return untestableRun(env, config, auth.failure, false);
    }
    const unreachable = await checkReachable(client, target);
    if (unreachable) {
      io.err(`conform: ${target} could not be tested: ${unreachable}`);
      return untestableRun(env, config, unreachable, embedded !== undefined);
    }
    return await runSuite(env, {
      concurrency: config.concurrency,
      embeddedTarget: embedded !== undefined,
      selection: { formats: config.formats, only: config.only },
      signal,
      onCase: (c) => {
        if (config.verbose || c.state !== 'passed') io.out(caseLine(c, { color: config.color, verbose: config.verbose }));
      },
    });
  } finally {
    await client.close();
    await embedded?.close();
  }
}

/**
 * `conform [--target URL]`: the main job. Returns the exit code. Once `signal`
 * aborts (Ctrl-C), no new case starts; those under way finish and clean up,
 * and the reports are written.
 */
export async function runCommand(config: RunConfig, io: Output, signal?: AbortSignal): Promise<number> {
  const profiles = (config.profiles ?? [DEFAULT_PROFILE]).map((p) => loadProfile(p));
  if (config.dryRun) {
    for (const profile of profiles) {
      const plan = planCases({ profile }, { formats: config.formats, only: config.only });
      const byScenario = new Map<string, string[]>();
      for (const c of plan) byScenario.set(c.scenario.id, [...(byScenario.get(c.scenario.id) ?? []), c.format]);
      io.out(`${profile.catalog.profile}: ${plan.length} cases from ${byScenario.size} scenarios (dry run: nothing is sent)`);
      for (const s of profile.suite.scenarios.filter((x) => byScenario.has(x.id))) {
        for (const line of describeScenario(profile.catalog, s, byScenario.get(s.id)!)) io.out(line);
      }
    }
    return 0;
  }
  prepareReportsDir(config.reportsDir);
  const runId = newRunId();
  // One Secrets for the whole run: every token and password is in it before anything can print it.
  const secrets = new Secrets();
  const planned = await runTargets(
    {
      target: config.target,
      tenant: config.tenant,
      profiles: config.profiles ? profiles : undefined,
      defaultProfiles: () => profiles,
      allProfiles: () => listProfiles().map((p) => loadProfile(p)),
      auth: config.auth,
      timeoutMs: config.timeoutMs,
    },
    secrets,
    (line) => io.err(line),
  );
  const runs: RunResult[] = [];
  for (const run of planned.runs) runs.push(await runProfile(run, config, io, runId, { ...planned.auth, mainIsAdmin: planned.mainIsAdmin }, secrets, signal));
  // The summary first: should the reports fail to be written, the verdicts are still on the console.
  for (const run of runs) io.out(renderSummary(run, { color: config.color, verbose: config.verbose }));
  try {
    io.out(`reports: ${writeReports(config.reportsDir, runs).join(', ')}`);
  } catch (err) {
    io.err(`conform: the reports could not be written to ${config.reportsDir}: ${(err as Error).message}`);
    return EXIT.usage;
  }
  return exitCodeFor(runs);
}
