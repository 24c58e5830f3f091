import type { RecordedRequest } from '../model/result.js';
import { REDACTED } from '../http/secrets.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A curl command that sends the recorded request again. Credentials are never
 * in it: a token header refers to $OS_TOKEN (or, for the unprivileged
 * credential, $CONFORM_SECOND_TOKEN) instead.
 */
export function toCurl(req: RecordedRequest): string {
  const parts = ['curl', '-sS', '-i', '-X', req.method, quote(req.url)];
  const tokenVariable = req.credential === 'second' ? '$CONFORM_SECOND_TOKEN' : '$OS_TOKEN';
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.toLowerCase() === 'content-length' || name.toLowerCase() === 'host') continue;
    // A redacted credential becomes its variable; a token conform made up to be wrong is shown as it was sent.
    if (value === REDACTED) parts.push('-H', `"${name}: ${tokenVariable}"`);
    else parts.push('-H', quote(`${name}: ${value}`));
  }
  if (req.body !== undefined) parts.push('--data-raw', quote(req.body));
  return parts.join(' ');
}
