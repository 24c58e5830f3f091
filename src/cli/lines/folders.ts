// `conform init DIR` and `conform schemas DIR`: profile folders.
import { initCommand } from '../commands/init.js';
import { schemasCommand } from '../commands/schemas.js';
import type { CommandSpec } from './spec.js';

export const init: CommandSpec = {
  command: 'init <dir>',
  builder: (y) => y.positional('dir', { type: 'string', describe: 'The folder to create' }),
  handler: (a, { io }) => initCommand(a.dir as string, io),
};

export const schemas: CommandSpec = {
  command: 'schemas <dir>',
  builder: (y) => y.positional('dir', { type: 'string', describe: 'The profile folder' }),
  handler: (a, { io }) => schemasCommand(a.dir as string, io),
};
