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
    cells: Object.fromEntries(MATRIX_FORMATS.map((format) => [format, cell(run.cases, f.fault, format)])),
  }));
}

/** `3/4 conformed`, `not triggered`, `—` (no case): a cell in words. */
export function cellText(c: MatrixCell): string {
  if (c.cases === 0) return '—';
  if (c.triggered === 0) return 'not triggered';
  return `${c.triggered} triggered, ${c.conformed} conformed`;
}
