export interface RateLimit {
  /** Requests allowed per key within the window. */
  requests: number;
  windowMs: number;
}

/**
 * A sliding-window request limit per key (the caller and the resource, the
 * way rate-limiting proxies in front of Identity v2.0 counted). Deterministic:
 * the request after `requests` within the window is refused, whatever the load.
 */
export class RateLimiter {
  private readonly seen = new Map<string, number[]>();

  constructor(readonly limit: RateLimit) {}

  /** Counts a request; when it is over the limit, says when the next one will be let in. */
  take(key: string, now: number): { allowed: true } | { allowed: false; retryAt: Date } {
    const recent = (this.seen.get(key) ?? []).filter((t) => t > now - this.limit.windowMs);
    if (recent.length >= this.limit.requests) {
      this.seen.set(key, recent);
      return { allowed: false, retryAt: new Date(recent[0] + this.limit.windowMs) };
    }
    recent.push(now);
    this.seen.set(key, recent);
    return { allowed: true };
  }
}
