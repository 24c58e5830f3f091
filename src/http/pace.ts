// --rate N: one token bucket for every request of a run (identity, pre-flight,
// setup, probes, cleanup), holding one token, refilled every 1000/N ms. No burst:
// two requests start at least 1000/N ms apart, so no second sees more than N.
// The spacing is measured from when the previous request really started, not
// from when it was due: a late timer never lets the next one catch up.

/** The extra milliseconds between two requests, against a target's clock that reads arrivals a little late. */
const GUARD_MS = 1;

export class RequestPace {
  /** Milliseconds between two request starts. */
  readonly intervalMs: number;
  /** When the last request was allowed to start (performance.now()). */
  private last = -Infinity;
  /** The chain of waiting requests: each takes its turn after the one before. */
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly perSecond: number) {
    this.intervalMs = 1000 / perSecond + GUARD_MS;
  }

  /** Resolves when the request may start; a request whose signal aborts leaves the queue (rejects). */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.wait(signal));
    // The next request waits for this one's turn to be over, whether it started or was cut.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async wait(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const due = this.last + this.intervalMs - performance.now();
      if (due <= 0) {
        this.last = performance.now();
        return;
      }
      await sleep(due, signal);
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, Math.ceil(ms));
    function done() {
      signal?.removeEventListener('abort', cut);
      resolve();
    }
    function cut() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', cut, { once: true });
  });
}
