import { randomUUID } from 'node:crypto';
import type { Format } from '../model/catalog.js';
import type { RequestSpec, Scenario, SetupStep } from '../model/scenario.js';
import { faultsExpectedInAllRequests, findOperation } from '../catalog/load.js';
import type { HttpResponse } from '../http/client.js';
import { checkStepStatus, SUCCESS_STATUS_TITLE } from '../checks/successStatus.js';
import { evaluateProbe, type ProbeEvaluation } from '../checks/evaluate.js';
import { statusCheck } from '../checks/status.js';
import type { ResolvedExpectation } from '../checks/context.js';
import type { Verdict } from '../model/verdict.js';
import type { Exchange } from '../model/result.js';
import { buildRequest, inventedToken, type BuiltRequest } from './buildRequest.js';
import type { RunEnvironment } from './environment.js';
import { readPointer } from './pointer.js';
import { sniffFormat } from '../body/parse.js';
import { readObject } from '../body/object.js';
import { CaseRecorder } from './recorder.js';

interface PendingCleanup {
  step: string;
  request: BuiltRequest;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** Captures named values from an answer (JSON or XML) into `into`; returns the pointers it could not find. */
function capture(
  spec: Record<string, string> | undefined,
  body: string,
  prefix: string,
  into: Record<string, string>,
): string[] {
  if (!spec) return [];
  const parsed = readObject(body, sniffFormat(body) === 'xml' ? 'xml' : 'json');
  if (parsed === undefined) return Object.values(spec);
  const missing: string[] = [];
  for (const [name, pointer] of Object.entries(spec)) {
    const value = readPointer(parsed, pointer);
    if (typeof value === 'string' || typeof value === 'number') into[`${prefix}.${name}`] = String(value);
    else missing.push(pointer);
  }
  return missing;
}

/**
 * One case while it runs: the values it captured, what it recorded, and every
 * cleanup it registered — at creation, before anything is judged — to be sent
 * in reverse order whatever happens.
 */
export class CaseRun {
  readonly rec: CaseRecorder;
  /** A transport failure: the case could not be tested. */
  errored?: string;
  /** A setup call that did not succeed: the probe was not sent. */
  halted?: string;
  /** Nothing wrong, but the scenario's rule was not exercised: the case is skipped with this reason. */
  inconclusive?: string;
  evaluation?: ProbeEvaluation;
  private readonly vars: Record<string, string>;
  private readonly cleanups: PendingCleanup[] = [];
  private readonly invalidToken = inventedToken();

  constructor(
    private readonly env: RunEnvironment,
    private readonly scenario: Scenario,
    private readonly format: Format,
  ) {
    this.rec = new CaseRecorder(env.secrets);
    env.secrets.markPublic(this.invalidToken);
    this.vars = {
      tenant: env.tenant,
      runId: env.runId,
      uuid: randomUUID(),
      name: `${env.runId}-${scenario.id}-${format}`,
    };
  }

  private build(spec: RequestSpec, format: Format): BuiltRequest {
    const { env } = this;
    return buildRequest(spec, format, {
      catalog: env.profile.catalog,
      target: env.target,
      vars: this.vars,
      credentials: env.credentials,
      invalidToken: this.invalidToken,
    });
  }

  /** The setup steps, in order; false when the probe must not be sent. */
  async setup(): Promise<boolean> {
    for (const step of this.scenario.setup ?? []) {
      if (!(await this.setupStep(step))) return false;
    }
    return true;
  }

  private async setupStep(step: SetupStep): Promise<boolean> {
    const request = this.build(step, 'json');
    const outcome = await this.env.client.send(request);
    const exchange = this.rec.exchange(step.id, 'setup', request, outcome);
    if (!outcome.ok) {
      this.errored = `setup step '${step.id}': ${outcome.error}`;
      return false;
    }
    const { status, body } = outcome.response;
    const judged = this.judgeStep(exchange, 'setup', outcome.response);
    const missing = isSuccess(status) ? capture(step.capture, body, step.id, this.vars) : [];
    if (isSuccess(status) && missing.length === 0 && step.cleanup) this.register(step.id, step.cleanup, step);
    if (judged === 'accepted') {
      this.inconclusive =
        `setup step '${step.id}' answered ${status}, a fault the profile expects in all requests: ` +
        'accepted and validated, but the probe could not be sent';
      return false;
    }
    if (judged === 'failed') {
      this.halted = `setup step '${step.id}' did not succeed, so the probe was not sent`;
      return false;
    }
    if (missing.length > 0) {
      this.rec.check({
        check: 'setup-response',
        step: step.id,
        title: 'A setup call answers with the created resource',
        state: 'failed',
        message: `the answer to ${step.operation} has no ${missing.join(', ')}`,
        expected: missing.join(', '),
        actual: '(missing)',
      });
      this.halted = `setup step '${step.id}' gave nothing to refer to, so the probe was not sent`;
      return false;
    }
    return true;
  }

