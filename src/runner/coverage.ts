import type { Catalog } from '../model/catalog.js';
import type { CaseResult, FaultCoverage } from '../model/result.js';

/** Per documented fault: how many cases aimed at it, triggered it, and conformed. */
export function faultCoverage(catalog: Catalog, cases: CaseResult[]): FaultCoverage[] {
  return catalog.faults.map((fault) => {
    const aimed = cases.filter((c) => c.expectedFault === fault.element);
    const triggered = cases.filter((c) => c.observedFault === fault.element && c.state !== 'skipped' && c.state !== 'errored');
    return {
      fault: fault.element,
      codes: fault.codes,
      scenarios: aimed.length,
      triggered: triggered.length,
      conformed: triggered.filter((c) => c.state === 'passed').length,
      ...(fault.untriggerable ? { untriggerable: fault.untriggerable } : {}),
    };
  });
}
