// The one entry point of a conformance run, for the CLI and the tests alike:
// from resolved settings to the RunResults, reports written.
import type { CaseResult, RunNote, RunResult } from '../model/result.js';
import type { RunSettings } from '../model/settings.js';
import { Secrets } from '../http/secrets.js';
import { runTargets } from '../discovery/runTargets.js';
import type { Reporter } from '../report/reporter.js';
import { prepareReportsDir, writeReports } from '../report/write.js';
import { leftOutNote, placeRun } from './placement.js';
import { runProfile } from './profileRun.js';
import { newRunId } from './runId.js';

export interface RunHooks {
  /** Told of notes, cases and runs as they come (the console), in the order given. */
  reporters?: Reporter[];
  /** Once aborted, no new case starts; the cases under way finish and clean up, and the reports are written. */
  signal?: AbortSignal;
}

export interface Conformance {
  runs: RunResult[];
  /** The report files written, when settings name a reports folder. */
  reportFiles?: string[];
  /** Why the report files could not be written. */
  reportError?: string;
}

/** One reporter that tells every reporter given, in order. */
function fanOut(reporters: Reporter[]): Required<Reporter> {
  return {
    onNote: (note: RunNote) => reporters.forEach((r) => r.onNote?.(note)),
    onCaseEnd: (c: CaseResult) => reporters.forEach((r) => r.onCaseEnd?.(c)),
    onRunEnd: (run: RunResult) => reporters.forEach((r) => r.onRunEnd?.(run)),
    onEnd: (runs: RunResult[]) => reporters.forEach((r) => r.onEnd?.(runs)),
  };
}

/**
 * Runs every profile the settings place, in turn: usage errors (UsageError)
 * are thrown before anything is sent or written; then credentials are
 * obtained, each profile runs where it was placed (its embedded reference
 * target started and stopped around it), the reporters are told, and the
 * report files written. Every token and password is a secret before anything
 * can print it.
 */
export async function runConformance(settings: RunSettings, hooks: RunHooks = {}): Promise<Conformance> {
  const reporter = fanOut(hooks.reporters ?? []);
  const { mode, targets } = placeRun(settings);
  if (settings.reportsDir !== undefined) prepareReportsDir(settings.reportsDir);
  const secrets = new Secrets();
  const notes: RunNote[] = [];
  const tell = (note: RunNote) => {
    notes.push(note);
    reporter.onNote(note);
  };
  const planned = await runTargets(targets, secrets, tell, mode);
  const placed = planned.runs.filter((run) => {
    const leftOut = leftOutNote(run.profile, settings.selection);
    if (leftOut) tell(leftOut);
    return leftOut === undefined;
  });
  const auth = { ...planned.auth, mainIsAdmin: planned.mainIsAdmin };
  const runId = settings.runId ?? newRunId();
  const runs: RunResult[] = [];
  for (const run of placed) {
    const context = { settings, runId, auth, secrets, notes: [...notes], reporter, signal: hooks.signal };
    const result = await runProfile(run, context);
    reporter.onRunEnd(result);
    runs.push(result);
  }
  // The reporters first: should the files fail to be written, the verdicts are still told.
  reporter.onEnd(runs);
  if (settings.reportsDir === undefined) return { runs };
  try {
    return { runs, reportFiles: writeReports(settings.reportsDir, runs) };
  } catch (err) {
    return { runs, reportError: (err as Error).message };
  }
}
