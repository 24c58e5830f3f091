import yargs, { type Argv } from 'yargs';
import { IdentityServiceError, UsageError } from '../errors.js';
import { DEFAULT_PROFILE, listProfiles } from '../catalog/registry.js';
import { loadProfile } from '../profiles/load.js';
import type { ProfileRef } from '../profiles/ref.js';
import { referenceProfiles } from '../targets/registry.js';
import { EXIT } from './exitCode.js';
import {
  checkProfiles,
  MAX_TIMEOUT_MS,
  parsePort,
  parseTarget,
  parseTenant,
  targetRoot,
  timeoutMs,
} from './options.js';
import { noteLine } from '../report/console.js';
import { printable } from '../report/terminal.js';
import { checkArgs, optionTable, type OptionTable, type ParserOptions } from './argv.js';
import type { Output } from '../model/output.js';
import { runCommand, type RunCommandOptions } from './commands/run.js';
import { configCommand } from './commands/config.js';
import { CONFIG_FILE } from './config.js';
import { resolveRun } from './resolveRun.js';
import { declareRunOptions } from './runOptions.js';
import { listCommand } from './commands/list.js';
import { serveCommand } from './commands/serve.js';
import { cleanupCommand, cleanupMatch } from './commands/cleanup.js';
import { mergeCommand } from './commands/merge.js';
import { waiveCommand } from './commands/waive.js';
import { initCommand } from './commands/init.js';
import { schemasCommand } from './commands/schemas.js';
import { DEFAULT_PREFIX } from '../cleanup/leftovers.js';
import { authFlagsFrom, authOptions } from '../auth/cliFlags.js';
import { TOOL } from '../version.js';

/** The options of `conform [run]` and `conform config`: those of RUN_OPTIONS, --config, authentication. */
function runOptions(y: Argv) {
  const run = declareRunOptions(y).option('config', {
    type: 'string',
    describe: `Configuration file (default: ./${CONFIG_FILE}, if there is one; $CONFORM_CONFIG)`,
  });
  return authOptions(run);
}

