/** The shape of schemas/<profile>/catalog.json, checked when a catalog is loaded. */
const member = {
  type: 'object',
  required: ['name', 'type', 'required'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    type: { enum: ['string', 'integer', 'dateTime'] },
    required: { type: 'boolean' },
  },
} as const;

const provenance = {
  type: 'object',
  required: ['source'],
  additionalProperties: false,
  properties: { source: { type: 'string' }, table: { type: 'string' }, note: { type: 'string' } },
} as const;

const envelope = {
  type: 'object',
  required: ['kind', 'members', 'open'],
  properties: {
    kind: { enum: ['element-per-fault', 'fixed-root'] },
    root: { type: 'string' },
    members: { type: 'array', items: member },
    codeMember: { type: 'string' },
    typeMember: { type: 'string' },
    open: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

const pointer = { type: 'string', pattern: '^(/[^/]+)+$' } as const;

/** A kind of leftover, with what lives inside one (contents, the same shape). */
const leftoverKind = {
  type: 'object',
  required: ['list', 'collection', 'delete', 'param'],
  additionalProperties: false,
  properties: {
    list: { type: 'string' },
    collection: { type: 'string' },
    delete: { type: 'string' },
    param: { type: 'string' },
    show: {
      type: 'object',
      required: ['operation', 'name'],
      additionalProperties: false,
      properties: { operation: { type: 'string' }, name: pointer },
    },
    contents: { type: 'array', items: { $ref: '#/$defs/leftoverKind' } },
    detach: {
      type: 'object',
      required: ['show', 'id', 'delete'],
      additionalProperties: false,
      properties: { show: { type: 'string' }, id: pointer, delete: { type: 'string' } },
    },
  },
} as const;

const alternativeEnvelope = {
  type: 'object',
  required: ['id', 'statuses', 'envelope', 'note', 'provenance'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-zA-Z0-9]*$' },
    statuses: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 100, maximum: 599 } },
    envelope: {
      ...envelope,
      required: ['kind', 'root', 'members', 'open'],
      properties: { ...envelope.properties, kind: { const: 'fixed-root' } },
    },
    note: { type: 'string' },
    provenance: { type: 'array', minItems: 1, items: provenance },
  },
} as const;

export const catalogFileSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: [
    'profile',
    'title',
    'formats',
    'envelope',
    'faults',
    'operations',
    'documentedStatuses',
    'faultsOnAnyOperation',
    'provenance',
    'notes',
  ],
  additionalProperties: false,
  $defs: { leftoverKind },
  properties: {
    // JSON has no comments: a catalog may carry its own (`conform init` writes some).
    $comment: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    profile: { type: 'string', pattern: '^[a-z0-9.-]+$' },
    title: { type: 'string' },
    serviceType: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    formats: { type: 'array', minItems: 1, items: { enum: ['json', 'xml'] } },
    provenance: { type: 'array', items: provenance },
    notes: { type: 'array', items: { type: 'string' } },
    envelope,
    alternativeEnvelopes: { type: 'array', items: alternativeEnvelope },
    leftovers: { type: 'array', items: { $ref: '#/$defs/leftoverKind' } },
    xml: {
      type: 'object',
      required: ['namespace', 'alsoAccepted'],
      additionalProperties: false,
      properties: {
        namespace: { type: 'string' },
        alsoAccepted: {
          type: 'array',
          items: {
            type: 'object',
            required: ['namespace', 'note'],
            additionalProperties: false,
            properties: { namespace: { type: 'string' }, note: { type: 'string' } },
          },
        },
      },
    },
    faults: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['element', 'codes', 'description', 'provenance'],
        additionalProperties: false,
        properties: {
          element: { type: 'string', minLength: 1 },
          codes: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 100, maximum: 599 } },
          description: { type: 'string' },
          documentedAs: { type: 'string' },
          expectedInAllRequests: { type: 'boolean' },
          extraMembers: { type: 'array', items: member },
          typeValue: { type: 'string', minLength: 1 },
          requiredHeaders: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9-]+$' } },
          bodyOptional: { type: 'boolean' },
          untriggerable: { type: 'string', minLength: 1 },
          provenance: { type: 'array', minItems: 1, items: provenance },
          note: { type: 'string' },
        },
      },
    },
    faultsOnAnyOperation: { type: 'array', items: { type: 'string' } },
    documentedStatuses: { type: 'array', items: { type: 'integer' } },
    operations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'method', 'path', 'success', 'faults'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          method: { enum: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] },
          path: { type: 'string', pattern: '^/' },
          success: { type: 'integer' },
          faults: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;
