// Passes that prove what they claim: where several causes share a status and
// the answer cannot tell them apart (one envelope, no type naming the fault),
// a probe credited to one cause must differ from the operation's valid request
// in that cause alone — or declare which causes it cannot be told from, which
// coverage then reports.
import type { Catalog, FaultDefinition, ValidRequest } from '../model/catalog.js';
import type { ProbeSpec, Scenario } from '../model/scenario.js';

/** Stand-ins for placeholders: what a value means, not which value it is. */
function meaning(text: string): string {
  const filled = text
    .replace(/\{(name|runId)\}/g, 'conform-run')
    .replace(/\{uuid\}/g, '<missing id>')
    .replace(/\{password\}/g, '<password>')
    .replace(/\{tenant\}/g, '<tenant>')
    .replace(/\{[A-Za-z]+\.[A-Za-z]+\}/g, '<existing id>');
  // A fresh name (the run's prefix, within the 64 characters names may have) is any fresh name.
  return filled.startsWith('conform-run') && filled.length <= 64 ? '<fresh name>' : filled;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function normal(value: unknown): unknown {
  if (typeof value === 'string') return meaning(value);
  if (Array.isArray(value)) return value.map(normal);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normal(v)]));
  return value;
}

/** JSON pointers at which two bodies differ: a member only one has, or a value that differs. */
function bodyDifferences(a: unknown, b: unknown, at = ''): string[] {
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => (k in a && k in b ? bodyDifferences(a[k], b[k], `${at}/${k}`) : [`${at}/${k}`]));
  }
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b)) ? [] : [at || '/'];
}

/** The credential a request carries, in words: a token a setup step obtained counts as its own kind. */
function credentialOf(req: Pick<ProbeSpec, 'credential' | 'headers'> | ValidRequest): string {
  if ('headers' in req && req.headers && Object.keys(req.headers).some((h) => h.toLowerCase() === 'x-auth-token'))
    return 'a token a setup step obtained';
  return req.credential ?? 'main';
}

/** What a probe changes from the operation's valid request. */
export function differences(probe: ProbeSpec, valid: ValidRequest, method: string): string[] {
  const out: string[] = [];
  if (probe.method && probe.method !== method) out.push(`method ${probe.method}`);
  if (probe.accept) out.push(`Accept ${probe.accept}`);
  if (credentialOf(probe) !== credentialOf(valid)) out.push(`credential ${credentialOf(probe)}`);
  const params = { ...valid.params, ...probe.params };
  for (const k of Object.keys(params))
    if (meaning(probe.params?.[k] ?? '') !== meaning(valid.params?.[k] ?? '')) out.push(`param ${k}`);
  if (probe.rawBody) out.push('a body that does not parse');
  else out.push(...bodyDifferences(probe.body, valid.body).map((p) => `body ${p}`));
  return out;
}

/** The other causes an answer with this fault's status cannot be told from, for this operation. */
export function sharingCauses(catalog: Catalog, fault: FaultDefinition, operation: string): string[] {
  if (catalog.envelope.kind === 'element-per-fault' || fault.typeValue) return [];
  const op = catalog.operations.find((o) => o.id === operation);
  const raisable = new Set([...(op?.faults ?? []), ...catalog.faultsOnAnyOperation]);
  return catalog.faults
    .filter((f) => f.element !== fault.element && !f.typeValue && raisable.has(f.element))
    .filter((f) => f.codes.some((c) => fault.codes.includes(c)))
    .map((f) => f.element);
}

/** Why a scenario's pass would prove less than it claims; empty when it proves what it claims. */
export function causeProblems(catalog: Catalog, s: Scenario): string[] {
  if (!('fault' in s.expect)) return [];
  const expected = s.expect.fault;
  const fault = catalog.faults.find((f) => f.element === expected);
  if (!fault) return [];
  const sharing = sharingCauses(catalog, fault, s.probe.operation);
  const declared = s.indistinguishableFrom?.faults ?? [];
  if (sharing.length === 0)
    return declared.length > 0
      ? [`declares indistinguishableFrom, but no other cause shares ${expected}'s answer`]
      : [];
  const op = catalog.operations.find((o) => o.id === s.probe.operation)!;
  if (!op.valid) return [`${expected} shares its answer with ${sharing.join(', ')}, and ${op.id} has no valid request`];
  const changed = differences(s.probe, op.valid, op.method);
  if (s.probe.rawBody && Object.values(s.probe.rawBody).some(parses))
    return ['its rawBody parses: it does not isolate a body that does not parse'];
  if (changed.length === 1)
    return declared.length > 0 ? [`declares indistinguishableFrom, but differs only in ${changed[0]}`] : [];
  if (changed.length === 0) return [`does not differ from a valid ${op.id}`];
  const unknown = declared.filter((d) => !sharing.includes(d));
  if (declared.length === 0 || unknown.length > 0)
    return [
      `differs from a valid ${op.id} in ${changed.join(', ')}: the answer cannot tell ${expected} from ` +
        `${sharing.join(', ')}; change one cause only, or declare indistinguishableFrom`,
    ];
  return [];
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
