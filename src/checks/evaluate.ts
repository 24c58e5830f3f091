import type { Catalog, Envelope, FaultDefinition, Format } from '../model/catalog.js';
import type { CheckResult, ReceivedResponse, RecordedRequest } from '../model/result.js';
import { parseBody } from '../body/parse.js';
import { faultsExpectedInAllRequests } from '../catalog/load.js';
import type { ProbeContext, ResolvedExpectation } from './context.js';
import { chooseEnvelope } from './envelope.js';
import { readFaultView, type FaultView } from './faultView.js';
import { PROBE_CHECKS } from './registry.js';
import { skip } from './context.js';

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
  const anyRequest = faultsExpectedInAllRequests(catalog, status);
  if (anyRequest.length > 0) {
    const named = anyRequest.find((f) => view?.roots[0] === f.element) ?? anyRequest[0];
    return { subject: named, acceptedInstead: named };
  }
  // The body of another status is held to the fault documented for that status:
  // the status check names the mismatch once, the body is checked for what it is.
  if (catalog.envelope.kind === 'fixed-root') {
    const row = catalog.faults.find((f) => f.codes.includes(status) && f.typeValue === undefined);
    if (row) return { subject: row };
  } else {
    const only = catalog.faults.filter((f) => f.codes.includes(status));
    if (only.length === 1) return { subject: only[0] };
  }
  return { subject: exp.fault };
}

const BODY_CUT = 'not judged: the body is larger than conform reads (--max-body), so it was cut there';

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
  response: ReceivedResponse;
  expectation: ResolvedExpectation;
  /** The exchange the checks are about (default: the probe). */
  step?: string;
}): ProbeEvaluation {
  const body = parseBody(args.response.body, args.format);
  const chosen = chooseEnvelope(args.catalog, args.response.status, body);
  const view = readFaultView(body, chosen.envelope);
  const ctx: ProbeContext = {
    ...args,
    ...chosen,
    body,
    view,
    ...resolveSubject(args.catalog, args.expectation, args.response.status, view),
  };
  const checks: CheckResult[] = [];
  for (const check of PROBE_CHECKS) {
    if (!check.appliesTo(ctx)) continue;
    const verdict = check.readsBody && args.response.truncated ? skip(BODY_CUT) : check.run(ctx);
    checks.push({ check: check.id, step: args.step ?? 'probe', title: check.title, ...verdict });
  }
  const observed = observedFault(args.catalog, chosen.envelope, args.expectation, args.response.status, view);
  return { checks, observedFault: observed, acceptedInstead: ctx.acceptedInstead?.element };
}

/**
 * The fault the answer is. Element-per-fault bodies name it. With a fixed
 * root, faults are rows of a status table (several rows may share a status,
 * one per documented cause) or exceptions a source names by their type: the
 * expected fault when the status (and its type, if fixed) fit it, else the
 * fault the type names, else the only row for the status.
 */
function observedFault(
  catalog: Catalog,
  envelope: Envelope,
  exp: ResolvedExpectation,
  status: number,
  view?: FaultView,
): string | undefined {
  if (envelope.kind === 'element-per-fault') {
    if (view?.roots.length === 1 && catalog.faults.some((f) => f.element === view.roots[0])) return view.roots[0];
    const byStatus = catalog.faults.filter((f) => f.codes.includes(status));
    return byStatus.length === 1 ? byStatus[0].element : undefined;
  }
  const type = envelope.typeMember ? view?.members.get(envelope.typeMember)?.value : undefined;
  const fitting = catalog.faults.filter(
    (f) => f.codes.includes(status) && (f.typeValue === undefined || f.typeValue === type),
  );
  if (exp.kind === 'fault' && fitting.includes(exp.fault)) return exp.fault.element;
  const named = fitting.find((f) => f.typeValue !== undefined);
  if (named) return named.element;
  return fitting.length === 1 ? fitting[0].element : undefined;
}
