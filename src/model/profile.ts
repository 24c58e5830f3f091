import type { Catalog } from './catalog.js';
import type { Suite } from './scenario.js';

/** One way a body departs from its schema. */
export interface SchemaViolation {
  /** Where in the instance (JSON pointer) or the document (line). */
  at: string;
  message: string;
}

/** Validates JSON fault bodies against a profile's JSON Schema. */
export interface JsonFaultSchema {
  validate(value: unknown, fault?: string): SchemaViolation[];
}

/** Validates XML fault bodies against a profile's XSDs, one per accepted namespace. */
export interface XsdFaultSchema {
  validate(xml: string, namespace: string | undefined): SchemaViolation[];
  /** What validate needs, made ready before a run's first XML case (libxml2 loaded, the XSDs compiled). */
  load?(): Promise<void>;
}

/** Everything a run needs to know about one profile, loaded once. */
export interface Profile {
  catalog: Catalog;
  suite: Suite;
  json: JsonFaultSchema;
  /** Present when the profile documents XML. */
  xsd?: XsdFaultSchema;
  /** Where it was loaded from, for a profile folder (`--profile ./dir`); absent: built in. */
  folder?: string;
}
