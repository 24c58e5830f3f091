import type { Argv } from 'yargs';
import { authFlagsFrom, authOptions } from '../../auth/cliFlags.js';
import { listProfiles } from '../../catalog/registry.js';
import { loadCatalog } from '../../catalog/load.js';
import { DEFAULT_PREFIX } from '../../cleanup/leftovers.js';
import { noteLine } from '../../report/console.js';
import type { Output } from '../../model/output.js';
import type { ProfileRef } from '../../profiles/ref.js';
import { cleanupCommand, cleanupMatch } from '../commands/cleanup.js';
import { checkProfiles, MAX_TIMEOUT_MS, parseTarget, parseTenant, targetRoot, timeoutMs } from '../options.js';
import { credentialFlags } from './credentials.js';
import type { CommandSpec } from './spec.js';

function cleanupOptions(y: Argv) {
  const withLeftovers = listProfiles().filter((p) => loadCatalog(p).leftovers?.length);
  const cleanup = y
    .option('run-id', {
      type: 'string',
      array: true,
      describe: 'Delete what this run created (runs[].runId in its results.json): every name it gave starts with it',
    })
    .option('from', {
      type: 'string',
      describe: 'Delete what the run(s) of this results.json created (its runs[].runId)',
    })
    .option('prefix', {
      type: 'string',
      describe:
        `Instead of a run id: delete every resource whose name starts with this (${DEFAULT_PREFIX}: ` +
        "what any run left behind, a concurrent run's too)",
    })
    .option('target', {
      type: 'string',
      describe: "Base URL of the service (with --profile); without it, the endpoints of the token's service catalog",
    })
    .option('profile', { type: 'string', array: true, describe: `One or more of: ${withLeftovers.join(', ')}` })
    .option('tenant', {
      type: 'string',
      describe: 'Tenant (project) id in the paths of profiles that have one (quantum-v1.0), as for a run',
    })
    .option('dry-run', {
      type: 'boolean',
      default: false,
      describe: 'List what would be deleted; delete nothing',
    })
    .option('timeout', {
      type: 'string',
      default: 10_000,
      describe: `Per-request timeout, in milliseconds (at most ${MAX_TIMEOUT_MS})`,
    });
  return authOptions(cleanup);
}

/** --target as the base URL of the profiles' paths: a version they start with is dropped, with a note. */
function targetOf(raw: string | undefined, profiles: ProfileRef[], io: Output): string | undefined {
  if (raw === undefined) return undefined;
  const { target, note } = targetRoot(parseTarget(raw), profiles);
  if (note) io.err(noteLine({ topic: 'target', level: 'note', message: note }));
  return target;
}

export const cleanup: CommandSpec = {
  command: 'cleanup',
  builder: cleanupOptions,
  handler: (a, { io }) => {
    const profiles = a.profile !== undefined ? checkProfiles(a.profile as string[]) : undefined;
    const target = targetOf(a.target as string | undefined, profiles ?? [], io);
    const timeout = timeoutMs(a.timeout);
    const tenant = a.tenant !== undefined ? parseTenant(a.tenant as string) : undefined;
    const match = cleanupMatch({
      runIds: a['run-id'] as string[] | undefined,
      from: a.from as string | undefined,
      prefix: a.prefix as string | undefined,
    });
    return cleanupCommand(
      { target, profiles, match, tenant, dryRun: a['dry-run'] as boolean, timeoutMs: timeout, auth: authFlagsFrom(a) },
      io,
    );
  },
  nonEmpty: credentialFlags,
};
