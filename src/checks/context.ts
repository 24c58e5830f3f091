import type { AlternativeEnvelope, Catalog, Envelope, FaultDefinition, Format } from '../model/catalog.js';
import type { ProbeCheckId } from '../model/check.js';
import type { ReceivedResponse, RecordedRequest } from '../model/result.js';
import type { JsonFaultSchema, XsdFaultSchema } from '../model/profile.js';
import type { Verdict } from '../model/verdict.js';
import type { ParsedBody } from '../body/parse.js';
import type { FaultView } from './faultView.js';

export type ResolvedExpectation =
  { kind: 'fault'; fault: FaultDefinition; statuses: number[] } | { kind: 'success'; status: number };

/** Everything a probe check may look at. Checks read it and return a verdict; they change nothing. */
export interface ProbeContext {
  catalog: Catalog;
  validators: { json: JsonFaultSchema; xsd?: XsdFaultSchema };
  format: Format;
  request: RecordedRequest;
  /** The answer as it came, whole (not the copy redacted and cut for reports). */
  response: ReceivedResponse;
  /** The body parsed as the format that was asked for. */
  body: ParsedBody;
  /** The envelope the body is held to: the profile's, or an alternative it documents for this status. */
  envelope: Envelope;
  /** Set when the body is in one of the profile's alternative envelopes. */
  alternative?: AlternativeEnvelope;
  /** The fault members as found in the body, if the body is a readable fault. */
  view?: FaultView;
  expectation: ResolvedExpectation;
  /**
   * The fault the body must conform to: the expected one, or a fault the
   * profile expects in all requests that the target answered instead.
   */
  subject?: FaultDefinition;
  /** Set when the target answered a fault expected in all requests instead of the expected one. */
  acceptedInstead?: FaultDefinition;
}

export interface ProbeCheck {
  id: ProbeCheckId;
  /** One line: the rule, as the documents state it. */
  title: string;
  /** Judges the body's shape: not when the body was cut at the size limit (`response.truncated`). */
  readsBody?: true;
  appliesTo(ctx: ProbeContext): boolean;
  run(ctx: ProbeContext): Verdict;
}

export const pass = (message?: string): Verdict => ({ state: 'passed', message });
export const skip = (message: string): Verdict => ({ state: 'skipped', message });
export const fail = (message: string, expected?: string, actual?: string): Verdict => ({
  state: 'failed',
  message,
  expected,
  actual,
});

/**
 * The answer is held to a fault contract: a fault was expected (or accepted
 * instead) and the answer is an error. A 2xx where a fault was due is the
 * status check's finding; its body is a success body, not a broken fault.
 */
export const expectsFault = (ctx: ProbeContext) =>
  (ctx.expectation.kind === 'fault' || ctx.acceptedInstead !== undefined) && ctx.response.status >= 400;
