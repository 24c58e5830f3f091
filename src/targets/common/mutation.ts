import type { FaultDoc, Reply, TargetRequest, WireResponse } from './types.js';

/**
 * One deliberate violation of a documented contract, applied to a reference
 * target. `npm run mutants` runs conform against each and expects `caughtBy`
 * to fail.
 */
export interface Mutation {
  id: string;
  description: string;
  /** The check that must catch it. */
  caughtBy: string;
  /** Behaviours the target's own logic consults (e.g. let an in-use port be deleted). */
  flags?: string[];
  /** Changes the request before the target sees it (e.g. ignore the format asked for). */
  request?(req: TargetRequest): TargetRequest;
  /** Changes the reply the target decided on. */
  reply?(reply: Reply, req: TargetRequest): Reply;
  /** Changes a fault document before it is serialised. */
  fault?(doc: FaultDoc, req: TargetRequest): FaultDoc;
  /** Changes the bytes on the wire. */
  wire?(res: WireResponse, req: TargetRequest): WireResponse;
}
