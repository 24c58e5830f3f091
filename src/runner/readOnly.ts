// --read-only: a scenario runs only when every request it may send (setup,
// probe, each cleanup) is a GET or HEAD; any other method may create, change
// or delete something on the target, even a probe that expects a refusal.
import type { Catalog } from '../model/catalog.js';
import type { RequestSpec, Scenario } from '../model/scenario.js';
import { findOperation } from '../catalog/load.js';

const READS = new Set(['GET', 'HEAD']);

function requests(scenario: Scenario): Array<{ spec: RequestSpec; role: string }> {
  const steps = (scenario.setup ?? []).flatMap((s) => [
    { spec: s as RequestSpec, role: `setup step '${s.id}'` },
    ...(s.cleanup ? [{ spec: s.cleanup, role: `the cleanup of '${s.id}'` }] : []),
  ]);
  const probe = scenario.probe;
  return [
    ...steps,
    { spec: probe, role: 'the probe' },
    ...(probe.cleanup ? [{ spec: probe.cleanup, role: "the probe's cleanup" }] : []),
  ];
}

/** Why a read-only run skips the scenario (its first request that is not a GET or HEAD); undefined: it only reads. */
export function writesReason(catalog: Catalog, scenario: Scenario): string | undefined {
  for (const { spec, role } of requests(scenario)) {
    const method = spec.method ?? findOperation(catalog, spec.operation).method;
    if (!READS.has(method))
      return `--read-only: ${role} is a ${method} (${spec.operation}), which may create, change or delete something`;
  }
  return undefined;
}
