import type { CheckState } from './result.js';

/** What one check says of one answer. */
export interface Verdict {
  state: CheckState;
  expected?: string;
  actual?: string;
  message?: string;
}
