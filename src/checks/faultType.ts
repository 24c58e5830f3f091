import { expectsFault, fail, pass, skip, type ProbeCheck } from './context.js';

/** Where a source names the exception (NeutronError.type "NetworkInUse"), the body names that one. */
export const faultTypeCheck: ProbeCheck = {
  id: 'fault-type',
  title: 'The fault names the exception its source documents for this case',
  readsBody: true,
  appliesTo: (ctx) =>
    expectsFault(ctx) &&
    ctx.subject?.typeValue !== undefined &&
    ctx.subject.codes.includes(ctx.response.status) &&
    ctx.envelope.kind === 'fixed-root' &&
    ctx.envelope.typeMember !== undefined,
  run(ctx) {
    const member = ctx.envelope.kind === 'fixed-root' ? ctx.envelope.typeMember! : '';
    const wanted = ctx.subject!.typeValue!;
    if (!ctx.view || ctx.view.innerNotObject) return skip('the body is not a readable fault');
    const found = ctx.view.members.get(member)?.value;
    if (found === undefined) return fail(`the member '${member}' is missing`, wanted, '(missing)');
    return found === wanted
      ? pass()
      : fail(
          `'${member}' is ${JSON.stringify(found)}; the documented exception here is ${wanted}`,
          wanted,
          String(found),
        );
  },
};
