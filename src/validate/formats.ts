import type { Ajv2020 } from 'ajv/dist/2020.js';

/** The one string format fault schemas use (overLimit's retryAt), RFC 3339. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export default function addFormatsLite(ajv: Ajv2020): void {
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)),
  });
}
