import { DEFAULT_PROFILE } from '../../catalog/registry.js';
import { listCommand } from '../commands/list.js';
import { checkProfiles } from '../options.js';
import type { CommandSpec } from './spec.js';

export const list: CommandSpec = {
  command: 'list',
  builder: (y) =>
    y.option('profile', {
      type: 'string',
      array: true,
      default: [DEFAULT_PROFILE],
      describe: 'Built-in profile(s), or profile folder(s) (./path)',
    }),
  handler: (a, { io }) => listCommand(checkProfiles(a.profile as string[]), io),
};
