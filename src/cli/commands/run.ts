import { randomBytes } from 'node:crypto';
import type { RunResult } from '../../model/result.js';
import { HttpClient } from '../../http/client.js';
import { Secrets } from '../../http/secrets.js';
import { loadProfile } from '../../profiles/load.js';
import { caseNotRun, planCases, runSuite, summarize, type Selection } from '../../runner/run.js';
import type { Credentials, RunEnvironment } from '../../runner/environment.js';
import { checkCredentials, checkReachable } from '../../runner/reachability.js';
import { faultCoverage } from '../../runner/coverage.js';
import { caseLine, plural, renderSummary } from '../../report/console.js';
import { prepareReportsDir, writeReports } from '../../report/write.js';
import { startEmbedded, type EmbeddedTarget } from '../../targets/embedded.js';
import { UsageError } from '../../errors.js';
import { TOOL } from '../../version.js';
import { EXIT, exitCodeFor } from '../exitCode.js';
import type { RunConfig } from '../options.js';
import { describeScenario } from '../describe.js';
import type { RunAuth } from '../../auth/forRun.js';
import { runMode, runTargets, type ProfileRun, type RunMode, type TargetSettings } from '../../discovery/runTargets.js';
import { referenceProfiles } from '../../targets/registry.js';
import type { Profile } from '../../profiles/load.js';
import { DEFAULT_PROFILE, listProfiles } from '../../catalog/registry.js';

