import type { FaultReply, Reply, SuccessReply } from '../common/types.js';
import {
  checkAttributes,
  NETWORK_ATTRIBUTES,
  PORT_ATTRIBUTES,
  SUBNET_ATTRIBUTES,
  type AttributeSpec,
} from './attributes.js';
import { neutronFault as F, type NeutronKind } from './faults.js';
import { allocate } from './ipam.js';
import { formatAddress, hostRange, overlaps, parseCidr, parseAddress, type Cidr } from './ipv4.js';
import { AUTO_DELETE_OWNERS, newMac, type Network, type NeutronStore, type Port, type Subnet } from './store.js';
import { networkView, portView, subnetView } from './views.js';

/** Who is calling: the token's project and whether it is an administrator (noauth: an administrator of none). */
export interface Caller {
  tenant?: string;
  admin: boolean;
}

const ok = (status: number, payload?: Record<string, unknown>): SuccessReply => ({ kind: 'success', status, payload });

const SPECS: Record<NeutronKind, Record<string, AttributeSpec>> = {
  network: NETWORK_ATTRIBUTES,
  subnet: SUBNET_ATTRIBUTES,
  port: PORT_ATTRIBUTES,
};

type Attrs = Record<string, unknown>;
type Values = { ok: true; values: Attrs } | FaultReply;

const str = (v: unknown, fallback: string) => (v === undefined ? fallback : String(v));

/** Networks, subnets and ports: Neutron's core resources, with its rules for each. */
export class NeutronResources {
  constructor(
    private readonly store: NeutronStore,
    private readonly flags: ReadonlySet<string>,
  ) {}

  /** The attributes of a create or an update, converted; or the 400 Neutron answers. */
  values(kind: NeutronKind, attrs: Attrs, method: 'POST' | 'PUT'): Values {
    const specs = SPECS[kind];
    const known = this.flags.has('accept-unknown-attributes')
      ? Object.fromEntries(Object.entries(attrs).filter(([k]) => k in specs))
      : attrs;
    const readOnly = this.flags.has('update-read-only') && method === 'PUT';
    const checked = checkAttributes(
      readOnly ? Object.fromEntries(Object.entries(known).filter(([k]) => specs[k]?.put)) : known,
      specs,
      method,
    );
    return checked.ok ? checked : F.badRequest(checked.message);
  }

  private tenantOf(kind: NeutronKind, values: Attrs, caller: Caller): string | FaultReply {
    const { tenant_id: tenant, project_id: project } = values;
    if (tenant !== undefined && project !== undefined && tenant !== project)
      return F.badRequest("'project_id' and 'tenant_id' do not match");
    const owner = (tenant ?? project ?? caller.tenant) as string | undefined;
    if (!owner) return F.badRequest('Running without keystone AuthN requires that tenant_id is specified');
    if (!caller.admin && owner !== caller.tenant) return F.policy(`rule:create_${kind}`);
    return owner;
  }

  visible(item: Network | Subnet | Port, caller: Caller): boolean {
    if (caller.admin || item.tenant === caller.tenant) return true;
    const network = 'networkId' in item ? this.store.networks.get(item.networkId) : (item as Network);
    return 'mac' in item ? false : !!network?.shared;
  }

  list(kind: NeutronKind, caller: Caller): Reply {
    const all = { network: this.store.networks, subnet: this.store.subnets, port: this.store.ports }[kind];
    const items = [...all.values()].filter((i) => this.visible(i, caller));
    return ok(200, { [`${kind}s`]: items.map((i) => this.view(kind, i)) });
  }

  view(kind: NeutronKind, item: Network | Subnet | Port): Attrs {
    if (kind === 'network') return networkView(item as Network, this.store);
    return kind === 'subnet' ? subnetView(item as Subnet) : portView(item as Port);
  }

  find(kind: NeutronKind, id: string, caller: Caller): Network | Subnet | Port | FaultReply {
    const all = { network: this.store.networks, subnet: this.store.subnets, port: this.store.ports }[kind];
    const item = all.get(id);
    return item && this.visible(item, caller) ? item : F.notFound(kind, id);
  }

  // Networks

  createNetwork(values: Attrs, caller: Caller): Reply {
    const tenant = this.tenantOf('network', values, caller);
    if (typeof tenant !== 'string') return tenant;
    if (values.shared === true && !caller.admin && !this.flags.has('shared-for-everyone'))
      return F.policy('rule:create_network and rule:create_network:shared');
    const { name, description, tenant_id: _t, project_id: _p, admin_state_up, shared, mtu, ...extra } = values;
    const network: Network = {
      ...this.store.stamp({ name: name as string, description: description as string, tenant }),
      adminStateUp: admin_state_up !== false,
      shared: shared === true,
      mtu: (mtu as number | undefined) ?? 1500,
      extra,
    };
    this.store.networks.set(network.id, network);
    return ok(201, { network: networkView(network, this.store) });
  }

