import { MEDIA_TYPES } from '../body/encode.js';
import { sniffFormat } from '../body/parse.js';
import type { Format } from '../model/catalog.js';
import { fail, pass, type ProbeCheck, type ProbeContext } from './context.js';

/** The format a media type names: application/json, text/xml, application/problem+json, ... */
function mediaTypeFormat(contentType: string | undefined): Format | undefined {
  if (!contentType) return undefined;
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
  return undefined;
}

/**
 * The Accept the request sent when it asked for something other than the
 * case's format (a scenario's `accept`), else undefined. A service that
 * cannot give what was asked answers in a format it does serve.
 */
function refusedAccept(ctx: ProbeContext): string | undefined {
  const accept = ctx.request.headers.accept;
  return accept !== undefined && accept !== MEDIA_TYPES[ctx.format] ? accept : undefined;
}

export const contentTypeCheck: ProbeCheck = {
  id: 'content-type',
  title:
    'The Content-Type of the answer is the format that was asked for ' +
    '(or, when the profile cannot serve that, one it documents), and the body is in that format',
  appliesTo: (ctx) => ctx.response.body.trim() !== '',
  run(ctx) {
    const declared = ctx.response.headers['content-type'];
    const refused = refusedAccept(ctx);
    const allowed = refused ? ctx.catalog.formats : [ctx.format];
    const wanted = allowed.map((f) => MEDIA_TYPES[f]).join(' or ');
    const declaredFormat = mediaTypeFormat(declared);
    const asked = refused
      ? `asked for ${refused}, which ${ctx.catalog.profile} does not serve, so for ${wanted}`
      : `asked for ${ctx.format} (${wanted})`;
    if (!declared) return fail(`the answer has a body but no Content-Type; ${asked}`, wanted, '(none)');
    if (!declaredFormat || !allowed.includes(declaredFormat))
      return fail(`${asked}, the answer is declared as ${declared}`, wanted, declared);
    const sniffed = sniffFormat(ctx.response.body);
    if (sniffed !== declaredFormat) {
      const what = sniffed === 'other' ? 'neither JSON nor XML' : sniffed.toUpperCase();
      return fail(
        `Content-Type says ${declared} but the body is ${what}`,
        `a ${declaredFormat.toUpperCase()} body`,
        `${what} body`,
      );
    }
    return pass(
      refused
        ? `asked for ${refused}, which ${ctx.catalog.profile} does not serve: ` +
            `the answer is in ${declaredFormat}, a format it documents`
        : undefined,
    );
  },
};
