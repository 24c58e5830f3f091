import { expectsFault, fail, pass, skip, type ProbeCheck } from './context.js';

export const xsdCheck: ProbeCheck = {
  id: 'xsd',
  title: "An XML fault validates against the profile's generated XSD",
  readsBody: true,
  appliesTo: (ctx) => expectsFault(ctx) && ctx.format === 'xml',
  run(ctx) {
    if (!ctx.validators.xsd) return skip('the profile has no XSD');
    if (ctx.body.kind !== 'xml') return skip('the body is not XML');
    const violations = ctx.validators.xsd.validate(ctx.response.body, ctx.view?.namespace);
    if (violations.length === 0) return pass();
    return fail(
      violations.map((v) => `${v.at}: ${v.message}`).join('; '),
      'faults.xsd',
      `${violations.length} violation(s)`,
    );
  },
};
