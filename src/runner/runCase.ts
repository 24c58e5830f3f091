import { randomUUID } from 'node:crypto';
import type { Format } from '../model/catalog.js';
import type { CaseResult, CaseState } from '../model/result.js';
import type { RequestSpec, Scenario } from '../model/scenario.js';
import { findFault, findOperation } from '../catalog/load.js';
import { checkStepStatus, SUCCESS_STATUS_TITLE } from '../checks/successStatus.js';
import { evaluateProbe } from '../checks/evaluate.js';
import type { ResolvedExpectation } from '../checks/context.js';
import { buildRequest, inventedToken, type BuiltRequest } from './buildRequest.js';
import type { RunEnvironment } from './environment.js';
import { readPointer } from './pointer.js';
import { CaseRecorder } from './recorder.js';

/** Why a scenario cannot run with what this run was given, if it cannot. */
export function unmetRequirement(scenario: Scenario, env: Pick<RunEnvironment, 'credentials' | 'mainIsAdmin' | 'assumed'>): string | undefined {
  for (const need of scenario.requires ?? []) {
    if (need === 'auth' && !env.credentials.main) {
      return 'needs authentication: give --token (or OS_TOKEN) or password credentials (--os-auth-url ..., OS_* variables, --os-cloud)';
    }
    if (need === 'admin' && env.credentials.main && env.mainIsAdmin !== true) {
      return env.mainIsAdmin === false
        ? "needs an administrator: the main credential's token has no admin role"
        : "needs an administrator: conform could not read the main token's roles (identity v3 answers them); if it is one, say --assume admin";
    }
    if (need === 'rate-limit' && !env.assumed?.has('rate-limit')) {
      return 'needs a target that enforces a request-rate limit (see the profile notes); if it does, say --assume rate-limit';
    }
    if (need === 'second-credential' && !env.credentials.second) {
      return 'needs a second, unprivileged credential: give --second-token (or CONFORM_SECOND_TOKEN) or --second-username/--second-password';
    }
  }
  return undefined;
}

export function resolveExpectation(env: RunEnvironment, scenario: Scenario): ResolvedExpectation {
  const { catalog } = env.profile;
  if ('success' in scenario.expect) return { kind: 'success', status: findOperation(catalog, scenario.probe.operation).success };
  const fault = findFault(catalog, scenario.expect.fault);
  return { kind: 'fault', fault, statuses: scenario.expect.status !== undefined ? [scenario.expect.status] : fault.codes };
}

interface PendingCleanup {
  step: string;
  request: BuiltRequest;
}

/** Captures named values from a JSON answer; the names of those it could not find. */
function capture(spec: Record<string, string> | undefined, body: string, prefix: string, into: Record<string, string>): string[] {
  if (!spec) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return Object.values(spec);
  }
  const missing: string[] = [];
  for (const [name, pointer] of Object.entries(spec)) {
    const value = readPointer(parsed, pointer);
    if (typeof value === 'string' || typeof value === 'number') into[`${prefix}.${name}`] = String(value);
    else missing.push(pointer);
  }
  return missing;
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
  };
  const unmet = unmetRequirement(scenario, env);
  if (unmet) return { ...base, state: 'skipped', reason: unmet, checks: [], exchanges: [], durationMs: 0 };

  const { catalog } = env.profile;
  const rec = new CaseRecorder(env.secrets);
  const invalidToken = inventedToken();
  env.secrets.markPublic(invalidToken);
  const vars: Record<string, string> = { tenant: env.tenant, runId: env.runId, uuid: randomUUID(), name: `${env.runId}-${scenario.id}-${format}` };
  const build = (spec: RequestSpec, f: Format) => buildRequest(spec, f, { catalog, target: env.target, vars, credentials: env.credentials, invalidToken });
  const cleanups: PendingCleanup[] = [];
  let errored: string | undefined;
  let halted: string | undefined;
  let observedFault: string | undefined;
  let acceptedInstead: string | undefined;

  try {
    for (const step of scenario.setup ?? []) {
      const request = build(step, 'json');
      const outcome = await env.client.send(request);
      rec.exchange(step.id, 'setup', request, outcome);
      if (!outcome.ok) {
        errored = `setup step '${step.id}': ${outcome.error}`;
        break;
      }
      const status = outcome.response.status;
      const verdict = checkStepStatus(catalog, findOperation(catalog, step.operation), 'setup', status);
      rec.check({ check: 'success-status', step: step.id, title: SUCCESS_STATUS_TITLE, ...verdict });
      // Whatever the verdict, anything the target created is registered for cleanup first.
      const missing = status >= 200 && status < 300 ? capture(step.capture, outcome.response.body, step.id, vars) : [];
      const created = status >= 200 && status < 300 && missing.length === 0;
      if (created && step.cleanup) cleanups.push({ step: step.id, request: build(step.cleanup, 'json') });
      if (verdict.state === 'failed') {
        halted = `setup step '${step.id}' did not succeed, so the probe was not sent`;
        break;
      }
      if (missing.length > 0) {
        rec.check({ check: 'setup-response', step: step.id, title: 'A setup call answers with the created resource', state: 'failed', message: `the answer to ${step.operation} has no ${missing.join(', ')}`, expected: missing.join(', '), actual: '(missing)' });
        halted = `setup step '${step.id}' gave nothing to refer to, so the probe was not sent`;
        break;
      }
    }
    if (!errored && !halted) {
      const request = build(scenario.probe, format);
      const outcome = await env.client.send(request);
      const exchange = rec.exchange('probe', 'probe', request, outcome);
      if (!outcome.ok) errored = `probe: ${outcome.error}`;
      else {
        const evaluation = evaluateProbe({ catalog, validators: env.profile, format, request: exchange.request, response: exchange.response!, expectation });
        evaluation.checks.forEach((c) => rec.check(c));
        observedFault = evaluation.observedFault;
        acceptedInstead = evaluation.acceptedInstead;
        const status = outcome.response.status;
        if (scenario.probe.cleanup && status >= 200 && status < 300) {
          capture(scenario.probe.capture, outcome.response.body, 'probe', vars);
          try {
            cleanups.push({ step: 'probe', request: build(scenario.probe.cleanup, 'json') });
          } catch {
            // The answer named nothing to undo; nothing was created that we can find.
          }
        }
      }
    }
  } catch (err) {
    errored = `conform could not build a request: ${(err as Error).message}`;
  } finally {
    for (const pending of cleanups.reverse()) {
      const outcome = await env.client.send(pending.request);
      const step = `cleanup:${pending.step}`;
      rec.exchange(step, 'cleanup', pending.request, outcome);
      if (!outcome.ok) {
        errored ??= `${step}: ${outcome.error} (the resource may be left behind; \`conform cleanup\` removes it)`;
        continue;
      }
      const verdict = checkStepStatus(catalog, findOperation(catalog, pending.request.operation), 'cleanup', outcome.response.status);
      rec.check({ check: 'success-status', step, title: SUCCESS_STATUS_TITLE, ...verdict });
    }
  }

  const failed = rec.checks.some((c) => c.state === 'failed');
  // A finding stands even if something later could not be sent.
  const state: CaseState = failed ? 'failed' : errored ? 'errored' : 'passed';
  const reason = errored ?? halted;
  return {
    ...base,
    state,
    ...(reason ? { reason: env.secrets.redact(reason) } : {}),
    ...(observedFault ? { observedFault } : {}),
    ...(acceptedInstead ? { acceptedInstead } : {}),
    checks: rec.checks,
    exchanges: rec.exchanges,
    durationMs: Math.round(performance.now() - started),
  };
}
