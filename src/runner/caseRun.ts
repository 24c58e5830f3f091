import { randomBytes, randomUUID } from 'node:crypto';
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
import { buildRequest, inventedToken, RequestBuildError, withCurrentToken, type BuiltRequest } from './buildRequest.js';
import type { RunEnvironment } from './environment.js';
import { readPointer } from './pointer.js';
import { sniffFormat } from '../body/parse.js';
import { readObject } from '../body/object.js';
import { CaseRecorder } from './recorder.js';
import { stopReason } from './stop.js';

interface PendingCleanup {
  step: string;
  request: BuiltRequest;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

const HEADER_CAPTURE = 'header:';

/** Captures named values from an answer (JSON or XML, or a header) into `into`; returns those it did not find. */
function capture(
  spec: Record<string, string> | undefined,
  answer: Pick<HttpResponse, 'body' | 'headers'>,
  prefix: string,
  into: Record<string, string>,
): string[] {
  if (!spec) return [];
  const { body, headers } = answer;
  const parsed = readObject(body, sniffFormat(body) === 'xml' ? 'xml' : 'json');
  const missing: string[] = [];
  for (const [name, pointer] of Object.entries(spec)) {
    const header = pointer.startsWith(HEADER_CAPTURE) ? pointer.slice(HEADER_CAPTURE.length).toLowerCase() : undefined;
    const value =
      header !== undefined
        ? Object.entries(headers).find(([k]) => k.toLowerCase() === header)?.[1]
        : parsed === undefined
          ? undefined
          : readPointer(parsed, pointer);
    if (typeof value === 'string' || typeof value === 'number') into[`${prefix}.${name}`] = String(value);
    else missing.push(pointer);
  }
  return missing;
}

/** Whether a scenario's requests use `{password}`, found once per scenario (each runs in every format). */
const passwordUse = new WeakMap<Scenario, boolean>();
function usesPassword(scenario: Scenario): boolean {
  let uses = passwordUse.get(scenario);
  if (uses === undefined) passwordUse.set(scenario, (uses = JSON.stringify(scenario).includes('{password}')));
  return uses;
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
  private readonly forgetInvalidToken: () => void;

  constructor(
    private readonly env: RunEnvironment,
    private readonly scenario: Scenario,
    private readonly format: Format,
  ) {
    this.rec = new CaseRecorder(env.secrets);
    this.forgetInvalidToken = env.secrets.markPublic(this.invalidToken);
    // A password of the case's own, a secret of the run: made only for a scenario that uses it,
    // since every secret is looked for in everything the run records.
    const password = usesPassword(scenario) ? randomBytes(18).toString('base64url') : '';
    env.secrets.add(password);
    this.vars = {
      tenant: env.tenant,
      runId: env.runId,
      uuid: randomUUID(),
      password,
      name: `${env.runId}-${scenario.id}-${format}`,
    };
  }

  /** The request of a step; a scenario whose values cannot make one is the suite's error, not the target's. */
  private build(spec: RequestSpec, format: Format): BuiltRequest {
    const { env } = this;
    try {
      return buildRequest(spec, format, {
        catalog: env.profile.catalog,
        target: env.target,
        vars: this.vars,
        credentials: env.credentials,
        invalidToken: this.invalidToken,
      });
    } catch (err) {
      throw new RequestBuildError((err as Error).message);
    }
  }

  /** False, with the reason, when the run has stopped: no further step is sent. */
  private mayGoOn(next: string): boolean {
    const stop = this.env.stop;
    if (!stop?.stepSignal.aborted) return true;
    this.inconclusive ??= `${stopReason(stop.cause ?? 'SIGINT')} before ${next} was sent`;
    return false;
  }

  /** A cleanup that did not happen is said even when the case already errored for another reason. */
  private leftBehind(why: string): void {
    this.errored = this.errored === undefined ? why : `${this.errored}; ${why}`;
  }

  /** How to remove what this run left behind. */
  private cleanupHint(): string {
    return `\`conform cleanup --run-id ${this.env.runId}\` removes it`;
  }

  /** A request the run's stop cut: the case is left unjudged, and what it may have created is said. */
  private cutBy(step: string, creates: boolean): void {
    const cause = this.env.stop?.cause ?? 'SIGINT';
    const left = creates ? `; what it created, if anything, is left (${this.cleanupHint()})` : '';
    this.inconclusive ??= `${stopReason(cause)} while ${step} was under way: it was cut${left}`;
  }

  /** The setup steps, in order; false when the probe must not be sent. */
  async setup(): Promise<boolean> {
    for (const step of this.scenario.setup ?? []) {
      if (!this.mayGoOn(`setup step '${step.id}'`)) return false;
      if (!(await this.setupStep(step))) return false;
    }
    return this.mayGoOn('the probe');
  }

  private async setupStep(step: SetupStep): Promise<boolean> {
    const request = this.build(step, 'json');
    const outcome = await this.env.client.send(request, this.env.stop?.stepSignal);
    const exchange = this.rec.exchange(step.id, 'setup', request, outcome);
    if (!outcome.ok && outcome.cut) {
      this.cutBy(`setup step '${step.id}'`, step.cleanup !== undefined);
      return false;
    }
    if (!outcome.ok) {
      this.errored = `setup step '${step.id}': ${outcome.error}`;
      return false;
    }
    const { status } = outcome.response;
    const judged = this.judgeStep(exchange, 'setup', outcome.response);
    const missing = isSuccess(status) ? capture(step.capture, outcome.response, step.id, this.vars) : [];
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
    const probe = this.scenario.probe;
    const request = this.build(probe, this.format);
    const outcome = await this.env.client.send(request, this.env.stop?.stepSignal);
    const exchange = this.rec.exchange('probe', 'probe', request, outcome);
    if (!outcome.ok && outcome.cut) {
      this.cutBy('the probe', probe.cleanup !== undefined);
      return;
    }
    if (!outcome.ok) {
      this.errored = `probe: ${outcome.error}`;
      return;
    }
    // Anything the probe wrongly created is registered for cleanup before its answer is judged.
    if (probe.cleanup && isSuccess(outcome.response.status)) this.undoProbe(outcome.response);
    if (this.unexercised(outcome.response.status)) return;
    this.judgeProbe(exchange.request, outcome.response, expectation);
  }

  private undoProbe(answer: HttpResponse): void {
    const probe = this.scenario.probe;
    const missing = capture(probe.capture, answer, 'probe', this.vars);
    if (missing.length === 0) this.register('probe', probe.cleanup!, probe);
    else {
      const what = missing.join(', ');
      this.errored ??= `the probe wrongly succeeded and its answer has no ${what}: what it created may be left behind`;
    }
  }

  /** A success the scenario cannot tell from a target that lacks the behaviour (e.g. no auth): not exercised. */
  private unexercised(status: number): boolean {
    const unless = this.scenario.inconclusiveIfSucceeds;
    if (!unless || !isSuccess(status) || this.env.assumed?.has(unless.unlessAssumed)) return false;
    const assume = `(if it does, say --assume ${unless.unlessAssumed})`;
    this.inconclusive = `answered ${status}: ${unless.reason} ${assume}`;
    this.rec.check({
      check: 'status',
      step: 'probe',
      title: statusCheck.title,
      state: 'skipped',
      message: this.inconclusive,
    });
    return true;
  }

  /** The checks judge the answer as it came, whole; the recorded copy is redacted and cut for reports. */
  private judgeProbe(request: Exchange['request'], response: HttpResponse, expectation: ResolvedExpectation): void {
    const { profile } = this.env;
    const format = this.format;
    this.evaluation = evaluateProbe({
      catalog: profile.catalog,
      validators: profile,
      format,
      request,
      response,
      expectation,
    });
    this.evaluation.checks.forEach((c) => this.rec.check(c));
    const accepted = this.evaluation.acceptedInstead;
    const finding = this.evaluation.checks.some((c) => c.state === 'failed');
    if (accepted && !finding && expectation.kind === 'fault') {
      this.inconclusive =
        `answered ${accepted} (${response.status}), a fault the profile expects in all requests: ` +
        `accepted and validated, but ${expectation.fault.element} was not triggered`;
    }
    if (response.truncated && !finding) {
      this.inconclusive ??=
        `answered ${response.status} with a body larger than the ${this.env.client.maxBodyBytes} bytes ` +
        'conform reads, so its shape was not judged (--max-body raises the limit)';
    }
  }

  /** Registers the undo of `creator`, sent with the credential that created the resource. */
  private register(step: string, spec: RequestSpec, creator: RequestSpec): void {
    this.cleanups.push({
      step,
      request: this.build({ ...spec, credential: spec.credential ?? creator.credential }, 'json'),
    });
  }

  /** Sends the cleanups; after them the case records nothing more, and its made-up token is forgotten. */
  async cleanup(): Promise<void> {
    try {
      await this.sendCleanups();
    } finally {
      this.forgetInvalidToken();
    }
  }

  /** Every registered cleanup, last registered first. */
  private async sendCleanups(): Promise<void> {
    for (const registered of [...this.cleanups].reverse()) {
      // Built when it was registered: it carries the token in use now (renewed since, maybe).
      const pending = { ...registered, request: withCurrentToken(registered.request, this.env.credentials) };
      const outcome = await this.env.client.send(pending.request, this.env.stop?.cleanupSignal);
      const step = `cleanup:${pending.step}`;
      const exchange = this.rec.exchange(step, 'cleanup', pending.request, outcome);
      if (!outcome.ok) {
        this.leftBehind(`${step}: ${outcome.error} (the resource may be left behind: ${this.cleanupHint()})`);
        continue;
      }
      if (this.judgeStep(exchange, 'cleanup', outcome.response) === 'accepted') {
        this.leftBehind(
          `${step} answered ${outcome.response.status}, a fault the profile expects in all requests (accepted); ` +
            `the resource may be left behind (${this.cleanupHint()})`,
        );
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