  /** Sends the probe and judges the answer; undoes it if it wrongly created something. */
  async probe(expectation: ResolvedExpectation): Promise<void> {
    const { profile } = this.env;
    const probe = this.scenario.probe;
    const request = this.build(probe, this.format);
    const outcome = await this.env.client.send(request);
    const exchange = this.rec.exchange('probe', 'probe', request, outcome);
    if (!outcome.ok) {
      this.errored = `probe: ${outcome.error}`;
      return;
    }
    // Anything the probe wrongly created is registered for cleanup before its answer is judged.
    if (probe.cleanup && isSuccess(outcome.response.status)) {
      const missing = capture(probe.capture, outcome.response.body, 'probe', this.vars);
      if (missing.length > 0)
        this.errored ??=
          `the probe wrongly succeeded and its answer has no ${missing.join(', ')}: ` +
          'what it created may be left behind';
      else this.register('probe', probe.cleanup, probe);
    }
    const unless = this.scenario.inconclusiveIfSucceeds;
    if (unless && isSuccess(outcome.response.status) && !this.env.assumed?.has(unless.unlessAssumed)) {
      const assume = `(if it does, say --assume ${unless.unlessAssumed})`;
      this.inconclusive = `answered ${outcome.response.status}: ${unless.reason} ${assume}`;
      this.rec.check({
        check: 'status',
        step: 'probe',
        title: statusCheck.title,
        state: 'skipped',
        message: this.inconclusive,
      });
      return;
    }
    // The checks judge the answer as it came, whole; the recorded copy is redacted and cut for reports.
    this.evaluation = evaluateProbe({
      catalog: profile.catalog,
      validators: profile,
      format: this.format,
      request: exchange.request,
      response: outcome.response,
      expectation,
    });
    this.evaluation.checks.forEach((c) => this.rec.check(c));
    const accepted = this.evaluation.acceptedInstead;
    if (accepted && this.evaluation.checks.every((c) => c.state !== 'failed') && expectation.kind === 'fault') {
      this.inconclusive =
        `answered ${accepted} (${outcome.response.status}), a fault the profile expects in all requests: ` +
        `accepted and validated, but ${expectation.fault.element} was not triggered`;
    }
  }

  /** Registers the undo of `creator`, sent with the credential that created the resource. */
  private register(step: string, spec: RequestSpec, creator: RequestSpec): void {
    this.cleanups.push({
      step,
      request: this.build({ ...spec, credential: spec.credential ?? creator.credential }, 'json'),
    });
  }

  /** Every registered cleanup, last registered first. */
  async cleanup(): Promise<void> {
    for (const pending of [...this.cleanups].reverse()) {
      const outcome = await this.env.client.send(pending.request);
      const step = `cleanup:${pending.step}`;
      const exchange = this.rec.exchange(step, 'cleanup', pending.request, outcome);
      if (!outcome.ok) {
        this.errored ??= `${step}: ${outcome.error} (the resource may be left behind; \`conform cleanup\` removes it)`;
        continue;
      }
      if (this.judgeStep(exchange, 'cleanup', outcome.response) === 'accepted') {
        this.errored ??=
          `${step} answered ${outcome.response.status}, a fault the profile expects in all requests (accepted); ` +
          'the resource may be left behind (`conform cleanup` removes it)';
      }
    }
  }

  /**
   * Holds a setup or cleanup call to its documented success code. A fault the
   * profile expects in all requests is accepted there too, once its body
   * validates as that fault: the call conformed, though it did not succeed.
   */
  private judgeStep(
    exchange: Exchange,
    role: 'setup' | 'cleanup',
    response: HttpResponse,
  ): 'ok' | 'failed' | 'accepted' {
    const { catalog } = this.env.profile;
    const { step, request } = exchange;
    const verdict = checkStepStatus(catalog, findOperation(catalog, exchange.operation), role, response.status);
    const record = (v: Verdict) => this.rec.check({ check: 'success-status', step, title: SUCCESS_STATUS_TITLE, ...v });
    if (verdict.state !== 'failed') {
      record(verdict);
      return 'ok';
    }
    const candidates = faultsExpectedInAllRequests(catalog, response.status);
    const judged = candidates.map((fault) => ({
      fault,
      checks: evaluateProbe({
        catalog,
        validators: this.env.profile,
        format: 'json',
        request,
        response,
        expectation: { kind: 'fault', fault, statuses: [response.status] },
        step,
      }).checks,
    }));
    const conforming = judged.find((j) => j.checks.every((c) => c.state !== 'failed'));
    if (!conforming) {
      record(verdict);
      judged[0]?.checks.forEach((c) => this.rec.check(c));
      return 'failed';
    }
    record({
      state: 'passed',
      message:
        `${conforming.fault.element} (${response.status}), ` +
        'a fault expected in all requests: accepted and validated',
    });
    conforming.checks.forEach((c) => this.rec.check(c));
    return 'accepted';
  }
}
