import { fail, pass, type ProbeCheck } from './context.js';

export const documentedStatusCheck: ProbeCheck = {
  id: 'documented-status',
  title: 'The status code is one the profile documents',
  appliesTo: () => true,
  run(ctx) {
    const documented = ctx.catalog.documentedStatuses;
    const status = ctx.response.status;
    return documented.includes(status)
      ? pass()
      : fail(`${status} is not a status code ${ctx.catalog.profile} documents`, documented.join(', '), String(status));
  },
};
