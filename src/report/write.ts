import fs from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../model/result.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
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

/** Writes results.json and junit.xml into `dir`; returns the paths written. */
export function writeReports(dir: string, runs: RunResult[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    [path.join(dir, 'results.json'), renderJson(runs)],
    [path.join(dir, 'junit.xml'), renderJunit(runs)],
  ];
  for (const [file, content] of files) {
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  }
  return files.map(([f]) => f);
}
