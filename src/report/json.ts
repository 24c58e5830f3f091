import type { CaseResult, RunResult } from '../model/result.js';

/** The format id of results.json (schemas/conform-results.schema.json). */
const FORMAT = 'conform-results/1';

/** A case in results.json sits in `runs[].cases[]`: 8 spaces in. */
const CASE_INDENT = ' '.repeat(8);

/** A case's JSON as results.json holds it, before it is indented into place. */
export const caseJson = (c: CaseResult): string => JSON.stringify(c, null, 2);

/**
 * results.json, written piece by piece to `out`: the run as data, exactly as
 * the runner produced it, each case as `told` gives it (its text as the
 * reporters were told it whole) or else as the run keeps it.
 */
export function writeJson(
  out: (text: string) => void,
  runs: RunResult[],
  told: (run: number, c: CaseResult) => string | undefined = () => undefined,
): void {
  // Each run's cases are marked in the document and written in their place, one by one.
  const marks = runs.map((_, i) => `\u0000cases ${i}\u0000`);
  let rest = JSON.stringify({ format: FORMAT, runs: runs.map((run, i) => ({ ...run, cases: marks[i] })) }, null, 2);
  runs.forEach((run, i) => {
    const mark = JSON.stringify(marks[i]);
    const at = rest.indexOf(mark);
    out(rest.slice(0, at));
    writeCases(out, run.cases, (c) => told(i, c) ?? caseJson(c));
    rest = rest.slice(at + mark.length);
  });
  out(`${rest}\n`);
}

function writeCases(out: (text: string) => void, cases: CaseResult[], text: (c: CaseResult) => string): void {
  if (cases.length === 0) return out('[]');
  out('[');
  // Written in two pieces, each a flat string: one string made of both would be flattened again to be written.
  cases.forEach((c, i) => {
    out(i > 0 ? `,\n${CASE_INDENT}` : `\n${CASE_INDENT}`);
    out(text(c).replaceAll('\n', `\n${CASE_INDENT}`));
  });
  out(`\n${' '.repeat(6)}]`);
}

/** results.json as one string. */
export function renderJson(runs: RunResult[]): string {
  const parts: string[] = [];
  writeJson((text) => parts.push(text), runs);
  return parts.join('');
}
