/**
 * Neutron's attribute maps, as far as the reference target serves them: which
 * attributes a resource has, which a POST or a PUT may set, which a POST must
 * have, and how a value is converted and validated (neutron-lib's converters
 * and validators, with their messages).
 */
type Convert = (value: unknown) => { ok: true; value: unknown } | { ok: false; reason: string };

export interface AttributeSpec {
  post: boolean;
  put: boolean;
  required?: boolean;
  convert?: Convert;
}

const shown = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));
const ok = (value: unknown) => ({ ok: true as const, value });
const no = (reason: string) => ({ ok: false as const, reason });

const toBoolean: Convert = (v) => {
  if (typeof v === 'boolean') return ok(v);
  if (v === 0 || v === 1) return ok(v === 1);
  if (typeof v === 'string' && /^(true|false|1|0)$/i.test(v)) return ok(/^(true|1)$/i.test(v));
  return no(`${shown(v)} cannot be converted to boolean`);
};

export const toString =
  (max = 255): Convert =>
  (v) => {
    if (v === null) return no(`'None' is not a valid string`);
    if (typeof v !== 'string') return no(`${shown(v)} is not a valid string`);
    return v.length > max ? no(`'${v}' exceeds maximum length of ${max}`) : ok(v);
  };

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const toUuid: Convert = (v) => (typeof v === 'string' && UUID.test(v) ? ok(v) : no(`${shown(v)} is not a valid UUID`));

const toInteger =
  (min: number, max: number): Convert =>
  (v) => {
    const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n)) return no(`${shown(v)} is not an integer`);
    return n < min || n > max ? no(`${shown(v)} is not in range ${min} through ${max}`) : ok(n);
  };

const toList: Convert = (v) => (Array.isArray(v) ? ok(v) : no(`${shown(v)} is not a list`));

const oneOf =
  (...values: unknown[]): Convert =>
  (v) =>
    values.includes(v) ? ok(v) : no(`${shown(v)} is not in ${JSON.stringify(values)}`);

const MAC = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i;
const toMac: Convert = (v) =>
  typeof v === 'string' && MAC.test(v) ? ok(v.toLowerCase()) : no(`${shown(v)} is not a valid MAC address`);

const anything: Convert = ok;

const read: AttributeSpec = { post: false, put: false };
const both = (convert: Convert): AttributeSpec => ({ post: true, put: true, convert });
const createOnly = (convert: Convert, required = false): AttributeSpec => ({
  post: true,
  put: false,
  convert,
  required,
});

const COMMON: Record<string, AttributeSpec> = {
  id: read,
  name: both(toString()),
  description: both(toString()),
  tenant_id: createOnly(toString()),
  project_id: createOnly(toString()),
  tags: read,
  created_at: read,
  updated_at: read,
  revision_number: read,
};

export const NETWORK_ATTRIBUTES: Record<string, AttributeSpec> = {
  ...COMMON,
  admin_state_up: both(toBoolean),
  shared: both(toBoolean),
  status: read,
  subnets: read,
  mtu: both(toInteger(68, 9216)),
  port_security_enabled: both(toBoolean),
  'router:external': both(toBoolean),
  availability_zone_hints: createOnly(toList),
  availability_zones: read,
  dns_domain: both(toString()),
  qos_policy_id: both(anything),
  ipv4_address_scope: read,
  ipv6_address_scope: read,
};

export const SUBNET_ATTRIBUTES: Record<string, AttributeSpec> = {
  ...COMMON,
  network_id: createOnly(toUuid, true),
  ip_version: createOnly(oneOf(4, 6, '4', '6'), true),
  cidr: createOnly(toString(), true),
  gateway_ip: both(anything),
  allocation_pools: both(toList),
  enable_dhcp: both(toBoolean),
  dns_nameservers: both(toList),
  host_routes: both(toList),
  ipv6_ra_mode: createOnly(anything),
  ipv6_address_mode: createOnly(anything),
  subnetpool_id: createOnly(anything),
  service_types: both(toList),
};

export const PORT_ATTRIBUTES: Record<string, AttributeSpec> = {
  ...COMMON,
  network_id: createOnly(toUuid, true),
  admin_state_up: both(toBoolean),
  mac_address: both(toMac),
  fixed_ips: both(toList),
  device_id: both(toString()),
  device_owner: both(toString()),
  status: read,
  security_groups: both(toList),
  allowed_address_pairs: both(toList),
  port_security_enabled: both(toBoolean),
  dns_name: both(toString()),
  qos_policy_id: both(anything),
  'binding:host_id': both(toString()),
  'binding:vnic_type': both(oneOf('normal', 'direct', 'macvtap', 'baremetal', 'direct-physical', 'virtio-forwarder')),
  'binding:profile': both(anything),
};

/** What is wrong with a body's attributes, in the order Neutron looks (unknown, not settable, missing, invalid). */
export function checkAttributes(
  attrs: Record<string, unknown>,
  specs: Record<string, AttributeSpec>,
  method: 'POST' | 'PUT',
): { ok: true; values: Record<string, unknown> } | { ok: false; message: string } {
  const unknown = Object.keys(attrs).filter((k) => !(k in specs));
  if (unknown.length > 0) return { ok: false, message: `Unrecognized attribute(s) '${unknown.join(', ')}'` };
  for (const key of Object.keys(attrs)) {
    const spec = specs[key];
    if (method === 'POST' && !spec.post) return { ok: false, message: `Attribute '${key}' not allowed in POST` };
    if (method === 'PUT' && !spec.put) return { ok: false, message: `Cannot update read-only attribute ${key}` };
  }
  if (method === 'POST') {
    const missing = Object.entries(specs).find(([k, s]) => s.required && attrs[k] === undefined);
    if (missing)
      return { ok: false, message: `Failed to parse request. Required attribute '${missing[0]}' not specified` };
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attrs)) {
    const converted = (specs[key].convert ?? anything)(value);
    if (!converted.ok) return { ok: false, message: `Invalid input for ${key}. Reason: ${converted.reason}.` };
    values[key] = converted.value;
  }
  return { ok: true, values };
}
