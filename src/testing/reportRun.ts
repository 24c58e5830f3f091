// A run as the report tests read it: a case of each state, and a failure whose
// target-given text carries markup, quotes and backticks.
import type { CaseResult, Exchange, FaultCoverage, RunResult } from '../model/result.js';

/** Text a target can put in its answers, to be shown and never obeyed: HTML, quotes, a fence. */
export const HOSTILE = '<script>alert("x")</script></details>"\'```` `` & | *';

const probe: Exchange = {
  step: 'probe',
  role: 'probe',
  operation: 'network.show',
  request: {
    method: 'GET',
    url: 'http://127.0.0.1:9696/v1.0/tenants/t1/networks/n-missing',
    headers: { accept: 'application/json', 'x-auth-token': '[REDACTED]' },
    credential: 'main',
  },
  response: {
    status: 404,
    headers: { 'content-type': 'application/json', 'x-trace': HOSTILE },
    body: JSON.stringify({ itemNotFound: { code: 404, message: HOSTILE } }),
    truncated: false,
  },
  durationMs: 3,
};

const failed: CaseResult = {
  id: 'network.show.missing[json]',
  scenario: 'network.show.missing',
  title: 'Show a network that does not exist',
  format: 'json',
  state: 'failed',
  expectedFault: 'networkNotFound',
  observedFault: 'itemNotFound',
  checks: [
    {
      check: 'status',
      step: 'probe',
      state: 'failed',
      title: 'the status is the fault code',
      expected: '420',
      actual: '404',
      message: 'expected 420 (networkNotFound), got 404',
    },
    {
      check: 'fault-root',
      step: 'probe',
      state: 'failed',
      title: 'the root names the fault',
      expected: 'networkNotFound',
      actual: `itemNotFound ${HOSTILE}`,
      message: `root key is 'itemNotFound' ${HOSTILE}`,
    },
    { check: 'content-type', step: 'probe', state: 'passed', title: 'the answer is JSON' },
  ],
  exchanges: [probe],
  durationMs: 9,
};

const passed = (scenario: string, format: 'json' | 'xml'): CaseResult => ({
  id: `${scenario}[${format}]`,
  scenario,
  title: 'Show a network that does not exist',
  format,
  state: 'passed',
  expectedFault: 'networkNotFound',
  observedFault: 'networkNotFound',
  checks: [{ check: 'status', step: 'probe', state: 'passed', title: 'the status is the fault code' }],
  exchanges: [{ ...probe, response: { ...probe.response!, status: 420, body: '<networkNotFound/>' } }],
  durationMs: 4,
});

const errored: CaseResult = {
  id: 'port.show.missing[xml]',
  scenario: 'port.show.missing',
  title: 'Show a port that does not exist',
  format: 'xml',
  state: 'errored',
  expectedFault: 'portNotFound',
  reason: 'probe: refused by 127.0.0.1:9696',
  checks: [],
  exchanges: [
    {
      step: 'probe',
      role: 'probe',
      operation: 'port.show',
      request: {
        method: 'GET',
        url: 'http://127.0.0.1:9696/v1.0/tenants/t1/networks/n1/ports/p-missing',
        headers: { accept: 'application/xml' },
      },
      error: 'connect ECONNREFUSED 127.0.0.1:9696',
      durationMs: 1,
    },
  ],
  durationMs: 1,
};

const skipped: CaseResult = {
  id: 'network.delete.in-use[json]',
  scenario: 'network.delete.in-use',
  title: 'Delete a network that has a port attached',
  format: 'json',
  state: 'skipped',
  reason: 'needs --assume admin',
  checks: [],
  exchanges: [],
  durationMs: 0,
};

export const REPORT_CASES = {
  failed,
  passedJson: passed('network.show.bad-id', 'json'),
  passedXml: passed('network.show.missing', 'xml'),
  errored,
  skipped,
};

const COVERAGE: FaultCoverage[] = [
  { fault: 'networkNotFound', codes: [420], scenarios: 3, triggered: 2, conformed: 1, answeredInstead: 0 },
  { fault: 'itemNotFound', codes: [404], scenarios: 0, triggered: 0, conformed: 0, answeredInstead: 1 },
  { fault: 'portNotFound', codes: [430], scenarios: 1, triggered: 0, conformed: 0, answeredInstead: 0 },
  {
    fault: 'serviceUnavailable',
    codes: [503],
    scenarios: 0,
    triggered: 0,
    conformed: 0,
    answeredInstead: 0,
    untriggerable: 'needs the backend down',
  },
];

/** A run of `cases` (by default one of each state), its summary counted from them. */
export function reportRun(cases: CaseResult[] = Object.values(REPORT_CASES), more: Partial<RunResult> = {}): RunResult {
  const count = (state: string) => cases.filter((c) => c.state === state).length;
  return {
    tool: { name: 'conform', version: '0.0.0' },
    runId: 'conform-20260101t000000-abcd',
    profile: 'quantum-v1.0',
    target: 'http://127.0.0.1:9696',
    embeddedTarget: false,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1234,
    notes: [],
    cases,
    summary: {
      total: cases.length,
      passed: count('passed'),
      failed: count('failed'),
      errored: count('errored'),
      skipped: count('skipped'),
    },
    coverage: COVERAGE,
    ...more,
  };
}
