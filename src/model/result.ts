/**
 * The run, modelled as data. The runner produces a RunResult; reporters read
 * nothing else.
 */
import type { Format } from './catalog.js';

export interface RecordedRequest {
  method: string;
  url: string;
  /** Header values of secrets are already replaced by the redactor. */
  headers: Record<string, string>;
  body?: string;
  /** The credential the token header came from (`second`: the unprivileged one). */
  credential?: 'main' | 'none' | 'invalid' | 'second';
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** True when the body was cut at the size limit. */
  truncated: boolean;
}

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
  check: string;
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

export type CaseState = 'passed' | 'failed' | 'errored' | 'skipped';

/** One scenario in one format. */
export interface CaseResult {
  /** `<scenario id>[<format>]` */
  id: string;
  scenario: string;
  title: string;
  format: Format;
  state: CaseState;
  /** Why it was skipped or errored. */
  reason?: string;
  /** The fault the scenario set out to trigger (if any). */
  expectedFault?: string;
  /** The fault the probe actually got, as the body names it. */
  observedFault?: string;
  /** A fault the profile expects in all requests that the target answered instead of the expected one (accepted, and validated as itself). */
  acceptedInstead?: string;
  checks: CheckResult[];
  exchanges: Exchange[];
  durationMs: number;
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
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
  /** Why a black box cannot trigger it (from the catalog), if it cannot. */
  untriggerable?: string;
}

export interface RunResult {
  tool: { name: string; version: string };
  runId: string;
  profile: string;
  target: string;
  /** True when conform started its embedded reference target. */
  embeddedTarget: boolean;
  startedAt: string;
  durationMs: number;
  /** A reason the target as a whole could not be tested (exit 3). */
  targetError?: string;
  /** The run was stopped (Ctrl-C) before every case had started. */
  interrupted?: true;
  cases: CaseResult[];
  summary: RunSummary;
  coverage: FaultCoverage[];
}
