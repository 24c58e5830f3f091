import type { Mutation } from './mutation.js';
import type { FaultDoc, FaultReply, Reply, TargetRequest, WireResponse } from './types.js';

/**
 * Small builders for mutations, so each profile's list reads as a table of
 * violations rather than as code.
 */
type Base = Pick<Mutation, 'id' | 'description' | 'caughtBy'>;

/** Edit every fault document (optionally only those of one element or format). */
export function editFault(
  base: Base,
  edit: (doc: FaultDoc, req: TargetRequest) => FaultDoc,
  only?: { element?: string; format?: TargetRequest['format'] },
): Mutation {
  return {
    ...base,
    fault: (doc, req) => {
      if (only?.element && doc.element !== only.element) return doc;
      if (only?.format && req.format !== only.format) return doc;
      return edit(doc, req);
    },
  };
}

/** Replace the reply for faults of one element (or every fault). */
export function editFaultReply(
  base: Base,
  edit: (reply: FaultReply, req: TargetRequest) => Reply,
  element?: string,
): Mutation {
  return {
    ...base,
    reply: (reply, req) =>
      reply.kind === 'fault' && (!element || reply.element === element) ? edit(reply, req) : reply,
  };
}

/** Replace the reply of successful calls matching a method. */
export function editSuccess(base: Base, method: string, edit: (reply: Reply, req: TargetRequest) => Reply): Mutation {
  return {
    ...base,
    reply: (reply, req) =>
      reply.kind === 'success' && reply.status < 300 && req.method === method ? edit(reply, req) : reply,
  };
}

/** Rewrite the bytes of fault responses (status ≥ 400). */
export function editFaultWire(
  base: Base,
  edit: (res: WireResponse, req: TargetRequest) => WireResponse,
  format?: TargetRequest['format'],
): Mutation {
  return {
    ...base,
    wire: (res, req) => (res.status >= 400 && (!format || req.format === format) ? edit(res, req) : res),
  };
}

/** Switch on a behaviour of the target's own logic. */
export function behaviour(base: Base, flag: string): Mutation {
  return { ...base, flags: [flag] };
}

export const renameMember = (doc: FaultDoc, from: string, to: string): FaultDoc => ({
  ...doc,
  members: doc.members.map(([k, v]) => [k === from ? to : k, v] as [string, unknown]),
});
