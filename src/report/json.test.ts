import { describe, expect, it } from 'vitest';
import type { RunResult } from '../model/result.js';
import { outlined } from '../runner/outline.js';
import { sampleRun } from '../testing/fixtures.js';
import { caseJson, renderJson, writeJson } from './json.js';

/** The sample run, and a passing case with the exchanges of its failed one. */
function withExchanges(): RunResult {
  const run = sampleRun();
  const failed = run.cases.find((c) => c.state === 'failed')!;
  const { reason: _reason, ...fields } = failed;
  return { ...run, cases: [...run.cases, { ...fields, id: 'passing[json]', state: 'passed' }] };
}

const whole = (runs: RunResult[]) => `${JSON.stringify({ format: 'conform-results/1', runs }, null, 2)}\n`;

describe('results.json written piece by piece', () => {
  it('is the document JSON.stringify makes of the runs, key order and indentation included', () => {
    const empty = { ...sampleRun(), profile: 'keystone-v2.0', cases: [] };
    const runs = [sampleRun(), empty, sampleRun()];
    expect(renderJson(runs)).toBe(whole(runs));
  });

  it('has each passing case as it was told whole, though the run kept its outline', () => {
    const run = withExchanges();
    const kept = { ...run, cases: run.cases.map(outlined) };
    expect(kept.cases).not.toEqual(run.cases);
    const told = new Map(run.cases.map((c) => [c.id, caseJson(c)]));
    const parts: string[] = [];
    writeJson(
      (text) => parts.push(text),
      [kept],
      (_run, c) => told.get(c.id),
    );
    expect(parts.join('')).toBe(whole([run]));
  });

  it('an outline keeps each step, its request and its status, not the headers and bodies', () => {
    const passed = withExchanges().cases.find((c) => c.id === 'passing[json]')!;
    expect(passed.exchanges.length).toBeGreaterThan(0);
    const outline = outlined(passed);
    expect(outline.exchanges.map((e) => [e.step, e.request.method, e.request.url, e.response?.status])).toEqual(
      passed.exchanges.map((e) => [e.step, e.request.method, e.request.url, e.response?.status]),
    );
    expect(outline.exchanges.every((e) => Object.keys(e.request.headers).length === 0 && !e.response?.body)).toBe(true);
    expect(outline.checks).toBe(passed.checks);
    const failed = sampleRun().cases.find((c) => c.state !== 'passed')!;
    expect(outlined(failed)).toBe(failed);
  });
});
