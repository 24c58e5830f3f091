import { describe, expect, it } from 'vitest';
import type { CaseResult, Exchange } from '../model/result.js';
import { caseState, judgeRun, unavailability } from './verdict.js';

const answered = (status: number, headers: Record<string, string> = {}): Exchange => ({
  step: 'probe',
  role: 'probe',
  operation: 'network.show',
  request: { method: 'GET', url: 'http://t/x', headers: {} },
  response: { status, headers, body: '', truncated: false },
  durationMs: 1,
});

function aCase(state: 'passed' | 'failed', ...exchanges: Exchange[]): CaseResult {
  return { id: `c[json]`, scenario: 'c', title: 'c', format: 'json', state, checks: [], exchanges, durationMs: 1 };
}

describe('caseState', () => {
  it('a finding stands whatever else happened; then an error; then a rule not exercised', () => {
    const failed = [{ check: 'status' as const, step: 'probe', state: 'failed' as const, title: 't' }];
    expect(caseState({ checks: failed, errored: 'x', inconclusive: 'y' })).toBe('failed');
    expect(caseState({ checks: [], errored: 'x', inconclusive: 'y' })).toBe('errored');
    expect(caseState({ checks: [], inconclusive: 'y' })).toBe('skipped');
    expect(caseState({ checks: [] })).toBe('passed');
  });
});

describe('a target unavailable throughout', () => {
  it('every answer 503, 429 or 413: one reason with the Retry-After, and the failures become errors', () => {
    const cases = [
      aCase('failed', answered(503, { 'Retry-After': '120' })),
      aCase('failed', answered(429), answered(413)),
    ];
    const reason = unavailability(cases);
    expect(reason).toBe(
      'every answer was 413, 429, 503 with Retry-After: 120: the service is unavailable or limiting requests, ' +
        'so its contract could not be tested (try again later)',
    );
    const judged = judgeRun(cases, false);
    expect(judged.targetError).toBe(reason);
    expect(judged.cases.map((c) => [c.state, c.reason])).toEqual([
      ['errored', reason],
      ['errored', reason],
    ]);
  });

  it('one answer of another status, or every case passed: the cases stand as they are', () => {
    expect(unavailability([aCase('failed', answered(503)), aCase('failed', answered(404))])).toBeUndefined();
    expect(unavailability([aCase('passed', answered(503))])).toBeUndefined();
    expect(judgeRun([aCase('failed', answered(503)), aCase('failed', answered(404))], false).cases[0].state).toBe(
      'failed',
    );
  });

  it('statuses documented as faults expected in all requests were judged as those faults: findings stand', () => {
    const judged = judgeRun([aCase('failed', answered(503))], false, (status) => status === 503);
    expect(judged.cases[0].state).toBe('failed');
    expect(judged.targetError).toBeUndefined();
  });
});
