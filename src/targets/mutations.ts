import { UsageError } from '../errors.js';
import type { Mutation } from './common/mutation.js';
import { QUANTUM_MUTATIONS } from './quantum-v1.0/mutations.js';
import { KEYSTONE_V2_MUTATIONS } from './keystone-v2.0/mutations.js';
import { NEUTRON_MUTATIONS } from './neutron-v2.0/mutations.js';
import { KEYSTONE_V3_MUTATIONS } from './keystone-v3/mutations.js';

const BY_PROFILE: Record<string, Mutation[]> = {
  'quantum-v1.0': QUANTUM_MUTATIONS,
  'keystone-v2.0': KEYSTONE_V2_MUTATIONS,
  'neutron-v2.0': NEUTRON_MUTATIONS,
  'keystone-v3': KEYSTONE_V3_MUTATIONS,
};

export function mutationsOf(profile: string): Mutation[] {
  return BY_PROFILE[profile] ?? [];
}

export function mutationProfiles(): string[] {
  return Object.keys(BY_PROFILE).sort();
}

export function findMutation(profile: string, id: string): Mutation {
  const all = mutationsOf(profile);
  const m = all.find((x) => x.id === id);
  if (!m)
    throw new UsageError(
      `profile ${profile} has no mutation '${id}'${all.length ? `; known: ${all.map((x) => x.id).join(', ')}` : ''}`,
    );
  return m;
}
