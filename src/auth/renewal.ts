// Tokens outlive no run: each token the identity service issued (password or
// application credential) is renewed when half its lifetime has passed, and
// the run's Credentials get the new one in place, so every request built
// after that carries it. A renewal that fails is tried again until the
// token is about to expire; then the run is told why, once.
import { HttpClient } from '../http/client.js';
import type { Network } from '../http/network.js';
import type { Secrets } from '../http/secrets.js';
import type { Credentials } from '../model/credentials.js';
import type { IdentityAuth } from './credentials.js';
import type { IssuedToken } from './identityAnswer.js';
import { issueToken } from './obtain.js';

type Role = 'main' | 'second';

export interface RenewalEvents {
  /** A token was renewed (no secret in the line). */
  renewed(message: string): void;
  /** A token could not be renewed before it expired: the cases after this would be refused. */
  failed(message: string): void;
}

/**
 * The share of a token's lifetime after which it is renewed: the other half is
 * the margin for requests already built with it (waiting their turn under --rate),
 * and for the identity service's clock.
 */
const RENEW_AT = 0.5;
/** A failed renewal is tried again this long after, while the token is valid for longer than that. */
const RETRY_MS = 2_000;

/** When to renew, in ms from now: from the token's lifetime as the identity service states it (its own clock). */
export function renewalDelayMs(
  issued: Pick<IssuedToken, 'expiresAt' | 'issuedAt'>,
  now = Date.now(),
): number | undefined {
  const expires = issued.expiresAt ? Date.parse(issued.expiresAt) : Number.NaN;
  if (Number.isNaN(expires)) return undefined;
  const start = issued.issuedAt ? Date.parse(issued.issuedAt) : Number.NaN;
  const lifetime = Number.isNaN(start) ? expires - now : expires - start;
  return Math.max(0, Math.round(lifetime * RENEW_AT));
}

export class TokenRenewal {
  private readonly timers = new Set<NodeJS.Timeout>();
  private events?: RenewalEvents;
  private stopped = false;
  /** The tokens given were received about now: their lifetimes count from here, not from start(). */
  private readonly createdAt = Date.now();

  constructor(
    private readonly credentials: Credentials,
    private readonly tokens: Array<{ role: Role; method: IdentityAuth; issued: IssuedToken }>,
    private readonly deps: { secrets: Secrets; timeoutMs: number; network?: Network },
  ) {}

  start(events: RenewalEvents): void {
    this.events = events;
    for (const t of this.tokens) this.schedule(t.role, t.method, t.issued, this.createdAt);
  }

  stop(): void {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }

  private schedule(role: Role, method: IdentityAuth, issued: IssuedToken, receivedAt = Date.now()): void {
    const delay = renewalDelayMs(issued);
    if (delay === undefined) return;
    // On this machine's clock: from when its request was sent (the service issued it after that),
    // plus the lifetime the identity service stated.
    const sentAt = receivedAt - issued.durationMs;
    const expiresAt = sentAt + Math.round(delay / RENEW_AT);
    this.later(Math.max(0, sentAt + delay - Date.now()), () => this.renew(role, method, expiresAt));
  }

  private later(ms: number, fn: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private async renew(role: Role, method: IdentityAuth, expiresAt: number): Promise<void> {
    if (this.stopped) return;
    const client = new HttpClient({ timeoutMs: this.deps.timeoutMs, connections: 1, network: this.deps.network });
    const label = `${role} credential`;
    try {
      const issued = await issueToken(method, client, this.deps.secrets);
      if (this.stopped) return;
      this.credentials[role] = issued.token;
      const left = Math.max(0, Math.round((expiresAt - Date.now()) / 1000));
      this.events?.renewed(`${label}: token renewed in ${issued.durationMs} ms (the old one expires within ${left} s)`);
      this.schedule(role, method, issued);
    } catch (err) {
      if (this.stopped) return;
      const reason = this.deps.secrets.redact((err as Error).message);
      if (expiresAt - Date.now() > RETRY_MS * 2) return this.later(RETRY_MS, () => this.renew(role, method, expiresAt));
      this.events?.failed(`${label}: the token could not be renewed before it expired: ${reason}`);
    } finally {
      await client.close();
    }
  }
}
