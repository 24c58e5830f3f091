/** IPv4 arithmetic for subnets and fixed IPs. */
export interface Cidr {
  base: number;
  prefix: number;
}

export function parseAddress(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

export const formatAddress = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

const size = (c: Cidr) => 2 ** (32 - c.prefix);

/** `192.0.2.0/24`; undefined when it is not an IPv4 CIDR. */
export function parseCidr(text: string): Cidr | { misaligned: string } | undefined {
  const [address, prefixText, ...rest] = text.split('/');
  if (rest.length > 0 || prefixText === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const base = parseAddress(address);
  const prefix = Number(prefixText);
  if (base === undefined || prefix > 32) return undefined;
  const aligned = base - (base % size({ base, prefix }));
  if (aligned !== base) return { misaligned: `${formatAddress(aligned)}/${prefix}` };
  return { base, prefix };
}

export const overlaps = (a: Cidr, b: Cidr) => a.base < b.base + size(b) && b.base < a.base + size(a);

/** The first and last address a port may get: the network and broadcast addresses excluded. */
export function hostRange(c: Cidr): { first: number; last: number } {
  if (c.prefix >= 31) return { first: c.base, last: c.base + size(c) - 1 };
  return { first: c.base + 1, last: c.base + size(c) - 2 };
}

export const contains = (c: Cidr, ip: number) => ip >= c.base && ip < c.base + size(c);
