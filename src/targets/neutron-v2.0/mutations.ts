import type { Mutation } from '../common/mutation.js';
import type { FaultDoc } from '../common/types.js';
import {
  behaviour,
  editFault,
  editFaultReply,
  editFaultWire,
  renameMember,
  successMutations,
} from '../common/mutationKit.js';

const NEUTRON = { element: 'NeutronError' };

const setMember = (d: FaultDoc, name: string, value: unknown): FaultDoc => ({
  ...d,
  members: d.members.map(([k, v]) => [k, k === name ? value : v] as [string, unknown]),
});

/** Single violations of the Neutron v2.0 contract (seed 003, the brief), each with the check that must catch it. */
export const NEUTRON_MUTATIONS: Mutation[] = [
  editFaultReply(
    { id: 'not-found-as-400', description: 'a missing resource is answered 400 instead of 404', caughtBy: 'status' },
    (r) => ({ ...r, status: 400 }),
    'notFound',
  ),
  editFaultReply(
    {
      id: 'not-found-as-200',
      description: 'a missing resource is answered 200 with an empty body',
      caughtBy: 'status',
    },
    (r) => ({ kind: 'success', status: 200, payload: { network: {} }, format: r.format }),
    'notFound',
  ),
  editFaultReply(
    {
      id: 'undocumented-status',
      description: 'a missing resource is answered 410 Gone, a status the table does not have',
      caughtBy: 'documented-status',
    },
    (r) => ({ ...r, status: 410 }),
    'notFound',
  ),
  editFault(
    {
      id: 'code-in-body',
      description: 'NeutronError carries a code member the envelope does not have',
      caughtBy: 'fault-members',
    },
    (d) => ({ ...d, code: 404 }),
    NEUTRON,
  ),
  editFault(
    { id: 'type-missing', description: 'NeutronError has no type', caughtBy: 'fault-members' },
    (d) => ({ ...d, members: d.members.filter(([k]) => k !== 'type') }),
    NEUTRON,
  ),
  editFault(
    { id: 'detail-missing', description: 'NeutronError has no detail', caughtBy: 'fault-members' },
    (d) => ({ ...d, members: d.members.filter(([k]) => k !== 'detail') }),
    NEUTRON,
  ),
  editFault(
    {
      id: 'detail-as-details',
      description: "the member is called 'details' instead of 'detail'",
      caughtBy: 'fault-members',
    },
    (d) => renameMember(d, 'detail', 'details'),
    NEUTRON,
  ),
  editFault(
    { id: 'message-as-object', description: 'message is an object', caughtBy: 'fault-members' },
    (d) => setMember(d, 'message', { text: 'Network could not be found' }),
    NEUTRON,
  ),
  editFault(
    { id: 'root-case', description: "the root key is 'neutronError'", caughtBy: 'fault-root' },
    (d) => ({ ...d, element: 'neutronError' }),
    NEUTRON,
  ),
  editFault(
    {
      id: 'root-per-fault',
      description: 'each fault has its own root key, named after its type (Quantum style)',
      caughtBy: 'fault-root',
    },
    (d) => ({ ...d, element: String(d.members.find(([k]) => k === 'type')?.[1]) }),
    NEUTRON,
  ),
  editFault(
    { id: 'extra-root-key', description: 'a request_id root key beside NeutronError', caughtBy: 'fault-root' },
    (d) => ({ ...d, extraRoots: { request_id: 'req-1' } }),
    NEUTRON,
  ),
  editFault(
    {
      id: 'in-use-type-conflict',
      description: "an in-use network's 409 names the exception Conflict instead of NetworkInUse",
      caughtBy: 'fault-type',
    },
    (d) => (d.members.some(([k, v]) => k === 'type' && v === 'NetworkInUse') ? setMember(d, 'type', 'Conflict') : d),
    NEUTRON,
  ),
  editFault(
    {
      id: 'middleware-code-as-string',
      description: 'the auth middleware\'s 401 says code "401" (a string)',
      caughtBy: 'fault-code',
    },
    (d) => ({ ...d, code: String(d.code) }),
    { element: 'error' },
  ),
  editFault(
    { id: 'middleware-code-mismatch', description: "the auth middleware's 401 says code 403", caughtBy: 'fault-code' },
    (d) => ({ ...d, code: 403 }),
    { element: 'error' },
  ),
  editFaultReply(
    { id: 'unauthorized-as-forbidden', description: 'a request without a valid token gets 403', caughtBy: 'status' },
    (r) => ({ ...r, status: 403, element: 'forbidden' }),
    'unauthorized',
  ),
  editFaultReply(
    {
      id: 'not-acceptable-in-xml',
      description: 'the 406 for an XML client is itself in XML',
      caughtBy: 'content-type',
    },
    (r) => ({ ...r, format: 'xml' }),
    'notAcceptable',
  ),
  {
    id: 'accept-ignored',
    description: 'Accept: application/xml is ignored: the answer is 200 in JSON',
    caughtBy: 'status',
    request: (r) =>
      r.format === 'xml' ? { ...r, format: 'json', headers: { ...r.headers, accept: 'application/json' } } : r,
  },
  behaviour(
    {
      id: 'put-collection-404',
      description: 'PUT on the networks collection answers 404 NetworkNotFound, as Neutron Zed does',
      caughtBy: 'status',
    },
    'put-collection-404',
  ),
  behaviour(
    {
      id: 'delete-network-in-use',
      description: 'a network with a compute port on it can be deleted',
      caughtBy: 'status',
    },
    'delete-network-in-use',
  ),
  behaviour(
    { id: 'duplicate-fixed-ips', description: 'a fixed IP another port has is given again', caughtBy: 'status' },
    'duplicate-fixed-ips',
  ),
  behaviour(
    {
      id: 'unknown-attributes-ignored',
      description: 'an attribute the API does not have is ignored',
      caughtBy: 'status',
    },
    'accept-unknown-attributes',
  ),
  behaviour(
    { id: 'read-only-ignored', description: 'an update of the read-only status is ignored: 200', caughtBy: 'status' },
    'update-read-only',
  ),
  behaviour(
    { id: 'shared-for-everyone', description: 'a plain member may create a shared network', caughtBy: 'status' },
    'shared-for-everyone',
  ),
  ...successMutations('PUT'),
  editFaultWire({ id: 'empty-fault-body', description: 'faults have an empty body', caughtBy: 'well-formed' }, (w) => ({
    ...w,
    body: '',
    headers: {},
  })),
  editFaultWire({ id: 'json-truncated', description: 'faults are cut short', caughtBy: 'well-formed' }, (w) => ({
    ...w,
    body: w.body.slice(0, Math.floor(w.body.length / 2)),
  })),
  editFaultWire(
    { id: 'content-type-missing', description: 'faults have no Content-Type', caughtBy: 'content-type' },
    (w) => ({ ...w, headers: {} }),
  ),
  {
    id: 'bad-body-500',
    description: 'a body that does not parse gets 500 and a Python stack trace',
    caughtBy: 'status',
    wire: (w) =>
      w.status === 400 && w.body.includes('Malformed request body')
        ? { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Traceback (most recent call last):\n...' }
        : w,
  },
  editFaultReply(
    {
      id: 'method-not-allowed-as-400',
      description: 'a method a path does not take (PATCH on a port) is answered 400',
      caughtBy: 'status',
    },
    (r) => ({ ...r, status: 400, element: 'badRequest' }),
    'methodNotAllowed',
  ),
  behaviour(
    { id: 'refuse-only-xml', description: 'only an XML Accept gets 406; text/csv gets JSON', caughtBy: 'status' },
    'refuse-only-xml',
  ),
  behaviour(
    {
      id: 'body-without-key',
      description: "a body without the 'network' key is taken as the network's attributes",
      caughtBy: 'status',
    },
    'body-without-key',
  ),
  editFaultReply(
    {
      id: 'missing-cidr-as-404',
      description: 'a subnet without a cidr is answered 404 instead of 400',
      caughtBy: 'status',
    },
    (r) => (r.message.includes("'cidr'") ? { ...r, status: 404, element: 'notFound' } : r),
    'badRequest',
  ),
  behaviour(
    { id: 'delete-subnet-in-use', description: 'a subnet a port has an address on deletes', caughtBy: 'status' },
    'delete-subnet-in-use',
  ),
  behaviour(
    { id: 'duplicate-macs', description: 'a MAC address in use on the network is given again', caughtBy: 'status' },
    'duplicate-macs',
  ),
];
