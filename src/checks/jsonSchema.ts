import { alternativeDefinition } from '../schemagen/jsonSchema.js';
import { expectsFault, fail, pass, skip, type ProbeCheck } from './context.js';

export const jsonSchemaCheck: ProbeCheck = {
  id: 'json-schema',
  title: "A JSON fault validates against the profile's generated JSON Schema",
  readsBody: true,
  appliesTo: (ctx) => expectsFault(ctx) && ctx.format === 'json',
  run(ctx) {
    if (ctx.body.kind !== 'json') return skip('the body is not JSON');
    const fault =
      ctx.subject && ctx.alternative
        ? alternativeDefinition(ctx.subject.element, ctx.alternative.id)
        : ctx.subject?.element;
    const violations = ctx.validators.json.validate(ctx.body.value, fault);
    if (violations.length === 0) return pass();
    const schemaRef = fault ? `faults.schema.json#/$defs/${fault}` : 'faults.schema.json';
    return fail(
      violations.map((v) => `${v.at}: ${v.message}`).join('; '),
      schemaRef,
      `${violations.length} violation(s)`,
    );
  },
};
