import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { Profile } from '../profiles/load.js';
import type { Assumption } from '../model/scenario.js';

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
  /** Whether the main token has the admin role: read from identity v3, declared with --assume admin, or known of a reference target. */
  mainIsAdmin?: boolean;
  /** Behaviours of the target declared with --assume (or known of a reference target), e.g. `rate-limit`. */
  assumed?: ReadonlySet<Assumption>;
  secrets: Secrets;
}
