import { randomUUID } from 'node:crypto';
import type { Catalog, Format } from '../model/catalog.js';
import type { RequestSpec } from '../model/scenario.js';
import type { HttpRequest } from '../http/client.js';
import { MEDIA_TYPES, encodeBody } from '../body/encode.js';
import { findOperation } from '../catalog/load.js';
import { renderString, renderValue } from '../suite/template.js';
import type { Credentials } from '../model/credentials.js';

/** Joins a target base URL (which may carry a path prefix) and an operation path. */
export function joinUrl(base: string, path: string): string {
  const url = new URL(base);
  const prefix = url.pathname.replace(/\/+$/, '');
  url.pathname = `${prefix}${path.split('?')[0]}`;
  url.search = path.includes('?') ? path.slice(path.indexOf('?')) : '';
  return url.toString();
}

/** A token that no identity service issued: for the "bad token" scenarios. */
export function inventedToken(): string {
  return `conform-invalid-${randomUUID().replace(/-/g, '')}`;
}

export interface BuiltRequest extends HttpRequest {
  operation: string;
  /** Which of the run's credentials the request carries. */
  credential: NonNullable<RequestSpec['credential']>;
}

/**
 * The values of a request's path placeholders: the run's, then the spec's params filled from them,
 * each one path segment, encoded: an id a target answered with can never walk the path elsewhere
 * (`../subnets/x`) and send a DELETE to what conform did not create.
 */
function pathSegments(spec: RequestSpec, vars: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = { ...vars };
  for (const k in spec.params) params[k] = renderString(spec.params[k], vars);
  const segments: Record<string, string> = {};
  for (const k in params) segments[k] = encodeURIComponent(params[k]);
  return segments;
}

/** A step whose request could not be made from the scenario and the values captured so far. */
export class RequestBuildError extends Error {
  override name = 'RequestBuildError';
}

/** Turns a scenario request into the HTTP request for one format. */
export function buildRequest(
  spec: RequestSpec,
  format: Format,
  ctx: {
    catalog: Catalog;
    target: string;
    vars: Record<string, string>;
    credentials: Credentials;
    invalidToken: string;
  },
): BuiltRequest {
  const op = findOperation(ctx.catalog, spec.operation);
  let path = renderString(op.path, pathSegments(spec, ctx.vars));
  const headers: Record<string, string> = {};
  if (spec.negotiation === 'suffix') path = `${path}.${format}`;
  const accept = spec.accept ?? (spec.negotiation === 'suffix' ? undefined : MEDIA_TYPES[format]);
  if (accept) headers.accept = accept;
  let body: string | undefined;
  const raw = spec.rawBody?.[format];
  if (raw !== undefined) body = raw;
  else if (spec.body !== undefined) body = encodeBody(renderValue(spec.body, ctx.vars), format, ctx.catalog);
  if (body !== undefined) headers['content-type'] = MEDIA_TYPES[format];
  const credential = spec.credential ?? 'main';
  const token = chooseToken(credential, ctx.credentials, ctx.invalidToken);
  if (token) headers['x-auth-token'] = token;
  for (const [name, value] of Object.entries(spec.headers ?? {}))
    headers[name.toLowerCase()] = renderString(value, ctx.vars);
  return {
    operation: op.id,
    credential,
    method: spec.method ?? op.method,
    url: joinUrl(ctx.target, path),
    headers,
    body,
  };
}

/** A request built earlier, with the run's token of now for its credential (main or second): tokens are renewed. */
export function withCurrentToken(request: BuiltRequest, creds: Credentials): BuiltRequest {
  if (request.credential !== 'main' && request.credential !== 'second') return request;
  const token = creds[request.credential];
  if (!token || request.headers['x-auth-token'] === token) return request;
  return { ...request, headers: { ...request.headers, 'x-auth-token': token } };
}

function chooseToken(
  which: NonNullable<RequestSpec['credential']>,
  creds: Credentials,
  invalid: string,
): string | undefined {
  switch (which) {
    case 'main':
      return creds.main;
    case 'second':
      return creds.second;
    case 'invalid':
      return invalid;
    case 'none':
      return undefined;
  }
}
