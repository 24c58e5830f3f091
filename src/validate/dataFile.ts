import { UsageError } from '../errors.js';

/** A validator of one of conform's own data files, compiled ahead of time (src/schemagen/validators.ts). */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}

/**
 * A validator for one of conform's own data files (catalogs, suites): parses
 * the text and checks it with the schema's compiled validator, turning every
 * problem into a UsageError that names the file and the place.
 */
export function dataFileValidator<T>(validate: CompiledValidator): (file: string, text: string) => T {
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
