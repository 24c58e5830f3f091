import type { Mutation } from '../common/mutation.js';
import {
  behaviour,
  editFault,
  editFaultReply,
  editFaultWire,
  editSuccess,
  renameMember,
} from '../common/mutationKit.js';

/**
 * Single violations of the Identity v2.0 fault contract (seed 004 and its XSD),
 * each with the check that must catch it.
 */
export const KEYSTONE_V2_MUTATIONS: Mutation[] = [
  editFault(
    {
      id: 'details-as-detail',
      description: "the optional member is called 'detail' instead of 'details'",
      caughtBy: 'fault-members',
    },
    (d) => renameMember(d, 'details', 'detail'),
  ),
  editFault({ id: 'missing-message', description: 'faults carry no message', caughtBy: 'fault-members' }, (d) => ({
    ...d,
    members: d.members.filter(([k]) => k !== 'message'),
  })),
  editFault(
    {
      id: 'xml-details-as-attribute',
      description: 'XML faults put details in an attribute of the root',
      caughtBy: 'fault-members',
    },
    (d) => ({
      ...d,
      members: d.members.filter(([k]) => k !== 'details'),
      attributes: [...d.attributes, ['details', String(d.members.find(([k]) => k === 'details')?.[1] ?? '')]],
    }),
    { format: 'xml' },
  ),
  editFault(
    {
      id: 'code-as-string',
      description: 'the JSON code is a string ("404"), as Diablo Keystone wrote it',
      caughtBy: 'fault-code',
    },
    (d) => ({ ...d, code: String(d.code) }),
    { format: 'json' },
  ),
  editFault(
    {
      id: 'code-mismatch',
      description: 'itemNotFound bodies say code 400 while the status is 404',
      caughtBy: 'fault-code',
    },
    (d) => ({ ...d, code: 400 }),
    { element: 'itemNotFound' },
  ),
  editFault(
    {
      id: 'xml-code-as-element',
      description: 'the XML code is a child element instead of an attribute',
      caughtBy: 'fault-code',
    },
    (d) => ({ ...d, codeAs: 'element' }),
    { format: 'xml' },
  ),
  editFault(
    { id: 'over-limit-without-code', description: 'overLimit comes without a code', caughtBy: 'fault-code' },
    (d) => ({ ...d, code: undefined }),
    { element: 'overLimit' },
  ),
  editFault(
    {
      id: 'retry-at-not-a-date',
      description: "overLimit's retryAt says 'in 60 seconds' instead of a date-time",
      caughtBy: 'fault-members',
    },
    (d) => ({
      ...d,
      attributes: d.attributes.map(([k, v]) => [k, k === 'retryAt' ? 'in 60 seconds' : v] as [string, string]),
    }),
    { element: 'overLimit' },
  ),
  editFault(
    {
      id: 'xml-retry-at-as-element',
      description: "XML overLimit carries retryAt as a child element instead of the XSD's attribute",
      caughtBy: 'xsd',
    },
    (d) => ({
      ...d,
      attributes: d.attributes.filter(([k]) => k !== 'retryAt'),
      members: [...d.members, ...d.attributes.filter(([k]) => k === 'retryAt')],
    }),
    { element: 'overLimit', format: 'xml' },
  ),
  editFault(
    {
      id: 'xml-wrong-namespace',
      description: "XML faults are in the Rackspace auth v1.1 namespace, Identity v2.0's predecessor",
      caughtBy: 'xml-namespace',
    },
    (d) => ({ ...d, namespace: 'http://docs.rackspacecloud.com/auth/api/v1.1' }),
    { format: 'xml' },
  ),
  editFault(
    {
      id: 'xml-extension-in-own-namespace',
      description:
        'XML faults carry an undocumented <requestId> child in the Identity namespace (extensions must be in ' +
        'another one)',
      caughtBy: 'xsd',
    },
    (d) => ({ ...d, members: [...d.members, ['requestId', 'req-1']] }),
    { format: 'xml' },
  ),
  editFault(
    {
      id: 'conflict-wrong-element',
      description: "tenantConflict (409) is serialised as Diablo Keystone's userConflict",
      caughtBy: 'fault-root',
    },
    (d) => ({ ...d, element: 'userConflict' }),
    { element: 'tenantConflict' },
  ),
  editFault(
    {
      id: 'capitalised-elements',
      description: "fault elements are capitalised like Diablo Keystone's base key 'IdentityFault' (ItemNotFound, ...)",
      caughtBy: 'fault-root',
    },
    (d) => ({ ...d, element: d.element[0].toUpperCase() + d.element.slice(1) }),
  ),
  editFault(
    {
      id: 'user-disabled-as-forbidden',
      description: 'a disabled user gets forbidden: the right status (403), the wrong fault',
      caughtBy: 'fault-root',
    },
    (d) => ({ ...d, element: 'forbidden' }),
    { element: 'userDisabled' },
  ),
  editFault(
    {
      id: 'forbidden-as-user-disabled',
      description: 'a lack of rights is answered userDisabled: the right status (403), the wrong fault',
      caughtBy: 'fault-root',
    },
    (d) => ({ ...d, element: 'userDisabled' }),
    { element: 'forbidden' },
  ),
  editFault(
    {
      id: 'unavailable-as-not-found-body',
      description:
        'a 503 carries an itemNotFound body: accepted as serviceUnavailable by its status, refused by its body',
      caughtBy: 'fault-root',
    },
    (d) => ({ ...d, element: 'itemNotFound' }),
    { element: 'serviceUnavailable' },
  ),
  editFaultReply(
    {
      id: 'conflict-as-403',
      description: 'tenantConflict is answered with HTTP 403 (body unchanged)',
      caughtBy: 'status',
    },
    (r) => ({ ...r, status: 403 }),
    'tenantConflict',
  ),
  editFaultReply(
    {
      id: 'conflict-as-400',
      description:
        'tenantConflict is answered with HTTP 400: ' +
        '400 is expected in all requests, so it is accepted, but the body names tenantConflict',
      caughtBy: 'fault-root',
    },
    (r) => ({ ...r, status: 400 }),
    'tenantConflict',
  ),
  editFaultReply(
    {
      id: 'over-limit-as-429',
      description: "rate limiting answers today's 429 Too Many Requests instead of the documented 413",
      caughtBy: 'status',
    },
    (r) => ({ ...r, status: 429 }),
    'overLimit',
  ),
  editFaultWire({ id: 'empty-fault-body', description: 'faults have an empty body', caughtBy: 'well-formed' }, (w) => ({
    ...w,
    body: '',
    headers: {},
  })),
  editFaultWire(
    { id: 'json-for-xml', description: 'an XML request gets a JSON fault', caughtBy: 'content-type' },
    (w) => ({
      ...w,
      headers: { ...w.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ identityFault: { message: 'Fault', code: w.status } }),
    }),
    'xml',
  ),
  editSuccess(
    {
      id: 'create-200',
      description: "creating a tenant or user answers 200 (Keystone's own v2 behaviour) instead of the documented 201",
      caughtBy: 'success-status',
    },
    'POST',
    (r) => (r.status === 201 ? { ...r, status: 200 } : r),
  ),
  editSuccess(
    { id: 'delete-200', description: 'DELETE answers 200 instead of the documented 204', caughtBy: 'success-status' },
    'DELETE',
    (r) => ({ ...r, status: 200 }),
  ),
  behaviour(
    {
      id: 'no-rate-limit',
      description: 'the rate limit is not enforced: the third read of a tenant within the minute succeeds',
      caughtBy: 'status',
    },
    'no-rate-limit',
  ),
  behaviour(
    {
      id: 'duplicate-tenant-names',
      description: 'a second tenant with the same name can be created',
      caughtBy: 'status',
    },
    'duplicate-tenant-names',
  ),
  behaviour(
    { id: 'admin-for-everyone', description: 'any valid token may make admin calls', caughtBy: 'status' },
    'admin-for-everyone',
  ),
];
