import { acceptedNamespaces } from '../catalog/load.js';
import { expectsFault, fail, pass, type ProbeCheck } from './context.js';

export const xmlNamespaceCheck: ProbeCheck = {
  id: 'xml-namespace',
  title: "An XML fault's root element is in the profile's namespace",
  readsBody: true,
  appliesTo: (ctx) => expectsFault(ctx) && ctx.format === 'xml' && ctx.body.kind === 'xml',
  run(ctx) {
    const accepted = acceptedNamespaces(ctx.catalog);
    const ns = ctx.view?.namespace;
    if (ns && accepted.includes(ns)) {
      return pass(
        ns === ctx.catalog.xml?.namespace
          ? undefined
          : `namespace ${ns}: ${ctx.catalog.xml?.alsoAccepted.find((a) => a.namespace === ns)?.note}`,
      );
    }
    return fail(
      ns
        ? `the root element is in namespace ${ns}, not the documented ${accepted[0]}`
        : `the root element has no namespace; the documented one is ${accepted[0]}`,
      accepted.join(' or '),
      ns ?? '(no namespace)',
    );
  },
};
