/** Tokens the run may send. */
export interface Credentials {
  /** Sent on every request unless a scenario says otherwise. */
  main?: string;
  /** A second, unprivileged credential: enables the 403 scenarios. */
  second?: string;
}

/**
 * The settings that one source (flags, environment, a cloud of clouds.yaml)
 * gives; any of them may be missing. Names follow openstacksdk's keys
 * (`auth_url` ↔ `authUrl` ↔ `OS_AUTH_URL`).
 */
export interface AuthFields {
  authType?: string;
  token?: string;
  authUrl?: string;
  username?: string;
  password?: string;
  projectName?: string;
  projectId?: string;
  userDomainName?: string;
  userDomainId?: string;
  projectDomainName?: string;
  projectDomainId?: string;
  /** Both user and project domain, when those are not given on their own. */
  domainName?: string;
  domainId?: string;
  identityApiVersion?: string;
  regionName?: string;
  /** An application credential (identity v3), by id, or by name with its user. */
  applicationCredentialId?: string;
  applicationCredentialName?: string;
  applicationCredentialSecret?: string;
  /** The application credential's user by id, instead of the user name and domain. */
  userId?: string;
}

export type AuthField = keyof AuthFields;

/** What the flags of one credential say; `cloud` names a cloud of clouds.yaml. */
export interface AuthSettings extends AuthFields {
  cloud?: string;
}

/** The authentication flags of a run; the OS_* variables and clouds.yaml are read when the run starts. */
export interface AuthFlags {
  main: AuthSettings;
  /** The second, unprivileged credential (403 scenarios). */
  second: AuthSettings;
  /** What a configuration file (conform.yaml) says: below the environment, above clouds.yaml. */
  file?: { origin: string; main: AuthSettings; second: AuthSettings };
}
