import type { AuthFlags } from './credentials.js';
import type { Profile } from './profile.js';
import type { Assumption } from './scenario.js';
import type { Selection } from './selection.js';
import type { WaiverSet } from './waiver.js';

/** A run's configuration, resolved from flags (and later a config file): what the core runs. */
export interface RunSettings {
  /** Base URL of the service under test; undefined: the embedded reference target, or discovery. */
  target?: string;
  /** Find the endpoints in the main token's service catalog (no --target). */
  discover: boolean;
  /**
   * Profile names, or profiles already loaded. Undefined: the default profile,
   * or when discovering, those the token's service catalog has endpoints for.
   */
  profiles?: (string | Profile)[];
  /** Undefined: `conform`, or the main token's project (password credentials against identity v3). */
  tenant?: string;
  /** Scenarios in flight at once; the steps of one stay in order. */
  concurrency: number;
  /** Per request, from sending to the last byte of the body. */
  timeoutMs: number;
  /** For the whole run: once it passes, the run stops as on a signal (undefined: no bound). */
  deadlineMs?: number;
  /** Answers are read up to this many bytes; a larger one is not judged for its shape (undefined: 1 MiB). */
  maxBodyBytes?: number;
  selection: Selection;
  /** What the user declares about the target (--assume): conform cannot find these out. */
  assume: Assumption[];
  auth: AuthFlags;
  /** Where the report files go (results.json, junit.xml, …); undefined: no report files. */
  reportsDir?: string;
  /** The reporters to run, by name (report/reporters.ts); undefined: console, json and junit. */
  reporters?: string[];
  /**
   * Keep every case's exchanges whole in the results the run returns (--keep-exchanges); by default a
   * passing case keeps their outline (steps, requests, statuses) once the reporters have seen it whole.
   */
  keepExchanges?: boolean;
  /** The prefix of every name the run gives; undefined: a new one. */
  runId?: string;
  /** Embedded reference targets only: the mutation (by id) that breaks one rule of the contract. */
  mutation?: string;
  /** Known deviations (--waivers): failed cases they accept are waived, and do not fail the run. */
  waivers?: WaiverSet;
  /** How requests travel: the CA to trust, certificates unchecked, the request rate. */
  network?: NetworkSettings;
  /** Only the scenarios whose every request is a GET or HEAD run; the others are skipped with the reason. */
  readOnly?: boolean;
}

export interface NetworkSettings {
  /** --os-cacert / OS_CACERT: a PEM file of the CAs to trust instead of Node's (over clouds.yaml `cacert`). */
  caFile?: string;
  /** --insecure (or clouds.yaml `verify: false`): TLS certificates are not verified. */
  insecure?: boolean;
  /** --rate: at most this many requests per second, over the whole run. */
  rate?: number;
}
