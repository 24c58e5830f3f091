import { randomBytes } from 'node:crypto';
import type { Credentials } from '../model/credentials.js';
import type { Mutation } from './common/mutation.js';
import { StaticTokens } from './common/auth.js';
import { serveReference, type RunningTarget } from './common/server.js';
import { createReference, referenceAssumptions } from './registry.js';
import type { Assumption } from '../model/scenario.js';

export interface EmbeddedTarget extends RunningTarget {
  /** Tokens the target accepts: the tenant's administrator, and an unprivileged user of another tenant. */
  credentials: Required<Credentials>;
  /** The main token is the administrator. */
  mainIsAdmin: true;
  /** What the reference target enforces, for scenarios that need it. */
  assumed: ReadonlySet<Assumption>;
}

const token = () => randomBytes(24).toString('hex');

/**
 * A profile's reference target, in-process on a free loopback port, with
 * authentication on and two fresh tokens, so every scenario can run.
 */
export async function startEmbedded(
  profile: string,
  tenant: string,
  options: { mutation?: Mutation } = {},
): Promise<EmbeddedTarget | undefined> {
  const credentials = { main: token(), second: token() };
  const auth = new StaticTokens(
    new Map([
      // main may make admin calls (identity profiles create tenants and users); second may not.
      [credentials.main, { tenant, roles: ['member', 'admin'] }],
      [credentials.second, { tenant: `${tenant}-other`, roles: ['member'] }],
    ]),
  );
  const app = createReference(profile, { auth, flags: new Set(options.mutation?.flags ?? []) });
  if (!app) return undefined;
  const running = await serveReference(app, { mutation: options.mutation });
  return { ...running, credentials, mainIsAdmin: true, assumed: referenceAssumptions(profile) };
}
