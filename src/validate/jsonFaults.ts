import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsLite from './formats.js';
import type { JsonFaultSchema, SchemaViolation } from '../model/profile.js';

/** What an error's params add to its message: the member that is not allowed, the value that is. */
function errorParams(e: ErrorObject): string {
  const extra = e.params && 'additionalProperty' in e.params ? ` '${e.params.additionalProperty}'` : '';
  const allowed = e.params && 'allowedValue' in e.params ? ` ${JSON.stringify(e.params.allowedValue)}` : '';
  return extra + allowed;
}

/**
 * Validates JSON fault bodies against a profile's generated JSON Schema. Each
 * fault's validator is compiled once, when a body is first held to it: a run
 * compiles only the faults its cases meet, and loading a profile compiles none.
 */
export class JsonFaultValidator implements JsonFaultSchema {
  private compiler?: Ajv2020;
  private readonly byFault = new Map<string, ValidateFunction>();
  private any?: ValidateFunction;

  /**
   * `trusted`: the schema is one of conform's own generated files, which a test
   * checks against JSON Schema's meta-schema, so the validator does not check it
   * again (compiling the meta-schema is about half the cost of a run's first validation).
   */
  constructor(
    private readonly schema: { $id: string; $defs: Record<string, object> },
    private readonly trusted = false,
  ) {}

  private get ajv(): Ajv2020 {
    if (!this.compiler) {
      this.compiler = new Ajv2020({ allErrors: true, strict: true, validateSchema: !this.trusted });
      addFormatsLite(this.compiler);
      this.compiler.addSchema(this.schema);
    }
    return this.compiler;
  }

  private forFault(fault: string): ValidateFunction | undefined {
    const compiled = this.byFault.get(fault) ?? this.ajv.getSchema(`${this.schema.$id}#/$defs/${fault}`);
    if (compiled) this.byFault.set(fault, compiled);
    return compiled;
  }

  /** Against one fault's definition, or any documented fault when none is named. */
  validate(value: unknown, fault?: string): SchemaViolation[] {
    const validate = fault ? this.forFault(fault) : (this.any ??= this.ajv.getSchema(this.schema.$id)!);
    if (!validate) return [{ at: '/', message: `the schema has no definition for ${fault}` }];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => ({
      at: e.instancePath || '/',
      message: `${e.message ?? e.keyword}${errorParams(e)}`,
    }));
  }
}
