import { expectsFault, fail, pass, skip, type ProbeCheck } from './context.js';

export const faultCodeCheck: ProbeCheck = {
  id: 'fault-code',
  title: 'The code in the body is an integer equal to the HTTP status',
  readsBody: true,
  appliesTo: (ctx) => expectsFault(ctx) && ctx.envelope.codeMember !== undefined,
  run(ctx) {
    const name = ctx.envelope.codeMember!;
    const view = ctx.view;
    if (!view || view.innerNotObject) return skip('the body is not a readable fault');
    const status = String(ctx.response.status);
    const found = view.members.get(name);
    const where = ctx.format === 'xml' ? `attribute '${name}'` : `member '${name}'`;
    if (!found) return fail(`the ${where} is missing`, status, '(missing)');
    if (ctx.format === 'xml') {
      if (found.as !== 'attribute')
        return fail(
          `'${name}' is a child element; the contract has it as an attribute of the root`,
          `${name}="${status}"`,
          `<${name}>`,
        );
      const text = String(found.value).trim();
      if (!/^[+-]?\d+$/.test(text)) return fail(`the ${where} is "${text}", not an integer`, status, text);
      return Number(text) === ctx.response.status
        ? pass()
        : fail(`the body says ${text}, the HTTP status is ${status}`, status, text);
    }
    if (typeof found.value === 'string')
      return fail(
        `the ${where} is the string ${JSON.stringify(found.value)}; the contract has an integer`,
        status,
        JSON.stringify(found.value),
      );
    if (!Number.isInteger(found.value))
      return fail(
        `the ${where} is ${JSON.stringify(found.value)}, not an integer`,
        status,
        JSON.stringify(found.value),
      );
    return found.value === ctx.response.status
      ? pass()
      : fail(`the body says ${found.value}, the HTTP status is ${status}`, status, String(found.value));
  },
};
