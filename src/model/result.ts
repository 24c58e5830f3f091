/**
 * The run, modelled as data. The runner produces a RunResult; reporters read
 * nothing else.
 */
import type { Format } from './catalog.js';
import type { CheckId } from './check.js';
import type { Waiver, WaiverOutcome } from './waiver.js';

export interface RecordedRequest {
  method: string;
  url: string;
  /** Header values of secrets are already replaced by the redactor. */
  headers: Record<string, string>;
  body?: string;
  /** The credential the token header came from (`second`: the unprivileged one). */
  credential?: 'main' | 'none' | 'invalid' | 'second';
}

/** An answer as it came from the target, whole: what the checks judge. */
export interface ReceivedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** True when the body was cut at the size limit. */
  truncated: boolean;
}

/** The copy of an answer kept in the results: secrets redacted, the body cut for reports. */
export type RecordedResponse = ReceivedResponse;

/** One HTTP round trip, as it happened. */
export interface Exchange {
  /** `probe`, a setup step id, or `cleanup:<step id>`. */
  step: string;
  role: 'setup' | 'probe' | 'cleanup';
  /** The catalog operation the request performs. */
  operation: string;
  request: RecordedRequest;
  response?: RecordedResponse;
  /** A transport failure: refused, reset, timed out. */
  error?: string;
  durationMs: number;
}

export type CheckState = 'passed' | 'failed' | 'skipped';

export interface CheckResult {
  /** The check's id, e.g. `fault-code`. */
  check: CheckId;
  /** The exchange it looked at (its `step`). */
  step: string;
  state: CheckState;
  /** One line: what the rule is. */
  title: string;
  expected?: string;
  actual?: string;
  /** For failures: what is wrong. For passes and skips: a note, if any. */
  message?: string;
}

export type CaseState = 'passed' | 'failed' | 'errored' | 'skipped' | 'waived';

export interface CaseFields {
  /** `<scenario id>[<format>]` */
  id: string;
  scenario: string;
  title: string;
  format: Format;
  /** The fault the scenario set out to trigger (if any). */
  expectedFault?: string;
  /** The fault the probe actually got, as the body names it. */
  observedFault?: string;
  /** Faults the answer cannot tell expectedFault from, for this probe (the scenario declares them). */
  indistinguishableFrom?: string[];
  /**
   * A fault the profile expects in all requests that the target answered
   * instead of the expected one (accepted, and validated as itself).
   */
  acceptedInstead?: string;
  checks: CheckResult[];
  exchanges: Exchange[];
  durationMs: number;
}

/** Every check that looked at the case passed (or had nothing to look at). */
export interface PassedCase extends CaseFields {
  state: 'passed';
  reason?: undefined;
}

/** At least one rule was broken: a finding. */
export interface FailedCase extends CaseFields {
  state: 'failed';
  /** What else went wrong, e.g. a setup call that did not succeed, so the probe was not sent. */
  reason?: string;
}

/** The case could not be tested: a request could not be sent or answered. */
export interface ErroredCase extends CaseFields {
  state: 'errored';
  reason: string;
}

/** The case's rule was not exercised (a requirement not met, a fault answered instead, the run stopped). */
export interface SkippedCase extends CaseFields {
  state: 'skipped';
  reason: string;
}

/** A finding a waiver accepts: still a finding (its failed checks kept), but it does not fail the run. */
export interface WaivedCase extends CaseFields {
  state: 'waived';
  /** As for a failed case. */
  reason?: string;
  /** The waiver that applied. */
  waiver: Waiver;
}

/** One scenario in one format. */
export type CaseResult = PassedCase | FailedCase | ErroredCase | SkippedCase | WaivedCase;

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  /** Findings a waiver accepts (not counted in `failed`); absent in results written before waivers existed. */
  waived?: number;
}

export interface FaultCoverage {
  fault: string;
  codes: number[];
  /** Cases whose probe was meant to trigger it. */
  scenarios: number;
  /** Of those, the cases in which the probe got it. */
  triggered: number;
  /** Of those, how many conformed. */
  conformed: number;
  /** Cases aimed at another fault in which the target answered this one. */
  answeredInstead: number;
  /**
   * Of the triggered cases, those whose answer cannot tell this fault from
   * another cause of its status (the probe differs from a valid request in
   * more than this cause): they show the status, not the cause.
   */
  undistinguished?: { cases: number; from: string[] };
  /** Why a black box cannot trigger it (from the catalog), if it cannot. */
  untriggerable?: string;
}

/**
 * What stops a run early: a signal (Ctrl-C, a cancelled CI job, `timeout`, `docker stop`), --deadline,
 * or a token that could not be renewed before it expired (`token`).
 */
export type StopCause = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'deadline' | 'token';

/** One thing a run tells the user: a choice conform made, or something worth changing. */
export interface RunNote {
  /** What it is about. */
  topic: 'credentials' | 'tenant' | 'target' | 'selection' | 'discovery' | 'run';
  /** `info`: what conform found or chose; `note`: something the user may want to change. */
  level: 'info' | 'note';
  message: string;
}

/** One part of a run split across machines (`--shard 2/3`): index counts from 1 to count. */
export interface Shard {
  index: number;
  count: number;
}

/** One of the shards a merged run was made of (`conform merge`), as it ran. */
export interface MergedShard {
  index: number;
  runId: string;
  target: string;
  startedAt: string;
  durationMs: number;
}

export interface RunResult {
  tool: { name: string; version: string };
  runId: string;
  /** The part of the planned cases this run ran (`--shard`); absent: all of them. */
  shard?: Shard;
  profile: string;
  target: string;
  /** True when conform started its embedded reference target. */
  embeddedTarget: boolean;
  startedAt: string;
  durationMs: number;
  /** A reason the target as a whole could not be tested (exit 3). */
  targetError?: string;
  /** The target failed a check before any case started (identity service, reachability, credentials). */
  preflightFailed?: true;
  /** The run was stopped (a signal, or its deadline) before every case had finished. */
  interrupted?: true;
  /** What stopped it. */
  stoppedBy?: StopCause;
  /** What the run told the user about the target, the credentials and the selection, in order. */
  notes: RunNote[];
  cases: CaseResult[];
  summary: RunSummary;
  coverage: FaultCoverage[];
  /** A run merged from shards (`conform merge`): each shard's own run, in order of index. */
  shards?: MergedShard[];
  /** When the run was given waivers (--waivers): those that matched nothing, and those expired. */
  waivers?: WaiverOutcome;
}
