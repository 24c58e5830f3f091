/** Headers whose values are credentials, whatever they hold. */
export const SECRET_HEADERS = new Set([
  'x-auth-token',
  'x-subject-token',
  'authorization',
  'cookie',
  'set-cookie',
  'proxy-authorization',
]);

export const REDACTED = '[REDACTED]';

/**
 * The run's known secrets (tokens, passwords). Everything conform records or
 * prints passes through `redact`, so a secret cannot reach a report even when
 * a target echoes it back in a body.
 */
export class Secrets {
  private readonly values = new Set<string>();
  private readonly publicValues = new Set<string>();

  add(value: string | undefined): void {
    // Very short values would redact innocent text; credentials are longer.
    if (value && value.length >= 4) this.values.add(value);
  }

  /** A credential-shaped value conform made up to be wrong (a bad token): safe to show. */
  markPublic(value: string): void {
    this.publicValues.add(value);
  }

  redact(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  /**
   * Redacts, then cuts to `max` characters; a text that was already cut
   * elsewhere may end in the first characters of a secret: those go too.
   */
  redactAndCut(text: string, max: number): { text: string; cut: boolean } {
    const redacted = this.redact(text);
    const cut = redacted.length > max;
    let out = cut ? redacted.slice(0, max) : redacted;
    for (const v of this.values) {
      for (let n = Math.min(v.length - 1, out.length); n >= 4; n--) {
        if (out.endsWith(v.slice(0, n))) {
          out = `${out.slice(0, -n)}${REDACTED}`;
          break;
        }
      }
    }
    return { text: out, cut };
  }

  /**
   * Tokens a target hands out in an answer (an Identity service's
   * X-Subject-Token, or `access.token.id` of v2.0) are secrets from then on,
   * even when conform did not ask for them.
   */
  learnFrom(headers: Record<string, string>, body: string): void {
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === 'x-subject-token') this.add(v);
    if (!body.includes('"access"')) return;
    try {
      const id = (JSON.parse(body) as { access?: { token?: { id?: unknown } } }).access?.token?.id;
      if (typeof id === 'string') this.add(id);
    } catch {
      // not JSON: nothing to learn
    }
  }

  redactHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      const secret = SECRET_HEADERS.has(k.toLowerCase()) && !this.publicValues.has(v);
      out[k] = secret ? REDACTED : this.redact(v);
    }
    return out;
  }
}
