import type { FaultReply } from '../common/types.js';

const fault = (status: number, element: string, message: string, headers?: Record<string, string>): FaultReply => ({
  kind: 'fault',
  status,
  element,
  message,
  ...(headers ? { headers } : {}),
});

const AUTH_REQUIRED = 'The request you have made requires authentication.';
const CLIENT_ERROR =
  'The server could not comply with the request since it is either malformed or otherwise incorrect. ' +
  'The client is assumed to be in error.';

/**
 * The faults the Identity v3 reference answers with: `element` is the row of
 * the Error Return Code table (the catalog's fault), the message Keystone's.
 */
export const v3Fault = {
  invalidBodyFormat: (why: string) => fault(400, 'invalidBodyFormat', `${why} ${CLIENT_ERROR}`),
  invalidValue: (field: string, why: string) =>
    fault(400, 'invalidValue', `Invalid input for field '${field}': ${why}. ${CLIENT_ERROR}`),
  batchNotAllowed: (plural: string, singular: string) =>
    fault(
      400,
      'batchNotAllowed',
      `Batch operations are not supported: '${plural}' creates several entities at once; ` +
        `create one with {"${singular}": {...}}. ${CLIENT_ERROR}`,
    ),
  authenticationFailed: (missing: string, within: string) =>
    fault(400, 'authenticationFailed', `Expecting to find ${missing} in ${within}. ${CLIENT_ERROR}`),
  createOnlyAttribute: (attribute: string) =>
    fault(400, 'createOnlyAttribute', `Update of \`${attribute}\` is not allowed.`),
  missingAttribute: (field: string) =>
    fault(400, 'missingAttribute', `'${field}' is a required property. ${CLIENT_ERROR}`),
  attributeNotAllowed: (field: string) =>
    fault(
      400,
      'attributeNotAllowed',
      `Additional properties are not allowed ('${field}' was unexpected). ${CLIENT_ERROR}`,
    ),
  unexpectedType: (field: string, value: unknown, type: string) =>
    fault(
      400,
      'unexpectedType',
      `Invalid input for field '${field}': ${JSON.stringify(value)} is not of type '${type}'. ${CLIENT_ERROR}`,
    ),
  noAuthentication: (challenge: Record<string, string>) => fault(401, 'noAuthentication', AUTH_REQUIRED, challenge),
  invalidToken: (challenge: Record<string, string>) => fault(401, 'invalidToken', AUTH_REQUIRED, challenge),
  invalidCredentials: (challenge: Record<string, string>) => fault(401, 'invalidCredentials', AUTH_REQUIRED, challenge),
  forbidden: (action: string) =>
    fault(403, 'forbidden', `You are not authorized to perform the requested action: ${action}.`),
  forbiddenBecause: (why: string) => fault(403, 'forbidden', why),
  uriNotFound: () => fault(404, 'uriNotFound', 'The resource could not be found.'),
  resourceNotFound: (kind: string, id: string) => fault(404, 'resourceNotFound', `Could not find ${kind}: ${id}.`),
  referenceNotFound: (kind: string, id: string) => fault(404, 'referenceNotFound', `Could not find ${kind}: ${id}.`),
  conflict: (kind: string, name: string, domain?: string) =>
    fault(
      409,
      'conflict',
      `Conflict occurred attempting to store ${kind} - Duplicate entry found with name ${name}` +
        (domain ? ` at domain ID ${domain}.` : '.'),
    ),
  methodNotAllowed: (method: string) =>
    fault(405, 'methodNotAllowed', `The method ${method} is not allowed for the requested URL.`),
};
