import type { CaseResult, CheckResult, Exchange, RecordedRequest, RecordedResponse } from '../model/result.js';

/** The headers an outline keeps: what the run's verdict on the target reads (an unavailable service's). */
const KEPT_HEADERS = ['retry-after'];

/** The headers of an outlined request, and of an answer that had none of KEPT_HEADERS: one object, never written to. */
const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>;

function outlineResponse(r: RecordedResponse): RecordedResponse {
  let headers = NO_HEADERS;
  for (const k in r.headers) if (KEPT_HEADERS.includes(k.toLowerCase())) headers = { ...headers, [k]: r.headers[k] };
  return { status: r.status, headers, body: '', truncated: r.truncated };
}

/**
 * Each object written out field by field, none spread from the original: a
 * large run keeps one outline per case, and objects copied by spreading can
 * each get a hidden class of their own, which costs more than their fields.
 */
function outlineExchange(e: Exchange): Exchange {
  const { method, url, credential, body } = e.request;
  const request: RecordedRequest = { method, url, headers: NO_HEADERS, credential };
  if (body !== undefined) request.body = body;
  const { step, role, operation, durationMs } = e;
  const outline: Exchange = e.response
    ? { step, role, operation, request, response: outlineResponse(e.response), durationMs }
    : { step, role, operation, request, durationMs };
  if (e.error !== undefined) outline.error = e.error;
  return outline;
}

/** Past this many different wordings of one check at one step, a table shares those it has and adds none. */
const MAX_PER_STEP = 16;

const sameCheck = (a: CheckResult, b: CheckResult): boolean =>
  a.state === b.state &&
  a.title === b.title &&
  a.message === b.message &&
  a.expected === b.expected &&
  a.actual === b.actual;

/**
 * The passing checks of a run's cases, each kept once: cases of one kind pass
 * the same checks with the same words, and a large run would otherwise hold
 * as many copies of them as it has cases. Looked up by check and step, then
 * compared field by field: nothing is allocated to find a copy.
 */
export class CheckTable {
  private readonly shared = new Map<string, Map<string, CheckResult[]>>();

  /** A passing case, its checks replaced (in the same array) by the table's copies of equal ones. */
  shareIn(c: CaseResult): CaseResult {
    if (c.state === 'passed') c.checks.forEach((check, i) => (c.checks[i] = this.share(check)));
    return c;
  }

  private share(c: CheckResult): CheckResult {
    let byStep = this.shared.get(c.check);
    if (!byStep) this.shared.set(c.check, (byStep = new Map()));
    let known = byStep.get(c.step);
    if (!known) byStep.set(c.step, (known = []));
    const copy = known.find((k) => sameCheck(k, c));
    if (copy) return copy;
    if (known.length < MAX_PER_STEP) known.push(c);
    return c;
  }
}

/**
 * A passing case as a run keeps it once the reporters have seen it whole: its
 * checks, and its exchanges in outline (each step, its request's method, URL
 * and body, the answer's status) without the headers and bodies that make up
 * most of its size, so that a run's memory stays flat as it grows. A case
 * that did not pass is kept whole: its exchanges are its diagnosis.
 */
export function outlined(c: CaseResult): CaseResult {
  if (c.state !== 'passed') return c;
  return { ...c, exchanges: c.exchanges.map(outlineExchange) };
}
