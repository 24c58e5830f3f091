import type { Catalog, Operation } from '../model/catalog.js';
import type { Verdict } from '../model/verdict.js';
import { fail, pass } from './context.js';

export const SUCCESS_STATUS_TITLE = 'A setup or cleanup call gets the success code its operation documents';

/**
 * A cleanup may find its resource already gone (the probe, or a broken
 * target, removed it): a not-found answer there is not a finding.
 */
function alreadyGone(catalog: Catalog, op: Operation, status: number): boolean {
  if (status === 404) return true;
  return op.faults.some(
    (element) => /notfound/i.test(element) && catalog.faults.find((f) => f.element === element)?.codes.includes(status),
  );
}

export function checkStepStatus(catalog: Catalog, op: Operation, role: 'setup' | 'cleanup', status: number): Verdict {
  if (status === op.success) return pass();
  if (role === 'cleanup' && alreadyGone(catalog, op, status)) return pass(`already gone (${status})`);
  return fail(`${op.method} ${op.id} documents ${op.success}, got ${status}`, String(op.success), String(status));
}
