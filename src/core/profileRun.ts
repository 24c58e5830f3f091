// One profile's run: the embedded reference target when there is no target,
// the HTTP client, the pre-flight checks, then the cases; a target that fails
// pre-flight is one untestable result, not a failure per case.
import type { Credentials } from '../model/credentials.js';
import type { RunNote, RunResult } from '../model/result.js';
import type { RunSettings } from '../model/settings.js';
import type { RunAuth } from '../auth/forRun.js';
import type { ProfileRun } from '../discovery/runTargets.js';
import type { Reporter } from '../report/reporter.js';
import { HttpClient } from '../http/client.js';
import type { Network } from '../http/network.js';
import type { Secrets } from '../http/secrets.js';
import type { RunEnvironment } from '../runner/environment.js';
import { faultCoverage } from '../runner/coverage.js';
import { findTenantLeftovers } from '../cleanup/leftovers.js';
import { removeLeftovers } from '../cleanup/remove.js';
import { planCases } from '../runner/plan.js';
import { checkCredentials, checkReachable } from '../runner/reachability.js';
import { runSuite } from '../runner/run.js';
import type { RunStop } from '../runner/stop.js';
import { caseNotRun, summarize } from '../runner/verdict.js';
import { startEmbedded, type EmbeddedTarget } from '../targets/embedded.js';
import { findMutation } from '../targets/mutations.js';
import { UsageError } from '../errors.js';
import { TOOL } from '../version.js';

/** What every profile of one invocation shares. */
export interface InvocationContext {
  settings: RunSettings;
  runId: string;
  auth: RunAuth & { mainIsAdmin?: boolean };
  secrets: Secrets;
  /** What the invocation has told the user, this profile's run included: its notes, kept as they come. */
  notes: RunNote[];
  /** Tells the user, and keeps it in `notes` (redacted). */
  tell: (note: RunNote) => void;
  reporter: Required<Reporter>;
  stop: RunStop;
  /** The run's TLS trust, proxies and request rate: one for every client of the run. */
  network?: Network;
}

/** A run in which nothing could be sent: every planned case is an error with the same reason. */
function untestableRun(env: RunEnvironment, ctx: InvocationContext, reason: string, embedded: boolean): RunResult {
  const cases = planCases(env.profile, ctx.settings.selection).map(({ scenario, format }) =>
    caseNotRun(scenario, format, 'errored', reason),
  );
  return {
    tool: TOOL,
    runId: env.runId,
    ...(ctx.settings.selection.shard ? { shard: ctx.settings.selection.shard } : {}),
    profile: env.profile.catalog.profile,
    target: env.target,
    embeddedTarget: embedded,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    targetError: reason,
    preflightFailed: true,
    notes: ctx.notes,
    cases,
    summary: summarize(cases),
    coverage: faultCoverage(env.profile.catalog, cases),
  };
}

async function startTarget(planned: ProfileRun, settings: RunSettings): Promise<EmbeddedTarget> {
  const name = planned.profile.catalog.profile;
  const mutation = settings.mutation !== undefined ? findMutation(name, settings.mutation) : undefined;
  const embedded = await startEmbedded(name, planned.tenant, { mutation });
  if (!embedded) throw new UsageError(`profile ${name} has no embedded reference target: give --target URL`);
  return embedded;
}

/**
 * Whether {tenant} is the run's own: the profile lets a client choose it, the
 * user gave none, and no credential binds it to a token's project.
 */
const ownsTenant = (planned: ProfileRun, ctx: InvocationContext, embedded?: EmbeddedTarget): boolean =>
  planned.profile.catalog.ownTenant !== undefined &&
  !embedded &&
  ctx.settings.tenant === undefined &&
  ctx.auth.credentials.main === undefined;

