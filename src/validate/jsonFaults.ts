import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsLite from './formats.js';
import type { JsonFaultSchema, SchemaViolation } from '../model/profile.js';

/** What an error's params add to its message: the member that is not allowed, the value that is. */
function errorParams(e: ErrorObject): string {
  const extra = e.params && 'additionalProperty' in e.params ? ` '${e.params.additionalProperty}'` : '';
  const allowed = e.params && 'allowedValue' in e.params ? ` ${JSON.stringify(e.params.allowedValue)}` : '';
  return extra + allowed;
}

/** Validates JSON fault bodies against a profile's generated JSON Schema. */
export class JsonFaultValidator implements JsonFaultSchema {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true });
  private readonly byFault = new Map<string, ValidateFunction>();
  private readonly any: ValidateFunction;

  constructor(private readonly schema: { $id: string; $defs: Record<string, object> }) {
    addFormatsLite(this.ajv);
    this.ajv.addSchema(schema);
    this.any = this.ajv.getSchema(schema.$id)!;
  }

  /** Against one fault's definition, or any documented fault when none is named. */
  validate(value: unknown, fault?: string): SchemaViolation[] {
    let validate = this.any;
    if (fault) {
      const cached = this.byFault.get(fault) ?? this.ajv.getSchema(`${this.schema.$id}#/$defs/${fault}`);
      if (!cached) return [{ at: '/', message: `the schema has no definition for ${fault}` }];
      this.byFault.set(fault, cached);
      validate = cached;
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => ({
      at: e.instancePath || '/',
      message: `${e.message ?? e.keyword}${errorParams(e)}`,
    }));
  }
}
