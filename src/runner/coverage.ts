import type { Catalog } from '../model/catalog.js';
import type { CaseResult, FaultCoverage } from '../model/result.js';

/**
 * Per documented fault: the cases that aimed at it, those in which the target
 * answered it (triggered), of those the ones that conformed, and how often it
 * was answered in place of another fault; and the triggered cases whose
 * answer cannot tell the fault from another cause of its status.
 */
export function faultCoverage(catalog: Catalog, cases: CaseResult[]): FaultCoverage[] {
  // A waived case was judged too: its finding stands, accepted.
  const judged = cases.filter((c) => c.state === 'passed' || c.state === 'failed' || c.state === 'waived');
  return catalog.faults.map((fault) => {
    const aimed = cases.filter((c) => c.expectedFault === fault.element);
    const triggered = judged.filter((c) => c.expectedFault === fault.element && c.observedFault === fault.element);
    const vague = triggered.filter((c) => (c.indistinguishableFrom ?? []).length > 0);
    const from = [...new Set(vague.flatMap((c) => c.indistinguishableFrom ?? []))];
    return {
      fault: fault.element,
      codes: fault.codes,
      scenarios: aimed.length,
      triggered: triggered.length,
      conformed: triggered.filter((c) => c.state === 'passed').length,
      answeredInstead: judged.filter((c) => c.expectedFault !== fault.element && c.observedFault === fault.element)
        .length,
      ...(vague.length > 0 ? { undistinguished: { cases: vague.length, from } } : {}),
      ...(fault.untriggerable ? { untriggerable: fault.untriggerable } : {}),
    };
  });
}
