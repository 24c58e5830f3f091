import { describe, expect, it } from 'vitest';
import type { CaseResult, Exchange, FaultCoverage, RunResult } from '../model/result.js';
import { caseLine, plural, renderSummary } from './console.js';

const PLAIN = { color: false, verbose: false };
const COLOUR = { color: true, verbose: false };

/** ANSI colours made readable: `\u001b[31m` → `<31>`. */
const visible = (text: string) => text.replace(/\u001b\[(\d+)m/g, '<$1>');

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
    headers: { 'content-type': 'application/json' },
    body: '{"itemNotFound": {"code": 404, "message": "no such thing"}}',
    truncated: false,
  },
  durationMs: 3,
};

const setup: Exchange = {
  step: 'network',
  role: 'setup',
  operation: 'network.create',
  request: {
    method: 'POST',
    url: 'http://127.0.0.1:9696/v1.0/tenants/t1/networks',
    headers: { 'content-type': 'application/json' },
    body: '{"network": {"name": "conform-x"}}',
  },
  response: { status: 200, headers: {}, body: '{"network": {"id": "n1"}}', truncated: false },
  durationMs: 2,
};

const passed: CaseResult = {
  id: 'network.list[json]',
  scenario: 'network.list',
  title: 'List networks',
  format: 'json',
  state: 'passed',
  checks: [{ check: 'status', step: 'probe', state: 'passed', title: 'the status is 200' }],
  exchanges: [],
  durationMs: 4,
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
      actual: 'itemNotFound',
      message: "root key is 'itemNotFound'",
    },
    { check: 'content-type', step: 'probe', state: 'passed', title: 'the answer is JSON' },
  ],
  exchanges: [setup, probe],
  durationMs: 9,
};

