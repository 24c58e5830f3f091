// `conform import`: API documentation in, a draft profile out (catalog and
// derived scenarios). Reads only the texts it is given; never fetches, runs
// or opens anything a document names.
import type { Catalog } from '../model/catalog.js';
import type { Scenario } from '../model/scenario.js';
import type { InputDocument } from './reading.js';
import { readDocuments } from './read.js';
import { buildCatalog } from './catalog.js';
import { deriveScenarios } from './scenarios.js';

export { ImportError } from './limits.js';
export type { InputDocument } from './reading.js';

export interface DraftProfile {
  catalog: Catalog;
  scenarios: Scenario[];
  placeholderEnvelope: boolean;
}

export function importDocuments(docs: InputDocument[], profile: string): DraftProfile {
  const reading = readDocuments(docs);
  const { catalog, placeholderEnvelope } = buildCatalog(
    reading,
    profile,
    docs.map((d) => d.name),
  );
  const { scenarios, notes } = deriveScenarios(catalog);
  catalog.notes.push(...notes);
  return { catalog, scenarios, placeholderEnvelope };
}
