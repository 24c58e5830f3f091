import { createRequire } from 'node:module';
import type * as AjvModule from 'ajv/dist/2020.js';
import type { Ajv2020, ErrorObject } from 'ajv/dist/2020.js';
import type { CompiledValidator } from './dataFile.js';
import addFormatsLite from './formats.js';
import { ANY_FAULT } from './compiledFaults.js';
import type { JsonFaultSchema, SchemaViolation } from '../model/profile.js';

/** ajv's compiler, loaded only when a schema must be compiled: validators compiled ahead of time do without it. */
const loadAjv = (): typeof AjvModule => createRequire(import.meta.url)('ajv/dist/2020.js') as typeof AjvModule;

/** What an error's params add to its message: the member that is not allowed, the value that is. */
function errorParams(e: ErrorObject): string {
  const extra = e.params && 'additionalProperty' in e.params ? ` '${e.params.additionalProperty}'` : '';
  const allowed = e.params && 'allowedValue' in e.params ? ` ${JSON.stringify(e.params.allowedValue)}` : '';
  return extra + allowed;
}

/**
 * Validates JSON fault bodies against a profile's generated JSON Schema. A
 * built-in profile's validators come compiled ahead of time (`compiled`, keyed
 * by fault, ANY_FAULT for the whole schema); otherwise each fault's is compiled
 * once, when a body is first held to it: a run compiles only the faults its
 * cases meet, and loading a profile compiles none.
 */
export class JsonFaultValidator implements JsonFaultSchema {
  private compiler?: Ajv2020;
  private readonly byFault = new Map<string, CompiledValidator>();

  /**
   * `trusted`: the schema is one of conform's own generated files, which a test
   * checks against JSON Schema's meta-schema, so the validator does not check it
   * again (compiling the meta-schema is about half the cost of a run's first validation).
   */
  constructor(
    private readonly schema: { $id: string; $defs: Record<string, object> },
    private readonly trusted = false,
    private readonly compiled?: ReadonlyMap<string, CompiledValidator>,
  ) {}

  private get ajv(): Ajv2020 {
    if (!this.compiler) {
      this.compiler = new (loadAjv().Ajv2020)({ allErrors: true, strict: true, validateSchema: !this.trusted });
      addFormatsLite(this.compiler);
      this.compiler.addSchema(this.schema);
    }
    return this.compiler;
  }

  /** The validator of one fault's definition, or of the whole schema (ANY_FAULT). */
  private forFault(fault: string): CompiledValidator | undefined {
    if (this.compiled) return this.compiled.get(fault);
    const ref = fault === ANY_FAULT ? this.schema.$id : `${this.schema.$id}#/$defs/${fault}`;
    const compiled = this.byFault.get(fault) ?? this.ajv.getSchema(ref);
    if (compiled) this.byFault.set(fault, compiled);
    return compiled;
  }

  /** Against one fault's definition, or any documented fault when none is named. */
  validate(value: unknown, fault?: string): SchemaViolation[] {
    const validate = this.forFault(fault || ANY_FAULT);
    if (!validate) return [{ at: '/', message: `the schema has no definition for ${fault}` }];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => ({
      at: e.instancePath || '/',
      message: `${e.message ?? e.keyword}${errorParams(e)}`,
    }));
  }
}
