import type { Format } from '../../model/catalog.js';
import type { ReferenceApp } from '../common/server.js';
import type { TokenAuthority } from '../common/auth.js';
import { elementFaultDoc } from '../common/faultDoc.js';
import { readObject } from '../../body/object.js';
import type { FaultDoc, FaultReply, Reply, SuccessReply, TargetRequest } from '../common/types.js';
import { quantumFault as F } from './faults.js';
import { QuantumStore, type Network, type Port } from './store.js';

const QUANTUM_NAMESPACE = 'http://netstack.org/quantum/api/v1.0';

const ok = (status: number, payload?: Record<string, unknown>): SuccessReply => ({ kind: 'success', status, payload });

const VALID_STATES = new Set(['ACTIVE', 'DOWN']);

export interface QuantumOptions {
  /** When set, every /v1.0 request needs a token this authority knows. */
  auth?: TokenAuthority;
  /** Behaviour switches used by mutations. */
  flags?: ReadonlySet<string>;
}

type Route =
  | { kind: 'root' }
  | { kind: 'networks'; tenant: string }
  | { kind: 'network'; tenant: string; network: string; detail: boolean }
  | { kind: 'ports'; tenant: string; network: string }
  | { kind: 'port'; tenant: string; network: string; port: string; detail: boolean }
  | { kind: 'attachment'; tenant: string; network: string; port: string }
  | { kind: 'unknown' };

function route(path: string): Route {
  const p = path.replace(/\/+$/, '').split('/').slice(1);
  if (p.length === 0 || (p.length === 1 && p[0] === '')) return { kind: 'root' };
  if (p[0] !== 'v1.0' || p[1] !== 'tenants' || !p[2] || p[3] !== 'networks') return { kind: 'unknown' };
  return networksRoute(decodeURIComponent(p[2]), p.slice(4).map(decodeURIComponent));
}

/** What follows /v1.0/tenants/{tenant}/networks, decoded segment by segment. */
function networksRoute(tenant: string, rest: string[]): Route {
  const [network, a] = rest;
  if (rest.length === 0) return { kind: 'networks', tenant };
  if (rest.length === 1) return { kind: 'network', tenant, network, detail: false };
  if (rest.length === 2 && a === 'detail') return { kind: 'network', tenant, network, detail: true };
  if (a !== 'ports') return { kind: 'unknown' };
  return portsRoute(tenant, network, rest.slice(2));
}

/** What follows /v1.0/tenants/{tenant}/networks/{network}/ports. */
function portsRoute(tenant: string, network: string, rest: string[]): Route {
  const [port, b] = rest;
  if (rest.length === 0) return { kind: 'ports', tenant, network };
  if (rest.length === 1) return { kind: 'port', tenant, network, port, detail: false };
  if (rest.length === 2 && b === 'detail') return { kind: 'port', tenant, network, port, detail: true };
  if (rest.length === 2 && b === 'attachment') return { kind: 'attachment', tenant, network, port };
  return { kind: 'unknown' };
}

/**
 * The Quantum v1.0 reference target: an in-memory service that follows the
 * fault contract exactly (seeds 000/001 and the facts of the public record).
 */
export class QuantumApp implements ReferenceApp {
  readonly namespace = QUANTUM_NAMESPACE;
  private readonly store = new QuantumStore();
  private readonly flags: ReadonlySet<string>;

  constructor(private readonly options: QuantumOptions = {}) {
    this.flags = options.flags ?? new Set();
  }

  faultDoc(reply: FaultReply, _format: Format): FaultDoc {
    return elementFaultDoc(reply, QUANTUM_NAMESPACE, 'detail');
  }

  async handle(req: TargetRequest): Promise<Reply> {
    const r = route(req.path);
    if (r.kind === 'root') return ok(200, { versions: [{ id: 'v1.0', status: 'CURRENT' }] });
    if (r.kind === 'unknown') return F.itemNotFound(`No resource at ${req.path}`);
    const denied = await this.authorize(req, r.tenant);
    if (denied) return denied;
    switch (r.kind) {
      case 'networks':
        return this.networks(req, r.tenant);
      case 'network':
        return this.network(req, r.tenant, r.network, r.detail);
      case 'ports':
        return this.ports(req, r.tenant, r.network);
      case 'port':
        return this.port(req, r.tenant, r.network, r.port, r.detail);
      case 'attachment':
        return this.attachment(req, r.tenant, r.network, r.port);
    }
  }

  private async authorize(req: TargetRequest, tenant: string): Promise<FaultReply | undefined> {
    const auth = this.options.auth;
    if (!auth) return undefined;
    const token = req.headers['x-auth-token'];
    if (!token) return F.unauthorized('No authentication token was supplied');
    const who = await auth.identify(token);
    if (!who) return F.unauthorized('The authentication token is invalid or expired');
    if (who.tenant !== tenant && !who.roles.includes('admin'))
      return F.forbidden(`The token is not valid for tenant ${tenant}`);
    return undefined;
  }

