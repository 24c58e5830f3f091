// Decides how conform authenticates, from command-line flags, then the
// environment, then clouds.yaml (--os-cloud / OS_CLOUD): each setting comes
// from the first source that gives it, as in the OpenStack client. Nothing
// here touches the network.
import { UsageError } from '../errors.js';
import { loadCloud, type ConfigContext } from './cloudsYaml.js';
import type { AuthField, AuthFields, AuthFlags, AuthSettings } from '../model/credentials.js';
import type { AppCredentialAuth, AuthLayer, AuthMethod, PasswordAuth } from './credentials.js';
import { authFieldsFromEnv, cloudNamesFromEnv, secondFieldsFromEnv } from './fromEnv.js';
import { identityEndpoint } from './identityEndpoint.js';

export interface ResolvedAuth {
  main?: AuthMethod;
  second?: AuthMethod;
  /** Things worth telling the user (never a secret). */
  warnings: string[];
}

/** Settings the second credential takes from the main one when it does not give its own. */
const SHARED: AuthField[] = [
  'authUrl',
  'identityApiVersion',
  'userDomainName',
  'userDomainId',
  'projectDomainName',
  'projectDomainId',
  'domainName',
  'domainId',
  'regionName',
];

interface Role {
  label: string;
  hints: Record<'authUrl' | 'username' | 'password', string>;
}

const MAIN: Role = {
  label: 'authentication',
  hints: {
    authUrl: 'an auth URL (--os-auth-url, OS_AUTH_URL or auth_url in clouds.yaml)',
    username: 'a user name (--os-username or OS_USERNAME)',
    password: 'a password (OS_PASSWORD, password in clouds.yaml or secure.yaml, or --os-password)',
  },
};

const SECOND: Role = {
  label: 'second credential',
  hints: {
    authUrl: "an auth URL (the main credential's --os-auth-url / OS_AUTH_URL, or --second-os-cloud)",
    username: 'a user name (--second-username or CONFORM_SECOND_USERNAME)',
    password: 'a password (CONFORM_SECOND_PASSWORD or --second-password)',
  },
};

const TOKEN_TYPES = new Set(['token', 'v2token', 'v3token', 'admin_token']);
const PASSWORD_TYPES = new Set(['password', 'v2password', 'v3password']);
const APP_CREDENTIAL_TYPES = new Set(['v3applicationcredential', 'applicationcredential', 'application_credential']);

type Kind = 'token' | 'password' | 'application-credential';

const hasAppCredential = (f: AuthFields) =>
  Boolean(f.applicationCredentialId || f.applicationCredentialName || f.applicationCredentialSecret);

const defined = (fields: AuthFields): AuthFields =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) as AuthFields;

/** Each field from the first layer that has it. */
function mergeLayers(layers: AuthLayer[]): AuthFields {
  const merged: AuthFields = {};
  for (const layer of [...layers].reverse()) Object.assign(merged, defined(layer.fields));
  return merged;
}

function kindOf(layer: AuthLayer): Kind {
  const type = layer.fields.authType?.toLowerCase().replace(/-/g, '_');
  if (type === undefined) {
    if (layer.fields.token) return 'token';
    return hasAppCredential(layer.fields) ? 'application-credential' : 'password';
  }
  if (TOKEN_TYPES.has(type)) return 'token';
  if (PASSWORD_TYPES.has(type)) return 'password';
  if (APP_CREDENTIAL_TYPES.has(type)) return 'application-credential';
  throw new UsageError(
    `auth type '${layer.fields.authType}' (from ${layer.origin}) is not supported: ` +
      `conform authenticates with a password, an application credential (v3applicationcredential) or a token`,
  );
}

const APP_HINTS = {
  main: {
    secret: 'its secret (OS_APPLICATION_CREDENTIAL_SECRET or application_credential_secret in clouds.yaml)',
    which: 'its id (OS_APPLICATION_CREDENTIAL_ID) or its name (OS_APPLICATION_CREDENTIAL_NAME) with its user',
    user: 'the user of a credential given by name (OS_USERNAME or OS_USER_ID)',
  },
  second: {
    secret: 'its secret (CONFORM_SECOND_APPLICATION_CREDENTIAL_SECRET)',
    which: 'its id (CONFORM_SECOND_APPLICATION_CREDENTIAL_ID) or its name with its user',
    user: 'the user of a credential given by name (CONFORM_SECOND_USERNAME)',
  },
};

