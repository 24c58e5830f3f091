import type { FaultReply } from '../common/types.js';

/**
 * A NeutronError: `element` is the row of the status table (the catalog's
 * fault), `type` the exception Neutron names in the body.
 */
const fault = (status: number, element: string, type: string, message: string, headers?: Record<string, string>) =>
  ({
    kind: 'fault',
    status,
    element,
    message,
    detail: '',
    extra: { type },
    ...(headers ? { headers } : {}),
  }) satisfies FaultReply;

export type NeutronKind = 'network' | 'subnet' | 'port';

const EXCEPTION: Record<NeutronKind, string> = { network: 'Network', subnet: 'Subnet', port: 'Port' };

/** The faults the Neutron reference answers with, with the types and messages Neutron gives. */
export const neutronFault = {
  badRequest: (message: string) => fault(400, 'badRequest', 'HTTPBadRequest', message),
  invalidInput: (message: string) =>
    fault(400, 'badRequest', 'InvalidInput', `Invalid input for operation: ${message}.`),
  /** From the auth middleware in front of Neutron: answered in the identity envelope (see app.ts). */
  unauthorized: (headers: Record<string, string>) =>
    fault(401, 'unauthorized', 'Unauthorized', 'The request you have made requires authentication.', headers),
  policy: (rule: string) => fault(403, 'forbidden', 'PolicyNotAuthorized', `(${rule}) is disallowed by policy`),
  notFound: (kind: NeutronKind, id: string) =>
    fault(404, 'notFound', `${EXCEPTION[kind]}NotFound`, `${EXCEPTION[kind]} ${id} could not be found.`),
  noSuchResource: () => fault(404, 'notFound', 'HTTPNotFound', 'The resource could not be found.'),
  methodNotAllowed: (method: string, allow: string) =>
    fault(405, 'methodNotAllowed', 'HTTPMethodNotAllowed', `The method ${method} is not allowed for this resource.`, {
      allow,
    }),
  notAcceptable: () =>
    fault(
      406,
      'notAcceptable',
      'HTTPNotAcceptable',
      'The server could not produce a response in a format the Accept header allows: it serves application/json.',
    ),
  networkInUse: (id: string) =>
    fault(
      409,
      'networkInUse',
      'NetworkInUse',
      `Unable to complete operation on network ${id}. There are one or more ports still in use on the network.`,
    ),
  subnetInUse: (id: string) =>
    fault(
      409,
      'conflict',
      'SubnetInUse',
      `Unable to complete operation on subnet ${id}: One or more ports have an IP allocation from this subnet.`,
    ),
  ipTaken: (ip: string, subnet: string) =>
    fault(409, 'conflict', 'IpAddressAlreadyAllocated', `IP address ${ip} already allocated in subnet ${subnet}`),
  macTaken: (mac: string, network: string) =>
    fault(
      409,
      'conflict',
      'MacAddressInUse',
      `Unable to complete operation for network ${network}. The mac address ${mac} is in use.`,
    ),
  noMoreAddresses: (network: string) =>
    fault(409, 'conflict', 'IpAddressGenerationFailure', `No more IP addresses available on network ${network}.`),
};
