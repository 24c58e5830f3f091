// `conform init DIR`, `conform schemas DIR`, `conform import DOC… --out DIR`: profile folders.
import { initCommand } from '../commands/init.js';
import { schemasCommand } from '../commands/schemas.js';
import { importCommand } from '../commands/import.js';
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

export const importDocs: CommandSpec = {
  command: 'import <documents..>',
  builder: (y) =>
    y
      .positional('documents', { type: 'string', array: true, describe: 'The documents: only these are read' })
      .option('out', { type: 'string', demandOption: true, describe: 'The profile folder to write' })
      .option('name', { type: 'string', describe: "The profile's name (default: the folder's)" })
      .option('force', { type: 'boolean', default: false, describe: 'Write over a catalog.json already there' }),
  handler: (a, { io }) =>
    importCommand(
      {
        documents: a.documents as string[],
        out: a.out as string,
        name: a.name as string | undefined,
        force: a.force === true,
      },
      io,
    ),
};