function environment(planned: ProfileRun, ctx: InvocationContext, client: HttpClient, embedded?: EmbeddedTarget) {
  const { profile } = planned;
  const tenant = ownsTenant(planned, ctx, embedded) ? ctx.runId : planned.tenant;
  const base = {
    client,
    profile,
    tenant,
    runId: ctx.runId,
    secrets: ctx.secrets,
    stop: ctx.stop,
    readOnly: ctx.settings.readOnly,
  };
  if (embedded) {
    const { credentials, mainIsAdmin, assumed } = embedded;
    return { ...base, target: embedded.url, credentials, mainIsAdmin, assumed };
  }
  const declared = new Set(ctx.settings.assume);
  const credentials: Credentials = ctx.auth.credentials;
  const mainIsAdmin = declared.has('admin') || ctx.auth.mainIsAdmin;
  return { ...base, target: planned.target!, credentials, mainIsAdmin, assumed: declared };
}

/** After the cases of a run with a tenant of its own: what the service made for that tenant, deleted, and said. */
async function removeTenantLeftovers(env: RunEnvironment, ctx: InvocationContext): Promise<void> {
  const own = env.profile.catalog.ownTenant;
  if (!own) return;
  const t = { client: env.client, catalog: env.profile.catalog, target: env.target, credentials: env.credentials };
  const where = { ...t, vars: { tenant: env.tenant } };
  try {
    const removals = await removeLeftovers(where, await findTenantLeftovers(where, own.leftovers));
    const gone = removals.filter((r) => r.ok).map((r) => `${r.leftover.what} ${r.leftover.name} (${r.leftover.id})`);
    const left = removals.filter((r) => !r.ok).map((r) => `${r.leftover.what} ${r.leftover.id}: ${r.outcome}`);
    const said = `{tenant} was the run's own, ${env.tenant}; what the service made for it`;
    if (gone.length > 0)
      ctx.tell({ topic: 'tenant', level: 'info', message: `${said} is deleted: ${gone.join(', ')}` });
    if (left.length > 0) ctx.tell({ topic: 'tenant', level: 'note', message: `${said} is left: ${left.join('; ')}` });
  } catch (err) {
    const why = ctx.secrets.redact((err as Error).message);
    ctx.tell({ topic: 'tenant', level: 'note', message: `what the service made for ${env.tenant} is left: ${why}` });
  }
}

/** Before any case: is the target usable at all? The reason it is not, if it is not. */
async function preflight(env: RunEnvironment, ctx: InvocationContext, embedded: boolean): Promise<string | undefined> {
  if (ctx.auth.failure && !embedded) return ctx.auth.failure;
  // A stop during pre-flight cuts it too: the run then skips every case as stopped.
  const reach = await checkReachable(env.client, env.target, ctx.stop.stepSignal);
  if (ctx.stop.stopped) return undefined;
  if (reach.error) return ctx.secrets.redact(reach.error);
  if (reach.note) ctx.tell({ topic: 'target', level: 'note', message: reach.note });
  const refused = embedded ? undefined : await checkCredentials(env);
  return refused && !ctx.stop.stopped ? ctx.secrets.redact(refused) : undefined;
}

/** Runs one profile where it was placed; the embedded target is started and stopped here. */
export async function runProfile(planned: ProfileRun, ctx: InvocationContext): Promise<RunResult> {
  const { settings } = ctx;
  const embedded = planned.target ? undefined : await startTarget(planned, settings);
  const env: RunEnvironment = environment(
    planned,
    ctx,
    new HttpClient({
      timeoutMs: settings.timeoutMs,
      connections: settings.concurrency,
      maxBodyBytes: settings.maxBodyBytes,
      network: ctx.network,
    }),
    embedded,
  );
  ctx.secrets.add(env.credentials.main);
  ctx.secrets.add(env.credentials.second);
  try {
    // A run stopped before this profile: no pre-flight; every case is skipped with the reason.
    const untestable = ctx.stop.stopped ? undefined : await preflight(env, ctx, embedded !== undefined);
    if (untestable) return untestableRun(env, ctx, untestable, embedded !== undefined);
    const result = await runSuite(env, {
      concurrency: settings.concurrency,
      embeddedTarget: embedded !== undefined,
      selection: settings.selection,
      notes: ctx.notes,
      keepExchanges: settings.keepExchanges,
      onCase: (c) => ctx.reporter.onCaseEnd(c),
    });
    if (env.tenant === ctx.runId) await removeTenantLeftovers(env, ctx);
    return result;
  } finally {
    await env.client.close();
    await embedded?.close();
  }
}
