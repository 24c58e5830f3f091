import { expectsFault, fail, pass, type ProbeCheck } from './context.js';

export const wellFormedCheck: ProbeCheck = {
  id: 'well-formed',
  title: 'A fault carries a body that is well-formed in the format asked for',
  readsBody: true,
  appliesTo: expectsFault,
  run(ctx) {
    const body = ctx.body;
    const format = ctx.format.toUpperCase();
    if (body.kind === 'empty' && ctx.subject?.bodyOptional && ctx.subject.codes.includes(ctx.response.status)) {
      return pass(
        `a ${ctx.response.status} may come without a body (${ctx.catalog.profile} catalog: ${ctx.subject.element})`,
      );
    }
    if (body.kind === 'empty')
      return fail(
        `the fault has an empty body; the contract puts the fault in the body`,
        `a ${format} fault body`,
        '(empty)',
      );
    if (body.kind === 'invalid') {
      return fail(`the body is not well-formed ${format}: ${body.error}`, `well-formed ${format}`, body.error);
    }
    return pass();
  },
};
