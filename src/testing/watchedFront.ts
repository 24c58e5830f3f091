// A front before a target, for the tests: it relays every request to the
// target behind it (HTTP, or HTTPS with the given certificate) and keeps what
// it saw arrive — method, path, when — so a test measures the run from the
// target's side.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Arrival {
  method: string;
  path: string;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface WatchedFront {
  url: string;
  arrivals: Arrival[];
  close(): Promise<void>;
}

export async function startWatchedFront(upstream: string, tls?: { key: string; cert: string }): Promise<WatchedFront> {
  const arrivals: Arrival[] = [];
  const relay: http.RequestListener = (req, res) => {
    arrivals.push({ method: req.method ?? '', path: req.url ?? '', at: performance.now() });
    const out = http.request(`${upstream}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  };
  const server = tls ? https.createServer(tls, relay) : http.createServer(relay);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    arrivals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The most requests that arrived within any one second (a window of 1000 ms from each arrival). */
export function busiestSecond(arrivals: Arrival[]): number {
  const times = arrivals.map((a) => a.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j] < times[i] + 1000) j++;
    most = Math.max(most, j - i);
  }
  return most;
}
