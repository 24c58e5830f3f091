import { noteLine } from '../../report/console.js';
import type { AuthFlags } from '../../model/credentials.js';
import { findLeftovers, type CleanupTarget } from '../../cleanup/leftovers.js';
import { removeLeftovers } from '../../cleanup/remove.js';
import { runTargets, type ProfileRun } from '../../discovery/runTargets.js';
import { UsageError } from '../../errors.js';
import { HttpClient } from '../../http/client.js';
import { Secrets } from '../../http/secrets.js';
import { loadProfile } from '../../profiles/load.js';
import { listProfiles } from '../../catalog/registry.js';
import { EXIT } from '../exitCode.js';
import type { Output } from '../../model/output.js';

export interface CleanupConfig {
  target?: string;
  profiles?: string[];
  prefix: string;
  dryRun: boolean;
  timeoutMs: number;
  auth: AuthFlags;
}

/** Lists, then deletes, one profile's leftovers; false when something could not be listed or deleted. */
async function cleanProfile(
  run: ProfileRun,
  t: CleanupTarget,
  config: CleanupConfig,
  io: Output,
  secrets: Secrets,
): Promise<number> {
  const name = run.profile.catalog.profile;
  let leftovers;
  try {
    leftovers = await findLeftovers(t, config.prefix);
  } catch (err) {
    io.err(`conform: ${name} at ${t.target}: could not list leftovers: ${secrets.redact((err as Error).message)}`);
    return EXIT.untestable;
  }
  const label = (l: (typeof leftovers)[number]) => `${l.kind.collection.replace(/s$/, '')} ${l.id} (${l.name})`;
  if (config.dryRun) {
    for (const l of leftovers) io.out(`${name}: would delete ${label(l)}`);
    io.out(
      `${name} at ${t.target}: ${leftovers.length} leftover(s) named '${config.prefix}…' (dry run: nothing deleted)`,
    );
    return EXIT.conform;
  }
  const removals = await removeLeftovers(t, leftovers);
  for (const r of removals)
    io.out(`${name}: ${r.ok ? 'deleted' : 'could not delete'} ${label(r.leftover)}: ${secrets.redact(r.outcome)}`);
  const failed = removals.filter((r) => !r.ok).length;
  io.out(
    `${name} at ${t.target}: ${removals.length - failed} deleted, ${failed} not deleted, ` +
      `of ${leftovers.length} named '${config.prefix}…'`,
  );
  return failed > 0 ? EXIT.nonConformance : EXIT.conform;
}

/**
 * `conform cleanup`: deletes what crashed runs left behind. 0 clean, 1 something
 * could not be deleted, 3 a target could not be used.
 */
export async function cleanupCommand(config: CleanupConfig, io: Output): Promise<number> {
  if (config.prefix.trim().length < 3)
    throw new UsageError(
      `--prefix '${config.prefix}' is too short: cleanup deletes every resource whose name starts with it`,
    );
  if (config.target && !config.profiles)
    throw new UsageError('with --target, say which API it is: --profile neutron-v2.0 or --profile keystone-v3');
  const withLeftovers = (names: string[]) =>
    names.map((p) => loadProfile(p)).filter((p) => p.catalog.leftovers?.length);
  const given = config.profiles ? withLeftovers(config.profiles) : undefined;
  if (given && given.length !== config.profiles!.length)
    throw new UsageError(
      `only ${withLeftovers(listProfiles())
        .map((p) => p.catalog.profile)
        .join(', ')} list what they create`,
    );
  const secrets = new Secrets();
  const planned = await runTargets(
    {
      target: config.target,
      profiles: given,
      defaultProfiles: () => [],
      allProfiles: () => withLeftovers(listProfiles()),
      auth: config.auth,
      timeoutMs: config.timeoutMs,
      // cleanup has no embedded target: credentials from the environment or clouds.yaml are what it works with.
      discoverFromEnvironment: true,
      readTenant: false,
    },
    secrets,
    (note) => io.err(noteLine(note)),
  );
  if (planned.auth.failure) {
    io.err(`conform: ${planned.auth.failure}`);
    return EXIT.untestable;
  }
  const runs = planned.runs.filter((r) => r.target);
  if (runs.length === 0)
    throw new UsageError(
      'cleanup needs a target: --target URL --profile P, ' +
        "or password credentials to find the endpoints in the token's service catalog",
    );
  const client = new HttpClient({ timeoutMs: config.timeoutMs, connections: 2 });
  try {
    let code: number = EXIT.conform;
    for (const run of runs) {
      const t: CleanupTarget = {
        client,
        catalog: run.profile.catalog,
        target: run.target!,
        credentials: planned.auth.credentials,
      };
      code = Math.max(code, await cleanProfile(run, t, config, io, secrets));
    }
    return code;
  } finally {
    await client.close();
  }
}
