import fs from 'node:fs';
import path from 'node:path';
import type { Profile } from '../model/profile.js';
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

/** Loads a profile's catalog, scenarios and the generated schemas it validates against. */
export function loadProfile(name: string, schemasDir = SCHEMAS_DIR): Profile {
  const catalog = loadCatalog(name, schemasDir);
  const suite = loadSuite(catalog);
  const json = new JsonFaultValidator(JSON.parse(readGenerated(path.join(schemasDir, name, 'faults.schema.json'))));
  let xsd: XsdFaultValidator | undefined;
  if (catalog.formats.includes('xml')) {
    const byNamespace = new Map<string, string>();
    for (const ns of acceptedNamespaces(catalog)) {
      byNamespace.set(ns, readGenerated(path.join(schemasDir, name, xsdFileName(catalog, ns))));
    }
    xsd = new XsdFaultValidator(byNamespace);
  }
  return { catalog, suite, json, xsd };
}
