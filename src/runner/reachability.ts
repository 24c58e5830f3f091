import type { HttpClient } from '../http/client.js';

export interface Reachability {
  /** Why the target cannot be tested at all (nothing answered HTTP). */
  error?: string;
  /** Something worth a line before the run, e.g. a root that redirects elsewhere. */
  note?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One request to the target's root before any scenario: an unreachable
 * target is reported once, in one line, instead of as a failure per probe.
 * Any HTTP answer, whatever its status, means the target can be tested; a
 * redirect is worth saying, since conform does not follow redirects and an
 * API behind one answers every probe with it.
 */
export async function checkReachable(client: HttpClient, target: string): Promise<Reachability> {
  const outcome = await client.send({ method: 'GET', url: target, headers: { accept: 'application/json' } });
  if (!outcome.ok) return { error: outcome.error };
  const { status, headers } = outcome.response;
  if (REDIRECTS.has(status)) {
    const to = headers.location ? ` to ${headers.location}` : '';
    return { note: `${target} redirects${to} (${status}); conform does not follow redirects: is --target the API's own base URL?` };
  }
  return {};
}
