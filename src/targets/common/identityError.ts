import type { FaultDoc } from './types.js';

/** The reason phrases Keystone puts in `title`. */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const reasonPhrase = (status: number): string => TITLES[status] ?? 'Error';

/**
 * The fault document of Identity v3's envelope, `{"error": {"code", "title",
 * "message"}}`, which keystonemiddleware also sends for the services behind it.
 */
export function identityErrorDoc(status: number, message: string): FaultDoc {
  return {
    element: 'error',
    code: status,
    codeAs: 'element',
    members: [
      ['title', reasonPhrase(status)],
      ['message', message],
    ],
    attributes: [],
  };
}

/** The challenge keystonemiddleware and Keystone send with a 401: where to get a token. */
export function keystoneChallenge(host: string | undefined, path = ''): Record<string, string> {
  return { 'www-authenticate': `Keystone uri="http://${host ?? 'localhost'}${path}"` };
}
