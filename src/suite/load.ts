import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, Format } from '../model/catalog.js';
import type { RequestSpec, Scenario, Suite } from '../model/scenario.js';
import { UsageError } from '../errors.js';
import { SUITES_DIR } from '../paths.js';
import { compileDataFileValidator } from '../validate/dataFile.js';
import { placeholders } from './template.js';
import { suiteFileSchema } from './suiteSchema.js';

const validateSuiteFile = compileDataFileValidator<{ scenarios: Scenario[] }>(suiteFileSchema);

/** Placeholders every request may use without a setup step providing them. */
const BUILTINS = new Set(['tenant', 'runId', 'uuid', 'password', 'name']);

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
  const known: Known = { catalog, formats: s.formats ?? [], available: new Set(BUILTINS) };
  return [...requestsProblems(known, s), ...expectedFaultProblems(catalog, s)];
}

/** What a request may refer to at its point in a scenario. */
interface Known {
  catalog: Catalog;
  formats: Format[];
  /** Placeholders known so far: the built-in ones, then each capture once its step has run. */
  available: Set<string>;
}

/** The setup steps, the probe and their cleanups, in the order a run sends them. */
function requestsProblems(known: Known, s: Scenario): string[] {
  const problems: string[] = [];
  for (const step of s.setup ?? []) {
    problems.push(...requestProblems(known, step, `setup ${step.id}`), ...probeOnly(step, `setup ${step.id}`));
    if (step.cleanup) problems.push(...probeOnly(step.cleanup, `cleanup of ${step.id}`));
    for (const name of Object.keys(step.capture ?? {})) known.available.add(`${step.id}.${name}`);
    if (step.cleanup) problems.push(...requestProblems(known, step.cleanup, `cleanup of ${step.id}`));
  }
  problems.push(...requestProblems(known, s.probe, 'probe'));
  if (s.probe.cleanup) {
    for (const name of Object.keys(s.probe.capture ?? {})) known.available.add(`probe.${name}`);
    const where = 'cleanup of the probe';
    problems.push(...requestProblems(known, s.probe.cleanup, where), ...probeOnly(s.probe.cleanup, where));
  }
  return problems;
}

function requestProblems(known: Known, req: RequestSpec, where: string): string[] {
  const { catalog, available } = known;
  const op = catalog.operations.find((o) => o.id === req.operation);
  if (!op) return [`${where}: unknown operation '${req.operation}'`];
  const problems: string[] = [];
  for (const p of placeholders(op.path)) {
    if (!BUILTINS.has(p) && !(req.params && p in req.params))
      problems.push(`${where}: operation ${op.id} needs param '${p}'`);
  }
  const used = [
    ...Object.values(req.params ?? {}),
    ...Object.values(req.headers ?? {}),
    JSON.stringify(req.body ?? null),
  ].flatMap(placeholders);
  for (const p of used) if (!available.has(p)) problems.push(`${where}: '{${p}}' is not known at this point`);
  for (const f of known.formats)
    if (!catalog.formats.includes(f)) problems.push(`${where}: the profile does not document ${f}`);
  return problems;
}

/** Setup and cleanup calls may not say 'method' or 'accept'. */
function probeOnly(req: RequestSpec, where: string): string[] {
  if (!req.method && !req.accept) return [];
  return [
    `${where}: 'method' and 'accept' are for probes; ` +
      "setup and cleanup calls are held to their operation's success code",
  ];
}

function expectedFaultProblems(catalog: Catalog, s: Scenario): string[] {
  const expect = s.expect;
  if (!('fault' in expect)) return [];
  const problems: string[] = [];
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
  for (const other of s.indistinguishableFrom?.faults ?? [])
    if (!catalog.faults.some((f) => f.element === other))
      problems.push(`indistinguishableFrom names unknown fault '${other}'`);
  if (fault && expect.status !== undefined && !fault.codes.includes(expect.status)) {
    problems.push(`${fault.element} does not carry status ${expect.status}`);
  }
  return problems;
}
