import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, Format } from '../model/catalog.js';
import type { RequestSpec, Scenario, Suite } from '../model/scenario.js';
import { UsageError } from '../errors.js';
import { SUITES_DIR } from '../paths.js';
import { dataFileValidator, problemLines, type CompiledValidator } from '../validate/dataFile.js';
import { BUILTINS, placeholders } from './template.js';
import compiledSuite from './suiteFile.generated.js';

const validateSuiteFile = dataFileValidator<{ scenarios: Scenario[] }>(compiledSuite as CompiledValidator);

/** Reads every suite file of a built-in profile and checks each scenario against the catalog. */
export function loadSuite(catalog: Catalog, suitesDir = SUITES_DIR): Suite {
  const dir = path.join(suitesDir, catalog.profile);
  if (!fs.existsSync(dir)) throw new UsageError(`no scenarios for profile '${catalog.profile}' (looked in ${dir})`);
  return loadSuiteDir(catalog, dir, `suites/${catalog.profile}`);
}

/**
 * Reads every `*.json` of a folder as suite files and checks each scenario
 * against the catalog. `label` is how scenarios name their file
 * (`suites/quantum-v1.0`); every problem is a line naming the file, the JSON
 * pointer and the rule.
 */
export function loadSuiteDir(catalog: Catalog, dir: string, label: string, shownDir = dir): Suite {
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  if (names.length === 0) throw new UsageError(`${shownDir}: no scenarios (no *.json suite file)`);
  const seen = new Map<string, string>();
  for (const name of names) {
    const shown = path.join(shownDir, name);
    const data = validateSuiteFile(shown, fs.readFileSync(path.join(dir, name), 'utf8'));
    const fileProblems: string[] = [];
    const source = `${label}/${name}`;
    data.scenarios.forEach((s, i) => {
      const at = `/scenarios/${i}`;
      fileProblems.push(...checkScenario(catalog, s, at).map((p) => `${p} (scenario ${s.id})`));
      const first = seen.get(s.id);
      if (first) fileProblems.push(`${at}/id '${s.id}' is used twice (first in ${first}): a scenario id is unique`);
      seen.set(s.id, shown);
      // Given its source in place, not copied: a copy made by spreading can cost each of a
      // large suite's scenarios a hidden class of its own, which is most of its memory.
      scenarios.push(Object.assign(s, { source }));
    });
    if (fileProblems.length > 0) problems.push(problemLines(shown, fileProblems));
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return { profile: catalog.profile, scenarios };
}

function checkScenario(catalog: Catalog, s: Scenario, at: string): string[] {
  const known: Known = { catalog, formats: s.formats ?? [], available: new Set(BUILTINS) };
  return [...requestsProblems(known, s, at), ...expectedFaultProblems(catalog, s, at)];
}

/** What a request may refer to at its point in a scenario. */
interface Known {
  catalog: Catalog;
  formats: Format[];
  /** Placeholders known so far: the built-in ones, then each capture once its step has run. */
  available: Set<string>;
}

/** The setup steps, the probe and their cleanups, in the order a run sends them. */
function requestsProblems(known: Known, s: Scenario, at: string): string[] {
  const problems: string[] = [];
  (s.setup ?? []).forEach((step, i) => {
    const here = `${at}/setup/${i}`;
    problems.push(...requestProblems(known, step, here), ...probeOnly(step, here));
    if (step.cleanup) problems.push(...probeOnly(step.cleanup, `${here}/cleanup`));
    for (const name of Object.keys(step.capture ?? {})) known.available.add(`${step.id}.${name}`);
    if (step.cleanup) problems.push(...requestProblems(known, step.cleanup, `${here}/cleanup`));
  });
  problems.push(...requestProblems(known, s.probe, `${at}/probe`));
  if (s.probe.cleanup) {
    for (const name of Object.keys(s.probe.capture ?? {})) known.available.add(`probe.${name}`);
    const where = `${at}/probe/cleanup`;
    problems.push(...requestProblems(known, s.probe.cleanup, where), ...probeOnly(s.probe.cleanup, where));
  }
  return problems;
}

function requestProblems(known: Known, req: RequestSpec, where: string): string[] {
  const { catalog, available } = known;
  const op = catalog.operations.find((o) => o.id === req.operation);
  if (!op) return [`${where}/operation unknown operation '${req.operation}': not in the catalog's operations`];
  const problems: string[] = [];
  for (const p of placeholders(op.path)) {
    if (!BUILTINS.has(p) && !(req.params && p in req.params))
      problems.push(`${where}/params operation ${op.id} needs param '${p}'`);
  }
  const used = [
    ...Object.values(req.params ?? {}),
    ...Object.values(req.headers ?? {}),
    JSON.stringify(req.body ?? null),
  ].flatMap(placeholders);
  for (const p of used) if (!available.has(p)) problems.push(`${where} '{${p}}' is not known at this point`);
  for (const f of known.formats)
    if (!catalog.formats.includes(f)) problems.push(`${where} the profile does not document ${f}`);
  return problems;
}

/** Setup and cleanup calls may not say 'method' or 'accept'. */
function probeOnly(req: RequestSpec, where: string): string[] {
  if (!req.method && !req.accept) return [];
  return [
    `${where} 'method' and 'accept' are for probes; ` +
      "setup and cleanup calls are held to their operation's success code",
  ];
}

function expectedFaultProblems(catalog: Catalog, s: Scenario, at: string): string[] {
  const expect = s.expect;
  if (!('fault' in expect)) return [];
  const problems: string[] = [];
  const fault = catalog.faults.find((f) => f.element === expect.fault);
  const op = catalog.operations.find((o) => o.id === s.probe.operation);
  if (!fault) problems.push(`${at}/expect/fault expects unknown fault '${expect.fault}': not in the catalog's faults`);
  else if (
    op &&
    !op.faults.includes(fault.element) &&
    !catalog.faultsOnAnyOperation.includes(fault.element) &&
    !fault.expectedInAllRequests
  ) {
    problems.push(`${at}/expect/fault operation ${op.id} is not documented to raise ${fault.element}`);
  }
  for (const other of s.indistinguishableFrom?.faults ?? [])
    if (!catalog.faults.some((f) => f.element === other))
      problems.push(`${at}/indistinguishableFrom names unknown fault '${other}'`);
  if (fault && expect.status !== undefined && !fault.codes.includes(expect.status)) {
    problems.push(`${at}/expect/status ${fault.element} does not carry status ${expect.status}`);
  }
  return problems;
}
