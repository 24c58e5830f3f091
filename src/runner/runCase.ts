import type { Format } from '../model/catalog.js';
import type { CaseResult } from '../model/result.js';
import type { Scenario } from '../model/scenario.js';
import { findFault, findOperation } from '../catalog/load.js';
import type { ResolvedExpectation } from '../checks/context.js';
import { CaseRun } from './caseRun.js';
import { RequestBuildError } from './buildRequest.js';
import type { RunEnvironment } from './environment.js';
import { unmetRequirement } from './requirements.js';
import { writesReason } from './readOnly.js';
import { caseResult } from './verdict.js';

function resolveExpectation(env: Pick<RunEnvironment, 'profile'>, scenario: Scenario): ResolvedExpectation {
  const { catalog } = env.profile;
  if ('success' in scenario.expect)
    return { kind: 'success', status: findOperation(catalog, scenario.probe.operation).success };
  const fault = findFault(catalog, scenario.expect.fault);
  return {
    kind: 'fault',
    fault,
    statuses: scenario.expect.status !== undefined ? [scenario.expect.status] : fault.codes,
  };
}

/**
 * One scenario in one format: setup in order, the probe, then every cleanup
 * registered along the way, in reverse, whatever happened before.
 */
export async function runCase(env: RunEnvironment, scenario: Scenario, format: Format): Promise<CaseResult> {
  const started = performance.now();
  const expectation = resolveExpectation(env, scenario);
  const base = {
    id: `${scenario.id}[${format}]`,
    scenario: scenario.id,
    title: scenario.title,
    format,
    expectedFault: expectation.kind === 'fault' ? expectation.fault.element : undefined,
    ...(scenario.indistinguishableFrom ? { indistinguishableFrom: scenario.indistinguishableFrom.faults } : {}),
  };
  const unmet =
    (env.readOnly ? writesReason(env.profile.catalog, scenario) : undefined) ?? unmetRequirement(scenario, env);
  if (unmet)
    return caseResult(
      { ...base, checks: [], exchanges: [], durationMs: 0 },
      { checks: [], inconclusive: unmet },
      unmet,
    );

  const run = new CaseRun(env, scenario, format);
  try {
    if (await run.setup()) await run.probe(expectation);
  } catch (err) {
    // Anything else is conform's own error: it ends the run as one (exit 70), never dressed as the target's.
    if (!(err instanceof RequestBuildError)) throw err;
    run.errored = `conform could not build a request: ${err.message}`;
  } finally {
    await run.cleanup();
  }

  const { checks, exchanges } = run.rec;
  const reason = run.errored ?? run.halted ?? run.inconclusive;
  const { observedFault, acceptedInstead } = run.evaluation ?? {};
  const fields = {
    ...base,
    ...(observedFault ? { observedFault } : {}),
    ...(acceptedInstead ? { acceptedInstead } : {}),
    checks,
    exchanges,
    durationMs: Math.round(performance.now() - started),
  };
  return caseResult(
    fields,
    { checks, errored: run.errored, inconclusive: run.inconclusive },
    reason && env.secrets.redact(reason),
  );
}
