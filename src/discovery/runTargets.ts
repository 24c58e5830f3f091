// Where each profile of a run goes, and with which tokens and tenant:
// - --target URL: every profile there;
// - no --target, password credentials: the endpoints of the token's service
//   catalog (see discover.ts), the token's project as {tenant};
// - otherwise: the embedded reference targets.
import type { Secrets } from '../http/secrets.js';
import { HttpClient } from '../http/client.js';
import type { Profile } from '../profiles/load.js';
import { authenticateRun, hasAuthFlags, processContext, type RunAuth } from '../auth/forRun.js';
import { resolveAuth, type AuthFlags } from '../auth/resolve.js';
import { discoverTargets } from './discover.js';
import { versionPrefix } from './endpoints.js';
import { ADMIN_ROLE, readToken } from './tokenInfo.js';

export const DEFAULT_TENANT = 'conform';

export interface ProfileRun {
  profile: Profile;
  /** Undefined: the profile's embedded reference target. */
  target?: string;
  tenant: string;
}

export interface RunTargets {
  auth: RunAuth;
  runs: ProfileRun[];
  /** Whether the main token has the admin role, when an identity v3 service said so. */
  mainIsAdmin?: boolean;
}

export interface TargetSettings {
  target?: string;
  /** --tenant, when given. */
  tenant?: string;
  /** The profiles asked for; undefined: the default (or, when discovering, every profile with a service type). */
  profiles?: Profile[];
  defaultProfiles: () => Profile[];
  allProfiles: () => Profile[];
  auth: AuthFlags;
  timeoutMs: number;
}

/** The admin role of the main token, asked of an identity v3 service conform runs a profile against. */
async function adminOnTarget(runs: ProfileRun[], token: string | undefined, secrets: Secrets, timeoutMs: number): Promise<boolean | undefined> {
  const identity = runs.find((r) => r.target && r.profile.catalog.serviceType === 'identity' && versionPrefix(r.profile.catalog) === '/v3');
  if (!identity || !token) return undefined;
  const client = new HttpClient({ timeoutMs, connections: 1 });
  try {
    return (await readToken(client, secrets, `${identity.target}/v3`, token)).roles.includes(ADMIN_ROLE);
  } catch {
    return undefined; // the scenarios that need an administrator are skipped, with the reason
  } finally {
    await client.close();
  }
}

export async function runTargets(s: TargetSettings, secrets: Secrets, say: (line: string) => void): Promise<RunTargets> {
  const tenant = s.tenant ?? DEFAULT_TENANT;
  if (s.target) {
    const auth = await authenticateRun(s.auth, { timeoutMs: s.timeoutMs }, secrets, say);
    const runs = (s.profiles ?? s.defaultProfiles()).map((profile) => ({ profile, target: s.target, tenant }));
    return { auth, runs, mainIsAdmin: auth.failure ? undefined : await adminOnTarget(runs, auth.credentials.main, secrets, s.timeoutMs) };
  }
  const resolved = resolveAuth(s.auth, processContext());
  const main = resolved.main;
  const embedded = (profiles: Profile[]): ProfileRun[] => profiles.map((profile) => ({ profile, tenant }));
  if (main?.kind !== 'password') {
    if (hasAuthFlags(s.auth)) {
      say('conform: note: the embedded reference target has its own tokens; the credentials given are not used (give --target URL, or password credentials to find the endpoints in the token\'s service catalog)');
    }
    return { auth: { credentials: {} }, runs: embedded(s.profiles ?? s.defaultProfiles()) };
  }
  const candidates = (s.profiles ?? s.allProfiles()).filter((p) => p.catalog.serviceType);
  const stayEmbedded = embedded((s.profiles ?? []).filter((p) => !p.catalog.serviceType));
  const auth = await authenticateRun(s.auth, { timeoutMs: s.timeoutMs }, secrets, say);
  if (auth.failure || !auth.credentials.main) {
    return { auth, runs: [...stayEmbedded, ...candidates.map((profile) => ({ profile, target: main.authUrl, tenant }))] };
  }
  const client = new HttpClient({ timeoutMs: s.timeoutMs, connections: 1 });
  try {
    const found = await discoverTargets({
      auth: main,
      token: auth.credentials.main,
      catalogs: candidates.map((p) => p.catalog),
      requireAll: s.profiles !== undefined,
      client,
      secrets,
    });
    for (const note of found.notes) say(`conform: ${note}`);
    const discovered = found.targets.map((t) => ({
      profile: candidates.find((p) => p.catalog.profile === t.profile)!,
      target: t.target,
      tenant: s.tenant ?? found.projectId ?? DEFAULT_TENANT,
    }));
    return { auth, runs: [...stayEmbedded, ...discovered], mainIsAdmin: found.mainIsAdmin };
  } finally {
    await client.close();
  }
}
