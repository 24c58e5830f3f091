import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Format } from '../../model/catalog.js';
import { MEDIA_TYPES } from '../../body/encode.js';
import { serializeFault } from './faultDoc.js';
import { serializePayload } from './payload.js';
import type { Mutation } from './mutation.js';
import type { FaultDoc, FaultReply, Reply, TargetRequest, WireResponse } from './types.js';

/** What a profile's reference implementation provides to the shared server. */
export interface ReferenceApp {
  handle(req: TargetRequest): Promise<Reply> | Reply;
  /** The profile's fault envelope for a fault reply. */
  faultDoc(reply: FaultReply, format: Format): FaultDoc;
  /** The XML namespace of success payloads. */
  namespace?: string;
}

export interface RunningTarget {
  url: string;
  port: number;
  close(): Promise<void>;
}

const SUFFIX = /\.(json|xml)$/;

/** The format a request asks for: path suffix, then Accept, then Content-Type; JSON by default. */
export function negotiate(
  path: string,
  headers: http.IncomingHttpHeaders,
): Pick<TargetRequest, 'path' | 'format' | 'negotiatedBy'> {
  const suffix = SUFFIX.exec(path);
  if (suffix) return { path: path.slice(0, -suffix[0].length), format: suffix[1] as Format, negotiatedBy: 'suffix' };
  const accept = headers.accept ?? '';
  if (/application\/xml|text\/xml/.test(accept)) return { path, format: 'xml', negotiatedBy: 'accept' };
  if (/application\/json/.test(accept)) return { path, format: 'json', negotiatedBy: 'accept' };
  if (/xml/.test(headers['content-type'] ?? '')) return { path, format: 'xml', negotiatedBy: 'content-type' };
  return { path, format: 'json', negotiatedBy: 'default' };
}

/** A reply as it goes on the wire: its fault or payload serialised in the format asked for (or its own). */
export function render(app: ReferenceApp, reply: Reply, req: TargetRequest, mutation?: Mutation): WireResponse {
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  const format = reply.format ?? req.format;
  let body = '';
  if (reply.kind === 'fault') {
    let doc = app.faultDoc(reply, format);
    if (mutation?.fault) doc = mutation.fault(doc, req);
    body = serializeFault(doc, format);
  } else if (reply.payload) {
    body = serializePayload(reply.payload, format, app.namespace);
  }
  if (body !== '') headers['content-type'] = `${MEDIA_TYPES[format]}; charset=UTF-8`;
  return { status: reply.status, headers, body };
}

/** A request's body as text, refused past `limit` bytes. */
export async function readBody(req: http.IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves a reference app on loopback (port 0: a free one), optionally with one mutation applied. */
export async function serveReference(
  app: ReferenceApp,
  options: { port?: number; host?: string; mutation?: Mutation } = {},
): Promise<RunningTarget> {
  const { mutation } = options;
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let request: TargetRequest = {
        method: req.method ?? 'GET',
        ...negotiate(url.pathname, req.headers),
        headers: req.headers as Record<string, string>,
        body: await readBody(req),
      };
      if (mutation?.request) request = mutation.request(request);
      let reply = await app.handle(request);
      if (mutation?.reply) reply = mutation.reply(reply, request);
      let wire = render(app, reply, request, mutation);
      if (mutation?.wire) wire = mutation.wire(wire, request);
      res.writeHead(wire.status, { ...wire.headers, 'content-length': Buffer.byteLength(wire.body) });
      res.end(wire.body);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`reference target error: ${(err as Error).message}`);
    }
  });
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
