import type { FaultReply } from '../common/types.js';

/** The ten documented faults, with the messages a Quantum v1.0 service gives. */
export const quantumFault = {
  badRequest: (detail: string): FaultReply => ({
    kind: 'fault',
    status: 400,
    element: 'badRequest',
    message: 'Malformed request body',
    detail,
  }),
  unauthorized: (detail: string): FaultReply => ({
    kind: 'fault',
    status: 401,
    element: 'unauthorized',
    message: 'Unauthorized',
    detail,
  }),
  forbidden: (detail: string): FaultReply => ({
    kind: 'fault',
    status: 403,
    element: 'forbidden',
    message: 'Forbidden',
    detail,
  }),
  itemNotFound: (detail: string): FaultReply => ({
    kind: 'fault',
    status: 404,
    element: 'itemNotFound',
    message: 'Item not found',
    detail,
  }),
  networkNotFound: (id: string): FaultReply => ({
    kind: 'fault',
    status: 420,
    element: 'networkNotFound',
    message: 'Unable to find a network with the specified identifier.',
    detail: `Network ${id} could not be found`,
  }),
  networkInUse: (id: string): FaultReply => ({
    kind: 'fault',
    status: 421,
    element: 'networkInUse',
    message: 'Unable to remove the network: attachments still plugged.',
    detail: `Network ${id} has attachments plugged into its ports`,
  }),
  portNotFound: (id: string): FaultReply => ({
    kind: 'fault',
    status: 430,
    element: 'portNotFound',
    message: 'Unable to find a port with the specified identifier.',
    detail: `Port ${id} could not be found`,
  }),
  requestedStateInvalid: (state: string): FaultReply => ({
    kind: 'fault',
    status: 431,
    element: 'requestedStateInvalid',
    message: 'Unsupported port state',
    detail: `Port state ${state} is not supported; use ACTIVE or DOWN`,
  }),
  portInUse: (id: string): FaultReply => ({
    kind: 'fault',
    status: 432,
    element: 'portInUse',
    message: 'Unable to complete operation on port: an attachment is plugged in it.',
    detail: `Port ${id} has an attachment plugged`,
  }),
  alreadyAttached: (att: string, port: string): FaultReply => ({
    kind: 'fault',
    status: 440,
    element: 'alreadyAttached',
    message: 'The resource is already attached to another port.',
    detail: `Attachment ${att} is already plugged into port ${port}`,
  }),
};
