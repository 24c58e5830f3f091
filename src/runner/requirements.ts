import type { Scenario } from '../model/scenario.js';
import type { RunEnvironment } from './environment.js';

/** Why a scenario cannot run with what this run was given, if it cannot. */
export function unmetRequirement(
  scenario: Scenario,
  env: Pick<RunEnvironment, 'credentials' | 'mainIsAdmin' | 'assumed'>,
): string | undefined {
  for (const need of scenario.requires ?? []) {
    if (need === 'auth' && !env.credentials.main) {
      return 'needs authentication: give --token (or OS_TOKEN) or password credentials (--os-auth-url ..., OS_* variables, --os-cloud)';
    }
    if (need === 'admin' && env.credentials.main && env.mainIsAdmin !== true) {
      return env.mainIsAdmin === false
        ? "needs an administrator: the main credential's token has no admin role"
        : "needs an administrator: conform could not read the main token's roles (identity v3 answers them); if it is one, say --assume admin";
    }
    if (need === 'rate-limit' && !env.assumed?.has('rate-limit')) {
      return 'needs a target that enforces a request-rate limit (see the profile notes); if it does, say --assume rate-limit';
    }
    if (need === 'maintenance' && !env.assumed?.has('maintenance')) {
      return 'needs a target with a backend in maintenance (see the profile notes); if it has, say --assume maintenance';
    }
    if (need === 'second-credential' && !env.credentials.second) {
      return 'needs a second, unprivileged credential: give --second-token (or CONFORM_SECOND_TOKEN) or --second-username/--second-password';
    }
  }
  return undefined;
}
