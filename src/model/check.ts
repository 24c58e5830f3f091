/** The checks of a probe's answer (checks/registry.ts lists them in the order diagnoses do). */
export type ProbeCheckId =
  | 'status'
  | 'documented-status'
  | 'content-type'
  | 'well-formed'
  | 'fault-root'
  | 'xml-namespace'
  | 'fault-members'
  | 'fault-code'
  | 'fault-type'
  | 'fault-headers'
  | 'json-schema'
  | 'xsd';

/** Every check: those of a probe's answer, and those of the calls that prepare and undo a scenario. */
export type CheckId = ProbeCheckId | 'success-status' | 'setup-response';
