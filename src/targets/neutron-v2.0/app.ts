import { randomUUID } from 'node:crypto';
import type { Format } from '../../model/catalog.js';
import { readObject } from '../../body/object.js';
import type { ReferenceApp } from '../common/server.js';
import type { TokenAuthority } from '../common/auth.js';
import { identityErrorDoc, keystoneChallenge } from '../common/identityError.js';
import type { FaultDoc, FaultReply, Reply, TargetRequest } from '../common/types.js';
import { neutronFault as F, type NeutronKind } from './faults.js';
import { NeutronResources, type Caller } from './resources.js';
import { NeutronStore, type Network, type Port, type Subnet } from './store.js';

export interface NeutronOptions {
  /** When set, every request but the version list needs a token this authority knows (keystonemiddleware). */
  auth?: TokenAuthority;
  /** Behaviour switches used by mutations. */
  flags?: ReadonlySet<string>;
  /** Where the 401 challenge sends clients for a token. */
  identityUri?: string;
}

const KINDS: Record<string, NeutronKind> = { networks: 'network', subnets: 'subnet', ports: 'port' };

/** Neutron serves JSON: a request whose Accept (or .xml suffix) rules JSON out gets 406. */
function refusesJson(req: TargetRequest, onlyXml: boolean): boolean {
  if (req.negotiatedBy === 'suffix') return req.format !== 'json';
  const accept = req.headers.accept;
  if (accept === undefined || accept.trim() === '') return false;
  if (onlyXml) return /xml/i.test(accept); // a mutation: only XML is refused
  return !/application\/json|application\/\*|\*\/\*/i.test(accept);
}

const versions = (): Reply => ({
  kind: 'success',
  status: 200,
  payload: { versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: '/v2.0/' }] }] },
});

/**
 * The Neutron v2.0 reference target: networks, subnets and ports in memory,
 * JSON only, NeutronError faults, behind a keystonemiddleware-like token check
 * whose 401 is in the identity envelope. Where real Neutron departs from the
 * status table (PUT on the networks collection), it follows the table.
 */
export class NeutronApp implements ReferenceApp {
  private readonly store = new NeutronStore();
  private readonly resources: NeutronResources;
  private readonly flags: ReadonlySet<string>;

  constructor(private readonly options: NeutronOptions = {}) {
    this.flags = options.flags ?? new Set();
    this.resources = new NeutronResources(this.store, this.flags);
  }

  faultDoc(reply: FaultReply, _format: Format): FaultDoc {
    if (reply.element === 'unauthorized') return identityErrorDoc(reply.status, reply.message);
    return {
      element: 'NeutronError',
      codeAs: 'element',
      members: [
        ['type', reply.extra?.type ?? 'NeutronException'],
        ['message', reply.message],
        ['detail', reply.detail ?? ''],
      ],
      attributes: [],
    };
  }

  async handle(req: TargetRequest): Promise<Reply> {
    const reply = await this.dispatch(req);
    return {
      ...reply,
      format: 'json',
      headers: { ...reply.headers, 'x-openstack-request-id': `req-${randomUUID()}` },
    };
  }

  private async dispatch(req: TargetRequest): Promise<Reply> {
    const parts = req.path.split('/').filter((p) => p !== '');
    if (parts.length === 0) return versions();
    const caller = await this.caller(req);
    if ('kind' in caller) return caller;
    if (refusesJson(req, this.flags.has('refuse-only-xml'))) return F.notAcceptable();
    if (parts[0] !== 'v2.0') return F.noSuchResource();
    if (parts.length === 1)
      return { kind: 'success', status: 200, payload: { resources: Object.keys(KINDS).map((name) => ({ name })) } };
    const kind = KINDS[parts[1]];
    if (!kind || parts.length > 3) return F.noSuchResource();
    if (parts.length === 2) return this.collection(req, kind, caller);
    return this.member(req, kind, decodeURIComponent(parts[2]), caller);
  }

  private async caller(req: TargetRequest): Promise<Caller | FaultReply> {
    const auth = this.options.auth;
    if (!auth) return { admin: true };
    const challenge = keystoneChallenge(this.options.identityUri ?? 'localhost:5000');
    const token = req.headers['x-auth-token'];
    if (!token) return F.unauthorized(challenge);
    const who = await auth.identify(token);
    if (!who) return F.unauthorized(challenge);
    return { tenant: who.tenant, admin: who.roles.includes('admin') };
  }

  /** The attributes under the resource's key, or the 400 Neutron answers for the body. */
  private attributes(req: TargetRequest, kind: NeutronKind): { attrs: Record<string, unknown> } | FaultReply {
    if (req.body.trim() === '') return F.badRequest('Resource body required');
    const parsed = readObject(req.body, 'json');
    if (!parsed) return F.badRequest('Malformed request body');
    // A mutation takes a body without the resource key as the attributes themselves.
    const inner = parsed[kind] === undefined && this.flags.has('body-without-key') ? parsed : parsed[kind];
    if (!inner || typeof inner !== 'object' || Array.isArray(inner))
      return F.badRequest(`Unable to find '${kind}' in request body`);
    return { attrs: inner as Record<string, unknown> };
  }

  private collection(req: TargetRequest, kind: NeutronKind, caller: Caller): Reply {
    if (req.method === 'GET') return this.resources.list(kind, caller);
    const put = req.method === 'PUT' && this.flags.has('put-collection-404');
    if (put) return F.notFound('network', 'None');
    if (req.method !== 'POST') return F.methodNotAllowed(req.method, 'GET, POST');
    const body = this.attributes(req, kind);
    if (!('attrs' in body)) return body;
    const checked = this.resources.values(kind, body.attrs, 'POST');
    if ('kind' in checked) return checked;
    if (kind === 'network') return this.resources.createNetwork(checked.values, caller);
    if (kind === 'subnet') return this.resources.createSubnet(checked.values, caller);
    return this.resources.createPort(checked.values, caller);
  }

  private member(req: TargetRequest, kind: NeutronKind, id: string, caller: Caller): Reply {
    if (!['GET', 'PUT', 'DELETE'].includes(req.method)) return F.methodNotAllowed(req.method, 'GET, PUT, DELETE');
    const item = this.resources.find(kind, id, caller);
    if ('kind' in item) return item;
    if (req.method === 'GET')
      return { kind: 'success', status: 200, payload: { [kind]: this.resources.view(kind, item) } };
    if (req.method === 'DELETE') return this.remove(kind, item, caller);
    const body = this.attributes(req, kind);
    if (!('attrs' in body)) return body;
    const checked = this.resources.values(kind, body.attrs, 'PUT');
    if ('kind' in checked) return checked;
    if (kind === 'network') return this.resources.updateNetwork(item as Network, checked.values, caller);
    if (kind === 'subnet') return this.resources.updateSubnet(item as Subnet, checked.values, caller);
    return this.resources.updatePort(item as Port, checked.values, caller);
  }

  private remove(kind: NeutronKind, item: Network | Subnet | Port, caller: Caller): Reply {
    if (kind === 'network') return this.resources.deleteNetwork(item as Network, caller);
    if (kind === 'subnet') return this.resources.deleteSubnet(item as Subnet, caller);
    return this.resources.deletePort(item as Port, caller);
  }
}
