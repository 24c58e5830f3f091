import type { Argv } from 'yargs';
import type { Output } from '../../model/output.js';

/** What a command's handler is given besides its arguments. */
export interface CommandContext {
  io: Output;
  signal?: AbortSignal;
  cwd: string;
}

/**
 * One command of the CLI as yargs declares it: its name and positionals, its
 * options and what it does. Each lives in a module of its own, imported only
 * when the command line names it, so a command loads only what it needs.
 */
export interface CommandSpec {
  command: string | readonly string[];
  builder: (y: Argv) => Argv;
  handler: (args: Record<string, unknown>, ctx: CommandContext) => Promise<number> | number;
  /** Options whose value may not be empty (credentials): `--token "$UNSET"` must not quietly run without one. */
  nonEmpty?: () => string[];
}
