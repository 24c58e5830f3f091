import type { Mutation } from '../common/mutation.js';
import {
  behaviour,
  editFault,
  editFaultReply,
  editFaultWire,
  editSuccess,
  renameMember,
} from '../common/mutationKit.js';

const STACK =
  'Traceback (most recent call last):\n  File "quantum/api/networks.py", line 88, in create\n' +
  '    body = self._parse_request_body(request)\nValueError: No JSON object could be decoded';

/** Single violations of the Quantum v1.0 fault contract, each with the check that must catch it. */
export const QUANTUM_MUTATIONS: Mutation[] = [
  editFaultReply(
    {
      id: 'status-404-for-420',
      description: 'networkNotFound answered with HTTP 404 (body unchanged)',
      caughtBy: 'status',
    },
    (r) => ({ ...r, status: 404 }),
    'networkNotFound',
  ),
  editFaultReply(
    { id: 'status-200-for-fault', description: 'portNotFound answered with HTTP 200', caughtBy: 'status' },
    (r) => ({ ...r, status: 200 }),
    'portNotFound',
  ),
  editFaultReply(
    {
      id: 'undocumented-status',
      description: 'portNotFound answered as 410 Gone, a status the profile does not document',
      caughtBy: 'documented-status',
    },
    (r) => ({ ...r, status: 410 }),
    'portNotFound',
  ),
  editFault(
    {
      id: 'body-code-mismatch',
      description: 'the body of networkNotFound says code 404 while the status is 420',
      caughtBy: 'fault-code',
    },
    (d) => ({ ...d, code: 404 }),
    { element: 'networkNotFound' },
  ),
  editFault(
    { id: 'wrong-element', description: 'networkNotFound (420) serialised as itemNotFound', caughtBy: 'fault-root' },
    (d) => ({ ...d, element: 'itemNotFound' }),
    { element: 'networkNotFound' },
  ),
  editFault(
    {
      id: 'element-case',
      description: "faults use the table's capitalised names (NetworkNotFound)",
      caughtBy: 'fault-root',
    },
    (d) => ({ ...d, element: d.element[0].toUpperCase() + d.element.slice(1) }),
  ),
  editFault(
    {
      id: 'json-extra-root-key',
      description: 'a JSON fault carries a second root key beside the fault',
      caughtBy: 'fault-root',
    },
    (d) => ({ ...d, extraRoots: { request_id: 'req-1' } }),
    { format: 'json' },
  ),
  editFault({ id: 'missing-message', description: 'faults carry no message', caughtBy: 'fault-members' }, (d) => ({
    ...d,
    members: d.members.filter(([k]) => k !== 'message'),
  })),
  editFault(
    {
      id: 'detail-as-details',
      description: "the optional member is called 'details' instead of 'detail'",
      caughtBy: 'fault-members',
    },
    (d) => renameMember(d, 'detail', 'details'),
  ),
  editFault(
    { id: 'message-as-number', description: 'message is a number in JSON', caughtBy: 'fault-members' },
    (d) => ({ ...d, members: d.members.map(([k, v]) => [k, k === 'message' ? 42 : v] as [string, unknown]) }),
    { format: 'json' },
  ),
  editFault(
    { id: 'detail-as-object', description: 'detail is an object in JSON', caughtBy: 'fault-members' },
    (d) => ({
      ...d,
      members: d.members.map(([k, v]) => [k, k === 'detail' ? { trace: String(v) } : v] as [string, unknown]),
    }),
    { format: 'json' },
  ),
  editFault(
    {
      id: 'xml-message-as-attribute',
      description: 'XML faults put message in an attribute',
      caughtBy: 'fault-members',
    },
    (d) => ({
      ...d,
      members: d.members.filter(([k]) => k !== 'message'),
      attributes: [...d.attributes, ['message', 'Fault']],
    }),
    { format: 'xml' },
  ),
  editFault(
    {
      id: 'xml-undocumented-child',
      description: 'XML faults carry an undocumented <stack> child',
      caughtBy: 'fault-members',
    },
    (d) => ({ ...d, members: [...d.members, ['stack', 'at line 1']] }),
    { format: 'xml' },
  ),
  editFault(
    { id: 'code-as-string', description: 'the JSON code is a string ("420")', caughtBy: 'fault-code' },
    (d) => ({ ...d, code: String(d.code) }),
    { format: 'json' },
  ),
  editFault(
    { id: 'code-missing', description: 'the JSON fault has no code member', caughtBy: 'fault-code' },
    (d) => ({ ...d, code: undefined }),
    { format: 'json' },
  ),
  editFault(
    { id: 'xml-code-attribute-missing', description: 'the XML fault has no code attribute', caughtBy: 'fault-code' },
    (d) => ({ ...d, code: undefined }),
    { format: 'xml' },
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
    { id: 'xml-code-not-integer', description: 'the XML code attribute is not an integer', caughtBy: 'fault-code' },
    (d) => ({ ...d, code: `E${d.code}` }),
    { format: 'xml' },
  ),
  editFault(
    {
      id: 'xml-wrong-namespace',
      description: 'XML faults are in an undocumented namespace',
      caughtBy: 'xml-namespace',
    },
    (d) => ({ ...d, namespace: 'http://example.com/quantum/faults' }),
    { format: 'xml' },
  ),
  editFault(
    { id: 'xml-missing-namespace', description: 'XML faults have no namespace', caughtBy: 'xml-namespace' },
    (d) => ({ ...d, namespace: undefined }),
    { format: 'xml' },
  ),
  editFaultWire({ id: 'empty-fault-body', description: 'faults have an empty body', caughtBy: 'well-formed' }, (w) => ({
    ...w,
    body: '',
    headers: {},
  })),
  editFaultWire(
    {
      id: 'xml-unclosed-root',
      description: "the XML fault is not closed (the document's own typo: </networkNotFound)",
      caughtBy: 'well-formed',
    },
    (w) => ({ ...w, body: w.body.replace(/>$/, '') }),
    'xml',
  ),
  editFaultWire(
    { id: 'json-truncated', description: 'JSON faults are cut short', caughtBy: 'well-formed' },
    (w) => ({ ...w, body: w.body.slice(0, Math.floor(w.body.length / 2)) }),
    'json',
  ),
  editFaultWire(
    { id: 'json-for-xml', description: 'an XML request gets a JSON fault', caughtBy: 'content-type' },
    (w, req) => ({
      ...w,
      headers: { ...w.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ fault: { message: 'error', code: w.status, path: req.path } }),
    }),
    'xml',
  ),
  editFaultWire(
    { id: 'content-type-lies', description: 'JSON faults are labelled application/xml', caughtBy: 'content-type' },
    (w) => ({ ...w, headers: { ...w.headers, 'content-type': 'application/xml' } }),
    'json',
  ),
  editFaultWire(
    { id: 'content-type-missing', description: 'faults have no Content-Type', caughtBy: 'content-type' },
    (w) => ({ ...w, headers: {} }),
  ),
  {
    id: 'suffix-ignored',
    description: 'the .xml path suffix is ignored: the answer is JSON',
    caughtBy: 'content-type',
    request: (r) => (r.negotiatedBy === 'suffix' ? { ...r, format: 'json' } : r),
  },
  editFaultReply(
    { id: 'bad-body-500', description: 'a malformed body gets a 500 with a stack trace', caughtBy: 'status' },
    () => ({ kind: 'success', status: 500, headers: {} }),
    'badRequest',
  ),
  {
    id: 'bad-body-500-trace',
    description: 'a malformed body gets a 500 whose body is a Python stack trace',
    caughtBy: 'status',
    wire: (w) => (w.status === 400 ? { status: 500, headers: { 'content-type': 'text/plain' }, body: STACK } : w),
  },
  editFaultReply(
    {
      id: 'unauthorized-as-forbidden',
      description: 'a request without a valid token gets 403 forbidden',
      caughtBy: 'status',
    },
    (r) => ({ ...r, status: 403, element: 'forbidden' }),
    'unauthorized',
  ),
  editSuccess(
    { id: 'delete-200', description: 'DELETE answers 200 instead of the documented 204', caughtBy: 'success-status' },
    'DELETE',
    (r) => ({ ...r, status: 200 }),
  ),
  editSuccess(
    {
      id: 'post-201',
      description: 'POST answers 201 instead of the documented 200 (Quantum v1.0)',
      caughtBy: 'success-status',
    },
    'POST',
    (r) => ({ ...r, status: 201 }),
  ),
  editSuccess(
    { id: 'put-200', description: 'PUT answers 200 instead of the documented 204', caughtBy: 'success-status' },
    'PUT',
    (r) => ({ ...r, status: 200 }),
  ),
  editSuccess(
    {
      id: 'create-without-id',
      description: 'POST answers without the id of what it created',
      caughtBy: 'setup-response',
    },
    'POST',
    (r) => ({ ...r, payload: { network: {} } }),
  ),
  {
    id: 'fault-for-valid-request',
    description: 'a valid network create is refused with badRequest',
    caughtBy: 'success-status',
    reply: (r, req) =>
      req.method === 'POST' && r.kind === 'success' && /\/networks$/.test(req.path)
        ? { kind: 'fault', status: 400, element: 'badRequest', message: 'Malformed request body' }
        : r,
  },
  behaviour(
    { id: 'delete-port-in-use', description: 'a port with an attachment plugged can be deleted', caughtBy: 'status' },
    'delete-port-in-use',
  ),
  behaviour(
    {
      id: 'delete-network-in-use',
      description: 'a network with plugged attachments can be deleted',
      caughtBy: 'status',
    },
    'delete-network-in-use',
  ),
  behaviour(
    {
      id: 'plug-twice',
      description: 'a plug succeeds on a port that has an attachment, and for an attachment plugged elsewhere',
      caughtBy: 'status',
    },
    'plug-twice',
  ),
  behaviour(
    { id: 'accept-any-state', description: 'a port can be created in any state', caughtBy: 'status' },
    'accept-any-state',
  ),
];
