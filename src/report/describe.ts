import type { Catalog } from '../model/catalog.js';
import type { Scenario } from '../model/scenario.js';
import { findOperation } from '../catalog/load.js';

/** `GET /v1.0/tenants/{tenant}/networks/{uuid}` for a scenario's request. */
function describeRequest(catalog: Catalog, spec: Scenario['probe']): string {
  const op = findOperation(catalog, spec.operation);
  const path = op.path.replace(/\{(\w+)\}/g, (whole, name: string) => spec.params?.[name] ?? whole);
  const bits = [`${spec.method ?? op.method} ${path}${spec.negotiation === 'suffix' ? '.{format}' : ''}`];
  if (spec.accept) bits.push(`[Accept: ${spec.accept}]`);
  if (spec.rawBody) bits.push('(malformed body)');
  else if (spec.body !== undefined) bits.push(JSON.stringify(spec.body));
  if (spec.credential && spec.credential !== 'main') bits.push(`[credential: ${spec.credential}]`);
  return bits.join(' ');
}

function describeExpectation(catalog: Catalog, s: Scenario): string {
  const expect = s.expect;
  if ('success' in expect) return `${findOperation(catalog, s.probe.operation).success} (documented success)`;
  const fault = catalog.faults.find((f) => f.element === expect.fault);
  const status = expect.status !== undefined ? [expect.status] : (fault?.codes ?? []);
  return `${status.join('/')} ${expect.fault}`;
}

/** What `conform list` and `--dry-run` print for one scenario. */
export function describeScenario(catalog: Catalog, s: Scenario, formats: string[]): string[] {
  const lines = [
    `${s.id}  [${formats.join(', ')}]${s.requires?.length ? `  requires: ${s.requires.join(', ')}` : ''}`,
    `    ${s.title}`,
  ];
  for (const step of s.setup ?? []) lines.push(`    setup ${step.id}: ${describeRequest(catalog, step)}`);
  lines.push(`    probe: ${describeRequest(catalog, s.probe)}`);
  lines.push(`    expect: ${describeExpectation(catalog, s)}`);
  return lines;
}
