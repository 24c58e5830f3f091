import { StaticTokens } from '../../targets/common/auth.js';
import { serveReference } from '../../targets/common/server.js';
import { createReference, referenceProfiles } from '../../targets/registry.js';
import { findMutation } from '../../targets/mutations.js';
import { UsageError } from '../../errors.js';
import type { Output } from './run.js';

export interface ServeConfig {
  profile: string;
  port: number;
  host: string;
  /** Tokens to accept, as `token=tenant` or `token=tenant:role,role`; none: no authentication. */
  tokens: string[];
  mutation?: string;
}

function parseTokens(specs: string[]): StaticTokens | undefined {
  if (specs.length === 0) return undefined;
  const map = new Map<string, { tenant: string; roles: string[] }>();
  for (const spec of specs) {
    const m = /^([^=]+)=([^:]+)(?::(.+))?$/.exec(spec);
    if (!m) throw new UsageError(`--accept-token '${spec.replace(/=.*/, '=…')}' must be TOKEN=TENANT or TOKEN=TENANT:ROLE,ROLE`);
    map.set(m[1], { tenant: m[2], roles: m[3] ? m[3].split(',') : ['member'] });
  }
  return new StaticTokens(map);
}

/** `conform serve`: a reference target as a standalone server, until `stop` aborts (Ctrl-C) or SIGTERM. */
export async function serveCommand(config: ServeConfig, io: Output, stop?: AbortSignal): Promise<number> {
  const mutation = config.mutation ? findMutation(config.profile, config.mutation) : undefined;
  const app = createReference(config.profile, { auth: parseTokens(config.tokens), flags: new Set(mutation?.flags ?? []) });
  if (!app) throw new UsageError(`profile ${config.profile} has no reference target; those that do: ${referenceProfiles().join(', ')}`);
  const running = await serveReference(app, { port: config.port, host: config.host, mutation });
  io.out(`conform reference target ${config.profile}${mutation ? ` (mutation ${mutation.id})` : ''} listening on ${running.url}`);
  await new Promise<void>((resolve) => {
    stop?.addEventListener('abort', () => resolve(), { once: true });
    process.once('SIGTERM', () => resolve());
  });
  await running.close();
  return 0;
}
