// Where each profile of a run goes, and with which tokens and tenant:
// - --target URL: every profile there, with the credentials of the flags, the
//   environment or clouds.yaml; {tenant} is --tenant, else the main token's
//   project when it is a password credential against identity v3;
// - no --target, password credentials and endpoint discovery asked for on the
//   command line (--discover, or any authentication flag): the endpoints of
//   the token's service catalog (see discover.ts), the token's project as {tenant};
// - otherwise: the embedded reference targets. Credentials found only in the
//   environment or clouds.yaml are not used then, and a note says so: sourcing
//   an openrc file must not turn `conform` into a run against a real cloud.
import type { Secrets } from '../http/secrets.js';
import { HttpClient } from '../http/client.js';
import type { Network } from '../http/network.js';
import type { Profile } from '../model/profile.js';
import { authenticateRun, hasAuthFlags, processContext, type RunAuth } from '../auth/forRun.js';
import type { IdentityAuth } from '../auth/credentials.js';
import type { AuthFlags } from '../model/credentials.js';
import type { RunNote } from '../model/result.js';
import { resolveAuth, type ResolvedAuth } from '../auth/resolve.js';
import type { ConfigContext } from '../auth/cloudsYaml.js';
import { UsageError } from '../errors.js';
import { discoverTargets } from './discover.js';
import { versionPrefix } from './endpoints.js';
import { ADMIN_ROLE, readToken } from './tokenInfo.js';

const DEFAULT_TENANT = 'conform';

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
  /** The run's TLS trust, proxies and request rate, for every request to the identity service. */
  network?: Network;
  /** --discover: find the endpoints in the main token's service catalog; an error without password credentials. */
  discover?: boolean;
  /**
   * Whether credentials that come only from the environment or clouds.yaml
   * lead to discovery too (`conform cleanup`, which has no embedded target).
   * Otherwise only --discover or an authentication flag does.
   */
  discoverFromEnvironment?: boolean;
  /** Whether {tenant} matters (not for cleanup): with --target, the main token's project is read for it. */
  readTenant?: boolean;
}

/** How the profiles of a run are placed, decided before anything is sent. */
export type RunMode =
  | { kind: 'target'; target: string; profiles: Profile[] }
  | { kind: 'embedded'; profiles: Profile[]; note?: RunNote }
  | { kind: 'discover'; main: IdentityAuth; embedded: Profile[]; candidates: Profile[]; requireAll: boolean };

const UNUSED_FLAGS_NOTE: RunNote = {
  topic: 'credentials',
  level: 'note',
  message:
    'the embedded reference target has its own tokens; the credentials given are not used ' +
    "(give --target URL, or password credentials to find the endpoints in the token's service catalog)",
};

function unusedEnvironmentNote(resolved: ResolvedAuth | undefined): RunNote {
  const how =
    resolved?.main?.kind === 'token'
      ? 'give --target URL'
      : "add --discover to find the endpoints in the token's service catalog, or --target URL";
  return {
    topic: 'credentials',
    level: 'note',
    message:
      'the credentials in the environment (OS_*, OS_CLOUD / clouds.yaml) were not used: ' +
      `this run is on the embedded reference target; to test a cloud with them, ${how}`,
  };
}

function discoverMode(s: TargetSettings, main: IdentityAuth): RunMode {
  return {
    kind: 'discover',
    main,
    embedded: (s.profiles ?? []).filter((p) => !p.catalog.serviceType),
    candidates: (s.profiles ?? s.allProfiles()).filter((p) => p.catalog.serviceType),
    requireAll: s.profiles !== undefined,
  };
}

/** What a run on the embedded target says of the credentials it was given and does not use. */
function embeddedNote(s: TargetSettings, flagged: boolean, resolved: ResolvedAuth): RunNote | undefined {
  if (flagged) return UNUSED_FLAGS_NOTE;
  const fromEnvironment = resolved.main !== undefined || resolved.second !== undefined;
  return !s.discoverFromEnvironment && fromEnvironment ? unusedEnvironmentNote(resolved) : undefined;
}

/** --discover without password credentials. */
function cannotDiscover(main: ResolvedAuth['main']): UsageError {
  return new UsageError(
    main
      ? '--discover finds the endpoints with password credentials; ' +
          `the main credential is a token (from ${main.origin}): give --target URL`
      : '--discover needs password credentials: --os-cloud NAME, or an auth URL, a user name and a password ' +
          '(--os-auth-url, --os-username, OS_PASSWORD, or the OS_* variables of an openrc file)',
  );
}

/**
 * Where the profiles go, from the flags and the credentials' settings; sends
 * nothing. Throws a UsageError for --discover without password credentials and
 * for settings that cannot be used where they would be.
 */
