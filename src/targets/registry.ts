import type { ReferenceApp } from './common/server.js';
import type { TokenAuthority } from './common/auth.js';
import type { Assumption } from '../model/scenario.js';
import { QuantumApp } from './quantum-v1.0/app.js';
import { KeystoneApp } from './keystone-v2.0/app.js';
import { NeutronApp } from './neutron-v2.0/app.js';
import { KeystoneV3App } from './keystone-v3/app.js';

export interface ReferenceOptions {
  auth?: TokenAuthority;
  flags?: ReadonlySet<string>;
}

interface Reference {
  create(options: ReferenceOptions): ReferenceApp;
  /** What the reference target is known to enforce, for scenarios that need it. */
  assumed: Assumption[];
}

/** The reference implementation of each profile that has one. */
const REFERENCES: Record<string, Reference> = {
  // Embedded, every reference target has authentication on.
  'quantum-v1.0': { create: (o) => new QuantumApp(o), assumed: ['auth'] },
  'keystone-v2.0': { create: (o) => new KeystoneApp(o), assumed: ['auth', 'rate-limit', 'maintenance'] },
  // keystonemiddleware in front: a token is needed everywhere but the version list.
  'neutron-v2.0': { create: (o) => new NeutronApp(o), assumed: ['auth'] },
  // Every call but POST /v3/auth/tokens needs a token; the admin role is checked.
  'keystone-v3': { create: (o) => new KeystoneV3App(o), assumed: ['auth'] },
};

export function referenceProfiles(): string[] {
  return Object.keys(REFERENCES).sort();
}

export function createReference(profile: string, options: ReferenceOptions = {}): ReferenceApp | undefined {
  return REFERENCES[profile]?.create(options);
}

export function referenceAssumptions(profile: string): ReadonlySet<Assumption> {
  return new Set(REFERENCES[profile]?.assumed ?? []);
}
