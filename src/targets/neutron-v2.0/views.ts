import { formatAddress } from './ipv4.js';
import type { Network, NeutronStore, Port, Subnet } from './store.js';

const common = (r: Network | Subnet | Port) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  tenant_id: r.tenant,
  project_id: r.tenant,
  tags: [],
  created_at: r.created,
  updated_at: r.updated,
  revision_number: r.revision,
});

export function networkView(n: Network, store: NeutronStore): Record<string, unknown> {
  return {
    ...common(n),
    admin_state_up: n.adminStateUp,
    status: 'ACTIVE',
    shared: n.shared,
    subnets: store.subnetsOf(n.id).map((s) => s.id),
    mtu: n.mtu,
    port_security_enabled: true,
    'router:external': false,
    availability_zone_hints: [],
    availability_zones: [],
    ipv4_address_scope: null,
    ipv6_address_scope: null,
    ...n.extra,
  };
}

export function subnetView(s: Subnet): Record<string, unknown> {
  return {
    ...common(s),
    network_id: s.networkId,
    ip_version: s.ipVersion,
    cidr: s.cidr,
    gateway_ip: s.gateway,
    allocation_pools: s.pools.map((p) => ({ start: formatAddress(p.start), end: formatAddress(p.end) })),
    enable_dhcp: true,
    dns_nameservers: [],
    host_routes: [],
    ipv6_ra_mode: null,
    ipv6_address_mode: null,
    subnetpool_id: null,
    service_types: [],
    ...s.extra,
  };
}

export function portView(p: Port): Record<string, unknown> {
  return {
    ...common(p),
    network_id: p.networkId,
    admin_state_up: p.adminStateUp,
    mac_address: p.mac,
    fixed_ips: p.fixedIps.map((f) => ({ ...f })),
    device_id: p.deviceId,
    device_owner: p.deviceOwner,
    status: 'DOWN',
    security_groups: [],
    allowed_address_pairs: [],
    port_security_enabled: true,
    'binding:vnic_type': 'normal',
    ...p.extra,
  };
}