  updateNetwork(network: Network, values: Attrs, caller: Caller): Reply {
    if (!caller.admin && network.tenant !== caller.tenant) return F.policy('rule:update_network');
    if (values.shared !== undefined && !caller.admin) return F.policy('rule:update_network:shared');
    const { name, description, admin_state_up, shared, mtu, ...extra } = values;
    network.name = str(name, network.name);
    network.description = str(description, network.description);
    if (admin_state_up !== undefined) network.adminStateUp = admin_state_up as boolean;
    if (shared !== undefined) network.shared = shared as boolean;
    if (mtu !== undefined) network.mtu = mtu as number;
    Object.assign(network.extra, extra);
    this.store.touch(network);
    return ok(200, { network: networkView(network, this.store) });
  }

  deleteNetwork(network: Network, caller: Caller): Reply {
    if (!caller.admin && network.tenant !== caller.tenant) return F.policy('rule:delete_network');
    const inUse = this.store.portsOf(network.id).some((p) => !AUTO_DELETE_OWNERS.has(p.deviceOwner));
    if (inUse && !this.flags.has('delete-network-in-use')) return F.networkInUse(network.id);
    this.store.deleteNetwork(network.id);
    return ok(204);
  }

  // Subnets

  private subnetRange(values: Attrs, networkId: string): { range?: Cidr; cidr: string } | FaultReply {
    const cidr = String(values.cidr);
    const version = Number(values.ip_version);
    if (version === 6) {
      return /^[0-9a-f:]+\/\d{1,3}$/i.test(cidr)
        ? { cidr }
        : F.badRequest(`Invalid input for cidr. Reason: '${cidr}' is not a valid IP subnet.`);
    }
    const parsed = parseCidr(cidr);
    if (!parsed) return F.badRequest(`Invalid input for cidr. Reason: '${cidr}' is not a valid IP subnet.`);
    if ('misaligned' in parsed)
      return F.badRequest(
        `Invalid input for cidr. Reason: '${cidr}' isn't a recommended CIDR, prefer '${parsed.misaligned}'.`,
      );
    const clash = this.store.subnetsOf(networkId).find((s) => s.range && overlaps(s.range, parsed));
    if (clash)
      return F.invalidInput(
        `Requested subnet with cidr: ${cidr} for network: ${networkId} overlaps with another subnet`,
      );
    return { range: parsed, cidr };
  }

  private gatewayOf(values: Attrs, range?: Cidr): string | null | FaultReply {
    if (!range) return values.gateway_ip === undefined ? null : (values.gateway_ip as string | null);
    if (values.gateway_ip === null) return null;
    if (values.gateway_ip === undefined) return formatAddress(hostRange(range).first);
    const ip = parseAddress(String(values.gateway_ip));
    const hosts = hostRange(range);
    if (ip === undefined || ip < hosts.first || ip > hosts.last)
      return F.invalidInput(`Gateway IP ${String(values.gateway_ip)} is not in subnet ${formatAddress(range.base)}`);
    return String(values.gateway_ip);
  }

  createSubnet(values: Attrs, caller: Caller): Reply {
    const network = this.store.networks.get(String(values.network_id));
    if (!network || !this.visible(network, caller)) return F.notFound('network', String(values.network_id));
    if (!caller.admin && network.tenant !== caller.tenant) return F.policy('rule:create_subnet');
    const tenant = this.tenantOf('subnet', values, caller);
    if (typeof tenant !== 'string') return tenant;
    const where = this.subnetRange(values, network.id);
    if ('kind' in where) return where;
    const gateway = this.gatewayOf(values, where.range);
    if (gateway !== null && typeof gateway !== 'string') return gateway;
    const { name, description, network_id: _n, ip_version, cidr: _c, gateway_ip: _g, tenant_id: _t, ...rest } = values;
    const { project_id: _p, allocation_pools: _a, ...extra } = rest;
    const hosts = where.range ? hostRange(where.range) : undefined;
    const first = hosts && gateway === formatAddress(hosts.first) ? hosts.first + 1 : hosts?.first;
    const subnet: Subnet = {
      ...this.store.stamp({ name: name as string, description: description as string, tenant }),
      networkId: network.id,
      ipVersion: Number(ip_version) as 4 | 6,
      cidr: where.cidr,
      range: where.range,
      gateway,
      pools: hosts && first !== undefined ? [{ start: first, end: hosts.last }] : [],
      extra,
    };
    this.store.subnets.set(subnet.id, subnet);
    return ok(201, { subnet: subnetView(subnet) });
  }

