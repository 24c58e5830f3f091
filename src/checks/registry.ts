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

/** Every check a probe's answer goes through, in the order diagnoses list them. */
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

/** Checks on the calls that prepare and undo a scenario (see runner/stepChecks.ts). */
export const STEP_CHECK_IDS = ['success-status', 'setup-response'] as const;

export const ALL_CHECK_IDS: readonly string[] = [...PROBE_CHECKS.map((c) => c.id), ...STEP_CHECK_IDS];
