import { describe, expect, it } from 'vitest';
import type { CheckId } from '../model/check.js';
import type { CaseResult, RunResult } from '../model/result.js';
import type { Waiver } from '../model/waiver.js';
import { summarize } from './verdict.js';
import { applyWaivers, isExpired } from './waivers.js';

const NOW = new Date('2026-06-15T12:00:00Z');

function aCase(id: string, state: 'passed' | 'failed' | 'skipped', failed: CheckId[] = []): CaseResult {
  const [scenario, format] = id.replace(']', '').split('[');
  const checks = failed.map((check) => ({ check, step: 'probe', state: 'failed' as const, title: check }));
  const fields = { id, scenario, title: id, format: format as 'json' | 'xml', checks, exchanges: [], durationMs: 1 };
  return state === 'skipped' ? { ...fields, state, reason: 'needs authentication' } : { ...fields, state };
}

function aRun(cases: CaseResult[], profile = 'neutron-v2.0'): RunResult {
  return {
    tool: { name: 'conform', version: '0.0.0' },
    runId: 'conform-x',
    profile,
    target: 'http://t',
    embeddedTarget: false,
    startedAt: NOW.toISOString(),
    durationMs: 1,
    notes: [],
    cases,
    summary: summarize(cases),
    coverage: [],
  };
}

const waiver = (w: Partial<Waiver> & { case: string }, i = 0): Waiver => ({
  reason: 'known',
  entry: `waivers[${i}]`,
  ...w,
});

const RUN = aRun([
  aCase('method.put-networks[json]', 'failed', ['status']),
  aCase('network.show.missing[json]', 'failed', ['status', 'fault-code']),
  aCase('network.show.existing[json]', 'passed'),
  aCase('auth.no-token[json]', 'skipped'),
]);

const states = (run: RunResult) => Object.fromEntries(run.cases.map((c) => [c.id, c.state]));

describe('applying waivers', () => {
  it('waives the failed case a waiver names (by case, or by scenario), keeping its checks and the waiver', () => {
    const w0 = waiver({ case: 'method.put-networks[json]', profile: 'neutron-v2.0' }, 0);
    const w1 = waiver({ case: 'network.show.missing' }, 1);
    const run = applyWaivers(RUN, { file: 'w.yaml', waivers: [w0, w1] }, NOW);
    expect(states(run)).toMatchObject({
      'method.put-networks[json]': 'waived',
      'network.show.missing[json]': 'waived',
    });
    const put = run.cases[0];
    expect(put.state === 'waived' && put.waiver).toEqual(w0);
    expect(put.checks).toEqual(RUN.cases[0].checks);
    expect(run.summary).toEqual({ total: 4, passed: 1, failed: 0, errored: 0, skipped: 1, waived: 2 });
    expect(run.waivers).toEqual({ file: 'w.yaml', stale: [], expired: [] });
  });

  it('a waiver of another profile does not apply, nor is it stale here', () => {
    const w = waiver({ case: 'method.put-networks[json]', profile: 'keystone-v3' });
    const run = applyWaivers(RUN, { file: 'w.yaml', waivers: [w] }, NOW);
    expect(run.summary.failed).toBe(2);
    expect(run.waivers).toEqual({ file: 'w.yaml', stale: [], expired: [] });
  });

  it('with a check given, applies only when every failed check of the case is one of those given', () => {
    const only = waiver({ case: 'network.show.missing[json]', checks: ['status'] });
    const both = waiver({ case: 'network.show.missing[json]', checks: ['status', 'fault-code'] });
    const partly = applyWaivers(RUN, { file: 'w.yaml', waivers: [only] }, NOW);
    expect(states(partly)['network.show.missing[json]']).toBe('failed');
    // The finding it names still occurs: not stale, but the case fails for its other check.
    expect(partly.waivers?.stale).toEqual([]);
    expect(states(applyWaivers(RUN, { file: 'w.yaml', waivers: [both] }, NOW))['network.show.missing[json]']).toBe(
      'waived',
    );
  });

  it('an expired waiver stops applying and is reported expired (the day of its date on, UTC)', () => {
    const w = waiver({ case: 'method.put-networks[json]', expires: '2026-06-15' });
    expect(isExpired(w, NOW)).toBe(true);
    expect(isExpired(w, new Date('2026-06-14T23:59:59Z'))).toBe(false);
    expect(isExpired(waiver({ case: 'x' }), NOW)).toBe(false);
    const run = applyWaivers(RUN, { file: 'w.yaml', waivers: [w] }, NOW);
    expect(states(run)['method.put-networks[json]']).toBe('failed');
    expect(run.waivers).toEqual({ file: 'w.yaml', stale: [], expired: [w] });
    const before = applyWaivers(RUN, { file: 'w.yaml', waivers: [w] }, new Date('2026-06-14T00:00:00Z'));
    expect(states(before)['method.put-networks[json]']).toBe('waived');
  });

  it('a waiver whose finding did not occur in a judged case is stale; one whose case was skipped is not', () => {
    const passed = waiver({ case: 'network.show.existing[json]', profile: 'neutron-v2.0' }, 0);
    const otherCheck = waiver({ case: 'method.put-networks[json]', checks: ['fault-code'] }, 1);
    const skipped = waiver({ case: 'auth.no-token[json]', profile: 'neutron-v2.0' }, 2);
    const run = applyWaivers(RUN, { file: 'w.yaml', waivers: [passed, otherCheck, skipped] }, NOW);
    expect(run.waivers?.stale).toEqual([passed, otherCheck]);
    expect(run.summary.failed).toBe(2);
  });

  it('without waivers, the run is as it was', () => {
    expect(applyWaivers(RUN, undefined, NOW)).toBe(RUN);
  });
});
