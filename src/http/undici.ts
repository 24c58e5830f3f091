// The parts of undici conform sends with, imported from their own files: its
// index loads the whole of undici (fetch, WebSocket, caches, mocks), which
// costs every run some 30 ms, and conform needs none of that.
import api from 'undici/lib/api/index.js';
import Agent from 'undici/lib/dispatcher/agent.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import errors from 'undici/lib/core/errors.js';
import util from 'undici/lib/core/util.js';

// What undici's index does first: every dispatcher gets request(), connect()
// and the rest (a proxy agent's CONNECT tunnel calls connect()).
Object.assign(Dispatcher.prototype, api);

export { Agent, Dispatcher, EnvHttpProxyAgent, errors };

type RequestOptions = Omit<Dispatcher.RequestOptions, 'origin' | 'path'> & { dispatcher: Dispatcher };

/** undici's request(url, options) as its index makes it: the URL split into the dispatcher's origin and path. */
export function request(url: string, { dispatcher, ...options }: RequestOptions): Promise<Dispatcher.ResponseData> {
  const parsed = util.parseURL(url);
  return dispatcher.request({
    ...options,
    origin: parsed.origin,
    path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname,
    method: options.method || (options.body ? 'PUT' : 'GET'),
  });
}
