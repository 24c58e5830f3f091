import type { AlternativeEnvelope, Catalog, Envelope, FaultDefinition, MemberDefinition } from '../model/catalog.js';

/** Where a built-in profile's generated files come from, as their comment says. */
export const builtInOrigin = (catalog: Catalog) =>
  `by \`npm run schemas\` from schemas/${catalog.profile}/catalog.json`;

function jsonSchemaId(profile: string): string {
  return `urn:conform:${profile}:faults`;
}

/** The $defs name of a fault in an alternative envelope: `unauthorized.identity`. */
export function alternativeDefinition(fault: string, alternative: string): string {
  return `${fault}.${alternative}`;
}

function memberSchema(member: MemberDefinition): object {
  switch (member.type) {
    case 'string':
      return { type: 'string' };
    case 'integer':
      return { type: 'integer' };
    case 'dateTime':
      return { type: 'string', format: 'date-time' };
  }
}

function codeSchema(fault: FaultDefinition): object {
  return fault.codes.length === 1 ? { type: 'integer', const: fault.codes[0] } : { type: 'integer', enum: fault.codes };
}

/** The object under the root key: the envelope's members plus the fault's own. */
function innerSchema(envelope: Envelope, fault: FaultDefinition, extraMembers: MemberDefinition[]): object {
  const members = [...envelope.members, ...extraMembers];
  const properties: Record<string, object> = {};
  for (const m of members) properties[m.name] = memberSchema(m);
  if (envelope.codeMember) properties[envelope.codeMember] = codeSchema(fault);
  // The type is fixed only where a source fixes it; a status-table row leaves it open.
  if (envelope.kind === 'fixed-root' && envelope.typeMember) {
    properties[envelope.typeMember] =
      fault.typeValue !== undefined ? { type: 'string', const: fault.typeValue } : { type: 'string' };
  }
  return {
    type: 'object',
    required: members.filter((m) => m.required).map((m) => m.name),
    properties,
    additionalProperties: envelope.open,
  };
}

function faultSchema(
  envelope: Envelope,
  fault: FaultDefinition,
  extraMembers: MemberDefinition[],
  description: string,
): object {
  const root = envelope.kind === 'fixed-root' ? envelope.root : fault.element;
  return {
    description,
    type: 'object',
    required: [root],
    properties: { [root]: innerSchema(envelope, fault, extraMembers) },
    additionalProperties: false,
  };
}

const describe = (fault: FaultDefinition) => `${fault.element} (${fault.codes.join(', ')}): ${fault.description}`;

/** A fault in an alternative envelope: only the statuses that envelope is documented for. */
function alternativeSchema(alt: AlternativeEnvelope, fault: FaultDefinition): object {
  const narrowed = { ...fault, codes: fault.codes.filter((c) => alt.statuses.includes(c)), typeValue: undefined };
  return faultSchema(alt.envelope, narrowed, [], `${describe(narrowed)} In the ${alt.id} envelope: ${alt.note}`);
}

/**
 * One JSON Schema (draft 2020-12) per profile: a definition per fault under
 * $defs (plus one per fault and alternative envelope documented for its
 * status), and the schema itself accepts any documented fault.
 */
export function generateJsonSchema(catalog: Catalog, origin = builtInOrigin(catalog)): object {
  const defs: Record<string, object> = {};
  for (const fault of catalog.faults)
    defs[fault.element] = faultSchema(catalog.envelope, fault, fault.extraMembers ?? [], describe(fault));
  for (const alt of catalog.alternativeEnvelopes ?? []) {
    for (const fault of catalog.faults.filter((f) => f.codes.some((c) => alt.statuses.includes(c)))) {
      defs[alternativeDefinition(fault.element, alt.id)] = alternativeSchema(alt, fault);
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: jsonSchemaId(catalog.profile),
    title: `${catalog.title} (JSON)`,
    $comment: `Generated ${origin}. Do not edit.`,
    // Faults under one fixed root share a shape, so a body may fit several rows.
    [catalog.envelope.kind === 'fixed-root' ? 'anyOf' : 'oneOf']: Object.keys(defs).map((name) => ({
      $ref: `#/$defs/${name}`,
    })),
    $defs: defs,
  };
}
