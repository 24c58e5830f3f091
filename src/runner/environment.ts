import type { HttpClient } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { Profile } from '../model/profile.js';
import type { Assumption } from '../model/scenario.js';
import type { Credentials } from '../model/credentials.js';
import type { RunStop } from './stop.js';

/** What every case of a run shares. */
export interface RunEnvironment {
  client: HttpClient;
  profile: Profile;
  /** Base URL of the service under test. */
  target: string;
  tenant: string;
  runId: string;
  credentials: Credentials;
  /**
   * Whether the main token has the admin role: read from identity v3,
   * declared with --assume admin, or known of a reference target.
   */
  mainIsAdmin?: boolean;
  /** Behaviours of the target declared with --assume (or known of a reference target), e.g. `rate-limit`. */
  assumed?: ReadonlySet<Assumption>;
  secrets: Secrets;
  /** --read-only: the scenarios that send anything but GET or HEAD are skipped. */
  readOnly?: boolean;
  /** How the run stops early (a signal, its deadline); none: it runs to the end. */
  stop?: RunStop;
}
