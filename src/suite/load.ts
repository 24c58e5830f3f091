import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../model/catalog.js';
import type { RequestSpec, Scenario, Suite } from '../model/scenario.js';
import { UsageError } from '../errors.js';
import { SUITES_DIR } from '../paths.js';
import { compileDataFileValidator } from '../validate/dataFile.js';
import { placeholders } from './template.js';
import { suiteFileSchema } from './suiteSchema.js';

const validateSuiteFile = compileDataFileValidator<{ scenarios: Scenario[] }>(suiteFileSchema);

/** Placeholders every request may use without a setup step providing them. */
const BUILTINS = new Set(['tenant', 'runId', 'uuid', 'name']);

/** Reads every suite file of a profile and checks each scenario against the catalog. */
export function loadSuite(catalog: Catalog, suitesDir = SUITES_DIR): Suite {
  const dir = path.join(suitesDir, catalog.profile);
  if (!fs.existsSync(dir)) throw new UsageError(`no scenarios for profile '${catalog.profile}' (looked in ${dir})`);
  const scenarios: Scenario[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()) {
    const file = path.join(dir, name);
    const data = validateSuiteFile(file, fs.readFileSync(file, 'utf8'));
    for (const s of data.scenarios) scenarios.push({ ...s, source: `suites/${catalog.profile}/${name}` });
  }
  const problems = scenarios.flatMap((s) => checkScenario(catalog, s).map((p) => `${s.source} ${s.id}: ${p}`));
  const seen = new Set<string>();
  for (const s of scenarios) {
    if (seen.has(s.id)) problems.push(`${s.source}: scenario id '${s.id}' is used twice`);
    seen.add(s.id);
  }
  if (problems.length > 0) throw new UsageError(`invalid scenarios:\n  ${problems.join('\n  ')}`);
  return { profile: catalog.profile, scenarios };
}

function checkScenario(catalog: Catalog, s: Scenario): string[] {
  const problems: string[] = [];
  const available = new Set(BUILTINS);
  const checkRequest = (req: RequestSpec, where: string) => {
    const op = catalog.operations.find((o) => o.id === req.operation);
    if (!op) return problems.push(`${where}: unknown operation '${req.operation}'`);
    for (const p of placeholders(op.path)) {
      if (!BUILTINS.has(p) && !(req.params && p in req.params))
        problems.push(`${where}: operation ${op.id} needs param '${p}'`);
    }
    const used = [...Object.values(req.params ?? {}), JSON.stringify(req.body ?? null)].flatMap(placeholders);
    for (const p of used) if (!available.has(p)) problems.push(`${where}: '{${p}}' is not known at this point`);
    for (const f of s.formats ?? [])
      if (!catalog.formats.includes(f)) problems.push(`${where}: the profile does not document ${f}`);
  };
  const probeOnly = (req: RequestSpec, where: string) => {
    if (req.method || req.accept)
      problems.push(
        `${where}: 'method' and 'accept' are for probes; setup and cleanup calls are held to their operation's success code`,
      );
  };
  for (const step of s.setup ?? []) {
    checkRequest(step, `setup ${step.id}`);
    probeOnly(step, `setup ${step.id}`);
    if (step.cleanup) probeOnly(step.cleanup, `cleanup of ${step.id}`);
    for (const name of Object.keys(step.capture ?? {})) available.add(`${step.id}.${name}`);
    if (step.cleanup) checkRequest(step.cleanup, `cleanup of ${step.id}`);
  }
  checkRequest(s.probe, 'probe');
  if (s.probe.cleanup) {
    for (const name of Object.keys(s.probe.capture ?? {})) available.add(`probe.${name}`);
    checkRequest(s.probe.cleanup, 'cleanup of the probe');
    probeOnly(s.probe.cleanup, 'cleanup of the probe');
  }
  const expect = s.expect;
  if ('fault' in expect) {
    const fault = catalog.faults.find((f) => f.element === expect.fault);
    const op = catalog.operations.find((o) => o.id === s.probe.operation);
    if (!fault) problems.push(`expects unknown fault '${expect.fault}'`);
    else if (
      op &&
      !op.faults.includes(fault.element) &&
      !catalog.faultsOnAnyOperation.includes(fault.element) &&
      !fault.expectedInAllRequests
    ) {
      problems.push(`operation ${op.id} is not documented to raise ${fault.element}`);
    }
    if (fault && expect.status !== undefined && !fault.codes.includes(expect.status)) {
      problems.push(`${fault.element} does not carry status ${expect.status}`);
    }
  }
  return problems;
}
