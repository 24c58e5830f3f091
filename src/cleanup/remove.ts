// Deletes leftovers in the order found (ports before their subnets and
// networks, an attachment before its port); a resource already gone counts as removed.
import { checkStepStatus } from '../checks/successStatus.js';
import { findOperation } from '../catalog/load.js';
import { request, type CleanupTarget, type Leftover } from './leftovers.js';

export interface Removal {
  leftover: Leftover;
  ok: boolean;
  /** `204`, `already gone (404)`, or what went wrong. */
  outcome: string;
}

export async function removeLeftovers(t: CleanupTarget, leftovers: Leftover[]): Promise<Removal[]> {
  const removals: Removal[] = [];
  for (const leftover of leftovers) {
    const req = request(t, leftover.delete, leftover.params);
    const sent = await t.client.send(req);
    if (!sent.ok) {
      removals.push({ leftover, ok: false, outcome: sent.error });
      continue;
    }
    const verdict = checkStepStatus(
      t.catalog,
      findOperation(t.catalog, req.operation),
      'cleanup',
      sent.response.status,
    );
    removals.push({
      leftover,
      ok: verdict.state === 'passed',
      outcome: verdict.message ?? String(sent.response.status),
    });
  }
  return removals;
}
