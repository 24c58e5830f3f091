// The authentication flags of `conform run`: --token, --os-* as the OpenStack
// client names them, and --second-* for the unprivileged credential.
import type { Argv } from 'yargs';
import { FIELD_KEYS } from './credentials.js';
import { envName, SECOND_ENV } from './fromEnv.js';
import type { AuthField, AuthFlags, AuthSettings } from '../model/credentials.js';

const MAIN_FIELDS = (Object.keys(FIELD_KEYS) as AuthField[]).filter((f) => f !== 'token');
const SECOND_FIELDS = [
  'username',
  'password',
  'projectName',
  'applicationCredentialId',
  'applicationCredentialName',
  'applicationCredentialSecret',
] as const;

const osFlag = (field: AuthField): string => `os-${FIELD_KEYS[field].replace(/_/g, '-')}`;
const secondFlag = (field: AuthField): string => `second-${FIELD_KEYS[field].replace(/_/g, '-')}`;

const PASSWORD_NOTE = 'a flag is visible to other users in ps: prefer the variable';

const DESCRIBE: Record<Exclude<AuthField, 'token'>, string> = {
  authType: 'password, token or v3applicationcredential',
  authUrl: 'Identity endpoint for password auth (http://host:5000 or .../v3 or .../v2.0)',
  username: 'User name',
  password: 'Password',
  projectName: 'Project (tenant) to scope the token to',
  projectId: 'Project id, instead of the name',
  userDomainName: "User's domain (v3; without one: the domain with id 'default')",
  userDomainId: "User's domain id",
  projectDomainName: "Project's domain (v3)",
  projectDomainId: "Project's domain id",
  domainName: 'Both domains, when not given one by one',
  domainId: 'Both domain ids, when not given one by one',
  identityApiVersion: '3 (default) or 2.0',
  regionName: 'Region, for the service catalog',
  applicationCredentialId: 'Application credential id (identity v3; for CI: no password, a scope of its own)',
  applicationCredentialName: 'Application credential name, with its user (--os-username or --os-user-id)',
  applicationCredentialSecret: 'Application credential secret',
  userId: 'User id (of an application credential given by name)',
};

const isSecretField = (field: AuthField) => field === 'password' || field === 'applicationCredentialSecret';

const AUTH_GROUP = 'Authentication (flags > OS_* variables > clouds.yaml):';

export function authOptions<T>(y: Argv<T>): Argv<T> {
  let out = y
    .option('token', { type: 'string', alias: 'os-token', describe: 'Auth token to send (default: $OS_TOKEN)' })
    .option('os-cloud', {
      type: 'string',
      describe: 'A cloud of clouds.yaml (./, ~/.config/openstack/, /etc/openstack/; default: $OS_CLOUD)',
    })
    .option('second-token', {
      type: 'string',
      describe: 'An unprivileged token, for 403 scenarios (default: $CONFORM_SECOND_TOKEN)',
    })
    .option('second-os-cloud', {
      type: 'string',
      describe: 'A cloud of clouds.yaml for the unprivileged credential (default: $CONFORM_SECOND_CLOUD)',
    });
  for (const field of MAIN_FIELDS) {
    const note = isSecretField(field) ? `; ${PASSWORD_NOTE}` : '';
    out = out.option(osFlag(field), {
      type: 'string',
      describe: `${DESCRIBE[field]} (default: $${envName(field)})${note}`,
    });
  }
  for (const field of SECOND_FIELDS) {
    const note = isSecretField(field) ? `; ${PASSWORD_NOTE}` : '';
    out = out.option(secondFlag(field), {
      type: 'string',
      describe: `Unprivileged credential (default: $${SECOND_ENV[field]})${note}`,
    });
  }
  const names = [
    'token',
    'os-cloud',
    ...MAIN_FIELDS.map(osFlag),
    'second-token',
    'second-os-cloud',
    ...SECOND_FIELDS.map(secondFlag),
  ];
  return out.group(names, AUTH_GROUP);
}

/** Every authentication flag, with the variable that gives its setting when the flag does not. */
export function authFlagVariables(): Array<{ flag: string; env: string }> {
  return [
    { flag: 'token', env: 'OS_TOKEN' },
    { flag: 'os-cloud', env: 'OS_CLOUD' },
    ...MAIN_FIELDS.map((f) => ({ flag: osFlag(f), env: envName(f) })),
    { flag: 'second-token', env: SECOND_ENV.token },
    { flag: 'second-os-cloud', env: 'CONFORM_SECOND_CLOUD' },
    ...SECOND_FIELDS.map((f) => ({ flag: secondFlag(f), env: SECOND_ENV[f] })),
  ];
}

/** The flags as AuthFlags; the environment and clouds.yaml are read by resolveAuth. */
export function authFlagsFrom(args: Record<string, unknown>): AuthFlags {
  const str = (name: string): string | undefined => {
    // A flag given twice, or empty, is refused before this (a usage error): one value or none.
    const v = args[name];
    return v === undefined || v === '' ? undefined : String(v);
  };
  const main: AuthSettings = { token: str('token'), cloud: str('os-cloud') };
  for (const field of MAIN_FIELDS) main[field] = str(osFlag(field));
  const second: AuthSettings = { token: str('second-token'), cloud: str('second-os-cloud') };
  for (const field of SECOND_FIELDS) second[field] = str(secondFlag(field));
  return { main, second };
}
