import type { XsdValidator } from 'libxml2-wasm';
import type { SchemaViolation, XsdFaultSchema } from '../model/profile.js';
import { libxml2, loadLibxml2 } from './libxml2.js';

/**
 * Validates XML fault bodies against a profile's generated XSDs, one per
 * accepted namespace, with libxml2 compiled to WebAssembly: no native build,
 * and entity expansion and external entities are refused by default. libxml2
 * is loaded and the XSDs compiled by `load`, before a run's first XML case.
 */
export class XsdFaultValidator implements XsdFaultSchema {
  private validators?: Map<string, XsdValidator>;

  /** `broken`: the error an XSD that does not compile is, given libxml2's first line about it. */
  constructor(
    private readonly xsdByNamespace: Map<string, string>,
    private readonly broken: (why: string) => Error = (why) => new Error(why),
  ) {}

  async load(): Promise<void> {
    await loadLibxml2();
    this.compiled();
  }

  private compiled(): Map<string, XsdValidator> {
    if (this.validators) return this.validators;
    const { XmlDocument, XsdValidator } = libxml2();
    const validators = new Map<string, XsdValidator>();
    try {
      for (const [ns, xsd] of this.xsdByNamespace) {
        const doc = XmlDocument.fromString(xsd);
        try {
          validators.set(ns, XsdValidator.fromDoc(doc));
        } finally {
          doc.dispose();
        }
      }
    } catch (err) {
      for (const v of validators.values()) v.dispose();
      throw this.broken((err as Error).message.split('\n')[0]);
    }
    return (this.validators = validators);
  }

  /** Validates against the XSD of `namespace` (or the first one when it has none). */
  validate(xml: string, namespace: string | undefined): SchemaViolation[] {
    const validators = this.compiled();
    const { XmlDocument, XmlParseError, XmlValidateError } = libxml2();
    const validator = (namespace && validators.get(namespace)) || validators.values().next().value;
    if (!validator) return [{ at: 'document', message: 'no XSD is loaded for this profile' }];
    let doc: InstanceType<typeof XmlDocument>;
    try {
      doc = XmlDocument.fromString(xml);
    } catch (err) {
      if (err instanceof XmlParseError)
        return err.details.map((d) => ({ at: `line ${d.line}`, message: d.message.trim() }));
      return [{ at: 'document', message: `not parsed: ${(err as Error).message}` }];
    }
    try {
      validator.validate(doc);
      return [];
    } catch (err) {
      if (err instanceof XmlValidateError)
        return err.details.map((d) => ({ at: `line ${d.line}`, message: d.message.trim() }));
      // libxml2 refuses some documents without details (e.g. unexpanded entity
      // references a server put in): that is a refusal, not a crash of the run.
      return [{ at: 'document', message: `refused by the XSD validator: ${(err as Error).message}` }];
    } finally {
      doc.dispose();
    }
  }

  dispose(): void {
    for (const v of this.validators?.values() ?? []) v.dispose();
    this.validators = undefined;
  }
}