function missingForAppCredential(merged: AuthFields, role: Role): string[] {
  const hints = APP_HINTS[role === MAIN ? 'main' : 'second'];
  const byName = !merged.applicationCredentialId && merged.applicationCredentialName;
  const checks: Array<[unknown, string]> = [
    [merged.authUrl, role.hints.authUrl],
    [merged.applicationCredentialSecret, hints.secret],
    [merged.applicationCredentialId || merged.applicationCredentialName, hints.which],
    [!byName || merged.username || merged.userId, hints.user],
  ];
  return checks.filter(([given]) => !given).map(([, hint]) => hint);
}

function appCredentialAuth(merged: AuthFields, layers: AuthLayer[], role: Role): AppCredentialAuth {
  const missing = missingForAppCredential(merged, role);
  const from = layers.filter((l) => Object.keys(defined(l.fields)).length > 0).map((l) => l.origin);
  if (missing.length > 0)
    throw new UsageError(
      `${role.label}: application credential authentication (settings from ${from.join(', ')}) ` +
        `also needs ${missing.join('; ')}`,
    );
  const endpoint = identityEndpoint(merged.authUrl!, merged.identityApiVersion, {
    url: 'the auth URL (--os-auth-url / OS_AUTH_URL / auth_url)',
    version: 'the identity API version (--os-identity-api-version / OS_IDENTITY_API_VERSION)',
  });
  if (endpoint.version !== '3')
    throw new UsageError(`${role.label}: application credentials are an identity v3 feature; ${endpoint.url} is v2.0`);
  const contributing = layers.filter((l) => hasAppCredential(l.fields) || l.fields.authUrl);
  return {
    kind: 'application-credential',
    authUrl: endpoint.url,
    identityApiVersion: '3',
    id: merged.applicationCredentialId,
    name: merged.applicationCredentialId ? undefined : merged.applicationCredentialName,
    username: merged.username,
    userId: merged.userId,
    userDomainName: merged.userDomainName ?? (merged.userDomainId ? undefined : merged.domainName),
    userDomainId: merged.userDomainId ?? (merged.userDomainName ? undefined : merged.domainId),
    secret: merged.applicationCredentialSecret!,
    regionName: merged.regionName,
    origin: contributing.map((l) => l.origin).join(' + '),
  };
}

function passwordAuth(merged: AuthFields, layers: AuthLayer[], role: Role): PasswordAuth {
  const missing = (['authUrl', 'username', 'password'] as const).filter((f) => !merged[f]);
  if (missing.length > 0) {
    const from = layers.filter((l) => Object.keys(defined(l.fields)).length > 0).map((l) => l.origin);
    throw new UsageError(
      `${role.label}: password authentication (settings from ${from.join(', ')}) ` +
        `also needs ${missing.map((f) => role.hints[f]).join('; ')}`,
    );
  }
  const endpoint = identityEndpoint(merged.authUrl!, merged.identityApiVersion, {
    url: 'the auth URL (--os-auth-url / OS_AUTH_URL / auth_url)',
    version: 'the identity API version (--os-identity-api-version / OS_IDENTITY_API_VERSION)',
  });
  const contributing = layers.filter((l) => (['authUrl', 'username', 'password'] as const).some((f) => l.fields[f]));
  return {
    kind: 'password',
    authUrl: endpoint.url,
    identityApiVersion: endpoint.version,
    username: merged.username!,
    password: merged.password!,
    projectName: merged.projectName,
    projectId: merged.projectId,
    // A bare domain stands for both user and project domain unless they are given.
    userDomainName: merged.userDomainName ?? (merged.userDomainId ? undefined : merged.domainName),
    userDomainId: merged.userDomainId ?? (merged.userDomainName ? undefined : merged.domainId),
    projectDomainName: merged.projectDomainName ?? (merged.projectDomainId ? undefined : merged.domainName),
    projectDomainId: merged.projectDomainId ?? (merged.projectDomainName ? undefined : merged.domainId),
    regionName: merged.regionName,
    origin: contributing.map((l) => l.origin).join(' + '),
  };
}

