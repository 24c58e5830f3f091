import { readObject } from '../../body/object.js';
import type { FaultReply } from '../common/types.js';
import { v3Fault as F } from './faults.js';

type FieldType = 'string' | 'nullable-string' | 'boolean' | 'array' | 'object';

interface FieldRule {
  type: FieldType;
  min?: number;
  max?: number;
}

/** What Keystone's JSON Schemas say about an entity's body, and the rows of the table each breach is. */
export interface EntitySchema {
  singular: string;
  plural: string;
  fields: Record<string, FieldRule>;
  required: string[];
  /** Attributes only a create may set: an update that sets one is refused. */
  createOnly: string[];
}

/** Attributes the service sets: a body may not. */
const SERVER_SET = ['id', 'links'];

const named = (min: number, max: number): FieldRule => ({ type: 'string', min, max });

export const PROJECT_SCHEMA: EntitySchema = {
  singular: 'project',
  plural: 'projects',
  fields: {
    name: named(1, 64),
    description: { type: 'nullable-string' },
    domain_id: { type: 'nullable-string' },
    parent_id: { type: 'nullable-string' },
    enabled: { type: 'boolean' },
    is_domain: { type: 'boolean' },
    tags: { type: 'array' },
    options: { type: 'object' },
  },
  required: ['name'],
  createOnly: ['is_domain', 'parent_id', 'domain_id'],
};

export const USER_SCHEMA: EntitySchema = {
  singular: 'user',
  plural: 'users',
  fields: {
    name: named(1, 255),
    password: { type: 'nullable-string' },
    enabled: { type: 'boolean' },
    domain_id: { type: 'string' },
    default_project_id: { type: 'nullable-string' },
    description: { type: 'nullable-string' },
    options: { type: 'object' },
  },
  required: ['name'],
  createOnly: ['domain_id'],
};

export const DOMAIN_SCHEMA: EntitySchema = {
  singular: 'domain',
  plural: 'domains',
  fields: {
    name: named(1, 64),
    description: { type: 'nullable-string' },
    enabled: { type: 'boolean' },
    tags: { type: 'array' },
    options: { type: 'object' },
  },
  required: ['name'],
  createOnly: [],
};

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function typeOf(rule: FieldRule, value: unknown): boolean {
  switch (rule.type) {
    case 'string':
      return typeof value === 'string';
    case 'nullable-string':
      return value === null || typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(value);
  }
}

function checkField(name: string, rule: FieldRule, value: unknown): FaultReply | undefined {
  if (!typeOf(rule, value)) return F.unexpectedType(name, value, rule.type.replace('nullable-', ''));
  if (typeof value !== 'string') return undefined;
  if (rule.min !== undefined && value.length < rule.min) return F.invalidValue(name, `'${value}' is too short`);
  if (rule.max !== undefined && value.length > rule.max) return F.invalidValue(name, `'${value}' is too long`);
  return undefined;
}

/** The entity under its key in a body, or the 400 whose row fits what is wrong with it. */
function entityOf(text: string, schema: EntitySchema): { attrs: Record<string, unknown> } | FaultReply {
  if (text.trim() === '') return F.missingAttribute(schema.singular);
  const parsed = readObject(text, 'json');
  if (!parsed) return F.invalidBodyFormat('Malformed request body: it is not a JSON object.');
  if (parsed[schema.plural] !== undefined && parsed[schema.singular] === undefined)
    return F.batchNotAllowed(schema.plural, schema.singular);
  const inner = parsed[schema.singular];
  if (inner === undefined) return F.missingAttribute(schema.singular);
  if (!isRecord(inner)) return F.unexpectedType(schema.singular, inner, 'object');
  return { attrs: inner };
}

export interface ReadOptions {
  /** Let a create carry an id (silently replaced), as Keystone Zed does (a mutation). */
  ignoreId?: boolean;
  /** Take a name of any length (a mutation). */
  unlimitedNames?: boolean;
}

/** Reads and validates the body of a create (POST) or an update (PATCH) of an entity. */
export function readEntity(
  text: string,
  schema: EntitySchema,
  method: 'POST' | 'PATCH',
  options: ReadOptions = {},
): { attrs: Record<string, unknown> } | FaultReply {
  const entity = entityOf(text, schema);
  if (!('attrs' in entity)) return entity;
  const attrs = { ...entity.attrs };
  if (options.ignoreId) delete attrs.id;
  const serverSet = SERVER_SET.find((k) => k in attrs);
  if (serverSet) return F.attributeNotAllowed(serverSet);
  if (method === 'PATCH') {
    const createOnly = schema.createOnly.find((k) => k in attrs);
    if (createOnly) return F.createOnlyAttribute(createOnly);
    if (Object.keys(attrs).length === 0) return F.invalidValue(schema.singular, '{} does not have enough properties');
  } else {
    const missing = schema.required.find((k) => attrs[k] === undefined);
    if (missing) return F.missingAttribute(missing);
  }
  for (const [name, rule] of Object.entries(schema.fields)) {
    if (!(name in attrs)) continue;
    const problem = checkField(name, options.unlimitedNames ? { ...rule, max: undefined } : rule, attrs[name]);
    if (problem) return problem;
  }
  return { attrs };
}