  updateSubnet(subnet: Subnet, values: Attrs, caller: Caller): Reply {
    if (!caller.admin && subnet.tenant !== caller.tenant) return F.policy('rule:update_subnet');
    const { name, description, gateway_ip, allocation_pools: _a, ...extra } = values;
    if (gateway_ip !== undefined) {
      const gateway = this.gatewayOf({ gateway_ip }, subnet.range);
      if (gateway !== null && typeof gateway !== 'string') return gateway;
      subnet.gateway = gateway;
    }
    subnet.name = str(name, subnet.name);
    subnet.description = str(description, subnet.description);
    Object.assign(subnet.extra, extra);
    this.store.touch(subnet);
    return ok(200, { subnet: subnetView(subnet) });
  }

  deleteSubnet(subnet: Subnet, caller: Caller): Reply {
    if (!caller.admin && subnet.tenant !== caller.tenant) return F.policy('rule:delete_subnet');
    const users = [...this.store.ports.values()].filter((p) => p.fixedIps.some((f) => f.subnet_id === subnet.id));
    const inUse = users.some((p) => !AUTO_DELETE_OWNERS.has(p.deviceOwner));
    if (inUse && !this.flags.has('delete-subnet-in-use')) return F.subnetInUse(subnet.id);
    for (const p of users) this.store.ports.delete(p.id);
    this.store.subnets.delete(subnet.id);
    return ok(204);
  }

  // Ports

  private macOf(values: Attrs, network: Network, portId?: string): string | FaultReply | undefined {
    if (values.mac_address === undefined) return undefined;
    const mac = String(values.mac_address);
    const taken = this.store.portsOf(network.id).some((p) => p.mac === mac && p.id !== portId);
    return taken && !this.flags.has('duplicate-macs') ? F.macTaken(mac, network.id) : mac;
  }

  createPort(values: Attrs, caller: Caller): Reply {
    const network = this.store.networks.get(String(values.network_id));
    if (!network || !this.visible(network, caller)) return F.notFound('network', String(values.network_id));
    const tenant = this.tenantOf('port', values, caller);
    if (typeof tenant !== 'string') return tenant;
    const mac = this.macOf(values, network);
    if (typeof mac === 'object') return mac;
    const allowTaken = this.flags.has('duplicate-fixed-ips');
    const ips = allocate({ store: this.store, network, allowTaken }, values.fixed_ips as unknown[] | undefined);
    if (!Array.isArray(ips)) return ips;
    const { name, description, network_id: _n, tenant_id: _t, project_id: _p, admin_state_up, ...rest } = values;
    const { mac_address: _m, fixed_ips: _f, device_id, device_owner, ...extra } = rest;
    const port: Port = {
      ...this.store.stamp({ name: name as string, description: description as string, tenant }),
      networkId: network.id,
      adminStateUp: admin_state_up !== false,
      mac: mac ?? newMac(),
      fixedIps: ips,
      deviceId: str(device_id, ''),
      deviceOwner: str(device_owner, ''),
      extra,
    };
    this.store.ports.set(port.id, port);
    return ok(201, { port: portView(port) });
  }

  updatePort(port: Port, values: Attrs, caller: Caller): Reply {
    if (!caller.admin && port.tenant !== caller.tenant) return F.policy('rule:update_port');
    const network = this.store.networks.get(port.networkId)!;
    const mac = this.macOf(values, network, port.id);
    if (typeof mac === 'object') return mac;
    if (values.fixed_ips !== undefined) {
      const ips = allocate({ store: this.store, network, portId: port.id }, values.fixed_ips as unknown[]);
      if (!Array.isArray(ips)) return ips;
      port.fixedIps = ips;
    }
    const {
      name,
      description,
      admin_state_up,
      mac_address: _m,
      fixed_ips: _f,
      device_id,
      device_owner,
      ...extra
    } = values;
    port.name = str(name, port.name);
    port.description = str(description, port.description);
    if (admin_state_up !== undefined) port.adminStateUp = admin_state_up as boolean;
    if (mac) port.mac = mac;
    port.deviceId = str(device_id, port.deviceId);
    port.deviceOwner = str(device_owner, port.deviceOwner);
    Object.assign(port.extra, extra);
    this.store.touch(port);
    return ok(200, { port: portView(port) });
  }

  deletePort(port: Port, caller: Caller): Reply {
    if (!caller.admin && port.tenant !== caller.tenant) return F.policy('rule:delete_port');
    this.store.ports.delete(port.id);
    return ok(204);
  }
}
