import type { Output } from '../../model/output.js';
import { mergeShards, readShard } from '../../core/merge.js';
import { renderSummary } from '../../report/console.js';
import { createReporters, REPORTER_NAMES, REPORTERS } from '../../report/reporters.js';
import { prepareReportsDir } from '../../report/write.js';
import { printableLine } from '../../report/terminal.js';
import { exitCodeFor } from '../exitCode.js';

export interface MergeCommandOptions {
  /** The reports folders of the shards, each with its results.json. */
  dirs: string[];
  /** Where the merged reports go. */
  reportsDir: string;
  color: boolean;
}

/**
 * `conform merge DIR…`: the shards' results.json merged into one, and every
 * file report written again from it. Returns the exit code a run with the
 * merged results would give.
 */
export function mergeCommand(options: MergeCommandOptions, io: Output): number {
  const runs = mergeShards(options.dirs.map(readShard));
  prepareReportsDir(options.reportsDir);
  const files: string[] = [];
  const ctx = { reportsDir: options.reportsDir, wrote: (f: string) => files.push(f), env: process.env };
  const { writing } = createReporters(
    REPORTER_NAMES.filter((n) => REPORTERS[n].file),
    ctx,
  );
  for (const run of runs) io.out(renderSummary(run, { color: options.color, verbose: false }));
  for (const w of writing) w.onEnd?.(runs);
  io.out(`reports: ${files.map(printableLine).join(', ')}`);
  return exitCodeFor(runs);
}
