// The draft catalog from all that was read: faults with their provenance,
// the envelope of the examples, the operations, every status documented.
import type { Catalog } from '../model/catalog.js';
import type { Reading } from './reading.js';
import { readTables } from './tables.js';
import { faultsFromRows } from './faults.js';
import { readEnvelope } from './envelope.js';
import { operationsFrom } from './operations.js';
import { ImportError } from './limits.js';

export interface DraftCatalog {
  catalog: Catalog;
  /** The envelope is a placeholder (no fault example was read). */
  placeholderEnvelope: boolean;
}

export function buildCatalog(reading: Reading, profile: string, documents: string[]): DraftCatalog {
  const tables = readTables(reading.tables);
  const roots = reading.examples.map((e) => e.root);
  const set = faultsFromRows(tables.faults, roots);
  const notes = [...reading.notes, ...tables.notes, ...set.notes];
  const operations = operationsFrom(reading.operations, set, reading.statusTexts, notes);
  const env = readEnvelope(
    reading.examples,
    set.faults.map((f) => f.element),
    reading.optionalMembers,
  );
  notes.push(...env.notes);
  if (set.faults.length === 0)
    throw new ImportError(
      `no fault found in ${documents.join(', ')}: no table with a status code column, no api-ref error code`,
    );
  const statuses = new Set<number>([
    ...tables.successes.map((s) => s.code),
    ...operations.map((o) => o.success),
    ...set.faults.flatMap((f) => f.codes),
  ]);
  const everywhere = set.faults.filter((f) => f.expectedInAllRequests).map((f) => f.element);
  if (everywhere.length > 0)
    notes.push(`faults any request may get (expected in all requests): ${everywhere.join(', ')}`);
  if (operations.length === 0)
    notes.push(
      'operations: the documents give none (no rest_method), so no scenario is derived: write them in suites/',
    );
  const catalog: Catalog = {
    profile,
    title: `${profile}: fault contract imported from ${documents.join(', ')}`,
    formats: env.formats,
    provenance: documents.map((source) => ({ source, note: 'read by conform import' })),
    notes,
    envelope: env.envelope,
    ...(env.xml ? { xml: env.xml } : {}),
    faults: set.faults,
    operations,
    documentedStatuses: [...statuses].sort((a, b) => a - b),
    faultsOnAnyOperation: everywhere,
  };
  return { catalog, placeholderEnvelope: env.placeholder };
}
