// How conform's requests travel: the CA certificates to trust (or none checked:
// --insecure), the proxies of the environment, and the run's request rate.
// One Network per run; every HTTP client of the run (identity, discovery,
// pre-flight, the cases) is built with it, so the rate is the whole run's.
import { Agent, Dispatcher, EnvHttpProxyAgent } from './undici.js';
import { RequestPace } from './pace.js';

export interface TlsTrust {
  /** The CA certificates (PEM) to trust instead of Node's own bundle; undefined: Node's. */
  ca?: string;
  /** Certificates are not verified at all (--insecure, clouds.yaml `verify: false`). */
  insecure?: boolean;
}

export interface Network {
  tls: TlsTrust;
  /** --rate: the bucket every request of the run takes its turn from; undefined: no limit. */
  pace?: RequestPace;
}

export function createNetwork(tls: TlsTrust, rate: number | undefined): Network {
  return { tls, pace: rate === undefined ? undefined : new RequestPace(rate) };
}

type Env = Record<string, string | undefined>;

/** The proxy variables the usual tools read (curl, the OpenStack client), lower case first. */
function proxyFromEnv(env: Env): { http?: string; https?: string; none?: string } {
  const read = (name: string) => env[name] || env[name.toUpperCase()] || undefined;
  return { http: read('http_proxy'), https: read('https_proxy'), none: read('no_proxy') };
}

/**
 * The dispatcher of one HTTP client: an Agent, or when a proxy variable is
 * set, undici's EnvHttpProxyAgent for the scheme it names (as curl: http_proxy
 * for http:// targets, sent to the proxy as absolute URLs; https_proxy for
 * https://, tunnelled with CONNECT; the hosts of no_proxy reached directly),
 * with the run's TLS trust towards targets and proxies alike.
 */
export function createDispatcher(options: Agent.Options, network?: Network, env: Env = process.env): Dispatcher {
  const tls = {
    ...(network?.tls.ca !== undefined ? { ca: network.tls.ca } : {}),
    ...(network?.tls.insecure ? { rejectUnauthorized: false } : {}),
  };
  const connect = { ...(options.connect as object | undefined), ...tls };
  const direct = new Agent({ ...options, connect });
  const proxy = proxyFromEnv(env);
  if (proxy.http === undefined && proxy.https === undefined) return direct;
  const through = (uri: string | undefined): Dispatcher =>
    uri === undefined
      ? direct
      : new EnvHttpProxyAgent({
          ...options,
          connect,
          httpProxy: uri,
          httpsProxy: uri,
          noProxy: proxy.none ?? '',
          requestTls: connect,
          proxyTls: connect,
          proxyTunnel: false,
        });
  return new SchemeRouter(direct, through(proxy.http), through(proxy.https));
}

/** Sends each request with the dispatcher of its scheme. */
class SchemeRouter extends Dispatcher {
  private readonly all: Dispatcher[];

  constructor(
    direct: Dispatcher,
    private readonly http: Dispatcher,
    private readonly https: Dispatcher,
  ) {
    super();
    this.all = [...new Set([direct, http, https])];
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = String(options.origin ?? '');
    return (origin.startsWith('https:') ? this.https : this.http).dispatch(options, handler);
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    const closed = Promise.all(this.all.map((d) => d.close())).then(() => undefined);
    if (!callback) return closed;
    void closed.then(callback);
  }

  override destroy(): Promise<void>;
  override destroy(err: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(err: Error | null, callback: () => void): void;
  override destroy(a?: Error | null | (() => void), b?: () => void): Promise<void> | void {
    const err = typeof a === 'function' ? null : (a ?? null);
    const callback = typeof a === 'function' ? a : b;
    const destroyed = Promise.all(this.all.map((d) => d.destroy(err))).then(() => undefined);
    if (!callback) return destroyed;
    void destroyed.then(callback);
  }
}
