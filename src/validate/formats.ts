import type { Ajv2020, FormatDefinition } from 'ajv/dist/2020.js';

/** The one string format fault schemas use (overLimit's retryAt), RFC 3339. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * The formats by name, as ajv takes them: given to ajv when it compiles a schema,
 * and to the validators compiled ahead of time, whose code reads them from here.
 */
export const FORMATS: Record<string, FormatDefinition<string>> = {
  'date-time': { type: 'string', validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)) },
};

export default function addFormatsLite(ajv: Ajv2020): void {
  for (const [name, format] of Object.entries(FORMATS)) ajv.addFormat(name, format);
}
