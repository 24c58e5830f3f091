import { randomUUID } from 'node:crypto';

export interface Port {
  id: string;
  state: 'ACTIVE' | 'DOWN';
  /** The attachment (interface id) plugged into the port, if any. */
  attachment?: string;
}

export interface Network {
  id: string;
  name: string;
  tenant: string;
  ports: Map<string, Port>;
}

/** The in-memory state of the Quantum v1.0 reference target. */
export class QuantumStore {
  private readonly networks = new Map<string, Network>();

  listNetworks(tenant: string): Network[] {
    return [...this.networks.values()].filter((n) => n.tenant === tenant);
  }

  network(tenant: string, id: string): Network | undefined {
    const n = this.networks.get(id);
    return n && n.tenant === tenant ? n : undefined;
  }

  createNetwork(tenant: string, name: string): Network {
    const network: Network = { id: randomUUID(), name, tenant, ports: new Map() };
    this.networks.set(network.id, network);
    return network;
  }

  deleteNetwork(id: string): void {
    this.networks.delete(id);
  }

  createPort(network: Network, state: Port['state']): Port {
    const port: Port = { id: randomUUID(), state };
    network.ports.set(port.id, port);
    return port;
  }

  /** The port, in any network of the tenant, that has this attachment plugged. */
  portWithAttachment(tenant: string, attachment: string): Port | undefined {
    for (const n of this.listNetworks(tenant))
      for (const p of n.ports.values()) if (p.attachment === attachment) return p;
    return undefined;
  }
}
