import type { HttpClient } from '../http/client.js';
import type { Catalog, Operation } from '../model/catalog.js';
import { placeholders } from '../suite/template.js';
import { buildRequest } from './buildRequest.js';
import type { RunEnvironment } from './environment.js';

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
export async function checkReachable(client: HttpClient, target: string, signal?: AbortSignal): Promise<Reachability> {
  const outcome = await client.send({ method: 'GET', url: target, headers: { accept: 'application/json' } }, signal);
  if (!outcome.ok) return { error: outcome.error };
  const { status, headers } = outcome.response;
  if (REDIRECTS.has(status)) {
    const to = headers.location ? ` to ${headers.location}` : '';
    return {
      note:
        `${target} redirects${to} (${status}); ` +
        "conform does not follow redirects: is --target the API's own base URL?",
    };
  }
  return {};
}

/**
 * A documented read that needs nothing but the tenant: the cheapest way to
 * ask whether the target takes the run's token.
 */
function readOperation(catalog: Catalog): Operation | undefined {
  return catalog.operations.find((op) => op.method === 'GET' && placeholders(op.path).every((p) => p === 'tenant'));
}

/**
 * Before any scenario: does the target take the run's credentials? A 401 to
 * a plain read means every scenario would fail for a reason that is the run's,
 * not the target's (an expired token, one for another project, no token for a
 * target that needs one): the run is untestable, said once.
 */
export async function checkCredentials(env: RunEnvironment): Promise<string | undefined> {
  const op = readOperation(env.profile.catalog);
  if (!op) return undefined;
  const request = buildRequest({ operation: op.id }, 'json', {
    catalog: env.profile.catalog,
    target: env.target,
    vars: { tenant: env.tenant },
    credentials: env.credentials,
    invalidToken: '',
  });
  const outcome = await env.client.send(request, env.stop?.stepSignal);
  if (!outcome.ok || outcome.response.status !== 401) return undefined;
  return env.credentials.main
    ? `the target refuses the main token: ${op.method} ${op.path} answered 401 ` +
        '(expired, or issued for another service or project?)'
    : `the target asks for authentication: ${op.method} ${op.path} answered 401 without a token; ` +
        'give --token, OS_* credentials or --os-cloud';
}
