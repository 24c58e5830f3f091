import fs from 'node:fs';
import path from 'node:path';
import type { Catalog, FaultDefinition, LeftoverKind, Operation } from '../model/catalog.js';
import { UsageError } from '../errors.js';
import { SCHEMAS_DIR } from '../paths.js';
import { compileDataFileValidator } from '../validate/dataFile.js';
import { catalogFileSchema } from './catalogSchema.js';

const validateCatalogFile = compileDataFileValidator<Catalog>(catalogFileSchema);

function catalogPath(profile: string, schemasDir = SCHEMAS_DIR): string {
  return path.join(schemasDir, profile, 'catalog.json');
}

/** Reads and checks a catalog; every inconsistency is a UsageError naming the file. */
export function loadCatalog(profile: string, schemasDir = SCHEMAS_DIR): Catalog {
  const file = catalogPath(profile, schemasDir);
  if (!fs.existsSync(file)) throw new UsageError(`no catalog for profile '${profile}' (looked for ${file})`);
  const catalog = validateCatalogFile(file, fs.readFileSync(file, 'utf8'));
  const problems = crossCheck(catalog);
  if (problems.length > 0) throw new UsageError(`${file}: ${problems.join('; ')}`);
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
  if (elements.size !== catalog.faults.length) problems.push('a fault element is listed twice');
  const known = (name: string, where: string) => {
    if (!elements.has(name)) problems.push(`${where} names unknown fault '${name}'`);
  };
  for (const op of catalog.operations) op.faults.forEach((f) => known(f, `operation ${op.id}`));
  catalog.faultsOnAnyOperation.forEach((f) => known(f, 'faultsOnAnyOperation'));
  return problems;
}

function faultCodeProblems(catalog: Catalog): string[] {
  return catalog.faults.flatMap((fault) =>
    fault.codes
      .filter((code) => !catalog.documentedStatuses.includes(code))
      .map((code) => `fault ${fault.element} carries ${code}, which documentedStatuses lacks`),
  );
}

function envelopeProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  if (catalog.formats.includes('xml') && !catalog.xml)
    problems.push('the profile documents XML but has no xml section');
  if (catalog.envelope.kind === 'fixed-root' && !catalog.envelope.root)
    problems.push('a fixed-root envelope needs a root');
  const typed = catalog.envelope.kind === 'fixed-root' && catalog.envelope.typeMember !== undefined;
  for (const f of catalog.faults)
    if (f.typeValue !== undefined && !typed)
      problems.push(`fault ${f.element} has a typeValue but the envelope has no typeMember`);
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
        if (!op) return [`leftovers name unknown operation '${id}'`];
        const missing = params.filter((p) => !op.path.includes(`{${p}}`));
        return missing.map((p) => `leftovers: the path of ${id} has no {${p}}`);
      }),
      ...(kind.contents ?? []).flatMap((inner) => check(inner, own)),
    ];
  };
  return [...(catalog.leftovers ?? []), ...(catalog.ownTenant?.leftovers ?? [])].flatMap((kind) => check(kind, []));
}

function alternativeEnvelopeProblems(catalog: Catalog): string[] {
  return (catalog.alternativeEnvelopes ?? []).flatMap((alt) =>
    alt.statuses
      .filter((s) => !catalog.documentedStatuses.includes(s))
      .map((s) => `alternative envelope ${alt.id} is for ${s}, which documentedStatuses lacks`),
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
