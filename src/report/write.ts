import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';

/** Makes sure reports can be written to `dir` before a run spends any time: a UsageError if not. */
export function prepareReportsDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw new UsageError(
      `--reports ${dir}: cannot write reports there (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
}

/** Writes one report file into `dir` whole or not at all (a temporary file, then a rename); returns its path. */
export function writeReport(dir: string, name: string, content: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
  return file;
}
