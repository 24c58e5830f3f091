import type { FaultReply } from '../common/types.js';
import { neutronFault as F } from './faults.js';
import { contains, formatAddress, hostRange, parseAddress } from './ipv4.js';
import type { FixedIp, Network, NeutronStore, Subnet } from './store.js';

export interface Allocation {
  store: NeutronStore;
  network: Network;
  /** The port being updated: its own addresses are free for it. */
  portId?: string;
  /** Let an address another port holds be given again (a mutation). */
  allowTaken?: boolean;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function nextFree(a: Allocation, subnet: Subnet, taken: FixedIp[]): FixedIp | undefined {
  for (const pool of subnet.pools) {
    for (let ip = pool.start; ip <= pool.end; ip++) {
      const text = formatAddress(ip);
      const inRequest = taken.some((t) => t.subnet_id === subnet.id && t.ip_address === text);
      if (text !== subnet.gateway && !inRequest && !a.store.holder(subnet.id, text, a.portId))
        return { subnet_id: subnet.id, ip_address: text };
    }
  }
  return undefined;
}

function subnetFor(a: Allocation, entry: Record<string, unknown>): Subnet | FaultReply {
  const network = a.network.id;
  if (entry.subnet_id !== undefined) {
    const subnet = a.store.subnets.get(String(entry.subnet_id));
    if (!subnet) return F.notFound('subnet', String(entry.subnet_id));
    if (subnet.networkId !== network)
      return F.invalidInput(
        `Failed to create port on network ${network}, because fixed_ips included invalid subnet ${subnet.id}`,
      );
    return subnet;
  }
  const ip = parseAddress(String(entry.ip_address));
  const found = a.store.subnetsOf(network).find((s) => s.range && ip !== undefined && contains(s.range, ip));
  return (
    found ??
    F.invalidInput(`IP address ${String(entry.ip_address)} is not a valid IP for any of the subnets on the network`)
  );
}

function explicitAddress(a: Allocation, subnet: Subnet, text: string, taken: FixedIp[]): FixedIp | FaultReply {
  const ip = parseAddress(text);
  const range = subnet.range ? hostRange(subnet.range) : undefined;
  const valid = subnet.ipVersion === 6 ? text.includes(':') : !!range && ip !== undefined;
  if (!valid || (range && ip !== undefined && (ip < range.first || ip > range.last)))
    return F.invalidInput(`IP address ${text} is not a valid IP for the specified subnet`);
  const twice = taken.some((t) => t.subnet_id === subnet.id && t.ip_address === text);
  if (!a.allowTaken && (twice || a.store.holder(subnet.id, text, a.portId))) return F.ipTaken(text, subnet.id);
  return { subnet_id: subnet.id, ip_address: text };
}

/** The fixed IPs of a port: those asked for, or one from each IPv4 subnet of its network. */
export function allocate(a: Allocation, requested: unknown[] | undefined): FixedIp[] | FaultReply {
  const out: FixedIp[] = [];
  if (requested === undefined) {
    for (const subnet of a.store.subnetsOf(a.network.id).filter((s) => s.range)) {
      const next = nextFree(a, subnet, out);
      if (!next) return F.noMoreAddresses(a.network.id);
      out.push(next);
    }
    return out;
  }
  for (const entry of requested) {
    if (!isRecord(entry) || (entry.subnet_id === undefined && entry.ip_address === undefined))
      return F.badRequest(
        `Invalid input for fixed_ips. Reason: Invalid data format for fixed IP: ${JSON.stringify(entry)}.`,
      );
    const subnet = subnetFor(a, entry);
    if ('kind' in subnet) return subnet;
    const ip =
      entry.ip_address !== undefined
        ? explicitAddress(a, subnet, String(entry.ip_address), out)
        : (nextFree(a, subnet, out) ?? F.noMoreAddresses(a.network.id));
    if ('kind' in ip) return ip;
    out.push(ip);
  }
  return out;
}
