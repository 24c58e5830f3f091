/**
 * A fault catalog is the single source of truth for one profile: the faults a
 * document defines, how they are enveloped, which operations exist and which
 * success code each one documents. Catalogs are data files under
 * schemas/<profile>/catalog.json; these types describe them.
 */

export type Format = 'json' | 'xml';

/** Where a fact comes from: a seed document and its table, or the public record. */
export interface Provenance {
  source: string;
  /** The table, or the directive (`.. rest_method:: GET /v3/projects`), the fact is read from. */
  table?: string;
  /** The row of that table (1: the first under its header). */
  row?: number;
  /** The line of the document. */
  line?: number;
  note?: string;
}

export interface FaultDefinition {
  /** The element (XML) or root key (JSON) the fault is serialised under. */
  element: string;
  /** Every HTTP status this fault may carry; the first is the usual one. */
  codes: number[];
  description: string;
  /** The name exactly as the source table writes it, when it differs. */
  documentedAs?: string;
  /** Faults a client must expect on any request (Identity v2.0's table). */
  expectedInAllRequests?: boolean;
  /** Extra optional members beyond the envelope's, e.g. overLimit's retryAt. */
  extraMembers?: MemberDefinition[];
  /**
   * The value the envelope's typeMember carries for this fault, when a source
   * fixes it (NeutronError.type "NetworkInUse"). Absent: any string.
   */
  typeValue?: string;
  /** Response headers the fault must carry (Identity v3: 401 has WWW-Authenticate). */
  requiredHeaders?: string[];
  /** The fault may come without a body (406: the client refused every format the service has). */
  bodyOptional?: boolean;
  /** Why a black box cannot trigger this fault; listed, and shown as untriggered in coverage. */
  untriggerable?: string;
  provenance: Provenance[];
  note?: string;
}

export interface MemberDefinition {
  name: string;
  type: 'string' | 'integer' | 'dateTime';
  required: boolean;
}

/**
 * The shape of a fault body.
 * - `element-per-fault`: the root element / key names the fault (Quantum v1.0,
 *   Identity v2.0); the body repeats the code (XML: attribute, JSON: member).
 * - `fixed-root`: one root key for every fault (NeutronError, error).
 */
interface ElementPerFaultEnvelope {
  kind: 'element-per-fault';
  /** Members of the JSON object / child elements in XML, in order. */
  members: MemberDefinition[];
  /** The member that repeats the HTTP status in the body. */
  codeMember: string;
  /** Whether the envelope leaves room for extensions (xsd:any ##other). */
  open: boolean;
}

interface FixedRootEnvelope {
  kind: 'fixed-root';
  root: string;
  members: MemberDefinition[];
  /** The member that repeats the HTTP status, if the envelope has one. */
  codeMember?: string;
  /** The member that names the fault type, if any (NeutronError.type). */
  typeMember?: string;
  open: boolean;
}

export type Envelope = ElementPerFaultEnvelope | FixedRootEnvelope;

/**
 * A second envelope the profile accepts for some statuses: a 401 from the
 * identity service's auth middleware in front of Neutron is in Keystone's
 * envelope, not in NeutronError. Used when the status is listed and the body
 * has this envelope's root.
 */
export interface AlternativeEnvelope {
  /** Names it in generated schemas: `$defs/<fault>.<id>`. */
  id: string;
  statuses: number[];
  envelope: FixedRootEnvelope;
  /** Why it is accepted; the fault-root check says so when it passes on it. */
  note: string;
  provenance: Provenance[];
}

interface XmlContract {
  /** The namespace the document gives. */
  namespace: string;
  /** Other namespaces the public record shows real services serving. */
  alsoAccepted: { namespace: string; note: string }[];
}

export interface Operation {
  id: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path template; `{name}` placeholders are filled from the scenario. */
  path: string;
  success: number;
  /** Faults the public record says this operation may raise. */
  faults: string[];
  /** Where the operation is documented (an imported catalog says so for each). */
  provenance?: Provenance[];
  /**
   * A request of this operation that succeeds, in scenario terms: what a
   * probe is compared with when its fault shares its status and envelope with
   * other causes (`{<step>.<capture>}` stands for something that exists).
   */
  valid?: ValidRequest;
}

export interface ValidRequest {
  params?: Record<string, string>;
  body?: unknown;
  /** Default: the run's main credential. */
  credential?: 'main' | 'none';
}

/**
 * A kind of resource conform creates, for `conform cleanup`: list it, keep
 * what is named with the run prefix, delete it. Listed in deletion order.
 */
export interface LeftoverKind {
  /** Operation that lists them (GET collection). */
  list: string;
  /** The key of the list in its answer: `ports`. */
  collection: string;
  /** Operation that deletes one. */
  delete: string;
  /** The delete operation's path parameter that takes the id. */
  param: string;
  /**
   * When the list gives ids only (Quantum v1.0's networks): the operation that
   * shows one, and the JSON pointer to the name in its answer (`/network/name`).
   */
  show?: { operation: string; name: string };
  /**
   * What lives inside one and goes with it, whatever its name (a Quantum
   * network's ports, which have none): listed with the parent's id as the
   * parent's `param`, deleted before the parent.
   */
  contents?: LeftoverKind[];
  /**
   * What has to come off one before it can be deleted (a Quantum port's
   * attachment): the operation that shows it, the JSON pointer to its id in
   * that answer (absent or empty: nothing to take off), the one that removes it.
   */
  detach?: { show: string; id: string; delete: string };
}

export interface Catalog {
  profile: string;
  title: string;
  /** The type a token's service catalog lists this API under (network, identity): endpoint discovery. */
  serviceType?: string;
  formats: Format[];
  envelope: Envelope;
  alternativeEnvelopes?: AlternativeEnvelope[];
  xml?: XmlContract;
  faults: FaultDefinition[];
  operations: Operation[];
  /** Every status code the profile documents, success and fault. */
  documentedStatuses: number[];
  /** Faults any operation may raise (auth, unknown resource, ...). */
  faultsOnAnyOperation: string[];
  provenance: Provenance[];
  notes: string[];
  /** What `conform cleanup` looks for, in the order it deletes. */
  leftovers?: LeftoverKind[];
  /**
   * Where the service lets a client choose the tenant (no credential binds it
   * to a token's project): a run without --tenant and without credentials
   * uses its run id as {tenant}, and after its cases deletes what the service
   * made for that tenant by itself (Neutron's `default` security group),
   * whatever its name.
   */
  ownTenant?: { note: string; leftovers: LeftoverKind[] };
}
