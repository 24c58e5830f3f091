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
import { COMPILED_FAULTS_FILE, loadCompiledFaults } from '../validate/compiledFaults.js';
import type { CompiledValidator } from '../validate/dataFile.js';
import { XsdFaultValidator } from '../validate/xsdFaults.js';
import { UsageError } from '../errors.js';

function readGenerated(file: string): string {
  if (!fs.existsSync(file)) throw new UsageError(`${file} is missing: run \`npm run schemas\``);
  return fs.readFileSync(file, 'utf8');
}

/** The generated files of a profile, by name in its schemas folder (faults.schema.json, faults.xsd, …). */
export type SchemaSource = (name: string) => string;

/**
 * Where a profile comes from. A built-in profile has conform's own generated schemas, which are not
 * checked against the meta-schema again (schemagen.test.ts does that), and fault validators compiled
 * ahead of time: `compiled` gives them for the text of its faults.schema.json, or nothing when they
 * are stale and ajv must compile. A folder's schemas are compiled at run time; its faults.schema.json
 * is checked against the meta-schema unless it is the text conform generates from the folder's
 * catalog (`generated`), which the same test vouches for.
 */
type Origin =
  | { folder: string; generated?: string; broken?: (why: string) => Error }
  | { compiled(schemaText: string): ReadonlyMap<string, CompiledValidator> | undefined };

/** A profile from its checked catalog and suite, with validators compiled from the schemas `schemas` gives. */
export function assembleProfile(catalog: Catalog, suite: Suite, schemas: SchemaSource, origin: Origin): Profile {
  const text = schemas('faults.schema.json');
  const folder = 'folder' in origin ? origin : undefined;
  const compiled = 'compiled' in origin ? origin.compiled(text) : undefined;
  const json = new JsonFaultValidator(JSON.parse(text), folder ? text === folder.generated : true, compiled);
  let xsd: XsdFaultValidator | undefined;
  if (catalog.formats.includes('xml')) {
    const byNamespace = new Map<string, string>();
    for (const ns of acceptedNamespaces(catalog)) byNamespace.set(ns, schemas(xsdFileName(catalog, ns)));
    xsd = new XsdFaultValidator(byNamespace, folder?.broken);
  }
  return { catalog, suite, json, xsd, ...(folder ? { folder: folder.folder } : {}) };
}

/** Loads a built-in profile's catalog, scenarios and the generated schemas and validators it validates with. */
export function loadProfile(name: string, schemasDir = SCHEMAS_DIR): Profile {
  const catalog = loadCatalog(name, schemasDir);
  const suite = loadSuite(catalog);
  const dir = path.join(schemasDir, name);
  return assembleProfile(catalog, suite, (file) => readGenerated(path.join(dir, file)), {
    compiled: (text) => loadCompiledFaults(path.join(dir, COMPILED_FAULTS_FILE), text),
  });
}
