import type { Catalog, FaultDefinition, Format } from '../model/catalog.js';
import type { CheckResult, RecordedRequest, RecordedResponse } from '../model/result.js';
import { parseBody } from '../body/parse.js';
import type { ProbeContext, ResolvedExpectation } from './context.js';
import { readFaultView, type FaultView } from './faultView.js';
import { PROBE_CHECKS } from './registry.js';

interface Subject {
  subject?: FaultDefinition;
  acceptedInstead?: FaultDefinition;
}

/**
 * The fault the body is held to. When the status is not the expected one but
 * is a fault the profile expects in all requests, that fault is accepted in
 * place of the expected one, and the body is validated as that fault.
 */
function resolveSubject(catalog: Catalog, exp: ResolvedExpectation, status: number, view?: FaultView): Subject {
  if (exp.kind === 'success') return {};
  if (exp.statuses.includes(status)) return { subject: exp.fault };
  const anyRequest = catalog.faults.filter((f) => f.expectedInAllRequests && f.codes.includes(status));
  if (anyRequest.length > 0) {
    const named = anyRequest.find((f) => view?.roots[0] === f.element) ?? anyRequest[0];
    return { subject: named, acceptedInstead: named };
  }
  return { subject: exp.fault };
}

export interface ProbeEvaluation {
  checks: CheckResult[];
  /** The fault the body names (element-per-fault) or the status maps to. */
  observedFault?: string;
  acceptedInstead?: string;
}

export function evaluateProbe(args: {
  catalog: Catalog;
  validators: ProbeContext['validators'];
  format: Format;
  request: RecordedRequest;
  response: RecordedResponse;
  expectation: ResolvedExpectation;
}): ProbeEvaluation {
  const body = parseBody(args.response.body, args.format);
  const view = readFaultView(body, args.catalog);
  const ctx: ProbeContext = { ...args, body, view, ...resolveSubject(args.catalog, args.expectation, args.response.status, view) };
  const checks: CheckResult[] = [];
  for (const check of PROBE_CHECKS) {
    if (!check.appliesTo(ctx)) continue;
    checks.push({ check: check.id, step: 'probe', title: check.title, ...check.run(ctx) });
  }
  return { checks, observedFault: observedFault(args.catalog, args.response.status, view), acceptedInstead: ctx.acceptedInstead?.element };
}

function observedFault(catalog: Catalog, status: number, view?: FaultView): string | undefined {
  if (catalog.envelope.kind === 'element-per-fault' && view?.roots.length === 1) {
    if (catalog.faults.some((f) => f.element === view.roots[0])) return view.roots[0];
  }
  if (catalog.envelope.kind === 'fixed-root' && catalog.envelope.typeMember) {
    const type = view?.members.get(catalog.envelope.typeMember)?.value;
    if (typeof type === 'string' && catalog.faults.some((f) => f.element === type)) return type;
  }
  const byStatus = catalog.faults.filter((f) => f.codes.includes(status));
  return byStatus.length === 1 ? byStatus[0].element : undefined;
}
