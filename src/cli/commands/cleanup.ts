import fs from 'node:fs';
import { noteLine } from '../../report/console.js';
import { printableLine } from '../../report/terminal.js';
import type { AuthFlags } from '../../model/credentials.js';
import type { Profile } from '../../model/profile.js';
import {
  findLeftovers,
  RUN_ID,
  runNames,
  type CleanupTarget,
  type Leftover,
  type NameMatch,
} from '../../cleanup/leftovers.js';
import { removeLeftovers } from '../../cleanup/remove.js';
import { runTargets, type ProfileRun } from '../../discovery/runTargets.js';
import { UsageError } from '../../errors.js';
import { HttpClient } from '../../http/client.js';
import { Secrets } from '../../http/secrets.js';
import { profileOf, type ProfileRef } from '../../profiles/ref.js';
import { listProfiles } from '../../catalog/registry.js';
import { EXIT } from '../exitCode.js';
import type { Output } from '../../model/output.js';

export interface CleanupConfig {
  target?: string;
  profiles?: ProfileRef[];
  /** Whose leftovers: the names one run gave (or several runs), or, asked for, every name with a prefix. */
  match: NameMatch;
  /** {tenant} for the profiles whose paths have one (default: as a run chooses it). */
  tenant?: string;
  dryRun: boolean;
  timeoutMs: number;
  auth: AuthFlags;
}

/** What to clean, as given: run ids, a results.json to read them from, or a prefix. */
export interface CleanupWhose {
  runIds?: string[];
  from?: string;
  prefix?: string;
}

const HOW =
  '--run-id ID (runs[].runId in its results.json) or --from reports/results.json; ' +
  "--prefix conform- deletes what any run left behind, a concurrent run's too";

/** The run ids of a results.json (runs[].runId, and a merged run's runs[].shards[].runId). */
function runIdsOf(file: string): string[] {
  let data: { runs?: Array<{ runId?: unknown; shards?: Array<{ runId?: unknown }> }> };
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof data;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(`--from ${file}: cannot read it as JSON (${why})`);
  }
  const runs = Array.isArray(data?.runs) ? data.runs : [];
  const all = runs.flatMap((r) => [r?.runId, ...(Array.isArray(r?.shards) ? r.shards.map((s) => s?.runId) : [])]);
  const ids = [...new Set(all.filter((id) => typeof id === 'string'))];
  if (ids.length === 0) throw new UsageError(`--from ${file} names no run: a results.json of conform has runs[].runId`);
  return ids as string[];
}

/**
 * Which names cleanup deletes. By default what one run created: its run id
 * (`--run-id`, or read by `--from results.json`), never a prefix runs share
 * (a concurrent job's resources would go too): that is asked for by name.
 */
export function cleanupMatch(whose: CleanupWhose): NameMatch {
  const byRun = whose.runIds !== undefined || whose.from !== undefined;
  if (whose.prefix !== undefined && byRun)
    throw new UsageError('--prefix and --run-id / --from exclude each other: give the run id(s), or the prefix');
  if (whose.prefix !== undefined) {
    if (whose.prefix.trim().length < 3)
      throw new UsageError(
        `--prefix '${whose.prefix}' is too short: cleanup deletes every resource whose name starts with it`,
      );
    return { prefixes: [whose.prefix] };
  }
  if (!byRun) throw new UsageError(`cleanup deletes what one run created: give ${HOW}`);
  const ids = [...(whose.runIds ?? []), ...(whose.from !== undefined ? runIdsOf(whose.from) : [])];
  const bad = ids.find((id) => !RUN_ID.test(id));
  if (bad !== undefined)
    throw new UsageError(
      `'${printableLine(bad)}' is not a run id (conform-20261121t210501-3fa2, as results.json's runs[].runId)`,
    );
  return runNames([...new Set(ids)]);
}

const described = (match: NameMatch) => match.prefixes.map((p) => `'${p}…'`).join(' or ');
const label = (l: Leftover) => printableLine(`${l.what} ${l.id} (${l.name})`);

