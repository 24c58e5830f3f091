import type { CaseResult, RunNote, RunResult } from '../model/result.js';

/**
 * What a run tells as it goes. Every method sees results, nothing else; each
 * is optional. The core calls them in this order: notes as they are made,
 * each case as it finishes, each profile's run as it ends, then all runs.
 */
export interface Reporter {
  onNote?(note: RunNote): void;
  /**
   * A case as it finishes, whole: every exchange with its headers and bodies.
   * The runs told at the end keep a passing case's exchanges in outline only
   * (runner/outline.ts) unless the run keeps them whole (--keep-exchanges):
   * a reporter that shows them writes them out here, or keeps what it needs.
   */
  onCaseEnd?(result: CaseResult): void;
  onRunEnd?(run: RunResult): void;
  onEnd?(runs: RunResult[]): void;
}
