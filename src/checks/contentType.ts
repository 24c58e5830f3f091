import { MEDIA_TYPES } from '../body/encode.js';
import { sniffFormat } from '../body/parse.js';
import type { Format } from '../model/catalog.js';
import { fail, pass, type ProbeCheck } from './context.js';

/** The format a media type names: application/json, text/xml, application/problem+json, ... */
export function mediaTypeFormat(contentType: string | undefined): Format | undefined {
  if (!contentType) return undefined;
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
  return undefined;
}

export const contentTypeCheck: ProbeCheck = {
  id: 'content-type',
  title: 'The Content-Type of the answer is the format that was asked for, and the body is in that format',
  appliesTo: (ctx) => ctx.response.body.trim() !== '',
  run(ctx) {
    const declared = ctx.response.headers['content-type'];
    const wanted = MEDIA_TYPES[ctx.format];
    const declaredFormat = mediaTypeFormat(declared);
    if (!declared) return fail(`the answer has a body but no Content-Type; ${ctx.format} was asked for`, wanted, '(none)');
    if (declaredFormat !== ctx.format) {
      return fail(`asked for ${ctx.format} (${wanted}), the answer is declared as ${declared}`, wanted, declared);
    }
    const sniffed = sniffFormat(ctx.response.body);
    if (sniffed !== ctx.format) {
      const what = sniffed === 'other' ? 'neither JSON nor XML' : sniffed.toUpperCase();
      return fail(`Content-Type says ${declared} but the body is ${what}`, `a ${ctx.format.toUpperCase()} body`, `${what} body`);
    }
    return pass();
  },
};