export function runMode(s: TargetSettings, ctx: ConfigContext = processContext()): RunMode {
  if (s.target) return { kind: 'target', target: s.target, profiles: s.profiles ?? s.defaultProfiles() };
  const flagged = hasAuthFlags(s.auth);
  const mayDiscover = s.discover === true || flagged || s.discoverFromEnvironment === true;
  const embedded = (note?: RunNote): RunMode => ({
    kind: 'embedded',
    profiles: s.profiles ?? s.defaultProfiles(),
    note,
  });
  let resolved: ResolvedAuth;
  try {
    resolved = resolveAuth(s.auth, ctx);
  } catch (err) {
    // Settings in the environment that would not be used anyway do not stop a run on the embedded target.
    if (!mayDiscover && err instanceof UsageError) return embedded(unusedEnvironmentNote(undefined));
    throw err;
  }
  const main = resolved.main;
  if (main && main.kind !== 'token' && mayDiscover) return discoverMode(s, main);
  if (s.discover) throw cannotDiscover(main);
  return embedded(embeddedNote(s, flagged, resolved));
}

/** The admin role of the main token, asked of an identity v3 service conform runs a profile against. */
async function adminOnTarget(
  runs: ProfileRun[],
  token: string | undefined,
  secrets: Secrets,
  { timeoutMs, network }: Pick<TargetSettings, 'timeoutMs' | 'network'>,
): Promise<boolean | undefined> {
  const identity = runs.find(
    (r) => r.target && r.profile.catalog.serviceType === 'identity' && versionPrefix(r.profile.catalog) === '/v3',
  );
  if (!identity || !token) return undefined;
  const client = new HttpClient({ timeoutMs, connections: 1, network });
  try {
    return (await readToken(client, secrets, `${identity.target}/v3`, token)).roles.includes(ADMIN_ROLE);
  } catch {
    return undefined; // the scenarios that need an administrator are skipped, with the reason
  } finally {
    await client.close();
  }
}

/**
 * {tenant} for a --target run without --tenant: the main token's project, read
 * from the identity v3 service that issued it, as discovery does. Real services
 * refuse a member's create bodies whose tenant is not the token's project.
 * Without a password credential against identity v3: `conform`, silently.
 */
async function tenantOfToken(
  auth: RunAuth,
  secrets: Secrets,
  { timeoutMs, network }: Pick<TargetSettings, 'timeoutMs' | 'network'>,
  say: (note: RunNote) => void,
): Promise<string> {
  const identity = auth.mainIdentity;
  const token = auth.credentials.main;
  const fallback = (why: string) => {
    const message =
      `${why}: {tenant} is '${DEFAULT_TENANT}'; ` + "give --tenant ID if the target expects the token's project";
    say({ topic: 'tenant', level: 'note', message });
    return DEFAULT_TENANT;
  };
  if (auth.failure || !token || !identity) return DEFAULT_TENANT;
  if (identity.identityApiVersion !== '3')
    return fallback(
      `conform reads a token's project from identity v3 only (${identity.authUrl} is v${identity.identityApiVersion})`,
    );
  const client = new HttpClient({ timeoutMs, connections: 1, network });
  try {
    const { projectId } = await readToken(client, secrets, identity.authUrl, token);
    if (!projectId) return fallback(`the main token is not scoped to a project (${identity.authUrl})`);
    const message = `{tenant} is ${projectId}, the main token's project (give --tenant ID for another)`;
    say({ topic: 'tenant', level: 'info', message });
    return projectId;
  } catch (err) {
    return fallback(`the main token's project could not be read: ${secrets.redact((err as Error).message)}`);
  } finally {
    await client.close();
  }
}

export async function runTargets(
  s: TargetSettings,
  secrets: Secrets,
  say: (note: RunNote) => void,
  mode: RunMode = runMode(s),
): Promise<RunTargets> {
  const tenant = s.tenant ?? DEFAULT_TENANT;
  if (mode.kind === 'target') {
    const auth = await authenticateRun(s.auth, s, secrets, say);
    const runTenant =
      s.tenant ?? (s.readTenant === false ? DEFAULT_TENANT : await tenantOfToken(auth, secrets, s, say));
    const runs = mode.profiles.map((profile) => ({ profile, target: mode.target, tenant: runTenant }));
    return {
      auth,
      runs,
      mainIsAdmin: auth.failure ? undefined : await adminOnTarget(runs, auth.credentials.main, secrets, s),
    };
  }
  const embedded = (profiles: Profile[]): ProfileRun[] => profiles.map((profile) => ({ profile, tenant }));
  if (mode.kind === 'embedded') {
    if (mode.note) say(mode.note);
    return { auth: { credentials: {} }, runs: embedded(mode.profiles) };
  }
  const { main, candidates } = mode;
  const stayEmbedded = embedded(mode.embedded);
  const auth = await authenticateRun(s.auth, s, secrets, say);
  if (auth.failure || !auth.credentials.main) {
    return {
      auth,
      runs: [...stayEmbedded, ...candidates.map((profile) => ({ profile, target: main.authUrl, tenant }))],
    };
  }
  const client = new HttpClient({ timeoutMs: s.timeoutMs, connections: 1, network: s.network });
  try {
    const found = await discoverTargets({
      auth: main,
      token: auth.credentials.main,
      catalogs: candidates.map((p) => p.catalog),
      requireAll: mode.requireAll,
      client,
      secrets,
    });
    for (const message of found.notes) say({ topic: 'discovery', level: 'info', message });
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
