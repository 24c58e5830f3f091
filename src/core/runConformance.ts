// The one entry point of a conformance run, for the CLI and the tests alike:
// from resolved settings to the RunResults, reports written.
import type { CaseResult, RunNote, RunResult } from '../model/result.js';
import type { RunSettings } from '../model/settings.js';
import { Secrets } from '../http/secrets.js';
import { runTargets } from '../discovery/runTargets.js';
import type { Reporter } from '../report/reporter.js';
import { createReporters, DEFAULT_REPORTERS, needWholeCases, type ConsoleSink } from '../report/reporters.js';
import { prepareReportsDir } from '../report/write.js';
import { leftOutNote, placeRun } from './placement.js';
import { runProfile, type InvocationContext } from './profileRun.js';
import { runNetwork } from './network.js';
import type { Network } from '../http/network.js';
import { newRunId } from './runId.js';
import { RunStop, stopNotice } from '../runner/stop.js';
import { applyWaivers, waiveCase } from '../runner/waivers.js';
import type { ProfileRun, RunMode, TargetSettings } from '../discovery/runTargets.js';

export interface RunHooks {
  /** Told of notes, cases and runs as they come, in the order given, before the reporters settings name. */
  reporters?: Reporter[];
  /** Where the console reporter prints; without it, a console named in the settings is left out. */
  console?: ConsoleSink;
  /** The environment the reporters read (GITHUB_STEP_SUMMARY); default: the process's. */
  env?: Record<string, string | undefined>;
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

/**
 * One reporter that tells every reporter given, in order. Those that write
 * files are told each note, case and run as they come too; their end is the
 * core's to call (writeFiles), once the others have been told it.
 */
function fanOut(reporters: Reporter[], writing: Reporter[]): Required<Reporter> {
  const all = [...reporters, ...writing];
  return {
    onNote: (note: RunNote) => all.forEach((r) => r.onNote?.(note)),
    onCaseEnd: (c: CaseResult) => all.forEach((r) => r.onCaseEnd?.(c)),
    onRunEnd: (run: RunResult) => all.forEach((r) => r.onRunEnd?.(run)),
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
export async function runConformance(given: RunSettings, hooks: RunHooks = {}): Promise<Conformance> {
  const { mode, targets } = placeRun(given);
  const { network, notes: networkNotes } = runNetwork(given, mode.kind !== 'embedded');
  const names = given.reporters ?? DEFAULT_REPORTERS;
  // report.html shows every exchange: with it, the run keeps them whole.
  const settings = needWholeCases(names) ? { ...given, keepExchanges: true } : given;
  const reportFiles: string[] = [];
  const { telling, writing } = createReporters(names, {
    console: hooks.console,
    reportsDir: settings.reportsDir,
    wrote: (file) => reportFiles.push(file),
    env: hooks.env ?? process.env,
  });
  const reporter = fanOut([...(hooks.reporters ?? []), ...telling], writing);
  if (settings.reportsDir !== undefined) prepareReportsDir(settings.reportsDir);
  const secrets = new Secrets();
  const notes: RunNote[] = [];
  let current: RunNote[] | undefined;
  const tell = (told: RunNote) => {
    // A note may carry what a target said (a redirect's Location, a catalog's URLs).
    const note = { ...told, message: secrets.redact(told.message) };
    // What is told while a profile runs is that run's (a redirect of its target), but a stop is every later one's too.
    if (current === undefined || note.topic === 'run') notes.push(note);
    current?.push(note);
    reporter.onNote(note);
  };
  const own = (): RunNote[] => (current = [...notes]);
  const stop = new RunStop();
  stop.onStop = (cause) => tell({ topic: 'run', level: 'note', message: stopNotice(cause) });
  stop.follow(hooks.signal);
  if (settings.deadlineMs !== undefined) stop.deadline(settings.deadlineMs);
  networkNotes.forEach(tell);
  try {
    const runs = await runPlaced(settings, {
      targets: { ...targets, network },
      mode,
      network,
      secrets,
      stop,
      reporter,
      tell,
      own,
    });
    // The reporters that tell first: should the files fail to be written, the verdicts are still told.
    reporter.onEnd(runs);
    const reportError = writeFiles(writing, runs);
    if (reportError !== undefined) return { runs, reportError };
    return settings.reportsDir !== undefined ? { runs, reportFiles } : { runs };
  } finally {
    stop.dispose();
  }
}

interface Invocation {
  targets: TargetSettings;
  mode: RunMode;
  network: Network;
  secrets: Secrets;
  stop: RunStop;
  reporter: Required<Reporter>;
  tell: (note: RunNote) => void;
  /** A new list of notes for the profile about to run: those so far, and those to come while it runs. */
  own: () => RunNote[];
}

/** Credentials, then each profile the placement keeps, in turn. */
async function runPlaced(settings: RunSettings, inv: Invocation): Promise<RunResult[]> {
  const planned = await runTargets(inv.targets, inv.secrets, inv.tell, inv.mode);
  const placed = planned.runs.filter((run) => {
    const leftOut = leftOutNote(run.profile, settings.selection);
    if (leftOut) inv.tell(leftOut);
    return leftOut === undefined;
  });
  const auth = { ...planned.auth, mainIsAdmin: planned.mainIsAdmin };
  planned.auth.renewal?.start({
    renewed: (message) => inv.tell({ topic: 'credentials', level: 'info', message }),
    failed: (message) => {
      inv.tell({ topic: 'credentials', level: 'note', message });
      inv.stop.stop('token');
    },
  });
  try {
    return await runEach(settings, inv, placed, auth);
  } finally {
    planned.auth.renewal?.stop();
  }
}

async function runEach(
  settings: RunSettings,
  inv: Invocation,
  placed: ProfileRun[],
  auth: InvocationContext['auth'],
): Promise<RunResult[]> {
  const runId = settings.runId ?? newRunId();
  const runs: RunResult[] = [];
  const now = new Date();
  for (const run of placed) {
    const { secrets, stop } = inv;
    // The reporters see each case as the waivers make it; the run's result gets them applied once, whole.
    const name = run.profile.catalog.profile;
    const onCaseEnd = (c: CaseResult) => inv.reporter.onCaseEnd(waiveCase(c, name, settings.waivers, now));
    const reporter = { ...inv.reporter, onCaseEnd };
    const context = {
      settings,
      runId,
      auth,
      secrets,
      notes: inv.own(),
      tell: inv.tell,
      reporter,
      stop,
      network: inv.network,
    };
    const result = applyWaivers(await runProfile(run, context), settings.waivers, now);
    reporter.onRunEnd(result);
    runs.push(result);
  }
  return runs;
}

/** The reporters that write files, in turn: the first that fails stops the others, and says why. */
function writeFiles(writing: Reporter[], runs: RunResult[]): string | undefined {
  try {
    for (const w of writing) w.onEnd?.(runs);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
