import path from 'node:path';
import type { Catalog } from '../model/catalog.js';
import { acceptedNamespaces } from '../catalog/load.js';
import { generateJsonSchema } from './jsonSchema.js';
import { generateXsd } from './xsd.js';

export interface GeneratedFile {
  /** Relative to the schemas folder. */
  path: string;
  content: string;
}

/** The XSD file for a namespace: the documented one is faults.xsd. */
export function xsdFileName(catalog: Catalog, namespace: string): string {
  if (namespace === catalog.xml?.namespace) return 'faults.xsd';
  const host = new URL(namespace).host;
  return `faults.${host}.xsd`;
}

/**
 * Everything `npm run schemas` writes for one profile (`conform schemas DIR`
 * for a folder's); `origin` is what their comment says they come from.
 */
export function generatedFiles(catalog: Catalog, origin?: string): GeneratedFile[] {
  const dir = catalog.profile;
  const files: GeneratedFile[] = [
    {
      path: path.join(dir, 'faults.schema.json'),
      content: `${JSON.stringify(generateJsonSchema(catalog, origin), null, 2)}\n`,
    },
  ];
  if (catalog.formats.includes('xml')) {
    for (const ns of acceptedNamespaces(catalog)) {
      files.push({ path: path.join(dir, xsdFileName(catalog, ns)), content: generateXsd(catalog, ns, origin) });
    }
  }
  return files;
}
