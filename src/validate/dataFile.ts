import { Ajv2020 } from 'ajv/dist/2020.js';
import { UsageError } from '../errors.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });

/**
 * A validator for one of conform's own data files (catalogs, suites, config):
 * parses the text and checks it against a schema, turning every problem into
 * a UsageError that names the file and the place.
 */
export function compileDataFileValidator<T>(schema: object): (file: string, text: string) => T {
  const validate = ajv.compile(schema);
  return (file, text) => {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`${file}: not valid JSON: ${(err as Error).message}`);
    }
    if (!validate(data)) {
      const lines = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
      throw new UsageError(`${file}: ${lines.join('; ')}`);
    }
    return data as T;
  };
}
