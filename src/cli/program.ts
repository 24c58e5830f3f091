// The command line: which command runs, its options checked, its handler
// called. Each command's declaration and handler are in a module of their own
// (./lines), imported only when the command line names that command: `conform
// list` does not load what a run needs, nor `conform --version` anything.
import yargs, { type Argv } from 'yargs';
import { IdentityServiceError, UsageError } from '../errors.js';
import { EXIT } from './exitCode.js';
import { printable } from '../report/terminal.js';
import { checkArgs, optionTable, type OptionTable, type ParserOptions } from './argv.js';
import type { Output } from '../model/output.js';
import type { CommandSpec } from './lines/spec.js';
import { TOOL } from '../version.js';

const COMMANDS = ['run', 'config', 'list', 'serve', 'cleanup', 'merge', 'waive', 'init', 'schemas', 'import'] as const;
type CommandName = (typeof COMMANDS)[number];

/** What --help says of each command, and where its declaration is. */
const LINES: Record<CommandName, { describe: string; load: () => Promise<CommandSpec> }> = {
  run: {
    describe: 'Run the scenarios of a profile against a target (the default command)',
    load: async () => (await import('./lines/run.js')).run,
  },
  config: {
    describe: 'Print the settings a run would use and where each came from (flag, variable, conform.yaml, default)',
    load: async () => (await import('./lines/run.js')).config,
  },
  list: {
    describe: 'List every scenario: what it sends and what it expects',
    load: async () => (await import('./lines/list.js')).list,
  },
  serve: { describe: 'Serve a reference target', load: async () => (await import('./lines/serve.js')).serve },
  cleanup: {
    describe:
      'Delete what a crashed run left behind: the resources it created (ports, subnets, networks, ' +
      'attachments; users, tenants, projects), found by the run id in their names',
    load: async () => (await import('./lines/cleanup.js')).cleanup,
  },
  waive: {
    describe: "Write a waiver file for a run's findings (its failed cases), each reason to be filled in",
    load: async () => (await import('./lines/waive.js')).waive,
  },
  init: {
    describe: 'Write a small, valid starting profile folder (catalog.json, suites/example.json) to edit',
    load: async () => (await import('./lines/folders.js')).init,
  },
  schemas: {
    describe: "Write the JSON Schema (and XSDs) generated from a profile folder's catalog.json beside it",
    load: async () => (await import('./lines/folders.js')).schemas,
  },
  import: {
    describe:
      'Read API documentation (status-code and fault tables, fault examples, api-ref sources) ' +
      'into a draft profile folder',
    load: async () => (await import('./lines/folders.js')).importDocs,
  },
  merge: {
    describe:
      'Merge the reports folders of the shards of one run (--shard INDEX/COUNT) into one, every report written again',
    load: async () => (await import('./lines/merge.js')).merge,
  },
};

/** The order --help lists the commands in. */
const LISTED: readonly CommandName[] = [
  'run',
  'config',
  'list',
  'serve',
  'cleanup',
  'waive',
  'init',
  'schemas',
  'import',
  'merge',
];

/** How the commands with positionals (and the default) are declared, before their module is loaded. */
const DECLARED: Partial<Record<CommandName, string | string[]>> = {
  run: ['$0', 'run'],
  merge: 'merge <dirs..>',
  init: 'init <dir>',
  schemas: 'schemas <dir>',
  import: 'import <documents..>',
};

/** yargs chose a command whose declaration was not loaded: the line is read again with it. */
class NotLoaded extends Error {
  constructor(readonly command: CommandName) {
    super(`${command} is not loaded`);
  }
}

/**
 * The commands a line may run, to be loaded before it is read: those it names,
 * else the default (`run`) unless the line only asks for the version.
 */
function commandsNamed(argv: readonly string[]): Set<CommandName> {
  const named = new Set(COMMANDS.filter((c) => argv.includes(c)));
  if (named.size === 0 && !(argv.includes('--version') && !argv.includes('--help'))) named.add('run');
  return named;
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

/** The command yargs runs: the first positional argument when it names one, else the default. */
const commandOf = (positionals: (string | number)[]): string =>
  COMMANDS.find((c) => c === String(positionals[0])) ?? 'run';

/** What yargs knows of the options it has been given (getOptions is not in its type declarations). */
const parserOptions = (y: Argv): ParserOptions => (y as unknown as { getOptions(): ParserOptions }).getOptions();

/** The options of the command that runs, as yargs knows them once its builder has run. */
const commandOptions = (cli: Argv, nonEmpty: string[]): OptionTable => optionTable(parserOptions(cli), nonEmpty);

/** How many positional arguments the command that runs declares (`merge <dirs..>`: any number). */
function declaredPositionals(cli: Argv): number {
  type Internals = { getInternalMethods(): { getContext(): { fullCommands: string[] } } };
  const spec = (cli as unknown as Internals).getInternalMethods().getContext().fullCommands.at(-1) ?? '';
  const args = spec.split(/\s+/).filter((word) => /^[<[]/.test(word));
  return args.some((arg) => arg.includes('..')) ? Infinity : args.length;
}

/**
 * yargs draws the whole help before it calls a command's handler, and keeps it
 * for a handler that would show help once the line is read; none does (a
 * mistake is a UsageError). Not drawn, it spares `conform list` about 15 ms,
 * and the loading of what draws it.
 */
function withoutHelpKeptForHandlers(cli: Argv): Argv {
  type Internals = { getInternalMethods(): { getUsageInstance(): { cacheHelpMessage(): void } } };
  (cli as unknown as Internals).getInternalMethods().getUsageInstance().cacheHelpMessage = () => {};
  return cli;
}

async function dispatch(argv: string[], io: Output, signal: AbortSignal | undefined, cwd: string): Promise<number> {
  const wanted = commandsNamed(argv);
  for (;;) {
    const loaded = new Map<CommandName, CommandSpec>();
    for (const name of wanted) loaded.set(name, await LINES[name].load());
    try {
      return await parse(argv, loaded, { io, signal, cwd });
    } catch (err) {
      if (!(err instanceof NotLoaded) || wanted.has(err.command)) throw err;
      wanted.add(err.command);
    }
  }
}

async function parse(
  argv: string[],
  loaded: Map<CommandName, CommandSpec>,
  ctx: { io: Output; signal: AbortSignal | undefined; cwd: string },
): Promise<number> {
  let code: number = EXIT.conform;
  let nonEmpty: string[] = [];
  let cli = yargs(argv)
    .scriptName('conform')
    .usage(
      '$0 [--target URL | --discover] [options]\n\n' +
        'Probe an OpenStack-style REST API with the documented fault contracts of a profile.',
    );
  for (const name of LISTED) {
    const spec = loaded.get(name);
    const command = spec?.command ?? DECLARED[name] ?? name;
    cli = cli.command(
      command as string | string[],
      LINES[name].describe,
      (y) => {
        if (!spec) throw new NotLoaded(name);
        nonEmpty = spec.nonEmpty?.() ?? [];
        return spec.builder(y);
      },
      async (a) => {
        code = await spec!.handler(a, ctx);
      },
    );
  }
  cli = cli
    .parserConfiguration({ 'camel-case-expansion': false })
    .middleware((a) => {
      if (a.version) return;
      const line = { command: commandOf(a._), commands: COMMANDS, positionals: declaredPositionals(cli) };
      checkArgs(argv, commandOptions(cli, nonEmpty), line);
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
  await withoutHelpKeptForHandlers(cli).parseAsync();
  return code;
}
