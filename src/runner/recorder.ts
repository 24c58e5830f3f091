import type { CheckResult, Exchange } from '../model/result.js';
import type { HttpOutcome } from '../http/client.js';
import type { Secrets } from '../http/secrets.js';
import type { BuiltRequest } from './buildRequest.js';

/** Bodies kept in results; diagnoses trim further. Checks see the whole body, not this copy. */
const MAX_RECORDED_BODY = 16 * 1024;

/** Collects a case's exchanges and check results, redacting secrets as they are recorded. */
export class CaseRecorder {
  readonly exchanges: Exchange[] = [];
  readonly checks: CheckResult[] = [];

  constructor(private readonly secrets: Secrets) {}

  exchange(step: string, role: Exchange['role'], req: BuiltRequest, outcome: HttpOutcome): Exchange {
    const s = this.secrets;
    const exchange: Exchange = {
      step,
      role,
      operation: req.operation,
      request: {
        method: req.method,
        url: s.redact(req.url),
        headers: s.redactHeaders(req.headers),
        credential: req.credential,
        ...(req.body !== undefined ? { body: s.redactAndCut(req.body, MAX_RECORDED_BODY).text } : {}),
      },
      durationMs: outcome.durationMs,
    };
    if (outcome.ok) {
      s.learnFrom(outcome.response.headers, outcome.response.body);
      const body = s.redactAndCut(outcome.response.body, MAX_RECORDED_BODY);
      exchange.response = {
        status: outcome.response.status,
        headers: s.redactHeaders(outcome.response.headers),
        body: body.text,
        truncated: outcome.response.truncated || body.cut,
      };
    } else {
      exchange.error = s.redact(outcome.error);
    }
    this.exchanges.push(exchange);
    return exchange;
  }

  /** Records a check's result, redacted in place: the result is the recorder's from here on. */
  check(result: CheckResult): void {
    if (result.message !== undefined) result.message = this.secrets.redact(result.message);
    if (result.actual !== undefined) result.actual = this.secrets.redact(result.actual);
    this.checks.push(result);
  }
}
