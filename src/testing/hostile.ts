// A deliberately hostile or broken Quantum v1.0 target: the reference app
// does the real work (its store holds what a run creates, so what a run left
// behind can be counted), and a behaviour decides what goes on the wire —
// the reference's answer, a twisted copy of it, raw bytes, or nothing.
import http from 'node:http';
import net from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MEDIA_TYPES } from '../body/encode.js';
import type { Format } from '../model/catalog.js';
import { StaticTokens } from '../targets/common/auth.js';
import { negotiate, readBody, render } from '../targets/common/server.js';
import type { TargetRequest, WireResponse } from '../targets/common/types.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';

/** The tenant conform uses by default; the unprivileged token belongs to the other one. */
const TENANT = 'conform';
const OTHER_TENANT = 'conform-other';

/** A token of 48 lower-case hex characters (24 random bytes). */
const newToken = (): string => randomBytes(24).toString('hex');

/** One request as the hostile layer sees it. */
export interface Exchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  socket: net.Socket;
  request: TargetRequest;
  /** The reference's answer (computed once; a create or delete happens in the store then). */
  answer(): Promise<WireResponse>;
  /** Writes an answer as the reference server would (Content-Length set). */
  send(wire: { status: number; headers: Record<string, string | string[]>; body: string | Buffer }): void;
  /** Keeps a timer to be cleared when the target closes. */
  timer(t: NodeJS.Timeout): void;
  stats: Counters;
}

export type Behaviour = (x: Exchange) => void | Promise<void>;
/** A target that is not HTTP: what to do with each accepted connection. */
export type TcpBehaviour = { tcp: (socket: net.Socket, timer: (t: NodeJS.Timeout) => void) => void };

export interface HostileTarget {
  url: string;
  tokens: { main: string; second: string };
  /** What the target saw and did, as the run goes. */
  stats: Readonly<Counters>;
  /** What the store still holds, in the tenants a run can touch. */
  leftovers(): Promise<{ networks: number; ports: number }>;
  close(): Promise<void>;
}

