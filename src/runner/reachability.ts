import type { HttpClient } from '../http/client.js';

/**
 * One request to the target's root before any scenario: an unreachable
 * target is reported once, in one line, instead of as a failure per probe.
 * Any HTTP answer, whatever its status, means the target can be tested.
 */
export async function checkReachable(client: HttpClient, target: string): Promise<string | undefined> {
  const outcome = await client.send({ method: 'GET', url: target, headers: { accept: 'application/json' } });
  return outcome.ok ? undefined : outcome.error;
}
