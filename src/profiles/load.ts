import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../model/catalog.js';
import type { Profile } from '../model/profile.js';
import type { Suite } from '../model/scenario.js';
import { acceptedNamespaces, loadCatalog } from '../catalog/load.js';
import { loadSuite } from '../suite/load.js';
import { xsdFileName } from '../schemagen/files.js';
import { SCHEMAS_DIR } from '../paths.js';
import { JsonFaultValidator } from '../validate/jsonFaults.js';
import { XsdFaultValidator } from '../validate/xsdFaults.js';
import { UsageError } from '../errors.js';

function readGenerated(file: string): string {
  if (!fs.existsSync(file)) throw new UsageError(`${file} is missing: run \`npm run schemas\``);
  return fs.readFileSync(file, 'utf8');
}

/** The generated files of a profile, by name in its schemas folder (faults.schema.json, faults.xsd, …). */
export type SchemaSource = (name: string) => string;

/**
 * A profile from its checked catalog and suite, with validators compiled from the schemas `schemas` gives.
 * A built-in profile (no `folder`) has conform's own generated schemas, which are not checked against the
 * meta-schema again (schemagen.test.ts does that); a folder's are.
 */
export function assembleProfile(catalog: Catalog, suite: Suite, schemas: SchemaSource, folder?: string): Profile {
  const json = new JsonFaultValidator(JSON.parse(schemas('faults.schema.json')), folder === undefined);
  let xsd: XsdFaultValidator | undefined;
  if (catalog.formats.includes('xml')) {
    const byNamespace = new Map<string, string>();
    for (const ns of acceptedNamespaces(catalog)) byNamespace.set(ns, schemas(xsdFileName(catalog, ns)));
    xsd = new XsdFaultValidator(byNamespace);
  }
  return { catalog, suite, json, xsd, ...(folder !== undefined ? { folder } : {}) };
}

/** Loads a built-in profile's catalog, scenarios and the generated schemas it validates against. */
export function loadProfile(name: string, schemasDir = SCHEMAS_DIR): Profile {
  const catalog = loadCatalog(name, schemasDir);
  const suite = loadSuite(catalog);
  return assembleProfile(catalog, suite, (file) => readGenerated(path.join(schemasDir, name, file)));
}
