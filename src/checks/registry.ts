import type { ProbeCheck } from './context.js';
import { statusCheck } from './status.js';
import { documentedStatusCheck } from './documentedStatus.js';
import { contentTypeCheck } from './contentType.js';
import { wellFormedCheck } from './wellFormed.js';
import { faultRootCheck } from './faultRoot.js';
import { xmlNamespaceCheck } from './xmlNamespace.js';
import { faultMembersCheck } from './faultMembers.js';
import { faultCodeCheck } from './faultCode.js';
import { faultTypeCheck } from './faultType.js';
import { faultHeadersCheck } from './faultHeaders.js';
import { jsonSchemaCheck } from './jsonSchema.js';
import { xsdCheck } from './xsd.js';

/**
 * Every check a probe's answer goes through, in the order diagnoses list them.
 * The calls that prepare and undo a scenario have their own checks:
 * success-status (checks/successStatus.ts) and setup-response (runner/caseRun.ts).
 */
export const PROBE_CHECKS: readonly ProbeCheck[] = [
  statusCheck,
  documentedStatusCheck,
  contentTypeCheck,
  wellFormedCheck,
  faultRootCheck,
  xmlNamespaceCheck,
  faultMembersCheck,
  faultCodeCheck,
  faultTypeCheck,
  faultHeadersCheck,
  jsonSchemaCheck,
  xsdCheck,
];
