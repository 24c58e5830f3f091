// What real Keystone and Neutron (Debian's Zed packages) earn from conform, for
// the openstack itests that run them: the findings per case, and the statuses.

/**
 * Where real Keystone (Zed) departs from its documented return codes, and only there.
 * - an id in a POST body is ignored: 201, the row says 400 (attribute not allowed);
 * - an unknown path answers Flask's HTML 404: right status, no JSON error envelope;
 * - a missing domain_id / parent_id in a project's POST body: 400, the row says 404 (reference entity not found);
 * - updating parent_id (create-only): 403, the row says 400;
 * - renaming a project to a taken name: 500 text/plain (a KeyError formatting the conflict message), the row says 409;
 * - a method a path does not take (PUT on /v3/projects, /v3/projects/{id}, /v3/users, /v3/users/{id}, PATCH on
 *   /v3/auth/tokens, POST on a role grant): 405, but as Flask's {"message": "The method is not allowed for the
 *   requested URL."}, outside the {"error": {code, title, message}} envelope.
 */
export const KEYSTONE_FINDINGS = {
  'project.create.with-id[json]': ['status'],
  'resource.unknown[json]': ['content-type', 'well-formed'],
  'project.create.no-domain[json]': ['status'],
  'project.create.no-parent[json]': ['status'],
  'project.update.parent[json]': ['status'],
  'project.rename.taken[json]': ['status', 'content-type', 'well-formed'],
  ...Object.fromEntries(
    ['put-projects', 'put-project', 'put-users', 'put-user', 'patch-tokens', 'post-grant'].map((m) => [
      `method.${m}[json]`,
      ['fault-root', 'fault-members', 'fault-code', 'json-schema'],
    ]),
  ),
};
export const KEYSTONE_STATUS = {
  'project.create.with-id': ['400 (attributeNotAllowed)', '201'],
  'project.create.no-domain': ['404 (referenceNotFound)', '400'],
  'project.create.no-parent': ['404 (referenceNotFound)', '400'],
  'project.update.parent': ['400 (createOnlyAttribute)', '403'],
  'project.rename.taken': ['409 (conflict)', '500'],
};
/** Behind Keystone as without it: PUT on a collection (networks, subnets, ports) answers 404, not 405. */
export const NEUTRON_FINDINGS = {
  'method.put-networks[json]': ['status'],
  'method.put-subnets[json]': ['status'],
  'method.put-ports[json]': ['status'],
};
