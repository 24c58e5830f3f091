import { XmlDocument, XsdValidator, XmlValidateError, XmlParseError } from 'libxml2-wasm';
import type { SchemaViolation, XsdFaultSchema } from '../model/profile.js';

/**
 * Validates XML fault bodies against a profile's generated XSDs, one per
 * accepted namespace, with libxml2 compiled to WebAssembly: no native build,
 * and entity expansion and external entities are refused by default.
 */
export class XsdFaultValidator implements XsdFaultSchema {
  private readonly validators = new Map<string, XsdValidator>();

  constructor(xsdByNamespace: Map<string, string>) {
    for (const [ns, xsd] of xsdByNamespace) {
      const doc = XmlDocument.fromString(xsd);
      try {
        this.validators.set(ns, XsdValidator.fromDoc(doc));
      } finally {
        doc.dispose();
      }
    }
  }

  /** Validates against the XSD of `namespace` (or the first one when it has none). */
  validate(xml: string, namespace: string | undefined): SchemaViolation[] {
    const validator = (namespace && this.validators.get(namespace)) || this.validators.values().next().value;
    if (!validator) return [{ at: 'document', message: 'no XSD is loaded for this profile' }];
    let doc: XmlDocument;
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
    for (const v of this.validators.values()) v.dispose();
    this.validators.clear();
  }
}
