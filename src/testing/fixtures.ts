import type { RunResult } from '../model/result.js';

/** A small run with one case in each state, and text that XML cannot hold as is. */
export function sampleRun(): RunResult {
  const request = {
    method: 'GET',
    url: 'http://127.0.0.1:9696/v1.0/tenants/t/networks/n1',
    headers: { accept: 'application/json', 'x-auth-token': '[REDACTED]' },
  };
  return {
    tool: { name: 'conform', version: '0.0.0' },
    runId: 'conform-20260101t000000-abcd',
    profile: 'quantum-v1.0',
    target: 'http://127.0.0.1:9696',
    embeddedTarget: false,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1234,
    summary: { total: 4, passed: 1, failed: 1, errored: 1, skipped: 1 },
    coverage: [],
    notes: [{ topic: 'tenant', level: 'info', message: '{tenant} is t <chosen> & kept' }],
    cases: [
      {
        id: 'network.show.missing[json]',
        scenario: 'network.show.missing',
        title: 'Show a network that does not exist',
        format: 'json',
        state: 'passed',
        expectedFault: 'networkNotFound',
        observedFault: 'networkNotFound',
        checks: [],
        exchanges: [],
        durationMs: 12,
      },
      {
        id: 'network.show.missing[xml]',
        scenario: 'network.show.missing',
        title: 'Show a network <that> does "not" exist & more',
        format: 'xml',
        state: 'failed',
        expectedFault: 'networkNotFound',
        checks: [
          {
            check: 'fault-root',
            step: 'probe',
            state: 'failed',
            title: 'root',
            message: "root element is 'itemNotFound'\u0001 ]]>",
            expected: 'networkNotFound',
            actual: 'itemNotFound',
          },
        ],
        exchanges: [
          {
            step: 'probe',
            role: 'probe',
            operation: 'network.show',
            request,
            response: {
              status: 420,
              headers: { 'content-type': 'application/xml' },
              body: '<itemNotFound code="420"><message>x\u0000y</message></itemNotFound>',
              truncated: false,
            },
            durationMs: 3,
          },
        ],
        durationMs: 15,
      },
      {
        id: 'port.show.missing[json]',
        scenario: 'port.show.missing',
        title: 'Show a port that does not exist',
        format: 'json',
        state: 'errored',
        reason: 'probe: connection refused by 127.0.0.1:9696',
        checks: [],
        exchanges: [
          {
            step: 'probe',
            role: 'probe',
            operation: 'port.show',
            request,
            error: 'connection refused by 127.0.0.1:9696',
            durationMs: 1,
          },
        ],
        durationMs: 2,
      },
      {
        id: 'auth.no-token[json]',
        scenario: 'auth.no-token',
        title: 'List networks without a token',
        format: 'json',
        state: 'skipped',
        reason: 'needs authentication',
        checks: [],
        exchanges: [],
        durationMs: 0,
      },
    ],
  };
}
