import { AnyOfTokens, StaticTokens, type TokenAuthority } from '../../targets/common/auth.js';
import { KeystoneV2Tokens } from '../../targets/keystone-v2.0/remoteTokens.js';
import { serveReference } from '../../targets/common/server.js';
import { createReference, referenceProfiles } from '../../targets/registry.js';
import { findMutation } from '../../targets/mutations.js';
import { UsageError } from '../../errors.js';
import type { Output } from '../../model/output.js';

export interface ServeConfig {
  profile: string;
  port: number;
  host: string;
  /** Tokens to accept, as `token=tenant` or `token=tenant:role,role`. */
  tokens: string[];
  /** An Identity v2.0 service that validates tokens, with the admin token to ask it with. */
  identity?: { url: string; token?: string };
  mutation?: string;
}

/** Who may call the target: fixed tokens, an identity service, both, or (neither) anyone. */
function authority(config: ServeConfig): TokenAuthority | undefined {
  const authorities: TokenAuthority[] = [];
  const fixed = parseTokens(config.tokens);
  if (fixed) authorities.push(fixed);
  if (config.identity) {
    if (!config.identity.token)
      throw new UsageError(
        '--identity-url needs the admin token to validate tokens with: --identity-token or CONFORM_IDENTITY_TOKEN',
      );
    authorities.push(new KeystoneV2Tokens(config.identity.url, config.identity.token));
  }
  if (authorities.length === 0) return undefined;
  return authorities.length === 1 ? authorities[0] : new AnyOfTokens(authorities);
}

function parseTokens(specs: string[]): StaticTokens | undefined {
  if (specs.length === 0) return undefined;
  const map = new Map<string, { tenant: string; roles: string[] }>();
  for (const spec of specs) {
    const m = /^([^=]+)=([^:]+)(?::(.+))?$/.exec(spec);
    // The spec holds a token: never echoed.
    if (!m) throw new UsageError(`an --accept-token value is not TOKEN=TENANT or TOKEN=TENANT:ROLE,ROLE`);
    map.set(m[1], { tenant: m[2], roles: m[3] ? m[3].split(',') : ['member'] });
  }
  return new StaticTokens(map);
}

/** Why the server could not listen, as a usage error when it is the --port or --host given; anything else as is. */
function listenError(err: NodeJS.ErrnoException, config: ServeConfig): Error {
  const where = `${config.host}:${config.port}`;
  switch (err.code) {
    case 'EADDRINUSE':
      return new UsageError(
        `--port ${config.port} is in use on ${config.host}: choose another, or --port 0 for a free one`,
      );
    case 'EACCES':
      return new UsageError(
        `--port ${config.port}: not allowed to listen on ${where} (ports below 1024 need privileges)`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UsageError(`--host ${config.host} is not an address of this machine (${err.code})`);
    default:
      return err;
  }
}

/** `conform serve`: a reference target as a standalone server, until `stop` aborts (Ctrl-C) or SIGTERM. */
export async function serveCommand(config: ServeConfig, io: Output, stop?: AbortSignal): Promise<number> {
  const mutation = config.mutation ? findMutation(config.profile, config.mutation) : undefined;
  const auth = authority(config);
  const app = createReference(config.profile, { auth, flags: new Set(mutation?.flags ?? []) });
  if (!app)
    throw new UsageError(
      `profile ${config.profile} has no reference target; those that do: ${referenceProfiles().join(', ')}`,
    );
  const running = await serveReference(app, { port: config.port, host: config.host, mutation }).catch((err) => {
    throw listenError(err as NodeJS.ErrnoException, config);
  });
  const mutated = mutation ? ` (mutation ${mutation.id})` : '';
  const authentication = auth ? 'on' : 'off (--accept-token or --identity-url turns it on)';
  io.out(
    `conform reference target ${config.profile}${mutated} listening on ${running.url}; ` +
      `authentication ${authentication}`,
  );
  await new Promise<void>((resolve) => {
    stop?.addEventListener('abort', () => resolve(), { once: true });
    process.once('SIGTERM', () => resolve());
  });
  await running.close();
  return 0;
}
