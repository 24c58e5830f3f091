import { fail, pass, type ProbeCheck } from './context.js';

export const statusCheck: ProbeCheck = {
  id: 'status',
  title: "The probe's status code is the one the contract gives for this scenario",
  appliesTo: () => true,
  run(ctx) {
    const status = ctx.response.status;
    const exp = ctx.expectation;
    if (exp.kind === 'success') {
      return status === exp.status
        ? pass()
        : fail(`expected the documented success code ${exp.status}, got ${status}`, String(exp.status), String(status));
    }
    const expected = `${exp.statuses.join(' or ')} (${exp.fault.element})`;
    if (exp.statuses.includes(status)) return pass();
    if (ctx.acceptedInstead) {
      return pass(
        `got ${status} ${ctx.acceptedInstead.element}, a fault the profile expects in all requests: ` +
          `accepted, and its body is checked; ${exp.fault.element} was not triggered`,
      );
    }
    return fail(`expected ${expected}, got ${status}`, expected, String(status));
  },
};
