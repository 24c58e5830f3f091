import type { Mutation } from '../common/mutation.js';
import { behaviour, editFault, editFaultReply, editFaultWire, successMutations } from '../common/mutationKit.js';

/** Single violations of the Identity v3 contract (seed 002, the brief), each with the check that must catch it. */
export const KEYSTONE_V3_MUTATIONS: Mutation[] = [
  {
    id: 'no-www-authenticate',
    description: 'a 401 comes without WWW-Authenticate',
    caughtBy: 'fault-headers',
    reply: (r) => {
      if (r.kind !== 'fault' || r.status !== 401) return r;
      const { 'www-authenticate': _challenge, ...headers } = r.headers ?? {};
      return { ...r, headers };
    },
  },
  editFault({ id: 'code-as-string', description: 'the code is a string ("404")', caughtBy: 'fault-code' }, (d) => ({
    ...d,
    code: String(d.code),
  })),
  editFault({ id: 'code-mismatch', description: 'a 404 says code 400 in its body', caughtBy: 'fault-code' }, (d) =>
    d.code === 404 ? { ...d, code: 400 } : d,
  ),
  editFault({ id: 'code-missing', description: 'faults carry no code', caughtBy: 'fault-code' }, (d) => ({
    ...d,
    code: undefined,
  })),
  editFault({ id: 'title-missing', description: 'faults carry no title', caughtBy: 'fault-members' }, (d) => ({
    ...d,
    members: d.members.filter(([k]) => k !== 'title'),
  })),
  editFault({ id: 'message-as-number', description: 'message is a number', caughtBy: 'fault-members' }, (d) => ({
    ...d,
    members: d.members.map(([k, v]) => [k, k === 'message' ? 42 : v] as [string, unknown]),
  })),
  editFault(
    { id: 'undocumented-member', description: 'errors carry a request_id member', caughtBy: 'fault-members' },
    (d) => ({ ...d, members: [...d.members, ['request_id', 'req-1']] }),
  ),
  editFault({ id: 'wrong-root', description: "the root key is 'errors'", caughtBy: 'fault-root' }, (d) => ({
    ...d,
    element: 'errors',
  })),
  editFault({ id: 'root-case', description: "the root key is 'Error'", caughtBy: 'fault-root' }, (d) => ({
    ...d,
    element: 'Error',
  })),
  editFault({ id: 'extra-root-key', description: 'a links root key beside error', caughtBy: 'fault-root' }, (d) => ({
    ...d,
    extraRoots: { links: {} },
  })),
  editFaultReply(
    { id: 'unauthorized-as-forbidden', description: 'a request without a valid token gets 403', caughtBy: 'status' },
    (r) => (r.status === 401 ? { ...r, status: 403, element: 'forbidden' } : r),
  ),
  editFaultReply(
    {
      id: 'undocumented-status',
      description: 'a missing project is answered 410 Gone, a status the table does not have',
      caughtBy: 'documented-status',
    },
    (r) => ({ ...r, status: 410 }),
    'resourceNotFound',
  ),
  editFaultReply(
    {
      id: 'authentication-failed-as-401',
      description: 'an authentication request without the password data is answered 401',
      caughtBy: 'status',
    },
    (r) => ({ ...r, status: 401, element: 'invalidCredentials' }),
    'authenticationFailed',
  ),
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
    id: 'html-for-unknown-uri',
    description: "an unknown path gets the web framework's HTML 404 page, as Keystone Zed answers",
    caughtBy: 'content-type',
    wire: (w) =>
      w.status === 404 && w.body.includes('The resource could not be found.')
        ? {
            status: 404,
            headers: { 'content-type': 'text/html; charset=utf-8' },
            body: '<!doctype html>\n<title>404 Not Found</title>',
          }
        : w,
  },
  {
    id: 'rename-conflict-500',
    description: 'a rename to a taken name gets 500 text/plain, as Keystone Zed answers',
    caughtBy: 'status',
    wire: (w, req) =>
      w.status === 409 && req.method === 'PATCH'
        ? {
            status: 500,
            headers: { 'content-type': 'text/plain' },
            body: 'A server error occurred.  Please contact the administrator.',
          }
        : w,
  },
  behaviour(
    {
      id: 'id-in-post-ignored',
      description: 'an id in a POST body is silently replaced, as Keystone Zed does',
      caughtBy: 'status',
    },
    'accept-id-in-post',
  ),
  behaviour(
    {
      id: 'missing-reference-as-400',
      description: 'a domain_id or parent_id that does not exist is answered 400, as Keystone Zed does for projects',
      caughtBy: 'status',
    },
    'reference-as-400',
  ),
  behaviour(
    {
      id: 'parent-update-forbidden',
      description: 'an update of parent_id is answered 403, as Keystone Zed does',
      caughtBy: 'status',
    },
    'parent-update-forbidden',
  ),
  behaviour(
    { id: 'duplicate-names', description: 'a name taken in the domain is accepted', caughtBy: 'status' },
    'duplicate-names',
  ),
  behaviour({ id: 'any-password', description: 'a wrong password authenticates', caughtBy: 'status' }, 'any-password'),
  behaviour(
    { id: 'admin-for-everyone', description: 'every token may make admin calls', caughtBy: 'status' },
    'admin-for-everyone',
  ),
  behaviour(
    { id: 'any-token', description: 'a token the service never issued is accepted', caughtBy: 'status' },
    'accept-any-token',
  ),
  editFaultReply(
    {
      id: 'method-not-allowed-as-404',
      description: 'a method a path does not take (PUT on a collection) is answered 404',
      caughtBy: 'status',
    },
    (r) => ({ ...r, status: 404, element: 'uriNotFound' }),
    'methodNotAllowed',
  ),
  {
    id: 'method-not-allowed-bare',
    description: 'a 405 comes as {"message": ...} outside the error envelope, as Keystone Zed answers',
    caughtBy: 'fault-root',
    wire: (w) =>
      w.status === 405
        ? { ...w, body: JSON.stringify({ message: 'The method is not allowed for the requested URL.' }) }
        : w,
  },
  behaviour(
    { id: 'grant-any-role', description: 'a role grant with a role that does not exist succeeds', caughtBy: 'status' },
    'grant-any-role',
  ),
  behaviour(
    { id: 'member-writes', description: "a member's token may create projects and users", caughtBy: 'status' },
    'member-writes',
  ),
  behaviour(
    { id: 'duplicate-user-names', description: 'a user name taken in the domain is accepted', caughtBy: 'status' },
    'duplicate-user-names',
  ),
  behaviour(
    { id: 'id-in-patch-ignored', description: 'a PATCH that changes the id is silently accepted', caughtBy: 'status' },
    'accept-id-in-patch',
  ),
  behaviour(
    { id: 'unlimited-names', description: 'a name longer than 64 characters is accepted', caughtBy: 'status' },
    'unlimited-names',
  ),
  behaviour(
    {
      id: 'revocation-ignored',
      description: 'a revoked token still authenticates (the revocation answers 204 and changes nothing)',
      caughtBy: 'status',
    },
    'revocation-ignored',
  ),
  ...successMutations('PATCH'),
];
