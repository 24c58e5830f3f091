// `conform [run]` and `conform config`: the options of RUN_OPTIONS, --config and authentication.
// What a run does (HTTP, validators, reports) is loaded only when it starts:
// `conform config` and `conform --help` need none of it.
import type { Argv } from 'yargs';
import { authOptions } from '../../auth/cliFlags.js';
import { configCommand } from '../commands/config.js';
import { CONFIG_FILE } from '../config.js';
import { resolveRun } from '../resolveRun.js';
import { declareRunOptions } from '../runOptions.js';
import { credentialFlags } from './credentials.js';
import type { CommandSpec } from './spec.js';

function runOptions(y: Argv) {
  const run = declareRunOptions(y).option('config', {
    type: 'string',
    describe: `Configuration file (default: ./${CONFIG_FILE}, if there is one; $CONFORM_CONFIG)`,
  });
  return authOptions(run);
}

export const run: CommandSpec = {
  command: ['$0', 'run'],
  builder: runOptions,
  handler: async (a, { io, signal, cwd }) => {
    const { options } = resolveRun(a, io, { env: process.env, cwd });
    const { runCommand } = await import('../commands/run.js');
    return runCommand(options, io, signal);
  },
  nonEmpty: credentialFlags,
};

export const config: CommandSpec = {
  command: 'config',
  builder: runOptions,
  handler: (a, { io, cwd }) => configCommand(resolveRun(a, io, { env: process.env, cwd }), io),
  nonEmpty: credentialFlags,
};
