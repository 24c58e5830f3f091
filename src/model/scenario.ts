/**
 * Scenarios are data files under suites/<profile>/. A scenario prepares
 * resources (setup), sends one probe, and states what the contract says the
 * probe must get back. Values in paths and bodies may use `{placeholders}`:
 * `{tenant}`, `{runId}`, `{uuid}` (a fresh random id), `{password}` (a fresh random
 * password, a secret of the run), `{<step>.<capture>}`.
 */
import type { Format, Operation } from './catalog.js';

/**
 * What a scenario needs from the run before it can be sent: credentials, an
 * administrator (the main token has the admin role), or a
 * behaviour of the target conform cannot find out by itself (declared with
 * --assume, or known of a reference target).
 */
export type Requirement = 'auth' | 'second-credential' | 'admin' | 'rate-limit' | 'maintenance';

/**
 * What a user can declare about a target with --assume, because a client
 * cannot find it out beforehand:
 * - `admin`: the main credential is an administrator;
 * - `auth`: the target enforces authentication (so a 401/403 probe that
 *   succeeds is a finding, not a sign that auth is simply off);
 * - `rate-limit`: the target enforces the request-rate limit the profile notes describe;
 * - `maintenance`: the target keeps the backend the profile notes name in maintenance.
 */
export const ASSUMPTIONS = ['admin', 'auth', 'rate-limit', 'maintenance'] as const;
export type Assumption = (typeof ASSUMPTIONS)[number];

export interface RequestSpec {
  /** An operation of the catalog; its method, path and success code apply. */
  operation: string;
  /** Values for the operation's path placeholders. */
  params?: Record<string, string>;
  /** A body, written once as JSON; XML requests get the profile's encoding. */
  body?: unknown;
  /** A literal body per format, sent as is (malformed bodies). */
  rawBody?: Partial<Record<Format, string>>;
  /** How the format is asked for: Accept/Content-Type headers, or a path suffix. */
  negotiation?: 'headers' | 'suffix';
  /** Sends the operation's path with another method: the wrong-method probes (405). */
  method?: Operation['method'];
  /**
   * Sent as Accept instead of the format's media type: asks for a format the
   * profile does not serve (`application/xml` to a JSON-only service → 406).
   * The answer is still read as the case's format.
   */
  accept?: string;
  /** Which credential the request carries (default: the run's main one). */
  credential?: 'main' | 'none' | 'invalid' | 'second';
  /**
   * Request headers, with placeholders: a token a setup step obtained
   * (`x-auth-token`, `x-subject-token`). They override the credential's.
   */
  headers?: Record<string, string>;
}

export interface SetupStep extends RequestSpec {
  /** The name later steps use to refer to this step's captures. */
  id: string;
  /** Values to read from the answer: name → JSON pointer, or `header:<name>` for a response header. */
  capture?: Record<string, string>;
  /** The request that undoes this step, registered as soon as it succeeds. */
  cleanup?: RequestSpec;
}

export type Expectation = { fault: string; status?: number } | { success: true };

/** The probe: a request, plus how to undo it should the target wrongly carry it out. */
export interface ProbeSpec extends RequestSpec {
  /** Read from a 2xx answer, for `cleanup`. */
  capture?: Record<string, string>;
  /** Sent only when the probe unexpectedly succeeded and created something. */
  cleanup?: RequestSpec;
}

/**
 * A probe whose success does not show a violation unless the run knows more:
 * a 401 probe answered 200 by a service that simply has no authentication in
 * its pipeline (Quantum v1.0: "401 and 403 … only if some Authentication/
 * Authorization system has been enabled").
 */
export interface InconclusiveIfSucceeds {
  /** The case is a finding after all when the run assumes this. */
  unlessAssumed: Assumption;
  reason: string;
}

export interface Scenario {
  id: string;
  title: string;
  /** Why the contract expects this answer. */
  rationale: string;
  requires?: Requirement[];
  formats?: Format[];
  setup?: SetupStep[];
  probe: ProbeSpec;
  expect: Expectation;
  inconclusiveIfSucceeds?: InconclusiveIfSucceeds;
  /**
   * The answer cannot tell the expected fault from these (same status, same
   * envelope), and the probe differs from the operation's valid request in
   * more than the expected cause: coverage counts the case as aimed at the
   * fault but not distinguishing it.
   */
  indistinguishableFrom?: { faults: string[]; reason: string };
  /** Set by the loader: the suite file the scenario was read from. */
  source?: string;
}

export interface Suite {
  profile: string;
  scenarios: Scenario[];
}
