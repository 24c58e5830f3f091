/** Headers whose values are credentials, whatever they hold. */
export const SECRET_HEADERS = new Set(['x-auth-token', 'x-subject-token', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

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

  redactHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      const secret = SECRET_HEADERS.has(k.toLowerCase()) && !this.publicValues.has(v);
      out[k] = secret ? REDACTED : this.redact(v);
    }
    return out;
  }
}