/** Lists, then deletes, one profile's leftovers: 0, 1 when something could not be deleted, 3 when not listed. */
async function cleanProfile(
  run: ProfileRun,
  t: CleanupTarget,
  config: CleanupConfig,
  io: Output,
  secrets: Secrets,
): Promise<number> {
  const name = run.profile.catalog.profile;
  const at = `${name} at ${printableLine(t.target)}`;
  let leftovers;
  try {
    leftovers = await findLeftovers(t, config.match);
  } catch (err) {
    io.err(`conform: ${at}: could not list leftovers: ${printableLine(secrets.redact((err as Error).message))}`);
    return EXIT.untestable;
  }
  const whose = `named ${described(config.match)}`;
  if (config.dryRun) {
    for (const l of leftovers) io.out(`${name}: would delete ${label(l)}`);
    io.out(`${at}: ${leftovers.length} leftover(s) ${whose} (dry run: nothing deleted)`);
    return EXIT.conform;
  }
  const removals = await removeLeftovers(t, leftovers);
  for (const r of removals) {
    const outcome = printableLine(secrets.redact(r.outcome));
    io.out(`${name}: ${r.ok ? 'deleted' : 'could not delete'} ${label(r.leftover)}: ${outcome}`);
  }
  const failed = removals.filter((r) => !r.ok).length;
  io.out(`${at}: ${removals.length - failed} deleted, ${failed} not deleted, of ${leftovers.length} ${whose}`);
  return failed > 0 ? EXIT.nonConformance : EXIT.conform;
}

const withLeftovers = (refs: ProfileRef[]): Profile[] => refs.map(profileOf).filter((p) => p.catalog.leftovers?.length);

const usesTenant = (p: Profile) => p.catalog.operations.some((o) => o.path.includes('{tenant}'));

/** The profiles asked for, each one that lists what it creates and can be found where cleanup looks. */
function givenProfiles(config: CleanupConfig): Profile[] | undefined {
  const known = withLeftovers(listProfiles()).map((p) => p.catalog.profile);
  if (config.target && !config.profiles)
    throw new UsageError(`with --target, say which API it is: --profile P (one of ${known.join(', ')})`);
  if (!config.profiles) return undefined;
  const given = withLeftovers(config.profiles);
  if (given.length !== config.profiles.length) throw new UsageError(`only ${known.join(', ')} list what they create`);
  const unlisted = given.filter((p) => !p.catalog.serviceType).map((p) => p.catalog.profile);
  if (!config.target && unlisted.length > 0)
    throw new UsageError(
      `${unlisted.join(', ')} cannot be found in a token's service catalog (no service type): ` +
        `give --target URL --profile ${unlisted.join(' ')}`,
    );
  return given;
}

/**
 * `conform cleanup`: deletes what a crashed run left behind. 0 clean, 1 something
 * could not be deleted, 3 a target could not be used.
 */
export async function cleanupCommand(config: CleanupConfig, io: Output): Promise<number> {
  const given = givenProfiles(config);
  const secrets = new Secrets();
  const planned = await runTargets(
    {
      target: config.target,
      tenant: config.tenant,
      profiles: given,
      defaultProfiles: () => [],
      allProfiles: () => withLeftovers(listProfiles()),
      auth: config.auth,
      timeoutMs: config.timeoutMs,
      // cleanup has no embedded target: credentials from the environment or clouds.yaml are what it works with.
      discoverFromEnvironment: true,
      // {tenant} as a run chooses it, for the profiles that have one in their paths.
      readTenant: (given ?? []).some(usesTenant),
    },
    secrets,
    (note) => io.err(noteLine(note)),
  );
  if (planned.auth.failure) {
    io.err(`conform: ${printableLine(planned.auth.failure)}`);
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
        vars: { tenant: run.tenant },
      };
      code = Math.max(code, await cleanProfile(run, t, config, io, secrets));
    }
    return code;
  } finally {
    await client.close();
  }
}
