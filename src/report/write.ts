import fs from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../model/result.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';

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
