import { expectsFault, fail, pass, skip, type ProbeCheck } from './context.js';

export const faultRootCheck: ProbeCheck = {
  id: 'fault-root',
  title: 'The fault is wrapped in the root element or key that names it',
  readsBody: true,
  appliesTo: expectsFault,
  run(ctx) {
    if (!ctx.view) return skip('the body is not a readable fault');
    const envelope = ctx.envelope;
    const expected = envelope.kind === 'fixed-root' ? envelope.root : ctx.subject?.element;
    if (!expected) return skip('no fault is documented for this status');
    const roots = ctx.view.roots;
    const what = ctx.format === 'xml' ? 'root element' : 'root key';
    if (roots.length !== 1) {
      const found = roots.join(', ') || '(none)';
      return fail(
        `a ${ctx.format.toUpperCase()} fault has exactly one ${what}; found ${roots.length}: ${found}`,
        expected,
        roots.join(', ') || '(none)',
      );
    }
    const [root] = roots;
    if (root === expected) {
      if (ctx.view.innerNotObject)
        return fail(`the value under '${root}' is not an object`, 'an object', 'another JSON value');
      return pass(ctx.alternative?.note);
    }
    if (root.toLowerCase() === expected.toLowerCase()) {
      return fail(`${what} '${root}' differs from '${expected}' in case; names are case-sensitive`, expected, root);
    }
    const documented = ctx.catalog.faults.find((f) => f.element === root);
    const why = documented
      ? `, which is the fault for ${documented.codes.join('/')}`
      : ', which the profile does not document';
    return fail(`${what} is '${root}'${why}; the contract calls for '${expected}'`, expected, root);
  },
};
