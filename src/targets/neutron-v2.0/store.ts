import { randomBytes, randomUUID } from 'node:crypto';
import type { Cidr } from './ipv4.js';

interface Common {
  id: string;
  name: string;
  description: string;
  tenant: string;
  created: string;
  updated: string;
  revision: number;
}

export interface Network extends Common {
  adminStateUp: boolean;
  shared: boolean;
  mtu: number;
  /** Attributes kept as given (port_security_enabled, router:external, ...). */
  extra: Record<string, unknown>;
}

interface Pool {
  start: number;
  end: number;
}

export interface Subnet extends Common {
  networkId: string;
  ipVersion: 4 | 6;
  cidr: string;
  /** IPv4 subnets only: the range addresses are allocated from. */
  range?: Cidr;
  gateway: string | null;
  pools: Pool[];
  extra: Record<string, unknown>;
}

export interface FixedIp {
  subnet_id: string;
  ip_address: string;
}

export interface Port extends Common {
  networkId: string;
  adminStateUp: boolean;
  mac: string;
  fixedIps: FixedIp[];
  deviceId: string;
  deviceOwner: string;
  extra: Record<string, unknown>;
}

/** Ports Neutron removes itself when their network or subnet goes; any other port keeps them in use. */
export const AUTO_DELETE_OWNERS = new Set(['network:dhcp']);

const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export const newMac = () => `fa:16:3e:${[...randomBytes(3)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;

/** The in-memory state of the Neutron v2.0 reference target. */
export class NeutronStore {
  readonly networks = new Map<string, Network>();
  readonly subnets = new Map<string, Subnet>();
  readonly ports = new Map<string, Port>();

  stamp(fields: { name?: string; description?: string; tenant: string }): Common {
    const at = now();
    return {
      id: randomUUID(),
      name: fields.name ?? '',
      description: fields.description ?? '',
      tenant: fields.tenant,
      created: at,
      updated: at,
      revision: 1,
    };
  }

  touch(item: Common): void {
    item.updated = now();
    item.revision += 1;
  }

  subnetsOf(networkId: string): Subnet[] {
    return [...this.subnets.values()].filter((s) => s.networkId === networkId);
  }

  portsOf(networkId: string): Port[] {
    return [...this.ports.values()].filter((p) => p.networkId === networkId);
  }

  /** The port that holds an address of a subnet, other than `except`. */
  holder(subnetId: string, ip: string, except?: string): Port | undefined {
    for (const p of this.ports.values())
      if (p.id !== except && p.fixedIps.some((f) => f.subnet_id === subnetId && f.ip_address === ip)) return p;
    return undefined;
  }

  deleteNetwork(id: string): void {
    for (const p of this.portsOf(id)) this.ports.delete(p.id);
    for (const s of this.subnetsOf(id)) this.subnets.delete(s.id);
    this.networks.delete(id);
  }
}
