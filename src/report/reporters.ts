// The reporters a run can be told to use, by name (--reporter): each reads the
// results and nothing else. The console prints as the run goes; the others
// write one file each into the reports folder once every profile has run:
// results.json and junit.xml piece by piece, results.json with each passing
// case as it was told whole when it finished (kept on disk until then).
import fs from 'node:fs';
import type { Output } from '../model/output.js';
import type { RunResult } from '../model/result.js';
import { UsageError } from '../errors.js';
import type { Reporter } from './reporter.js';
import { consoleReporter, type ConsoleOptions } from './console.js';
import { renderHtml } from './html.js';
import { caseJson, writeJson } from './json.js';
import { writeJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { writeReport } from './write.js';
import { Spool, writeReportStreamed } from './reportFile.js';

/** Where the console reporter prints, and how. */
export interface ConsoleSink extends ConsoleOptions {
  io: Output;
}

export interface ReporterContext {
  /** The console; none: the console reporter has nowhere to print and is left out. */
  console?: ConsoleSink;
  /** The reports folder (already checked to be writable); none: no report files. */
  reportsDir?: string;
  /** Told of each file written, as it is written. */
  wrote: (file: string) => void;
  /** Where `GITHUB_STEP_SUMMARY` is read from. */
  env: Record<string, string | undefined>;
}

interface ReporterEntry {
  /** A file reporter writes at the end of the run, after every other reporter has been told. */
  file: boolean;
  /** It shows every case's exchanges whole: the run keeps them (as with --keep-exchanges). */
  wholeCases?: boolean;
  create(ctx: ReporterContext): Reporter | undefined;
}

/** A reporter that writes `render(runs)` into the reports folder as `name`. */
function fileReporter(ctx: ReporterContext, name: string, render: (runs: RunResult[]) => string): Reporter | undefined {
  const dir = ctx.reportsDir;
  if (dir === undefined) return undefined;
  return { onEnd: (runs) => ctx.wrote(writeReport(dir, name, render(runs))) };
}

/** junit.xml, written piece by piece. */
function junitReporter(ctx: ReporterContext): Reporter | undefined {
  const dir = ctx.reportsDir;
  if (dir === undefined) return undefined;
  return { onEnd: (runs) => ctx.wrote(writeReportStreamed(dir, 'junit.xml', (out) => writeJunit(out, runs))) };
}

/**
 * results.json, written piece by piece at the end, each passing case as it
 * was told when it finished: whole, though the run keeps only its outline.
 * Until then those cases wait on disk, not in memory. A spool that could not
 * be written says why when the file is.
 */
function jsonReporter(ctx: ReporterContext): Reporter | undefined {
  const dir = ctx.reportsDir;
  if (dir === undefined) return undefined;
  const spool = new Spool();
  let run = 0;
  let failure: Error | undefined;
  const key = (i: number, id: string) => `${i} ${id}`;
  return {
    onCaseEnd: (c) => {
      if (c.state !== 'passed' || failure) return;
      try {
        spool.add(key(run, c.id), caseJson(c));
      } catch (err) {
        failure = err as Error;
      }
    },
    onRunEnd: () => void run++,
    onEnd: (runs) => {
      try {
        if (failure) throw failure;
        const told = (i: number, c: { id: string; state: string }) =>
          c.state === 'passed' ? spool.read(key(i, c.id)) : undefined;
        ctx.wrote(writeReportStreamed(dir, 'results.json', (out) => writeJson(out, runs, told)));
      } finally {
        spool.dispose();
      }
    },
  };
}

/** report.md, and when GitHub Actions names a job summary file, the same Markdown appended to it. */
function markdownReporter(ctx: ReporterContext): Reporter | undefined {
  const summary = ctx.env.GITHUB_STEP_SUMMARY || undefined;
  const file = fileReporter(ctx, 'report.md', renderMarkdown);
  if (summary === undefined) return file;
  return {
    onEnd: (runs) => {
      file?.onEnd?.(runs);
      fs.appendFileSync(summary, renderMarkdown(runs));
    },
  };
}

/** The reporters by name. */
export const REPORTERS = {
  console: { file: false, create: (ctx) => ctx.console && consoleReporter(ctx.console.io, ctx.console) },
  json: { file: true, create: jsonReporter },
  junit: { file: true, create: junitReporter },
  markdown: { file: true, create: markdownReporter },
  html: { file: true, wholeCases: true, create: (ctx) => fileReporter(ctx, 'report.html', renderHtml) },
} satisfies Record<string, ReporterEntry>;

export type ReporterName = keyof typeof REPORTERS;

export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

export const DEFAULT_REPORTERS: ReporterName[] = ['console', 'json', 'junit'];

const isReporterName = (name: string): name is ReporterName => Object.hasOwn(REPORTERS, name);

/** Whether one of the reporters named shows every case's exchanges whole (report.html). */
export const needWholeCases = (names: readonly string[]): boolean =>
  names.some((n) => isReporterName(n) && (REPORTERS[n] as ReporterEntry).wholeCases === true);

/**
 * The reporters named, each once: those that tell as the run goes (the
 * console) apart from those that write files, which the core runs last, so
 * that the console's summary is printed before any file is written.
 */
export function createReporters(
  names: readonly string[],
  ctx: ReporterContext,
): { telling: Reporter[]; writing: Reporter[] } {
  const unknown = names.filter((n) => !isReporterName(n));
  if (unknown.length > 0)
    throw new UsageError(`--reporter ${unknown.join(', ')}: unknown reporter (one of: ${REPORTER_NAMES.join(', ')})`);
  const telling: Reporter[] = [];
  const writing: Reporter[] = [];
  for (const name of new Set(names as ReporterName[])) {
    const entry: ReporterEntry = REPORTERS[name];
    const reporter = entry.create(ctx);
    if (reporter) (entry.file ? writing : telling).push(reporter);
  }
  return { telling, writing };
}
