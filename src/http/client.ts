import type { Readable } from 'node:stream';
import { request, errors as undiciErrors, type Dispatcher } from './undici.js';
import { createDispatcher, type Network } from './network.js';
import { tlsRefusal } from './tlsRefusal.js';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  truncated: boolean;
}

export type HttpOutcome =
  | { ok: true; response: HttpResponse; durationMs: number }
  /** `cut`: the caller's signal aborted the request (the run stopped), not the target. */
  | { ok: false; error: string; durationMs: number; cut?: true };

export interface HttpClientOptions {
  /** Per request: from sending to the last byte of the body. */
  timeoutMs: number;
  connections?: number;
  /** Bodies are cut past this many bytes: a target that answers garbage cannot flood memory. */
  maxBodyBytes?: number;
  /** The run's TLS trust, proxies and request rate; undefined: Node's CAs, the proxy variables, no limit. */
  network?: Network;
}

/** The default size limit of an answer's body: 1 MiB. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Every HTTP request conform makes goes through here: undici, keep-alive, a timeout per request. */
export class HttpClient {
  private readonly agent: Dispatcher;
  /** Bodies are read up to this many bytes. */
  readonly maxBodyBytes: number;
  /** The requests in flight under each caller's signal. */
  private readonly following = new WeakMap<AbortSignal, Set<AbortController>>();

  constructor(private readonly options: HttpClientOptions) {
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    this.agent = createDispatcher(
      {
        keepAliveTimeout: 10_000,
        connections: options.connections ?? 16,
        connect: { timeout: options.timeoutMs },
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
      },
      options.network,
    );
  }

  /** Sends one request; `signal` cuts it (the outcome says `cut`) as the per-request timeout would. */
  async send(req: HttpRequest, signal?: AbortSignal): Promise<HttpOutcome> {
    const waited = await this.takeTurn(signal);
    if (!waited) return { ok: false, error: 'cut: the run stopped', durationMs: 0, cut: true };
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    // One timer and one controller per request, and one listener per caller's signal for all of them:
    // AbortSignal.any and AbortSignal.timeout cost more than the request itself on loopback.
    const cut = new AbortController();
    const timer = setTimeout(
      () => cut.abort(new DOMException('request timed out', 'TimeoutError')),
      this.options.timeoutMs,
    );
    const unfollow = signal ? this.follow(signal, cut) : undefined;
    try {
      const res = await request(req.url, {
        dispatcher: this.agent,
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body,
        signal: cut.signal,
      });
      const { body, truncated } = await this.readBody(res.body);
      const headers: Record<string, string> = {};
      for (const k in res.headers) {
        const v = res.headers[k];
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      }
      return { ok: true, response: { status: res.statusCode, headers, body, truncated }, durationMs: elapsed() };
    } catch (err) {
      if (signal?.aborted) return { ok: false, error: 'cut: the run stopped', durationMs: elapsed(), cut: true };
      return { ok: false, error: describeTransportError(err, req.url, this.options.timeoutMs), durationMs: elapsed() };
    } finally {
      clearTimeout(timer);
      unfollow?.();
    }
  }

  /** Waits for the request's turn under --rate; false when the signal cut the wait. */
  private async takeTurn(signal?: AbortSignal): Promise<boolean> {
    try {
      await this.options.network?.pace?.take(signal);
      return true;
    } catch {
      return false;
    }
  }

  /** Cuts `cut` when `signal` aborts; returns how to stop following it. */
  private follow(signal: AbortSignal, cut: AbortController): () => void {
    if (signal.aborted) {
      cut.abort(signal.reason);
      return () => {};
    }
    let inFlight = this.following.get(signal);
    if (!inFlight) {
      const cuts = new Set<AbortController>();
      signal.addEventListener('abort', () => cuts.forEach((c) => c.abort(signal.reason)), { once: true });
      this.following.set(signal, (inFlight = cuts));
    }
    inFlight.add(cut);
    return () => inFlight.delete(cut);
  }

  /**
   * The body, read to its end or cut at maxBodyBytes. Chunks are taken as the
   * stream emits them: an async iterator costs each answer several objects and
   * ticks, which at thousands of answers a second is most of the reading.
   */
  private readBody(stream: Readable): Promise<{ body: string; truncated: boolean }> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const text = () => (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      const done = (truncated: boolean) => resolve({ body: text(), truncated });
      stream.on('data', (chunk: Buffer) => {
        const room = this.maxBodyBytes - size;
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room));
          stream.destroy();
          return done(true);
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('end', () => done(false));
      stream.on('error', reject);
      // Closed with neither an end nor an error (after either, this changes nothing).
      stream.on('close', () => reject(new Error('the answer ended before its body did')));
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** One line a person can act on, from whatever the network layer threw. */
function describeTransportError(err: unknown, url: string, timeoutMs: number): string {
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code;
  const where = safeHost(url);
  if (isTimeout(e, code)) return `no answer from ${where} within ${timeoutMs} ms`;
  const untrusted = tlsRefusal(code, e.cause?.message ?? e.message, where);
  if (untrusted) return untrusted;
  // Every error of undici's HTTP parser (HPE_*) means the same: what came back was not HTTP.
  const known =
    code === undefined ? undefined : (ERROR_CODES.get(code) ?? (code.startsWith('HPE_') ? notHttp : undefined));
  if (known) return known(where);
  return `${where}: ${e.message ?? String(err)}${code ? ` (${code})` : ''}`;
}

function isTimeout(e: Error, code: string | undefined): boolean {
  return (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    e instanceof undiciErrors.HeadersTimeoutError ||
    e instanceof undiciErrors.BodyTimeoutError ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  );
}

const refused = (where: string) => `connection refused by ${where}`;
const unresolved = (where: string) => `cannot resolve host of ${where}`;
const reset = (where: string) => `connection to ${where} was reset`;
const unreachable = (where: string) => `${where} is unreachable`;
const notHttp = (where: string) => `${where} did not answer with valid HTTP`;

/** Error codes of the network layer, and what each means for the host they came from. */
const ERROR_CODES = new Map<string, (where: string) => string>([
  ['ECONNREFUSED', refused],
  ['ENOTFOUND', unresolved],
  ['EAI_AGAIN', unresolved],
  ['ECONNRESET', reset],
  ['UND_ERR_SOCKET', reset],
  ['EHOSTUNREACH', unreachable],
  ['ENETUNREACH', unreachable],
]);

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
