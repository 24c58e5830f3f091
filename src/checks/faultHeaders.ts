import { expectsFault, fail, pass, type ProbeCheck } from './context.js';

/** Headers a fault must carry, e.g. WWW-Authenticate on Identity v3's 401 (the challenge a client answers). */
export const faultHeadersCheck: ProbeCheck = {
  id: 'fault-headers',
  title: 'The fault carries the headers its profile documents (WWW-Authenticate on a 401)',
  appliesTo: (ctx) =>
    expectsFault(ctx) &&
    (ctx.subject?.requiredHeaders?.length ?? 0) > 0 &&
    ctx.subject!.codes.includes(ctx.response.status),
  run(ctx) {
    const required = ctx.subject!.requiredHeaders!;
    const missing = required.filter((h) => !(ctx.response.headers[h.toLowerCase()] ?? '').trim());
    if (missing.length === 0) return pass();
    return fail(
      `a ${ctx.response.status} ${ctx.subject!.element} without ${missing.join(', ')}`,
      required.join(', '),
      `(no ${missing.join(', ')})`,
    );
  },
};