/** The method of the first layer that says how to authenticate; undefined when none does. */
function decide(layers: AuthLayer[], role: Role = MAIN): AuthMethod | undefined {
  const chooser = layers.find(
    (l) => l.fields.authType || l.fields.token || l.fields.username || l.fields.password || hasAppCredential(l.fields),
  );
  if (!chooser) return undefined;
  const merged = mergeLayers(layers);
  const kind = kindOf(chooser);
  if (kind === 'password') return passwordAuth(merged, layers, role);
  if (kind === 'application-credential') return appCredentialAuth(merged, layers, role);
  const source = layers.find((l) => l.fields.token);
  if (!source)
    throw new UsageError(
      `${role.label}: auth type '${chooser.fields.authType}' (from ${chooser.origin}) ` +
        'needs a token (--token, OS_TOKEN or auth.token)',
    );
  return { kind: 'token', token: source.fields.token!, origin: source.origin };
}

const withoutCloud = ({ cloud: _cloud, ...fields }: AuthSettings): AuthFields => fields;

function sameIdentity(a: AuthMethod, b: AuthMethod): boolean {
  if (a.kind === 'token' && b.kind === 'token') return a.token === b.token;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'application-credential' && b.kind === 'application-credential')
    return a.authUrl === b.authUrl && a.id === b.id && a.name === b.name && a.username === b.username;
  if (a.kind !== 'password' || b.kind !== 'password') return false;
  return (
    a.authUrl === b.authUrl &&
    a.username === b.username &&
    (a.projectName ?? a.projectId) === (b.projectName ?? b.projectId)
  );
}

const firstOf = (...names: (string | undefined)[]): string | undefined => names.find((n) => n !== undefined);

/** What a configuration file gives one credential: below the environment, above clouds.yaml. */
function fileLayer(file: AuthFlags['file'], which: 'main' | 'second'): AuthLayer[] {
  if (!file) return [];
  return [{ origin: which === 'main' ? file.origin : `${file.origin} (second-*)`, fields: withoutCloud(file[which]) }];
}

/** The cloud of clouds.yaml the main credential names: --os-cloud, OS_CLOUD, or the configuration file's. */
export function mainCloudName(flags: AuthFlags, env: ConfigContext['env']): string | undefined {
  return firstOf(flags.main.cloud, cloudNamesFromEnv(env).main, flags.file?.main.cloud);
}

export function resolveAuth(flags: AuthFlags, ctx: ConfigContext): ResolvedAuth {
  const clouds = cloudNamesFromEnv(ctx.env);
  const { file } = flags;
  const mainCloud = mainCloudName(flags, ctx.env);
  const mainLayers: AuthLayer[] = [
    { origin: 'the command line', fields: withoutCloud(flags.main) },
    { origin: 'the environment', fields: authFieldsFromEnv(ctx.env) },
    ...fileLayer(file, 'main'),
    ...(mainCloud ? [loadCloud(mainCloud, ctx)] : []),
  ];
  const secondCloud = firstOf(flags.second.cloud, clouds.second, file?.second.cloud);
  const shared = mergeLayers(mainLayers);
  const secondLayers: AuthLayer[] = [
    { origin: 'the command line (--second-*)', fields: withoutCloud(flags.second) },
    { origin: 'the environment (CONFORM_SECOND_*)', fields: secondFieldsFromEnv(ctx.env) },
    ...fileLayer(file, 'second'),
    ...(secondCloud ? [loadCloud(secondCloud, ctx)] : []),
    { origin: "the main credential's settings", fields: Object.fromEntries(SHARED.map((f) => [f, shared[f]])) },
  ];
  const main = decide(mainLayers, MAIN);
  const second = decide(secondLayers, SECOND);
  const warnings: string[] = [];
  if (flags.main.password || flags.second.password) {
    warnings.push(
      'a password given on the command line is visible to other users of this machine (ps); ' +
        'prefer OS_PASSWORD, CONFORM_SECOND_PASSWORD or clouds.yaml',
    );
  }
  if (flags.main.applicationCredentialSecret || flags.second.applicationCredentialSecret) {
    warnings.push(
      'an application credential secret given on the command line is visible to other users of this machine ' +
        '(ps); prefer OS_APPLICATION_CREDENTIAL_SECRET, CONFORM_SECOND_APPLICATION_CREDENTIAL_SECRET or clouds.yaml',
    );
  }
  if (main && second && sameIdentity(main, second)) {
    warnings.push(
      'the second credential is the same as the main one: ' +
        'the 403 scenarios expect an unprivileged user of another project',
    );
  }
  if (second && !main)
    warnings.push('a second credential without a main one: the scenarios that need authentication are skipped');
  return { main, second, warnings };
}
