import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, FaultDefinition, LeftoverKind, Operation } from '../model/catalog.js';
import { UsageError } from '../errors.js';
import { SCHEMAS_DIR } from '../paths.js';
import { dataFileValidator, problemLines, type CompiledValidator } from '../validate/dataFile.js';
import compiledCatalog from './catalogFile.generated.js';

const validateCatalogFile = dataFileValidator<Catalog>(compiledCatalog as CompiledValidator);

function catalogPath(profile: string, schemasDir = SCHEMAS_DIR): string {
  return path.join(schemasDir, profile, 'catalog.json');
}

/** Reads and checks a built-in profile's catalog; every inconsistency is a UsageError naming the file. */
export function loadCatalog(profile: string, schemasDir = SCHEMAS_DIR): Catalog {
  const file = catalogPath(profile, schemasDir);
  if (!fs.existsSync(file)) throw new UsageError(`no catalog for profile '${profile}' (looked for ${file})`);
  return loadCatalogFile(file);
}

/**
 * Reads and checks a catalog file: its shape, then its consistency. Every
 * problem is a line naming the file, the JSON pointer and the rule.
 */
export function loadCatalogFile(file: string, shown = file): Catalog {
  return checkCatalog(shown, fs.readFileSync(file, 'utf8'));
}

/** A catalog's text, checked as loadCatalogFile does; `file` names it in the errors. */
function checkCatalog(file: string, text: string): Catalog {
  const catalog = validateCatalogFile(file, text);
  const problems = crossCheck(catalog);
  if (problems.length > 0) throw new UsageError(problemLines(file, problems));
  return catalog;
}

function crossCheck(catalog: Catalog): string[] {
  return [
    ...faultNameProblems(catalog),
    ...faultCodeProblems(catalog),
    ...envelopeProblems(catalog),
    ...leftoverProblems(catalog),
    ...alternativeEnvelopeProblems(catalog),
  ];
}

/** Each fault element listed once, and every fault an operation names listed. */
function faultNameProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const elements = new Set(catalog.faults.map((f) => f.element));
  catalog.faults.forEach((f, i) => {
    if (catalog.faults.findIndex((g) => g.element === f.element) !== i)
      problems.push(`/faults/${i}/element '${f.element}' is listed twice: a fault element is listed once`);
  });
  const known = (name: string, at: string, where: string) => {
    if (!elements.has(name)) problems.push(`${at} ${where} names unknown fault '${name}': not in /faults`);
  };
  catalog.operations.forEach((op, i) =>
    op.faults.forEach((f, j) => known(f, `/operations/${i}/faults/${j}`, `operation ${op.id}`)),
  );
  catalog.faultsOnAnyOperation.forEach((f, j) => known(f, `/faultsOnAnyOperation/${j}`, 'faultsOnAnyOperation'));
  const ids = catalog.operations.map((o) => o.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.push(`/operations/${i}/id '${id}' is used twice: an operation id is unique`);
  });
  return problems;
}

function faultCodeProblems(catalog: Catalog): string[] {
  return catalog.faults.flatMap((fault, i) =>
    fault.codes.flatMap((code, j) =>
      catalog.documentedStatuses.includes(code)
        ? []
        : [`/faults/${i}/codes/${j} fault ${fault.element} carries ${code}, which documentedStatuses lacks`],
    ),
  );
}

function envelopeProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  if (catalog.formats.includes('xml') && !catalog.xml)
    problems.push('/formats the profile documents XML but has no xml section');
  if (catalog.formats.includes('xml') && catalog.envelope.kind !== 'element-per-fault')
    problems.push('/envelope XML faults need an element-per-fault envelope (the XSD names an element per fault)');
  if (catalog.envelope.kind === 'fixed-root' && !catalog.envelope.root)
    problems.push('/envelope a fixed-root envelope needs a root');
  const typed = catalog.envelope.kind === 'fixed-root' && catalog.envelope.typeMember !== undefined;
  catalog.faults.forEach((f, i) => {
    if (f.typeValue !== undefined && !typed)
      problems.push(`/faults/${i}/typeValue fault ${f.element} has a typeValue but the envelope has no typeMember`);
  });
  return problems;
}

/**
 * Every operation a leftover kind names exists, and its paths take what
 * cleanup fills in: the delete (and a show) the kind's param, and for what
 * lives inside one, every path the parent's param too.
 */
function leftoverProblems(catalog: Catalog): string[] {
  const ops = new Map(catalog.operations.map((o) => [o.id, o]));
  const check = (kind: LeftoverKind, inside: string[]): string[] => {
    const own = [...inside, kind.param];
    const needs: [string | undefined, string[]][] = [
      [kind.list, inside],
      [kind.delete, own],
      [kind.show?.operation, own],
      [kind.detach?.show, own],
      [kind.detach?.delete, own],
    ];
    return [
      ...needs.flatMap(([id, params]) => {
        if (id === undefined) return [];
        const op = ops.get(id);
        if (!op) return [`/leftovers leftovers name unknown operation '${id}'`];
        const missing = params.filter((p) => !op.path.includes(`{${p}}`));
        return missing.map((p) => `/leftovers leftovers: the path of ${id} has no {${p}}`);
      }),
      ...(kind.contents ?? []).flatMap((inner) => check(inner, own)),
    ];
  };
  return (catalog.leftovers ?? []).flatMap((kind) => check(kind, []));
}

function alternativeEnvelopeProblems(catalog: Catalog): string[] {
  return (catalog.alternativeEnvelopes ?? []).flatMap((alt, i) =>
    alt.statuses
      .filter((s) => !catalog.documentedStatuses.includes(s))
      .map(
        (s) => `/alternativeEnvelopes/${i} alternative envelope ${alt.id} is for ${s}, which documentedStatuses lacks`,
      ),
  );
}

export function findFault(catalog: Catalog, element: string): FaultDefinition {
  const fault = catalog.faults.find((f) => f.element === element);
  if (!fault) throw new UsageError(`profile ${catalog.profile} has no fault '${element}'`);
  return fault;
}

export function findOperation(catalog: Catalog, id: string): Operation {
  const op = catalog.operations.find((o) => o.id === id);
  if (!op) throw new UsageError(`profile ${catalog.profile} has no operation '${id}'`);
  return op;
}

/** The faults the profile says any request may get, that carry `status`. */
export function faultsExpectedInAllRequests(catalog: Catalog, status: number): FaultDefinition[] {
  return catalog.faults.filter((f) => f.expectedInAllRequests && f.codes.includes(status));
}

/** Every XML namespace a fault body of this profile may use. */
export function acceptedNamespaces(catalog: Catalog): string[] {
  if (!catalog.xml) return [];
  return [catalog.xml.namespace, ...catalog.xml.alsoAccepted.map((a) => a.namespace)];
}
