import type { Catalog, FaultDefinition, Format } from '../model/catalog.js';
import type { CheckState, RecordedRequest, RecordedResponse } from '../model/result.js';
import type { ParsedBody } from '../body/parse.js';
import type { JsonFaultValidator } from '../validate/jsonFaults.js';
import type { XsdFaultValidator } from '../validate/xsdFaults.js';
import type { FaultView } from './faultView.js';

export type ResolvedExpectation =
  | { kind: 'fault'; fault: FaultDefinition; statuses: number[] }
  | { kind: 'success'; status: number };

/** Everything a probe check may look at. Checks read it and return a verdict; they change nothing. */
export interface ProbeContext {
  catalog: Catalog;
  validators: { json: JsonFaultValidator; xsd?: XsdFaultValidator };
  format: Format;
  request: RecordedRequest;
  response: RecordedResponse;
  /** The body parsed as the format that was asked for. */
  body: ParsedBody;
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

export interface Verdict {
  state: CheckState;
  expected?: string;
  actual?: string;
  message?: string;
}

export interface ProbeCheck {
  id: string;
  /** One line: the rule, as the documents state it. */
  title: string;
  appliesTo(ctx: ProbeContext): boolean;
  run(ctx: ProbeContext): Verdict;
}

export const pass = (message?: string): Verdict => ({ state: 'passed', message });
export const skip = (message: string): Verdict => ({ state: 'skipped', message });
export const fail = (message: string, expected?: string, actual?: string): Verdict => ({ state: 'failed', message, expected, actual });

export const expectsFault = (ctx: ProbeContext) => ctx.expectation.kind === 'fault' || ctx.acceptedInstead !== undefined;
