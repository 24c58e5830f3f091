import type { ReferenceApp } from './common/server.js';
import type { TokenAuthority } from './common/auth.js';
import { QuantumApp } from './quantum-v1.0/app.js';
import { KeystoneApp } from './keystone-v2.0/app.js';

export interface ReferenceOptions {
  auth?: TokenAuthority;
  flags?: ReadonlySet<string>;
}

/** The reference implementation of each profile that has one. */
const REFERENCES: Record<string, (options: ReferenceOptions) => ReferenceApp> = {
  'quantum-v1.0': (o) => new QuantumApp(o),
  'keystone-v2.0': (o) => new KeystoneApp(o),
};

export function referenceProfiles(): string[] {
  return Object.keys(REFERENCES).sort();
}

export function createReference(profile: string, options: ReferenceOptions = {}): ReferenceApp | undefined {
  return REFERENCES[profile]?.(options);
}
