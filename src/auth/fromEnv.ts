// The usual OS_* variables (as an openrc file sets them), and conform's own
// CONFORM_SECOND_* variables for the second, unprivileged credential.
import type { AuthField, AuthFields } from '../model/credentials.js';
import { FIELD_ALIASES, FIELD_KEYS } from './credentials.js';

export type Env = Record<string, string | undefined>;

/** Environment variable of a field: `authUrl` → `OS_AUTH_URL`. */
export const envName = (field: AuthField): string => `OS_${FIELD_KEYS[field].toUpperCase()}`;

/** The second credential's settings: few, the rest (auth URL, domains, version) is the main one's. */
export const SECOND_ENV = {
  token: 'CONFORM_SECOND_TOKEN',
  username: 'CONFORM_SECOND_USERNAME',
  password: 'CONFORM_SECOND_PASSWORD',
  projectName: 'CONFORM_SECOND_PROJECT_NAME',
  applicationCredentialId: 'CONFORM_SECOND_APPLICATION_CREDENTIAL_ID',
  applicationCredentialName: 'CONFORM_SECOND_APPLICATION_CREDENTIAL_NAME',
  applicationCredentialSecret: 'CONFORM_SECOND_APPLICATION_CREDENTIAL_SECRET',
} as const satisfies Partial<Record<AuthField, string>>;

const CLOUD_ENV = { main: 'OS_CLOUD', second: 'CONFORM_SECOND_CLOUD' } as const;

/** An empty variable counts as unset, as in the OpenStack client. */
const read = (env: Env, name: string): string | undefined => env[name] || undefined;

export function authFieldsFromEnv(env: Env): AuthFields {
  const fields: AuthFields = {};
  for (const field of Object.keys(FIELD_KEYS) as AuthField[]) {
    const value = read(env, envName(field));
    if (value !== undefined) fields[field] = value;
  }
  for (const [alias, field] of Object.entries(FIELD_ALIASES)) {
    const value = read(env, `OS_${alias.toUpperCase()}`);
    if (value !== undefined) fields[field] ??= value;
  }
  return fields;
}

export function secondFieldsFromEnv(env: Env): AuthFields {
  const fields: AuthFields = {};
  for (const [field, name] of Object.entries(SECOND_ENV) as Array<[AuthField, string]>) {
    const value = read(env, name);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

export function cloudNamesFromEnv(env: Env): { main?: string; second?: string } {
  return { main: read(env, CLOUD_ENV.main), second: read(env, CLOUD_ENV.second) };
}
