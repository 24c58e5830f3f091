import { waiveCommand } from '../commands/waive.js';
import type { CommandSpec } from './spec.js';

export const waive: CommandSpec = {
  command: 'waive',
  builder: (y) =>
    y
      .option('from', { type: 'string', demandOption: true, describe: 'The results.json of the run' })
      .option('out', { type: 'string', describe: 'Write the waiver file here (default: stdout)' }),
  handler: (a, { io }) => waiveCommand({ from: a.from as string, out: a.out as string | undefined }, io),
};
