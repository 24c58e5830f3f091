import type { Requirement, Scenario } from '../model/scenario.js';
import type { RunEnvironment } from './environment.js';

type Env = Pick<RunEnvironment, 'credentials' | 'mainIsAdmin' | 'assumed'>;

/** For each requirement: why this run does not meet it, if it does not. */
const UNMET: Record<Requirement, (env: Env) => string | undefined> = {
  auth: (env) =>
    env.credentials.main
      ? undefined
      : 'needs authentication: give --token (or OS_TOKEN) or password credentials ' +
        '(--os-auth-url ..., OS_* variables, --os-cloud)',
  admin: (env) => {
    if (!env.credentials.main || env.mainIsAdmin === true) return undefined;
    return env.mainIsAdmin === false
      ? "needs an administrator: the main credential's token has no admin role"
      : "needs an administrator: conform could not read the main token's roles (identity v3 answers them); " +
          'if it is one, say --assume admin';
  },
  'rate-limit': (env) =>
    env.assumed?.has('rate-limit')
      ? undefined
      : 'needs a target that enforces a request-rate limit (see the profile notes); ' +
        'if it does, say --assume rate-limit',
  maintenance: (env) =>
    env.assumed?.has('maintenance')
      ? undefined
      : 'needs a target with a backend in maintenance (see the profile notes); if it has, say --assume maintenance',
  'second-credential': (env) =>
    env.credentials.second
      ? undefined
      : 'needs a second, unprivileged credential: give --second-token (or CONFORM_SECOND_TOKEN) ' +
        'or --second-username/--second-password',
};

/** Why a scenario cannot run with what this run was given, if it cannot. */
export function unmetRequirement(scenario: Scenario, env: Env): string | undefined {
  for (const need of scenario.requires ?? []) {
    const unmet = UNMET[need](env);
    if (unmet !== undefined) return unmet;
  }
  return undefined;
}