export interface Counters {
  /** Requests the HTTP layer received. */
  requests: number;
  /** Creates the reference performed (networks and ports). */
  created: number;
  /** Requests that came with a Cookie header. */
  withCookie: number;
  /** Body bytes a streaming behaviour wrote. */
  streamed: number;
  /** When the first connection came (Date.now()). */
  firstContactAt?: number;
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function exchange(
  app: QuantumApp,
  counters: Counters,
  parts: Pick<Exchange, 'req' | 'res' | 'timer'>,
  body: string,
): Exchange {
  const { req, res } = parts;
  const url = new URL(req.url ?? '/', 'http://localhost');
  const request: TargetRequest = {
    method: req.method ?? 'GET',
    ...negotiate(url.pathname, req.headers),
    headers: req.headers as Record<string, string>,
    body,
  };
  let answered: Promise<WireResponse> | undefined;
  const answer = () =>
    (answered ??= Promise.resolve(app.handle(request)).then((reply) => {
      if (request.method === 'POST' && reply.status === 200) counters.created++;
      return render(app, reply, request);
    }));
  const send: Exchange['send'] = (wire) => {
    if (res.destroyed) return;
    res.writeHead(wire.status, { ...wire.headers, 'content-length': Buffer.byteLength(wire.body) });
    res.end(wire.body);
  };
  return { ...parts, socket: req.socket, request, answer, send, stats: counters };
}

/** Counts networks and ports through the app itself, as an administrator of each tenant would list them. */
async function countLeftovers(app: QuantumApp, token: string): Promise<{ networks: number; ports: number }> {
  const get = async (path: string) => {
    const reply = await app.handle({
      method: 'GET',
      path,
      format: 'json',
      negotiatedBy: 'default',
      headers: { 'x-auth-token': token },
      body: '',
    });
    return reply.kind === 'success' ? (reply.payload ?? {}) : {};
  };
  let networks = 0;
  let ports = 0;
  for (const tenant of [TENANT, OTHER_TENANT]) {
    const list = ((await get(`/v1.0/tenants/${tenant}/networks`)).networks ?? []) as { id: string }[];
    networks += list.length;
    for (const n of list)
      ports += (((await get(`/v1.0/tenants/${tenant}/networks/${n.id}/ports`)).ports ?? []) as []).length;
  }
  return { networks, ports };
}

/** Starts a hostile target on a free loopback port; authentication on, with two fresh tokens. */
export async function startHostile(behaviour: Behaviour | TcpBehaviour): Promise<HostileTarget> {
  const tokens = { main: newToken(), second: newToken() };
  const auth = new StaticTokens(
    new Map([
      [tokens.main, { tenant: TENANT, roles: ['member', 'admin'] }],
      [tokens.second, { tenant: OTHER_TENANT, roles: ['member'] }],
    ]),
  );
  const app = new QuantumApp({ auth });
  const counters: Counters = { requests: 0, created: 0, withCookie: 0, streamed: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const timer = (t: NodeJS.Timeout) => void timers.add(t);
  const sockets = new Set<net.Socket>();
  let server: net.Server;
  if ('tcp' in behaviour) {
    server = net.createServer((socket) => {
      socket.on('error', () => undefined);
      behaviour.tcp(socket, timer);
    });
  } else {
    server = http.createServer(async (req, res) => {
      counters.requests++;
      if (req.headers.cookie !== undefined) counters.withCookie++;
      try {
        const body = await readBody(req);
        await behaviour(exchange(app, counters, { req, res, timer }, body));
      } catch (err) {
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`hostile target error: ${(err as Error).message}`);
        }
      }
    });
    (server as http.Server).keepAliveTimeout = 5_000;
  }
  server.on('connection', (socket: net.Socket) => {
    counters.firstContactAt ??= Date.now();
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    stats: counters,
    leftovers: () => countLeftovers(app, tokens.main),
    close: () =>
      new Promise<void>((resolve) => {
        timers.forEach(clearTimeout);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------
// Building blocks

const STATUS_TEXT = (status: number) => http.STATUS_CODES[status] ?? 'Unknown';

/** An HTTP/1.x answer as bytes: status line, headers in order, blank line, body. */
function rawAnswer(
  status: number,
  headers: [string, string | number][],
  body: string | Buffer = '',
  version = '1.1',
): Buffer {
  const head = [`HTTP/${version} ${status} ${STATUS_TEXT(status)}`, ...headers.map(([k, v]) => `${k}: ${v}`), '', ''];
  return Buffer.concat([Buffer.from(head.join('\r\n'), 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
}

/** The reference's headers as pairs, without the framing ones (the caller frames the answer). */
const headerPairs = (wire: WireResponse): [string, string][] =>
  Object.entries(wire.headers).filter(([k]) => !/^(content-length|transfer-encoding|connection)$/i.test(k));

/** Fault answers (4xx, 5xx) go through `twist`; every other answer is the reference's own. */
const onFaults =
  (twist: (x: Exchange, wire: WireResponse) => void | Promise<void>): Behaviour =>
  async (x) => {
    const wire = await x.answer();
    if (wire.status >= 400) await twist(x, wire);
    else x.send(wire);
  };

/** Every answer goes through `twist`. */
const onEvery =
  (twist: (x: Exchange, wire: WireResponse) => void | Promise<void>): Behaviour =>
  async (x) =>
    twist(x, await x.answer());

/** The reference, untouched. */
export const reference = (): Behaviour => onEvery((x, wire) => x.send(wire));

/** A fault body cut in two around its message text: `[before, after]` (the message itself left out). */
function aroundMessage(wire: WireResponse, format: Format): [string, string] {
  const MARK = 'HOSTILE-MESSAGE-MARK';
  let marked: string;
  if (format === 'json') {
    const doc = JSON.parse(wire.body) as Record<string, Record<string, unknown>>;
    const root = Object.keys(doc)[0];
    doc[root].message = MARK;
    marked = JSON.stringify(doc);
  } else {
    marked = wire.body.replace(/<message>[\s\S]*?<\/message>/, `<message>${MARK}</message>`);
  }
  const at = marked.indexOf(MARK);
  return [marked.slice(0, at), marked.slice(at + MARK.length)];
}

const withMessage = (wire: WireResponse, format: Format, message: string | Buffer): Buffer => {
  const [before, after] = aroundMessage(wire, format);
  return Buffer.concat([
    Buffer.from(before),
    Buffer.isBuffer(message) ? message : Buffer.from(message),
    Buffer.from(after),
  ]);
};

/** Resolves when `res` drains or closes, whichever comes first, leaving no listener behind. */
function drainedOrClosed(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Writes `chunks` with backpressure, stopping when the peer goes away; the bytes written. */
async function stream(res: http.ServerResponse, chunks: Iterable<Buffer>): Promise<number> {
  let written = 0;
  for (const chunk of chunks) {
    if (res.destroyed || res.writableEnded) return written;
    written += chunk.length;
    if (!res.write(chunk)) await drainedOrClosed(res);
  }
  if (!res.destroyed) res.end();
  return written;
}

/** Raw bytes on the request's socket, then the connection closed (the HTTP layer never answers itself). */
function writeRaw(x: Exchange, bytes: Buffer, then: 'end' | 'keep' = 'end'): void {
  if (x.socket.destroyed) return;
  x.socket.write(bytes);
  if (then === 'end') x.socket.end();
}

const sleep = (x: Exchange, ms: number) => new Promise<void>((resolve) => x.timer(setTimeout(resolve, ms)));

// ---------------------------------------------------------------------------
// The behaviours

const DOCTYPE_XML = (wire: WireResponse, doctype: string, message: string): string => {
  const [before, after] = aroundMessage(wire, 'xml');
  const root = /<(\w+)[\s>]/.exec(before.replace(/^<\?xml[^>]*\?>/, ''))?.[1] ?? 'fault';
  return before.replace(/^(<\?xml[^>]*\?>\s*)/, `$1<!DOCTYPE ${root} [\n${doctype}\n]>\n`) + message + after;
};

/** XML faults declare the billion laughs: ten levels of ten references, a 3 GB expansion. */
export const entityBomb = (): Behaviour =>
  onFaults((x, wire) => {
    if (x.request.format !== 'xml') return x.send(wire);
    const levels = ['  <!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) levels.push(`  <!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    x.send({ ...wire, body: DOCTYPE_XML(wire, levels.join('\n'), '&lol9;') });
  });

/** XML faults whose message is an external entity: the target's /etc/passwd, were a parser to fetch it. */
export const externalEntity = (): Behaviour =>
  onFaults((x, wire) => {
    if (x.request.format !== 'xml') return x.send(wire);
    x.send({ ...wire, body: DOCTYPE_XML(wire, '  <!ENTITY xxe SYSTEM "file:///etc/passwd">', '&xxe;') });
  });

/** A well-formed fault whose message is `size` bytes, streamed in 64 KiB chunks with backpressure. */
export const hugeFault = (size = 100 * 1024 * 1024): Behaviour =>
  onFaults(async (x, wire) => {
    const [before, after] = aroundMessage(wire, x.request.format).map((s) => Buffer.from(s));
    const pad = Buffer.alloc(64 * 1024, 'a');
    const count = Math.ceil(size / pad.length);
    const length = before.length + count * pad.length + after.length;
    x.res.writeHead(wire.status, { ...wire.headers, 'content-length': length });
    function* chunks() {
      yield before;
      for (let i = 0; i < count; i++) yield pad;
      yield after;
    }
    x.stats.streamed += await stream(x.res, chunks());
  });

/** Every connection is accepted and every request read; nothing is ever answered. */
export const stallEverything = (): Behaviour => () => undefined;

/** Fault answers are never sent (the connection stays open); other answers are the reference's. */
export const stallFaults = (): Behaviour => onFaults(() => undefined);

/** Fault answers, status line first, one byte every 100 ms. */
export const trickleFaults = (): Behaviour =>
  onFaults((x, wire) => {
    const bytes = rawAnswer(
      wire.status,
      [...headerPairs(wire), ['content-length', Buffer.byteLength(wire.body)]],
      wire.body,
    );
    let at = 0;
    const tick = setInterval(() => {
      if (x.socket.destroyed || at >= bytes.length) return clearInterval(tick);
      x.socket.write(bytes.subarray(at, ++at));
    }, 100);
    x.timer(tick);
  });

/** Fault answers: headers and half the body, then a TCP reset. */
export const resetMidBody = (): Behaviour =>
  onFaults(async (x, wire) => {
    const body = Buffer.from(wire.body);
    writeRaw(
      x,
      rawAnswer(
        wire.status,
        [...headerPairs(wire), ['content-length', body.length]],
        body.subarray(0, body.length >> 1),
      ),
      'keep',
    );
    await sleep(x, 30);
    x.socket.resetAndDestroy();
  });

/** Fault answers announce 1000 bytes more than they send, then the connection is closed. */
export const earlyClose = (): Behaviour =>
  onFaults((x, wire) => {
    const body = Buffer.from(wire.body);
    writeRaw(x, rawAnswer(wire.status, [...headerPairs(wire), ['content-length', body.length + 1000]], body));
  });

/** Fault answers: a JSON body labelled XML, an XML body labelled JSON. */
export const lyingContentTypes = (): Behaviour =>
  onFaults((x, wire) => {
    const lie = x.request.format === 'json' ? MEDIA_TYPES.xml : MEDIA_TYPES.json;
    x.send({ ...wire, headers: { ...wire.headers, 'content-type': `${lie}; charset=UTF-8` } });
  });

/** Raw terminal controls, then bytes that are not UTF-8 (a lone 0xFF, an overlong '/', a stray continuation). */
const CONTROL_BYTES = Buffer.concat([
  Buffer.from('title \x1b]0;pwned\x07 clear \x1b[2J bell \x07 nul \x00 cr \r csi8 \u009b31m red \x1b[31m'),
  Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0x80, 0x9b]),
  Buffer.from(' end'),
]);

/** Fault messages carry raw control bytes and invalid UTF-8 (in JSON and in XML). */
export const controlBytesInBody = (): Behaviour =>
  onFaults((x, wire) => x.send({ ...wire, body: withMessage(wire, x.request.format, CONTROL_BYTES) }));

/** The same controls, escaped so that the body parses: JSON `\u001b` in key names, XML character references. */
export const controlCharsInNames = (): Behaviour =>
  onFaults((x, wire) => {
    const controls = '\x1b]0;pwned\x07\x1b[2J\x07\x00\r\u009b';
    if (x.request.format === 'json') {
      const doc = JSON.parse(wire.body) as Record<string, Record<string, unknown>>;
      const [root] = Object.keys(doc);
      const inner = { ...doc[root], [`detail${controls}`]: `value${controls}` };
      return x.send({ ...wire, body: JSON.stringify({ [`${root}${controls}`]: inner }) });
    }
    const refs = [...controls].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
    x.send({ ...wire, body: withMessage(wire, 'xml', `title ${refs} end`) });
  });

/** After raw line feeds in fault messages: a line a CI log reader would take for conform's totals, and CI commands. */
export const fakeTotals = (url: () => string): Behaviour =>
  onFaults((x, wire) => {
    const fake = `quantum-v1.0 against ${url()}: 56 cases, 56 passed, 0 failed, 0 errored, 0 skipped in 0.10 s`;
    const commands = '::error title=conform::pwned\n##vso[task.complete result=Succeeded;]done\n';
    x.send({
      ...wire,
      body: withMessage(wire, x.request.format, `x\n${fake} (run conform-fake)\nreports: none\n${commands}`),
    });
  });

/** Fault answers with `Content-Length: banana`. */
export const badContentLength = (): Behaviour =>
  onFaults((x, wire) =>
    writeRaw(x, rawAnswer(wire.status, [...headerPairs(wire), ['content-length', 'banana']], wire.body)),
  );

/** Fault answers with both Content-Length and Transfer-Encoding: chunked (the request-smuggling pair). */
export const lengthAndChunked = (): Behaviour =>
  onFaults((x, wire) => {
    const body = Buffer.from(wire.body);
    const chunked = Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);
    const headers: [string, string | number][] = [
      ...headerPairs(wire),
      ['content-length', 5],
      ['transfer-encoding', 'chunked'],
    ];
    writeRaw(x, rawAnswer(wire.status, headers, chunked));
  });

/** Every request: 301 to another site. */
export const offSiteRedirect = (): Behaviour => (x) =>
  x.send({
    status: 301,
    headers: { location: 'https://elsewhere.example/', 'content-type': 'text/html' },
    body: '<html><body>Moved to <a href="https://elsewhere.example/">elsewhere</a></body></html>',
  });

/** Every request answered `status`, with Retry-After when given. */
export const refuseEverything =
  (status: number, retryAfter?: string): Behaviour =>
  (x) =>
    x.send({
      status,
      headers: { 'content-type': 'text/plain', ...(retryAfter ? { 'retry-after': retryAfter } : {}) },
      body: `${status} ${STATUS_TEXT(status)}`,
    });

/** JSON faults whose detail nests 5,000 arrays (about 10 KB). */
export const deepJson = (depth = 5000): Behaviour =>
  onFaults((x, wire) => {
    if (x.request.format !== 'json') return x.send(wire);
    const doc = JSON.parse(wire.body) as Record<string, Record<string, unknown>>;
    const [root] = Object.keys(doc);
    const inner = JSON.stringify({ message: doc[root].message, code: doc[root].code });
    x.send({ ...wire, body: `{"${root}":${inner.slice(0, -1)},"detail":${'['.repeat(depth)}${']'.repeat(depth)}}}` });
  });

/** XML faults whose detail nests 5,000 elements. */
export const deepXml = (depth = 5000): Behaviour =>
  onFaults((x, wire) => {
    if (x.request.format !== 'xml') return x.send(wire);
    const body = wire.body.replace(
      /<detail>[\s\S]*?<\/detail>/,
      `<detail>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</detail>`,
    );
    x.send({ ...wire, body });
  });

/** Fault answers with `count` headers of `size` bytes each. */
export const hugeHeaders = (count: number, size: number): Behaviour =>
  onFaults((x, wire) => {
    const pad = 'a'.repeat(size);
    const headers: Record<string, string> = { ...wire.headers };
    for (let i = 0; i < count; i++) headers[`x-pad-${i}`] = pad;
    x.send({ ...wire, headers });
  });

/** A TCP server that writes garbage (terminal controls among it) and echoes what it is sent. */
export const notHttp = (): TcpBehaviour => ({
  tcp: (socket, timer) => {
    socket.write(Buffer.concat([Buffer.from('SSH-2.0-OpenSSH_9.6\r\n\x1b]0;pwned\x07\x1b[2J'), randomBytes(256)]));
    socket.on('data', (d: Buffer) => socket.write(d.subarray(0, 4096)));
    timer(setTimeout(() => socket.destroy(), 2_000));
  },
});

/** A TCP server that resets every connection as soon as it is accepted. */
export const resetOnAccept = (): TcpBehaviour => ({ tcp: (socket) => socket.resetAndDestroy() });

/** Every answer the reference's, each after `ms`. */
export const slowAnswers = (ms = 300): Behaviour =>
  onEvery(async (x, wire) => {
    await sleep(x, ms);
    x.send(wire);
  });

const uEscape = (s: string) => [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const charRefs = (s: string) => [...s].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('');
const percent = (s: string) =>
  [...Buffer.from(s)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const headerSafe = (s: string) => s.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 200);

/** Each request header in every encoding a redactor might miss: raw, upper-cased, %-encoded, \u / &#x; escaped. */
function reflections(req: TargetRequest): { headers: Record<string, string>; json: string[]; xml: string[] } {
  const headers: Record<string, string> = {};
  const json: string[] = [];
  const xml: string[] = [];
  Object.entries(req.headers).forEach(([name, value], i) => {
    if (typeof value !== 'string') return;
    const latin = value.replace(/[^\x20-\x7e]/g, '?');
    headers[`x-reflect-${headerSafe(name)}`] = latin;
    headers[`x-reflect-upper-${headerSafe(name)}`] = latin.toUpperCase();
    headers[`x-reflect-percent-${headerSafe(name)}`] = percent(value);
    headers[`x-${headerSafe(value)}`] = headerSafe(name);
    json.push(`"${uEscape(name)}":"${uEscape(value)}"`, `"upper-${i}":"${uEscape(value.toUpperCase())}"`);
    json.push(`"percent-${i}":"${percent(value)}"`);
    xml.push(
      `<header name="${charRefs(name)}">${charRefs(value)}</header><upper>${charRefs(value.toUpperCase())}</upper>`,
    );
    xml.push(`<percent>${percent(value)}</percent>`);
  });
  return { headers, json, xml };
}

/** Every request header reflected into the answer's header names and values, and into fault bodies, escaped. */
export const headerReflection = (): Behaviour =>
  onEvery((x, wire) => {
    const r = reflections(x.request);
    const headers = { ...wire.headers, ...r.headers };
    if (wire.status < 400) return x.send({ ...wire, headers });
    if (x.request.format === 'json') {
      const body = wire.body.replace(/\}\}$/, `,"reflected":{${r.json.join(',')}}}}`);
      return x.send({ ...wire, headers, body });
    }
    x.send({ ...wire, headers, body: wire.body.replace(/(<\/\w+>)$/, `<reflected>${r.xml.join('')}</reflected>$1`) });
  });

/** gzip members: the fault, then 1 GiB of whitespace in 1 MiB members (about 1 MB on the wire). */
async function gzipBomb(body: string): Promise<Buffer> {
  const { gzipSync } = await import('node:zlib');
  const blank = gzipSync(Buffer.alloc(1024 * 1024, ' '), { level: 9 });
  return Buffer.concat([gzipSync(body), ...Array.from({ length: 1024 }, () => blank)]);
}

/** Fault answers gzip-encoded (never asked for): a well-formed fault followed by 1 GiB of whitespace. */
export const gzipBombFaults = (): Behaviour =>
  onFaults(async (x, wire) => {
    const body = await gzipBomb(wire.body);
    x.send({ ...wire, headers: { ...wire.headers, 'content-encoding': 'gzip' }, body });
  });

/** Every answer sets 150 cookies. */
export const cookieFlood = (): Behaviour =>
  onEvery((x, wire) => {
    const cookies = Array.from({ length: 150 }, (_, i) => `s${i}=${randomBytes(8).toString('hex')}; Path=/; HttpOnly`);
    x.send({ ...wire, headers: { ...wire.headers, 'set-cookie': cookies } });
  });

/**
 * Fault answers are followed, on the same connection, by an answer to a request that was not asked: a 200
 * with a made-up network. A client that reads it as the answer to its next request is off by one from then on.
 */
export const unsolicitedAnswer = (): Behaviour =>
  onFaults((x, wire) => {
    const socket = x.socket;
    const extra = JSON.stringify({ network: { id: randomUUID() } });
    const bytes = rawAnswer(
      200,
      [
        ['content-type', 'application/json'],
        ['content-length', extra.length],
      ],
      extra,
    );
    x.res.on('finish', () => {
      if (!socket.destroyed) socket.write(bytes);
    });
    x.send(wire);
  });

/** Every answer as HTTP/1.0 without Content-Length: the body ends when the connection closes. */
export const http10WithoutLength = (): Behaviour =>
  onEvery((x, wire) => writeRaw(x, rawAnswer(wire.status, headerPairs(wire), wire.body, '1.0')));

/** Before each fault answer, 1,000 interim `102 Processing` answers. */
export const informationalStorm = (count = 1000): Behaviour =>
  onFaults((x, wire) => {
    x.socket.write('HTTP/1.1 102 Processing\r\n\r\n'.repeat(count));
    x.send(wire);
  });

/** JSON faults with `__proto__` and `constructor` root keys beside the fault. */
export const prototypeKeys = (): Behaviour =>
  onFaults((x, wire) => {
    if (x.request.format !== 'json') return x.send(wire);
    const pollute = '"__proto__":{"polluted":"yes","message":"x"},"constructor":{"prototype":{"polluted":"yes"}},';
    x.send({ ...wire, body: `{${pollute}${wire.body.slice(1)}` });
  });
