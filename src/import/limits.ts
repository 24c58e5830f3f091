/**
 * What an import reads at most. A document is read as text, never run or
 * followed: these bounds keep a hostile one (huge, deeply nested, an entity
 * bomb in an example) to a clear error in bounded time and memory.
 */
export const LIMITS = {
  /** Bytes of one document. */
  documentBytes: 8 * 1024 * 1024,
  /** Bytes of all documents of one import. */
  totalBytes: 32 * 1024 * 1024,
  /** Open HTML elements at once. */
  htmlDepth: 256,
  /** Tables of one document, rows of one table. */
  tables: 1000,
  rows: 10_000,
  /** Nesting of a JSON or XML example. */
  exampleDepth: 64,
  /** Bytes of one example. */
  exampleBytes: 256 * 1024,
  /** Operations of one import. */
  operations: 5000,
} as const;

/** A document the importer refuses to read on: one line, naming it. Exit 2. */
export class ImportError extends Error {
  override name = 'ImportError';
}