const errored: CaseResult = {
  id: 'port.show.missing[xml]',
  scenario: 'port.show.missing',
  title: 'Show a port that does not exist',
  format: 'xml',
  state: 'errored',
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

const COVERAGE: FaultCoverage[] = [
  { fault: 'networkNotFound', codes: [420], scenarios: 2, triggered: 1, conformed: 0, answeredInstead: 0 },
  { fault: 'itemNotFound', codes: [404], scenarios: 1, triggered: 0, conformed: 0, answeredInstead: 1 },
  { fault: 'portNotFound', codes: [430], scenarios: 0, triggered: 0, conformed: 0, answeredInstead: 0 },
  {
    fault: 'serviceUnavailable',
    codes: [503],
    scenarios: 0,
    triggered: 0,
    conformed: 0,
    answeredInstead: 0,
    untriggerable: 'needs the backend down',
  },
  { fault: 'badRequest', codes: [400, 422], scenarios: 3, triggered: 3, conformed: 3, answeredInstead: 0 },
];

/** Fields of a run the console does not read: spread in (checked for type, not as excess properties). */
const UNREAD = { notes: [] };

function run(cases: CaseResult[], more: Partial<RunResult> = {}): RunResult {
  const count = (state: CaseResult['state']) => cases.filter((c) => c.state === state).length;
  return {
    ...UNREAD,
    tool: { name: 'conform', version: '0.0.0' },
    runId: 'conform-20260101t000000-abcd',
    profile: 'quantum-v1.0',
    target: 'http://127.0.0.1:9696',
    embeddedTarget: false,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1234,
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

describe('console: one line per case', () => {
  it('marks each state, with the reason of an errored or skipped case', () => {
    expect([passed, failed, errored, skipped].map((c) => caseLine(c, PLAIN))).toEqual([
      'PASS network.list[json] — List networks',
      'FAIL network.show.missing[json] — Show a network that does not exist',
      'ERR  port.show.missing[xml] — Show a port that does not exist — probe: refused by 127.0.0.1:9696',
      'SKIP network.delete.in-use[json] — Delete a network that has a port attached — needs --assume admin',
    ]);
  });

  it('colours the mark only: green, red, magenta, yellow', () => {
    expect([passed, failed, errored, skipped].map((c) => visible(caseLine(c, COLOUR)))).toEqual([
      '<32>PASS<0> network.list[json] — List networks',
      '<31>FAIL<0> network.show.missing[json] — Show a network that does not exist',
      '<35>ERR <0> port.show.missing[xml] — Show a port that does not exist — probe: refused by 127.0.0.1:9696',
      '<33>SKIP<0> network.delete.in-use[json] — Delete a network that has a port attached — needs --assume admin',
    ]);
  });

  it('says when a fault expected in all requests was accepted in place of the expected one', () => {
    const accepted = { ...passed, expectedFault: 'networkNotFound', acceptedInstead: 'unauthorized' };
    expect(caseLine(accepted, PLAIN)).toBe(
      'PASS network.list[json] — List networks — unauthorized accepted in place of networkNotFound' +
        ' (a fault expected in all requests)',
    );
  });

  it('counts in words', () => {
    expect([plural(0, 'case'), plural(1, 'case'), plural(2, 'time')]).toEqual(['0 cases', '1 case', '2 times']);
  });
});

describe('console: the summary', () => {
  it('diagnoses each failed and errored case, then the coverage and the totals (no colour)', () => {
    expect(renderSummary(run([passed, failed, errored, skipped]), PLAIN)).toMatchInlineSnapshot(`
      "
      Diagnoses (2):

      FAIL network.show.missing[json] — Show a network that does not exist
        [status] probe: expected 420 (networkNotFound), got 404
        [fault-root] probe: root key is 'itemNotFound' (expected networkNotFound, got itemNotFound)
        probe (network.show):
          request:  GET http://127.0.0.1:9696/v1.0/tenants/t1/networks/n-missing
                    accept: application/json
                    x-auth-token: [REDACTED]
          response: 404 (application/json)
                    {"itemNotFound": {"code": 404, "message": "no such thing"}}
          Reproduce with: curl -sS -i -X GET 'http://127.0.0.1:9696/v1.0/tenants/t1/networks/n-missing' -H 'accept: application/json' -H "x-auth-token: $OS_TOKEN"

      ERR  port.show.missing[xml] — Show a port that does not exist
        error: probe: refused by 127.0.0.1:9696
        probe (port.show):
          request:  GET http://127.0.0.1:9696/v1.0/tenants/t1/networks/n1/ports/p-missing
                    accept: application/xml
          response: none: connect ECONNREFUSED 127.0.0.1:9696
          Reproduce with: curl -sS -i -X GET 'http://127.0.0.1:9696/v1.0/tenants/t1/networks/n1/ports/p-missing' -H 'accept: application/xml'

      Fault coverage (quantum-v1.0):
        fault                    code     cases  triggered  conformed
        networkNotFound          420          2          1  0/1
        itemNotFound             404          1          0  not triggered  (answered 1 time in place of another fault)
        portNotFound             430          0          0  no case in this run
        serviceUnavailable       503          0          0  not triggerable: needs the backend down
        badRequest               400/422      3          3  3/3

      quantum-v1.0 against http://127.0.0.1:9696: 4 cases, 1 passed, 1 failed, 1 errored, 1 skipped in 1.23 s (run conform-20260101t000000-abcd)"
    `);
  });

  it('in colour: headings bold, the marks and the non-zero counts coloured', () => {
    expect(visible(renderSummary(run([passed, failed, errored, skipped]), COLOUR))).toMatchInlineSnapshot(`
      "
      <1>Diagnoses (2):<0>

      <31>FAIL<0> network.show.missing[json] — Show a network that does not exist
        [status] probe: expected 420 (networkNotFound), got 404
        [fault-root] probe: root key is 'itemNotFound' (expected networkNotFound, got itemNotFound)
        probe (network.show):
          request:  GET http://127.0.0.1:9696/v1.0/tenants/t1/networks/n-missing
                    accept: application/json
                    x-auth-token: [REDACTED]
          response: 404 (application/json)
                    {"itemNotFound": {"code": 404, "message": "no such thing"}}
          Reproduce with: curl -sS -i -X GET 'http://127.0.0.1:9696/v1.0/tenants/t1/networks/n-missing' -H 'accept: application/json' -H "x-auth-token: $OS_TOKEN"

      <35>ERR <0> port.show.missing[xml] — Show a port that does not exist
        error: probe: refused by 127.0.0.1:9696
        probe (port.show):
          request:  GET http://127.0.0.1:9696/v1.0/tenants/t1/networks/n1/ports/p-missing
                    accept: application/xml
          response: none: connect ECONNREFUSED 127.0.0.1:9696
          Reproduce with: curl -sS -i -X GET 'http://127.0.0.1:9696/v1.0/tenants/t1/networks/n1/ports/p-missing' -H 'accept: application/xml'

      <1>Fault coverage (quantum-v1.0):<0>
        fault                    code     cases  triggered  conformed
        networkNotFound          420          2          1  0/1
        itemNotFound             404          1          0  not triggered  (answered 1 time in place of another fault)
        portNotFound             430          0          0  no case in this run
        serviceUnavailable       503          0          0  not triggerable: needs the backend down
        badRequest               400/422      3          3  3/3

      quantum-v1.0 against http://127.0.0.1:9696: 4 cases, <32>1 passed<0>, <31>1 failed<0>, 1 errored, 1 skipped in 1.23 s (run conform-20260101t000000-abcd)"
    `);
  });

  it('has no diagnoses when every case passed, and names the embedded reference target', () => {
    const summary = renderSummary(run([passed], { embeddedTarget: true, durationMs: 340 }), PLAIN);
    expect(summary).not.toContain('Diagnoses');
    expect(summary.split('\n').at(-1)).toBe(
      'quantum-v1.0 against embedded reference target http://127.0.0.1:9696: 1 case, 1 passed, 0 failed,' +
        ' 0 errored, 0 skipped in 0.34 s (run conform-20260101t000000-abcd)',
    );
  });

  it('says once that a target could not be tested, instead of a diagnosis per case', () => {
    const unreachable = (c: CaseResult): CaseResult => ({
      ...c,
      state: 'errored',
      reason: 'unreachable',
      exchanges: [],
    });
    const summary = renderSummary(
      run([unreachable(passed), unreachable(failed)], { targetError: 'connection refused by 127.0.0.1:9696' }),
      PLAIN,
    );
    expect(summary).not.toContain('Diagnoses');
    expect(summary).toContain('\ntarget could not be tested: connection refused by 127.0.0.1:9696\n');
    expect(visible(renderSummary(run([unreachable(passed)], { targetError: 'refused' }), COLOUR))).toContain(
      '<35>target could not be tested: refused<0>',
    );
  });

  it('still diagnoses the cases when the target failed partway through', () => {
    const summary = renderSummary(run([passed, errored], { targetError: 'the target stopped answering' }), PLAIN);
    expect(summary).toContain('Diagnoses (1):');
    expect(summary).toContain('target could not be tested: the target stopped answering');
  });

  it('widens the fault column for a long fault name', () => {
    const long = 'aFaultNameLongerThanTheColumn';
    const summary = renderSummary(
      run([], {
        coverage: [{ fault: long, codes: [409], scenarios: 1, triggered: 1, conformed: 1, answeredInstead: 0 }],
      }),
      PLAIN,
    );
    expect(summary).toContain(`\n  ${'fault'.padEnd(long.length + 1)} code     cases  triggered  conformed\n`);
    expect(summary).toContain(`\n  ${long}  409          1          1  1/1\n`);
  });
});
