import { DEFAULT_PROFILE, listProfiles } from '../../catalog/registry.js';
import { loadCatalog } from '../../catalog/load.js';
import { loadSuite } from '../../suite/load.js';
import { listCommand } from '../commands/list.js';
import type { CommandSpec } from './spec.js';

/**
 * The profiles to list: built-in ones read as their catalog and scenarios
 * only; a profile folder (or a name that is not built in) as a run resolves it.
 */
async function listed(values: string[]) {
  const known = listProfiles();
  if (values.every((v) => known.includes(v))) {
    return [...new Set(values)].map((name) => {
      const catalog = loadCatalog(name);
      return { catalog, suite: loadSuite(catalog) };
    });
  }
  const [{ checkProfiles }, { profileOf }] = await Promise.all([
    import('../options.js'),
    import('../../profiles/ref.js'),
  ]);
  return checkProfiles(values).map(profileOf);
}

export const list: CommandSpec = {
  command: 'list',
  builder: (y) =>
    y.option('profile', {
      type: 'string',
      array: true,
      default: [DEFAULT_PROFILE],
      describe: 'Built-in profile(s), or profile folder(s) (./path)',
    }),
  handler: async (a, { io }) => listCommand(await listed(a.profile as string[]), io),
};
