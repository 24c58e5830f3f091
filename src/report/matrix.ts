import type { CaseResult, RunResult } from '../model/result.js';

/** One cell of the coverage matrix: of the cases in one format aimed at one fault. */
export interface MatrixCell {
  /** Cases aimed at the fault in this format. */
  cases: number;
  /** Of those, the judged ones in which the target answered it. */
  triggered: number;
  /** Of those, the ones that conformed. */
  conformed: number;
}

export interface MatrixRow {
  fault: string;
  codes: number[];
  untriggerable?: string;
  undistinguished?: { cases: number; from: string[] };
  cells: Record<string, MatrixCell>;
}

/** The columns of the matrix, in this order. */
export const MATRIX_FORMATS = ['json', 'xml'] as const;

function cell(cases: CaseResult[], fault: string, format: string): MatrixCell {
  const aimed = cases.filter((c) => c.expectedFault === fault && c.format === format);
  const judged = (c: CaseResult) => c.state === 'passed' || c.state === 'failed' || c.state === 'waived';
  const triggered = aimed.filter((c) => judged(c) && c.observedFault === fault);
  return {
    cases: aimed.length,
    triggered: triggered.length,
    conformed: triggered.filter((c) => c.state === 'passed').length,
  };
}

/**
 * Fault × format: per documented fault (the run's coverage, in its order), per
 * format, how many cases triggered it and how many of those conformed, counted
 * as the run's coverage counts them.
 */
export function coverageMatrix(run: RunResult): MatrixRow[] {
  return run.coverage.map((f) => ({
    fault: f.fault,
    codes: f.codes,
    ...(f.untriggerable ? { untriggerable: f.untriggerable } : {}),
    ...(f.undistinguished ? { undistinguished: f.undistinguished } : {}),
    cells: Object.fromEntries(MATRIX_FORMATS.map((format) => [format, cell(run.cases, f.fault, format)])),
  }));
}

/** `3/4 conformed`, `not triggered`, `—` (no case): a cell in words. */
export function cellText(c: MatrixCell): string {
  if (c.cases === 0) return '—';
  if (c.triggered === 0) return 'not triggered';
  return `${c.triggered} triggered, ${c.conformed} conformed`;
}

/** The fault as a row names it: why it cannot be triggered, or which causes its answers did not tell apart. */
export function faultLabel(row: MatrixRow): string {
  if (row.untriggerable) return `${row.fault} (not triggerable: ${row.untriggerable})`;
  if (row.undistinguished) {
    const { cases, from } = row.undistinguished;
    return `${row.fault} (${cases} triggered not distinguishable from ${from.join(', ')})`;
  }
  return row.fault;
}
