import { mergeCommand } from '../commands/merge.js';
import type { CommandSpec } from './spec.js';

export const merge: CommandSpec = {
  command: 'merge <dirs..>',
  builder: (y) =>
    y
      .positional('dirs', { type: 'string', array: true, describe: "The shards' reports folders" })
      .option('reports', { type: 'string', default: 'reports', describe: 'Folder for the merged reports' })
      .option('color', {
        type: 'boolean',
        default: process.stdout.isTTY === true && !process.env.NO_COLOR,
        describe: 'Colour the console output',
      }),
  handler: (a, { io }) =>
    mergeCommand({ dirs: a.dirs as string[], reportsDir: a.reports as string, color: a.color as boolean }, io),
};
