// The options of `conform [run]` and `conform config`, resolved: flags over
// variables over conform.yaml over defaults, each checked by its parser.
import { UsageError } from '../errors.js';
import { DEFAULT_PROFILE } from '../catalog/registry.js';
import type { Env } from '../auth/fromEnv.js';
import { authFlagsFrom } from '../auth/cliFlags.js';
import type { Output } from '../model/output.js';
import { noteLine } from '../report/console.js';
import type { RunCommandOptions } from './commands/run.js';
import { fileAuth, findConfig, loadConfig, resolveAuthSources, resolveRunOptions, type ConfigFile } from './config.js';
import type { Resolved } from './config.js';
import { RUN_OPTIONS } from './runOptions.js';
import { targetRoot } from './options.js';

/** The variable that names the configuration file when --config does not. */
const CONFIG_ENV = 'CONFORM_CONFIG';

export interface RunResolution {
  options: RunCommandOptions;
  /** Each run option's value and source. */
  sources: Map<string, Resolved>;
  /** The authentication settings given, by flag name, secrets redacted. */
  auth: Map<string, Resolved>;
  file?: ConfigFile;
}

export interface Place {
  env: Env;
  cwd: string;
}

/** The configuration file of the run, read and checked; undefined when there is none. */
function configFile(args: Record<string, unknown>, place: Place): ConfigFile | undefined {
  const flag = args.config as string | undefined;
  const variable = place.env[CONFIG_ENV] || undefined;
  const explicit = flag !== undefined ? { value: flag, from: '--config' } : { value: variable, from: CONFIG_ENV };
  const file = findConfig(explicit, place.cwd);
  return file === undefined ? undefined : loadConfig(file, place.env, place.cwd);
}

export function resolveRun(args: Record<string, unknown>, io: Output, place: Place): RunResolution {
  const file = configFile(args, place);
  const sources = resolveRunOptions(args, place.env, file);
  const options: RunCommandOptions = {
    settings: {
      discover: false,
      concurrency: 4,
      timeoutMs: 10_000,
      selection: {},
      assume: [],
      auth: { ...authFlagsFrom(args), file: fileAuth(args, place.env, file) },
    },
    dryRun: false,
    verbose: false,
    color: false,
  };
  for (const option of RUN_OPTIONS) {
    const { value, source } = sources.get(option.name)!;
    if (value === undefined) continue;
    try {
      option.apply(options, value);
    } catch (err) {
      // A value from the command line is named by the parser's message; one from elsewhere, by its source too.
      if (err instanceof UsageError && !source.startsWith('--')) throw new UsageError(`${source}: ${err.message}`);
      throw err;
    }
  }
  const { settings } = options;
  if (settings.discover && settings.target !== undefined) {
    const [discover, target] = [sources.get('discover')!.source, sources.get('target')!.source];
    const from = discover.startsWith('--') && target.startsWith('--') ? '' : ` (from ${discover} and ${target})`;
    throw new UsageError(
      `--discover and --target exclude each other${from}: ` +
        "--discover finds the targets in the token's service catalog",
    );
  }
  if (settings.target !== undefined) {
    const { target, note } = targetRoot(settings.target, settings.profiles ?? [DEFAULT_PROFILE]);
    if (note) io.err(noteLine({ topic: 'target', level: 'note', message: note }));
    settings.target = target;
  }
  return { options, sources, auth: resolveAuthSources(args, place.env, file), file };
}
