import { describe, expect, it } from 'vitest';
import type { CaseResult, CheckResult } from '../model/result.js';
import { CheckTable } from './outline.js';

const check = (message: string): CheckResult => ({
  check: 'status',
  step: 'probe',
  state: 'passed',
  title: 'status is documented',
  message,
});

const passing = (id: string, checks: CheckResult[]): CaseResult => ({
  id,
  scenario: id,
  title: id,
  format: 'json',
  state: 'passed',
  checks,
  exchanges: [],
  durationMs: 1,
});

describe('a table of passing checks', () => {
  it('gives equal checks of different cases one copy, in the cases’ own arrays', () => {
    const table = new CheckTable();
    const first = table.shareIn(passing('a', [check('420 as documented'), check('other')]));
    const checks = [check('420 as documented'), check('another')];
    const second = table.shareIn(passing('b', checks));
    expect(second.checks).toBe(checks);
    expect(second.checks[0]).toBe(first.checks[0]);
    expect(second.checks[1]).not.toBe(first.checks[1]);
    expect(second.checks).toEqual([check('420 as documented'), check('another')]);
  });

  it('leaves the checks of a case that did not pass as they are', () => {
    const table = new CheckTable();
    table.shareIn(passing('a', [check('x')]));
    const own = check('x');
    const failed: CaseResult = { ...passing('b', [own]), state: 'failed' };
    expect(table.shareIn(failed).checks[0]).toBe(own);
  });
});
