import type { StopCause } from '../model/result.js';

/** After a run stops, the cases under way have this long to finish their steps before those are cut. */
const FINISH_WINDOW_MS = 3_000;
/** Then their cleanups have this long before their requests are cut too. */
const CLEANUP_WINDOW_MS = 10_000;

/**
 * How a run stops early, on a signal or at its deadline: no new case starts;
 * the cases under way finish, or after FINISH_WINDOW_MS their requests are
 * cut and they send no further step; their cleanups run in any case, and
 * after CLEANUP_WINDOW_MS more those are cut too.
 */
export class RunStop {
  private readonly steps = new AbortController();
  private readonly cleanups = new AbortController();
  private readonly timers: NodeJS.Timeout[] = [];
  cause?: StopCause;
  /** Told once, when the run stops. */
  onStop?: (cause: StopCause) => void;

  constructor(private readonly windows = { finishMs: FINISH_WINDOW_MS, cleanupMs: CLEANUP_WINDOW_MS }) {}

  get stopped(): boolean {
    return this.cause !== undefined;
  }

  /** Aborted once the cases under way have had their time: for setup steps and probes. */
  get stepSignal(): AbortSignal {
    return this.steps.signal;
  }

  /** Aborted when the time kept for cleanups has passed too. */
  get cleanupSignal(): AbortSignal {
    return this.cleanups.signal;
  }

  stop(cause: StopCause): void {
    if (this.cause) return;
    this.cause = cause;
    this.onStop?.(cause);
    const { finishMs, cleanupMs } = this.windows;
    this.later(finishMs, () => this.steps.abort(cause));
    this.later(finishMs + cleanupMs, () => this.cleanups.abort(cause));
  }

  /** Stops the run when `signal` aborts; its reason names the cause (SIGINT when it names none). */
  follow(signal: AbortSignal | undefined): void {
    if (!signal) return;
    const onAbort = () => this.stop(isCause(signal.reason) ? signal.reason : 'SIGINT');
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }

  /** Stops the run with cause `deadline` after `ms`. */
  deadline(ms: number): void {
    this.later(ms, () => this.stop('deadline'));
  }

  /** The run is over: no timer of its own keeps the process alive. */
  dispose(): void {
    this.timers.forEach(clearTimeout);
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(fn, ms);
    timer.unref();
    this.timers.push(timer);
  }
}

const CAUSES: readonly StopCause[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'deadline', 'token'];
const isCause = (value: unknown): value is StopCause => CAUSES.includes(value as StopCause);

/** The causes that are not a signal, as said. */
const WHAT_STOPS: Partial<Record<StopCause, string>> = {
  deadline: "the run's deadline passed",
  token: 'a token could not be renewed before it expired',
};

/** What a stopped run tells the user, once. */
export function stopNotice(cause: StopCause): string {
  const what = WHAT_STOPS[cause] ?? `${cause}: stopping`;
  return (
    `${what}: no new case starts; the cases under way finish (or are cut after ${FINISH_WINDOW_MS / 1000} s) ` +
    `and delete what they created (within ${CLEANUP_WINDOW_MS / 1000} s more); the reports are written` +
    (cause in WHAT_STOPS ? '' : '; a second signal stops at once')
  );
}

/** `the run was interrupted` (Ctrl-C), `the run was stopped (SIGTERM)`, `the run's deadline passed`. */
export function stopReason(cause: StopCause): string {
  if (cause === 'SIGINT') return 'the run was interrupted';
  return WHAT_STOPS[cause] ?? `the run was stopped (${cause})`;
}
