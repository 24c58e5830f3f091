import { Agent, request, errors as undiciErrors } from 'undici';

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
  { ok: true; response: HttpResponse; durationMs: number } | { ok: false; error: string; durationMs: number };

export interface HttpClientOptions {
  /** Per request: from sending to the last byte of the body. */
  timeoutMs: number;
  /** Bodies are cut past this size: a target that answers garbage cannot flood memory. */
  maxBodyBytes?: number;
  connections?: number;
}

/** Every HTTP request conform makes goes through here: undici, keep-alive, a timeout per request. */
export class HttpClient {
  private readonly agent: Agent;
  private readonly maxBodyBytes: number;

  constructor(private readonly options: HttpClientOptions) {
    this.maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
    this.agent = new Agent({
      keepAliveTimeout: 10_000,
      connections: options.connections ?? 16,
      connect: { timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  async send(req: HttpRequest): Promise<HttpOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const res = await request(req.url, {
        dispatcher: this.agent,
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const { body, truncated } = await this.readBody(res.body);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers))
        if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      return { ok: true, response: { status: res.statusCode, headers, body, truncated }, durationMs: elapsed() };
    } catch (err) {
      return { ok: false, error: describeTransportError(err, req.url, this.options.timeoutMs), durationMs: elapsed() };
    }
  }

  private async readBody(
    stream: AsyncIterable<Buffer> & { destroy(): void },
  ): Promise<{ body: string; truncated: boolean }> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      const room = this.maxBodyBytes - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        stream.destroy();
        return { body: Buffer.concat(chunks).toString('utf8'), truncated: true };
      }
      chunks.push(chunk);
      size += chunk.length;
    }
    return { body: Buffer.concat(chunks).toString('utf8'), truncated: false };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** One line a person can act on, from whatever the network layer threw. */
export function describeTransportError(err: unknown, url: string, timeoutMs: number): string {
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e.code ?? e.cause?.code;
  const where = safeHost(url);
  if (
    e.name === 'TimeoutError' ||
    e.name === 'AbortError' ||
    e instanceof undiciErrors.HeadersTimeoutError ||
    e instanceof undiciErrors.BodyTimeoutError ||
    code === 'UND_ERR_CONNECT_TIMEOUT'
  ) {
    return `no answer from ${where} within ${timeoutMs} ms`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${where}`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve host of ${where}`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `connection to ${where} was reset`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable`;
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_STATUS':
    case 'HPE_INVALID_HEADER_TOKEN':
      return `${where} did not answer with valid HTTP`;
  }
  return `${where}: ${e.message ?? String(err)}${code ? ` (${code})` : ''}`;
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
