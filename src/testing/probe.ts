import type { Format } from '../model/catalog.js';
import type { CheckResult } from '../model/result.js';
import { evaluateProbe } from '../checks/evaluate.js';
import { findFault, findOperation } from '../catalog/load.js';
import type { Profile } from '../model/profile.js';

/**
 * Evaluates a hand-written answer as the probe of a scenario expecting
 * `fault` (or the success of `operation`): the checks, data in, findings out.
 */
export function judge(
  profile: Profile,
  answer: {
    status: number;
    body: string;
    contentType?: string;
    format?: Format;
    headers?: Record<string, string>;
    requestHeaders?: Record<string, string>;
  },
  expect: { fault: string } | { success: string },
): CheckResult[] {
  const format = answer.format ?? 'json';
  const expectation =
    'fault' in expect
      ? {
          kind: 'fault' as const,
          fault: findFault(profile.catalog, expect.fault),
          statuses: findFault(profile.catalog, expect.fault).codes,
        }
      : { kind: 'success' as const, status: findOperation(profile.catalog, expect.success).success };
  const headers: Record<string, string> = { ...answer.headers };
  const contentType =
    answer.contentType ?? (answer.body ? (format === 'json' ? 'application/json' : 'application/xml') : undefined);
  if (contentType) headers['content-type'] = contentType;
  return evaluateProbe({
    catalog: profile.catalog,
    validators: profile,
    format,
    request: { method: 'GET', url: 'http://127.0.0.1/x', headers: answer.requestHeaders ?? {} },
    response: { status: answer.status, headers, body: answer.body, truncated: false },
    expectation,
  }).checks;
}

export const failedIds = (checks: CheckResult[]) => checks.filter((c) => c.state === 'failed').map((c) => c.check);