function cleanupOptions(y: Argv) {
  const withLeftovers = listProfiles().filter((p) => loadProfile(p).catalog.leftovers?.length);
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

function toRunOptions(a: Record<string, unknown>, io: Output, cwd: string): RunCommandOptions {
  return resolveRun(a, io, { env: process.env, cwd }).options;
}

/** The whole CLI: parses `argv`, runs the command, returns the exit code. Never exits the process. */
export async function main(argv: string[], io: Output, signal?: AbortSignal, cwd = process.cwd()): Promise<number> {
  try {
    return await dispatch(argv, io, signal, cwd);
  } catch (err) {
    // A message may carry a target's text (an identity service's answer, a name it gave): shown, never obeyed.
    if (err instanceof UsageError) {
      if (!err.shown) io.err(`conform: ${printable(err.message)}`);
      return EXIT.usage;
    }
    if (err instanceof IdentityServiceError) {
      io.err(`conform: ${printable(err.message)}`);
      return EXIT.untestable;
    }
    io.err(`conform: internal error: ${printable((err as Error).stack ?? String(err))}`);
    return EXIT.internal;
  }
}

const COMMANDS = ['run', 'config', 'list', 'serve', 'cleanup', 'merge', 'waive', 'init', 'schemas'] as const;

/** The command yargs runs: the first positional argument when it names one, else the default. */
const commandOf = (positionals: (string | number)[]): string =>
  COMMANDS.find((c) => c === String(positionals[0])) ?? 'run';

/** What yargs knows of the options it has been given (getOptions is not in its type declarations). */
const parserOptions = (y: Argv): ParserOptions => (y as unknown as { getOptions(): ParserOptions }).getOptions();

/**
 * Options that may not be empty: the credentials (`--token "$UNSET"` must not
 * quietly run without a token), and with them the rest of the authentication flags.
 */
const CREDENTIAL_FLAGS = [...Object.keys(parserOptions(authOptions(yargs([]))).key), 'identity-token'];

/** The options of the command that runs, as yargs knows them once its builder has run. */
const commandOptions = (cli: Argv): OptionTable => optionTable(parserOptions(cli), CREDENTIAL_FLAGS);

/** How many positional arguments the command that runs declares (`merge <dirs..>`: any number). */
function declaredPositionals(cli: Argv): number {
  type Internals = { getInternalMethods(): { getContext(): { fullCommands: string[] } } };
  const spec = (cli as unknown as Internals).getInternalMethods().getContext().fullCommands.at(-1) ?? '';
  const args = spec.split(/\s+/).filter((word) => /^[<[]/.test(word));
  return args.some((arg) => arg.includes('..')) ? Infinity : args.length;
}

async function dispatch(argv: string[], io: Output, signal: AbortSignal | undefined, cwd: string): Promise<number> {
  let code: number = EXIT.conform;
  const cli = yargs(argv)
    .scriptName('conform')
    .usage(
      '$0 [--target URL | --discover] [options]\n\n' +
        'Probe an OpenStack-style REST API with the documented fault contracts of a profile.',
    )
    .command(
      ['$0', 'run'],
      'Run the scenarios of a profile against a target (the default command)',
      runOptions,
      async (a) => {
        code = await runCommand(toRunOptions(a, io, cwd), io, signal);
      },
    )
    .command(
      'config',
      'Print the settings a run would use and where each came from (flag, variable, conform.yaml, default)',
      runOptions,
      (a) => {
        code = configCommand(resolveRun(a, io, { env: process.env, cwd }), io);
      },
    )
    .command(
      'list',
      'List every scenario: what it sends and what it expects',
      (y) =>
        y.option('profile', {
          type: 'string',
          array: true,
          default: [DEFAULT_PROFILE],
          describe: 'Built-in profile(s), or profile folder(s) (./path)',
        }),
      (a) => {
        code = listCommand(checkProfiles(a.profile as string[]), io);
      },
    )
    .command(
      'serve',
      'Serve a reference target',
      (y) =>
        y
          .option('profile', {
            type: 'string',
            default: DEFAULT_PROFILE,
            describe: `One of: ${referenceProfiles().join(', ')}`,
          })
          .option('port', { type: 'string', default: 0, describe: 'Port (0: a free one)' })
          .option('host', { type: 'string', default: '127.0.0.1' })
          .option('accept-token', {
            type: 'string',
            array: true,
            default: [] as string[],
            describe: 'Turn authentication on: accept TOKEN=TENANT[:ROLE,...] (repeatable)',
          })
          .option('identity-url', {
            type: 'string',
            describe:
              'Also accept the tokens an Identity v2.0 service validates ' +
              '(e.g. `conform serve --profile keystone-v2.0`), as the auth middleware does',
          })
          .option('identity-token', {
            type: 'string',
            describe: 'The admin token to validate tokens with (default: $CONFORM_IDENTITY_TOKEN)',
          })
          .option('mutation', { type: 'string', describe: 'Break one rule of the contract (see `npm run mutants`)' }),
      async (a) => {
        const port = parsePort(a.port);
        const identity = a['identity-url']
          ? {
              url: parseTarget(a['identity-url'], 'identity-url'),
              token: a['identity-token'] ?? (process.env.CONFORM_IDENTITY_TOKEN || undefined),
            }
          : undefined;
        code = await serveCommand(
          {
            profile: a.profile,
            port,
            host: a.host,
            tokens: a['accept-token'] as string[],
            identity,
            mutation: a.mutation,
          },
          io,
          signal,
        );
      },
    )
    .command(
      'cleanup',
      'Delete what a crashed run left behind: the resources it created (ports, subnets, networks, ' +
        'attachments; users, tenants, projects), found by the run id in their names',
      cleanupOptions,
      async (a) => {
        const profiles = a.profile !== undefined ? checkProfiles(a.profile as string[]) : undefined;
        const target = targetOf(a.target, profiles ?? [], io);
        const timeout = timeoutMs(a.timeout);
        const tenant = a.tenant !== undefined ? parseTenant(a.tenant) : undefined;
        const match = cleanupMatch({ runIds: a['run-id'] as string[] | undefined, from: a.from, prefix: a.prefix });
        code = await cleanupCommand(
          { target, profiles, match, tenant, dryRun: a['dry-run'], timeoutMs: timeout, auth: authFlagsFrom(a) },
          io,
        );
      },
    )
    .command(
      'waive',
      "Write a waiver file for a run's findings (its failed cases), each reason to be filled in",
      (y) =>
        y
          .option('from', { type: 'string', demandOption: true, describe: 'The results.json of the run' })
          .option('out', { type: 'string', describe: 'Write the waiver file here (default: stdout)' }),
      (a) => {
        code = waiveCommand({ from: a.from, out: a.out }, io);
      },
    )
    .command(
      'init <dir>',
      'Write a small, valid starting profile folder (catalog.json, suites/example.json) to edit',
      (y) => y.positional('dir', { type: 'string', describe: 'The folder to create' }),
      (a) => {
        code = initCommand(a.dir as string, io);
      },
    )
    .command(
      'schemas <dir>',
      "Write the JSON Schema (and XSDs) generated from a profile folder's catalog.json beside it",
      (y) => y.positional('dir', { type: 'string', describe: 'The profile folder' }),
      (a) => {
        code = schemasCommand(a.dir as string, io);
      },
    )
    .command(
      'merge <dirs..>',
      'Merge the reports folders of the shards of one run (--shard INDEX/COUNT) into one, every report written again',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, describe: "The shards' reports folders" })
          .option('reports', { type: 'string', default: 'reports', describe: 'Folder for the merged reports' })
          .option('color', {
            type: 'boolean',
            default: process.stdout.isTTY === true && !process.env.NO_COLOR,
            describe: 'Colour the console output',
          }),
      (a) => {
        code = mergeCommand({ dirs: a.dirs as string[], reportsDir: a.reports, color: a.color }, io);
      },
    )
    .parserConfiguration({ 'camel-case-expansion': false })
    .middleware((a) => {
      if (a.version) return;
      const line = { command: commandOf(a._), commands: COMMANDS, positionals: declaredPositionals(cli) };
      checkArgs(argv, commandOptions(cli), line);
    }, true)
    .exitProcess(false)
    .strict()
    .help()
    // yargs would read the package.json it finds above the working directory: the project conform is installed into.
    .version(TOOL.version)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      // What yargs still finds (a value outside --format's or --assume's choices): one line too.
      throw new UsageError(`${msg.replace(/\s+/g, ' ').trim()} (conform --help describes the options)`);
    });
  await cli.parseAsync();
  return code;
}
