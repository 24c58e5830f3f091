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

/** A create's answer without the id of what it created (its payload is `{<root>: {id, …}}`). */
const withoutId = (r: Reply): Reply => {
  if (r.kind !== 'success' || !r.payload) return r;
  const [[root, value]] = Object.entries(r.payload);
  const { id: _id, ...rest } = value as Record<string, unknown>;
  return { ...r, payload: { [root]: rest } };
};

/** The success statuses an API of `{<root>: {id, …}}` resources documents, each broken once. */
export const successMutations = (updateMethod: 'PATCH' | 'PUT'): Mutation[] => [
  editSuccess(
    { id: 'create-200', description: 'POST answers 200 instead of the documented 201', caughtBy: 'success-status' },
    'POST',
    (r) => ({ ...r, status: 200 }),
  ),
  editSuccess(
    { id: 'delete-200', description: 'DELETE answers 200 instead of the documented 204', caughtBy: 'success-status' },
    'DELETE',
    (r) => ({ ...r, status: 200 }),
  ),
  editSuccess(
    { id: 'update-204', description: `${updateMethod} answers 204 with no body instead of 200`, caughtBy: 'status' },
    updateMethod,
    (r) => ({ kind: 'success', status: 204, headers: r.headers }),
  ),
  editSuccess(
    {
      id: 'create-without-id',
      description: 'a create answers without the id of what it created',
      caughtBy: 'setup-response',
    },
    'POST',
    withoutId,
  ),
];