  private unsupported(_req: TargetRequest): Reply {
    return { kind: 'success', status: 405, headers: { allow: 'GET, POST, PUT, DELETE' } };
  }

  private body(req: TargetRequest, root: string): Record<string, unknown> | undefined {
    const parsed = readObject(req.body, req.format);
    const inner = parsed?.[root];
    return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : undefined;
  }

  private networks(req: TargetRequest, tenant: string): Reply {
    if (req.method === 'GET') return ok(200, { networks: this.store.listNetworks(tenant).map((n) => ({ id: n.id })) });
    if (req.method !== 'POST') return this.unsupported(req);
    const body = this.body(req, 'network');
    if (!body || typeof body.name !== 'string' || body.name === '')
      return F.badRequest('A network needs a name: {"network": {"name": ...}}');
    return ok(200, { network: { id: this.store.createNetwork(tenant, body.name).id } });
  }

  private network(req: TargetRequest, tenant: string, id: string, detail: boolean): Reply {
    const network = this.store.network(tenant, id);
    if (!network) return F.networkNotFound(id);
    if (req.method === 'GET') {
      const ports = detail ? { ports: [...network.ports.values()].map((p) => ({ id: p.id, state: p.state })) } : {};
      return ok(200, { network: { id: network.id, name: network.name, ...ports } });
    }
    if (detail) return this.unsupported(req);
    if (req.method === 'PUT') {
      const body = this.body(req, 'network');
      if (!body || typeof body.name !== 'string' || body.name === '')
        return F.badRequest('An update needs {"network": {"name": ...}}');
      network.name = body.name;
      return ok(204);
    }
    if (req.method === 'DELETE') {
      const plugged = [...network.ports.values()].some((p) => p.attachment);
      if (plugged && !this.flags.has('delete-network-in-use')) return F.networkInUse(id);
      this.store.deleteNetwork(id);
      return ok(204);
    }
    return this.unsupported(req);
  }

  private ports(req: TargetRequest, tenant: string, networkId: string): Reply {
    const network = this.store.network(tenant, networkId);
    if (!network) return F.networkNotFound(networkId);
    if (req.method === 'GET') return ok(200, { ports: [...network.ports.values()].map((p) => ({ id: p.id })) });
    if (req.method !== 'POST') return this.unsupported(req);
    let state = 'DOWN';
    if (req.body.trim() !== '') {
      const body = this.body(req, 'port');
      if (!body) return F.badRequest('A port is created with {"port": {"state": ...}} or no body');
      if (body.state !== undefined) state = String(body.state);
    }
    if (!VALID_STATES.has(state) && !this.flags.has('accept-any-state')) return F.requestedStateInvalid(state);
    return ok(200, { port: { id: this.store.createPort(network, state as Port['state']).id } });
  }

  private port(req: TargetRequest, tenant: string, networkId: string, portId: string, detail: boolean): Reply {
    const network = this.store.network(tenant, networkId);
    if (!network) return F.networkNotFound(networkId);
    const port = network.ports.get(portId);
    if (!port) return F.portNotFound(portId);
    if (req.method === 'GET') {
      const extra = detail ? { attachment: port.attachment ? { id: port.attachment } : {} } : {};
      return ok(200, { port: { id: port.id, state: port.state, ...extra } });
    }
    if (detail) return this.unsupported(req);
    if (req.method === 'PUT') {
      const body = this.body(req, 'port');
      if (!body || body.state === undefined) return F.badRequest('An update needs {"port": {"state": ...}}');
      if (!VALID_STATES.has(String(body.state))) return F.requestedStateInvalid(String(body.state));
      port.state = body.state as Port['state'];
      return ok(204);
    }
    if (req.method === 'DELETE') {
      if (port.attachment && !this.flags.has('delete-port-in-use')) return F.portInUse(portId);
      network.ports.delete(portId);
      return ok(204);
    }
    return this.unsupported(req);
  }

  private attachment(req: TargetRequest, tenant: string, networkId: string, portId: string): Reply {
    const network: Network | undefined = this.store.network(tenant, networkId);
    if (!network) return F.networkNotFound(networkId);
    const port = network.ports.get(portId);
    if (!port) return F.portNotFound(portId);
    if (req.method === 'GET') return ok(200, { attachment: port.attachment ? { id: port.attachment } : {} });
    if (req.method === 'DELETE') {
      delete port.attachment;
      return ok(204);
    }
    if (req.method !== 'PUT') return this.unsupported(req);
    const body = this.body(req, 'attachment');
    if (!body || typeof body.id !== 'string' || body.id === '')
      return F.badRequest('A plug needs {"attachment": {"id": ...}}');
    const holder = this.store.portWithAttachment(tenant, body.id);
    if (!this.flags.has('plug-twice')) {
      if (port.attachment) return F.portInUse(portId);
      if (holder) return F.alreadyAttached(body.id, holder.id);
    }
    port.attachment = body.id;
    return ok(204);
  }
}
