import type { Format } from '../../model/catalog.js';

/** A request as a reference target sees it, after negotiation. */
export interface TargetRequest {
  method: string;
  /** The path without format suffix and query. */
  path: string;
  format: Format;
  /** How the format was chosen. */
  negotiatedBy: 'suffix' | 'accept' | 'content-type' | 'default';
  headers: Record<string, string | undefined>;
  /** The raw body text. */
  body: string;
}

/** A fault the target decided to answer with, before serialisation. */
export interface FaultReply {
  kind: 'fault';
  status: number;
  element: string;
  message: string;
  detail?: string;
  /** Extra members (overLimit's retryAt). */
  extra?: Record<string, string>;
  headers?: Record<string, string>;
  /** The format the answer is in, when the service cannot give the one asked for (JSON-only services). */
  format?: Format;
}

export interface SuccessReply {
  kind: 'success';
  status: number;
  /** `{root: {...}}`, or undefined for 204. */
  payload?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** The format the answer is in, when the service cannot give the one asked for (JSON-only services). */
  format?: Format;
}

export type Reply = FaultReply | SuccessReply;

/** The bytes a target sends. */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A fault body before serialisation: what a fault document says, whatever
 * the format. Mutations edit this to break one rule at a time.
 */
export interface FaultDoc {
  element: string;
  namespace?: string;
  /** Where the code goes, and what it is (a string breaks the integer rule). */
  code?: number | string;
  codeAs: 'attribute' | 'element';
  /** Child elements / JSON members, in order. */
  members: [string, unknown][];
  /** Extra XML attributes on the root (JSON: members). */
  attributes: [string, string][];
  /** Additional JSON root keys beside the fault. */
  extraRoots?: Record<string, unknown>;
}
