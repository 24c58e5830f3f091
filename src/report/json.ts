import type { RunResult } from '../model/result.js';

/** results.json: the run as data, exactly as the runner produced it. */
export function renderJson(runs: RunResult[]): string {
  return `${JSON.stringify({ format: 'conform-results/1', runs }, null, 2)}\n`;
}
