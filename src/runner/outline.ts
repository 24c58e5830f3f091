import type { CaseResult, Exchange } from '../model/result.js';

/** The headers an outline keeps: what the run's verdict on the target reads (an unavailable service's). */
const KEPT_HEADERS = ['retry-after'];

function outlineExchange(e: Exchange): Exchange {
  const { headers: _requestHeaders, ...request } = e.request;
  const outline: Exchange = { ...e, request: { ...request, headers: {} } };
  if (e.response) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(e.response.headers)) if (KEPT_HEADERS.includes(k.toLowerCase())) headers[k] = v;
    outline.response = { status: e.response.status, headers, body: '', truncated: e.response.truncated };
  }
  return outline;
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
