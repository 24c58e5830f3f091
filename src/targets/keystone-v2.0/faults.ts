import type { FaultReply } from '../common/types.js';

const fault = (status: number, element: string, message: string, detail?: string): FaultReply => ({
  kind: 'fault',
  status,
  element,
  message,
  ...(detail !== undefined ? { detail } : {}),
});

/** The faults an Identity v2.0 service answers with (seed 004, Table 3.4), with Keystone's messages. */
export const identityFault = {
  serviceUnavailable: (detail: string) =>
    fault(503, 'serviceUnavailable', 'The identity service is unavailable', detail),
  badRequest: (detail: string) => fault(400, 'badRequest', 'Malformed request', detail),
  unauthorized: (detail: string) => fault(401, 'unauthorized', 'Unauthorized', detail),
  /** retryAt: when the limit lets the caller in again (XML attribute, JSON member; Retry-After in seconds). */
  overLimit: (detail: string, retryAt: Date, now: number): FaultReply => ({
    ...fault(413, 'overLimit', 'Rate limit exceeded', detail),
    extra: { retryAt: retryAt.toISOString() },
    headers: { 'retry-after': String(Math.max(1, Math.ceil((retryAt.getTime() - now) / 1000))) },
  }),
  userDisabled: (username: string) =>
    fault(403, 'userDisabled', 'Your account has been disabled', `User ${username} is disabled`),
  forbidden: (detail: string) =>
    fault(403, 'forbidden', 'You are not authorized to perform the requested action', detail),
  itemNotFound: (detail: string) => fault(404, 'itemNotFound', 'Item not found', detail),
  tenantConflict: (name: string) =>
    fault(409, 'tenantConflict', 'A tenant with that name already exists', `Tenant name ${name} is in use`),
};
