import { DEFAULT_PROFILE } from '../../catalog/registry.js';
import { referenceProfiles } from '../../targets/registry.js';
import { serveCommand } from '../commands/serve.js';
import { parsePort, parseTarget } from '../options.js';
import type { CommandSpec } from './spec.js';

export const serve: CommandSpec = {
  command: 'serve',
  builder: (y) =>
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
  handler: (a, { io, signal }) => {
    const port = parsePort(a.port);
    const identity = a['identity-url']
      ? {
          url: parseTarget(a['identity-url'] as string, 'identity-url'),
          token: (a['identity-token'] as string | undefined) ?? (process.env.CONFORM_IDENTITY_TOKEN || undefined),
        }
      : undefined;
    const options = {
      profile: a.profile as string,
      port,
      host: a.host as string,
      tokens: a['accept-token'] as string[],
      identity,
      mutation: a.mutation as string | undefined,
    };
    return serveCommand(options, io, signal);
  },
  nonEmpty: () => ['identity-token'],
};