/** `conform-20261121t210501-3fa2`: in every name conform gives what it creates. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')
    .toLowerCase();
  return `conform-${stamp}-${randomBytes(2).toString('hex')}`;
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** A run in which nothing could be sent: every planned case is an error with the same reason. */
function untestableRun(env: RunEnvironment, config: RunConfig, reason: string, embedded: boolean): RunResult {
  const cases = planCases(env, { formats: config.formats, only: config.only }).map(({ scenario, format }) =>
    caseNotRun(scenario, format, 'errored', reason),
  );
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

async function runProfile(
  planned: ProfileRun,
  config: RunConfig,
  io: Output,
  runId: string,
  auth: RunAuth & { mainIsAdmin?: boolean },
  secrets: Secrets,
  signal?: AbortSignal,
): Promise<RunResult> {
  const { profile, tenant } = planned;
  let embedded: EmbeddedTarget | undefined;
  let target = planned.target;
  let credentials: Credentials = auth.credentials;
  if (!target) {
    embedded = await startEmbedded(profile.catalog.profile, tenant);
    if (!embedded)
      throw new UsageError(`profile ${profile.catalog.profile} has no embedded reference target: give --target URL`);
    target = embedded.url;
    credentials = embedded.credentials;
  }
  secrets.add(credentials.main);
  secrets.add(credentials.second);
  const client = new HttpClient({ timeoutMs: config.timeoutMs, connections: config.concurrency });
  const declared = new Set(config.assume);
  const env: RunEnvironment = embedded
    ? {
        client,
        profile,
        target,
        tenant,
        runId,
        credentials,
        secrets,
        mainIsAdmin: embedded.mainIsAdmin,
        assumed: embedded.assumed,
      }
    : {
        client,
        profile,
        target,
        tenant,
        runId,
        credentials,
        secrets,
        mainIsAdmin: declared.has('admin') || auth.mainIsAdmin,
        assumed: declared,
      };
  try {
    if (auth.failure && !embedded) {
      io.err(`conform: ${target} could not be tested: ${auth.failure}`);
      return untestableRun(env, config, auth.failure, false);
    }
    const reach = await checkReachable(client, target);
    if (reach.error) {
      io.err(`conform: ${target} could not be tested: ${reach.error}`);
      return untestableRun(env, config, reach.error, embedded !== undefined);
    }
    if (reach.note) io.err(`conform: note: ${reach.note}`);
    const refused = embedded ? undefined : await checkCredentials(env);
    if (refused) {
      io.err(`conform: ${target} could not be tested: ${refused}`);
      return untestableRun(env, config, refused, false);
    }
    return await runSuite(env, {
      concurrency: config.concurrency,
      embeddedTarget: embedded !== undefined,
      selection: { formats: config.formats, only: config.only },
      signal,
      onCase: (c) => {
        if (config.verbose || c.state !== 'passed')
          io.out(caseLine(c, { color: config.color, verbose: config.verbose }));
      },
    });
  } finally {
    await client.close();
    await embedded?.close();
  }
}

/** Why the selection (--only, --format) plans no case of a profile; undefined when it plans some. */
export function emptySelection(profile: Profile, selection: Selection): string | undefined {
  if (planCases({ profile }, selection).length > 0) return undefined;
  const name = profile.catalog.profile;
  const matching = planCases({ profile }, { only: selection.only });
  if (matching.length === 0) {
    return selection.only?.length
      ? `no scenario of ${name} matches --only ${selection.only.join(' ')} (\`conform list --profile ${name}\` lists them)`
      : `${name} has no scenario`;
  }
  const documented = [...new Set(matching.map((c) => c.format))];
  const scenarios = selection.only?.length ? ' for the scenarios --only selects' : '';
  return `${name} documents only ${documented.join(' and ')}${scenarios}: --format ${(selection.formats ?? []).join(' ')} selects none of it`;
}

/** A UsageError when some profile would run no case. */
export function checkSelection(profiles: Profile[], selection: Selection): void {
  // Only when nothing at all would run: a profile the selection leaves empty is left out with a note.
  const reasons = profiles.flatMap((p) => emptySelection(p, selection) ?? []);
  if (profiles.length > 0 && reasons.length === profiles.length)
    throw new UsageError(`the selection plans no case: ${reasons.join('; ')}`);
}

/** Usage errors of a run's placement: a selection that plans nothing, a profile without an embedded reference target. */
function checkMode(mode: RunMode, selection: Selection): void {
  const embedded = mode.kind === 'discover' ? mode.embedded : mode.kind === 'embedded' ? mode.profiles : [];
  if (mode.kind === 'discover' && !mode.requireAll && mode.candidates.length === 0) {
    const reasons = listProfiles()
      .map((p) => loadProfile(p))
      .filter((p) => p.catalog.serviceType)
      .flatMap((p) => emptySelection(p, selection) ?? []);
    throw new UsageError(
      `the selection plans no case for any profile a service catalog can list: ${reasons.join('; ')}`,
    );
  }
  checkSelection(
    mode.kind === 'target'
      ? mode.profiles
      : mode.kind === 'embedded'
        ? mode.profiles
        : [...mode.embedded, ...mode.candidates],
    selection,
  );
  const references = new Set(referenceProfiles());
  const without = embedded.filter((p) => !references.has(p.catalog.profile)).map((p) => p.catalog.profile);
  if (without.length > 0) {
    const discoverable = embedded.some((p) => !references.has(p.catalog.profile) && p.catalog.serviceType);
    throw new UsageError(
      `${without.length === 1 ? 'profile' : 'profiles'} ${without.join(', ')} ${without.length === 1 ? 'has' : 'have'} no embedded reference target (${[...references].join(', ')} have one): ` +
        `give --target URL${discoverable ? ", or --discover with password credentials to find the endpoints in the token's service catalog" : ''}; nothing was run`,
    );
  }
}

/** Whether the selection plans any case of `profile`; a note on stderr when it does not (the profile is left out). */
function hasCases(profile: Profile, selection: Selection, io: Output): boolean {
  const reason = emptySelection(profile, selection);
  if (reason) io.err(`conform: note: ${reason}: ${profile.catalog.profile} is left out`);
  return reason === undefined;
}

/** `--dry-run`: where each profile would go, and every case it would send, without sending anything. */
function dryRun(mode: RunMode, selection: Selection, io: Output): number {
  const where =
    mode.kind === 'target'
      ? mode.target
      : mode.kind === 'embedded'
        ? 'the embedded reference target'
        : "the endpoint the token's service catalog lists (found when the run starts)";
  const profiles = mode.kind === 'discover' ? [...mode.embedded, ...mode.candidates] : mode.profiles;
  for (const profile of profiles.filter((p) => hasCases(p, selection, io))) {
    const plan = planCases({ profile }, selection);
    const byScenario = new Map<string, string[]>();
    for (const c of plan) byScenario.set(c.scenario.id, [...(byScenario.get(c.scenario.id) ?? []), c.format]);
    const target =
      mode.kind === 'discover' && mode.embedded.includes(profile) ? 'the embedded reference target' : where;
    io.out(
      `${profile.catalog.profile} at ${target}: ${plural(plan.length, 'case')} from ${plural(byScenario.size, 'scenario')} (dry run: nothing is sent)`,
    );
    for (const s of profile.suite.scenarios.filter((x) => byScenario.has(x.id))) {
      for (const line of describeScenario(profile.catalog, s, byScenario.get(s.id)!)) io.out(line);
    }
  }
  return 0;
}

/**
 * `conform [--target URL]`: the main job. Returns the exit code. Once `signal`
 * aborts (Ctrl-C), no new case starts; those under way finish and clean up,
 * and the reports are written.
 */
export async function runCommand(config: RunConfig, io: Output, signal?: AbortSignal): Promise<number> {
  const profiles = (config.profiles ?? [DEFAULT_PROFILE]).map((p) => loadProfile(p));
  const selection: Selection = { formats: config.formats, only: config.only };
  const settings: TargetSettings = {
    target: config.target,
    tenant: config.tenant,
    profiles: config.profiles ? profiles : undefined,
    defaultProfiles: () => profiles,
    // Discovering without --profile: the profiles the selection plans cases for.
    allProfiles: () =>
      listProfiles()
        .map((p) => loadProfile(p))
        .filter((p) => emptySelection(p, selection) === undefined),
    auth: config.auth,
    timeoutMs: config.timeoutMs,
    discover: config.discover,
  };
  // Every usage error before anything is sent or written.
  const mode = runMode(settings);
  checkMode(mode, selection);
  if (config.dryRun) return dryRun(mode, selection, io);
  prepareReportsDir(config.reportsDir);
  const runId = newRunId();
  // One Secrets for the whole run: every token and password is in it before anything can print it.
  const secrets = new Secrets();
  const planned = await runTargets(settings, secrets, (line) => io.err(line), mode);
  const runs: RunResult[] = [];
  for (const run of planned.runs.filter((r) => hasCases(r.profile, selection, io)))
    runs.push(
      await runProfile(run, config, io, runId, { ...planned.auth, mainIsAdmin: planned.mainIsAdmin }, secrets, signal),
    );
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
