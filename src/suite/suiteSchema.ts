/** The shape of a suite file, suites/<profile>/*.json. */
const request = {
  type: 'object',
  required: ['operation'],
  properties: {
    operation: { type: 'string' },
    params: { type: 'object', additionalProperties: { type: 'string' } },
    body: {},
    rawBody: {
      type: 'object',
      properties: { json: { type: 'string' }, xml: { type: 'string' } },
      additionalProperties: false,
    },
    negotiation: { enum: ['headers', 'suffix'] },
    method: { enum: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] },
    accept: { type: 'string', pattern: '^[a-zA-Z0-9!#$&^_.+-]+/[a-zA-Z0-9!#$&^_.+*-]+$' },
    credential: { enum: ['main', 'none', 'invalid', 'second'] },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

/** A capture: a JSON pointer into the answer, or `header:<name>`. */
const capture = { type: 'object', additionalProperties: { type: 'string', pattern: '^(/|header:[A-Za-z0-9-]+$)' } };

export const suiteFileSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['scenarios'],
  additionalProperties: false,
  properties: {
    $comment: { type: 'string' },
    scenarios: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'title', 'rationale', 'probe', 'expect'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]*$' },
          title: { type: 'string' },
          rationale: { type: 'string' },
          requires: {
            type: 'array',
            items: { enum: ['auth', 'second-credential', 'admin', 'rate-limit', 'maintenance'] },
          },
          inconclusiveIfSucceeds: {
            type: 'object',
            required: ['unlessAssumed', 'reason'],
            additionalProperties: false,
            properties: {
              unlessAssumed: { enum: ['admin', 'auth', 'rate-limit', 'maintenance'] },
              reason: { type: 'string' },
            },
          },
          formats: { type: 'array', items: { enum: ['json', 'xml'] } },
          indistinguishableFrom: {
            type: 'object',
            required: ['faults', 'reason'],
            additionalProperties: false,
            properties: {
              faults: { type: 'array', minItems: 1, items: { type: 'string' } },
              reason: { type: 'string' },
            },
          },
          setup: {
            type: 'array',
            items: {
              ...request,
              required: ['id', 'operation'],
              properties: {
                ...request.properties,
                id: { type: 'string', pattern: '^[a-zA-Z][a-zA-Z0-9]*$' },
                capture,
                cleanup: request,
              },
              additionalProperties: false,
            },
          },
          probe: {
            ...request,
            properties: {
              ...request.properties,
              capture,
              cleanup: request,
            },
            additionalProperties: false,
          },
          expect: {
            oneOf: [
              {
                type: 'object',
                required: ['fault'],
                additionalProperties: false,
                properties: { fault: { type: 'string' }, status: { type: 'integer' } },
              },
              {
                type: 'object',
                required: ['success'],
                additionalProperties: false,
                properties: { success: { const: true } },
              },
            ],
          },
        },
      },
    },
  },
} as const;
