import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { Profile } from '../profiles/load.js';

/** Tokens the run may send. */
export interface Credentials {
  /** Sent on every request unless a scenario says otherwise. */
  main?: string;
  /** A second, unprivileged credential: enables the 403 scenarios. */
  second?: string;
}

/** What every case of a run shares. */
export interface RunEnvironment {
  client: HttpClient;
  profile: Profile;
  /** Base URL of the service under test. */
  target: string;
  tenant: string;
  runId: string;
  credentials: Credentials;
  /** Whether the main token has the admin role, when conform could read its roles (identity v3). */
  mainIsAdmin?: boolean;
  secrets: Secrets;
}
