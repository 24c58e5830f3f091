// What the importer reads out of documents, before it becomes a catalog:
// tables of rows, operations, fault examples, and a note per decision.
import type { Format, Operation, Provenance } from '../model/catalog.js';

/** A document given to `conform import`: its name as given, and its text. */
export interface InputDocument {
  name: string;
  text: string;
}

/** A table as a document writes it (plain text, pipe table or HTML), spans spread. */
export interface DocTable {
  file: string;
  title: string;
  header: string[];
  rows: { cells: string[]; line?: number }[];
  line?: number;
}

/** A row of a fault or status table, as read. */
export interface FaultRow {
  /** The fault's name as the table writes it (a Fault Element column), if it has one. */
  name?: string;
  codes: number[];
  /** The reason phrase beside the code (`400 Bad Request`, a Type column). */
  reason?: string;
  /** A possible cause (a row of a table that lists several per code). */
  cause?: string;
  description: string;
  expectedInAllRequests?: boolean;
  /** The row's first cell as written (`400 Bad Request`), to keep as documentedAs. */
  written: string;
  provenance: Provenance;
}

/** A success (normal) code row, and the methods its description names. */
export interface SuccessRow {
  code: number;
  methods: Operation['method'][];
  provenance: Provenance;
}

/** An error code an operation lists: `404`, `409: duplicate_zone`, `itemNotFound(404)`. */
export interface ListedCode {
  code: number;
  /** A named reason (status.yaml) or a fault name (nova's form). */
  name?: string;
}

export interface DocOperation {
  method: Operation['method'];
  /** As the document writes it: `/v3/projects/{project_id}`. */
  path: string;
  title?: string;
  success: number[];
  errors: ListedCode[];
  provenance: Provenance;
}

export interface FaultExample {
  format: Format;
  /** The root element / key. */
  root: string;
  /** Members in order: JSON keys, or XML child elements. */
  members: { name: string; type: 'string' | 'integer' }[];
  /** XML: the attributes of the root; JSON: the integer member equal to a status code. */
  attributes: Record<string, string>;
  /** The HTTP code the example carries, if it does. */
  code?: number;
  namespace?: string;
  provenance: Provenance;
}

/** Everything read from the documents of one import. */
export interface Reading {
  tables: DocTable[];
  operations: DocOperation[];
  examples: FaultExample[];
  /** status.yaml texts: code → reason name (`default`, `duplicate_zone`) → text. */
  statusTexts: Map<number, Map<string, string>>;
  /** Members the prose calls optional ("The detail section is optional"). */
  optionalMembers: Set<string>;
  notes: string[];
}

export const emptyReading = (): Reading => ({
  tables: [],
  operations: [],
  examples: [],
  statusTexts: new Map(),
  optionalMembers: new Set(),
  notes: [],
});
