import type { CaseResult, RunNote, RunResult, RunSummary } from '../model/result.js';
import type { Waiver } from '../model/waiver.js';
import type { Output } from '../model/output.js';
import type { Reporter } from './reporter.js';
import { diagnose } from '../diagnosis/diagnose.js';
import { printable, printableLine } from './terminal.js';
import { answeredUnavailable, untestableReason } from './untestable.js';

const MARK: Record<CaseResult['state'], string> = {
  passed: 'PASS',
  failed: 'FAIL',
  errored: 'ERR ',
  skipped: 'SKIP',
  waived: 'WAIV',
};

export interface ConsoleOptions {
  color: boolean;
  /** Print every case, not only the ones that did not pass. */
  verbose: boolean;
}

function paint(on: boolean, code: number, text: string): string {
  return on ? `\u001b[${code}m${text}\u001b[0m` : text;
}

const COLOR: Record<CaseResult['state'], number> = { passed: 32, failed: 31, errored: 35, skipped: 33, waived: 36 };

/** The cases the summary gives a diagnosis of: those with findings, waived or not, and those that errored. */
const DIAGNOSED = new Set<CaseResult['state']>(['failed', 'errored', 'waived']);

/** `1 case`, `2 cases`. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line as a case finishes. */
export function caseLine(c: CaseResult, opts: ConsoleOptions): string {
  const why =
    c.state === 'skipped' || c.state === 'errored'
      ? ` — ${printableLine(c.reason)}`
      : c.state === 'waived'
        ? ` — waived: ${printableLine(c.waiver.reason)}`
        : c.acceptedInstead
          ? ` — ${c.acceptedInstead} accepted in place of ${c.expectedFault} (a fault expected in all requests)`
          : '';
  return `${paint(opts.color, COLOR[c.state], MARK[c.state])} ${printableLine(`${c.id} — ${c.title}`)}${why}`;
}

/** The end-of-run report: diagnoses, coverage and the totals line. */
export function renderSummary(run: RunResult, opts: ConsoleOptions): string {
  const out: string[] = [];
  const bad = run.cases.filter((c) => DIAGNOSED.has(c.state));
  // A target that could not be tested at all: one line, not the same diagnosis per case.
  const untestable = untestableReason(run);
  if (bad.length > 0 && untestable === undefined) {
    out.push('', paint(opts.color, 1, `Diagnoses (${bad.length}):`));
    for (const c of bad) {
      out.push('', `${paint(opts.color, COLOR[c.state], MARK[c.state])} ${printableLine(`${c.id} — ${c.title}`)}`);
      out.push(...waivedBy(c));
      // A diagnosis keeps its lines (a body's are indented under it); what a target wrote is shown, not obeyed.
      for (const line of diagnose(c))
        out.push(
          ...printable(line)
            .split('\n')
            .map((l) => `  ${l}`),
        );
    }
  }
  // A target that could not be tested triggered nothing: no table of faults not triggered.
  if (untestable === undefined) out.push(...coverageLines(run, opts));
  const s = run.summary;
  out.push('', ...staleAndExpired(run, opts));
  const why = run.targetError ?? untestable;
  if (why) out.push(paint(opts.color, 35, `target could not be tested: ${printableLine(why)}`));
  const where = printableLine(run.embeddedTarget ? `embedded reference target ${run.target}` : run.target);
  const failed = s.failed > 0 ? paint(opts.color, 31, `${s.failed} failed`) : `${s.failed} failed`;
  const counts = countsOf(run, failed, opts);
  out.push(
    `${run.profile} against ${where}: ${plural(s.total, 'case')}, ${counts} ` +
      `in ${(run.durationMs / 1000).toFixed(2)} s (run ${printableLine(run.runId)})`,
  );
  return out.join('\n');
}

/** The profile's fault coverage: which documented faults were triggered, and whether each conformed. */
function coverageLines(run: RunResult, opts: ConsoleOptions): string[] {
  const out = ['', paint(opts.color, 1, `Fault coverage (${run.profile}):`)];
  const width = Math.max(24, ...run.coverage.map((f) => f.fault.length + 1));
  out.push(`  ${'fault'.padEnd(width)} ${'code'.padEnd(8)} cases  triggered  conformed`);
  for (const f of run.coverage) {
    const untriggered =
      f.scenarios === 0
        ? f.untriggerable
          ? `not triggerable: ${f.untriggerable}`
          : 'no case in this run'
        : 'not triggered';
    const status = f.triggered === 0 ? untriggered : `${f.conformed}/${f.triggered}`;
    const instead =
      (f.answeredInstead > 0 ? `  (answered ${plural(f.answeredInstead, 'time')} in place of another fault)` : '') +
      (f.undistinguished
        ? `  (${f.undistinguished.cases} not distinguishable from ${f.undistinguished.from.join(', ')})`
        : '');
    out.push(
      [
        `  ${f.fault.padEnd(width)}`,
        f.codes.join('/').padEnd(8),
        String(f.scenarios).padStart(5),
        ` ${String(f.triggered).padStart(9)}`,
        ` ${status}${instead}`,
      ].join(' '),
    );
  }
  return out;
}

/** The line under a waived case's heading: the waiver that applied. */
const waivedBy = (c: CaseResult): string[] => (c.state === 'waived' ? [`  ${waiverLine(c.waiver)}`] : []);

/** How a waiver is shown: its reason, where it is in its file, its date and link. */
function waiverLine(w: Waiver): string {
  const more = [w.expires ? `expires ${w.expires}` : '', w.link ?? ''].filter(Boolean).join(', ');
  return printableLine(`waived (${w.entry}): ${w.reason}${more ? ` (${more})` : ''}`);
}

/** The run's stale and expired waivers, a line each, and a blank line after them. */
function staleAndExpired(run: RunResult, opts: ConsoleOptions): string[] {
  const w = run.waivers;
  if (!w || w.stale.length + w.expired.length === 0) return [];
  const line = (kind: string, x: Waiver, what: string) =>
    `  ${kind} ${printableLine(`${x.entry} ${x.case}${x.profile ? ` (${x.profile})` : ''}: ${what}`)}`;
  return [
    paint(opts.color, 1, `Waivers (${printableLine(w.file)}):`),
    ...w.stale.map((x) => line('stale  ', x, 'the finding it waives did not occur')),
    ...w.expired.map((x) => line('expired', x, `expired on ${x.expires}; it no longer applies`)),
    '',
  ];
}

/** The counts of the totals line; with waivers, those of `waivedCounts`. */
function countsOf(run: RunResult, failed: string, opts: ConsoleOptions): string {
  const s = run.summary;
  if (run.waivers) return waivedCounts(s, failed, opts);
  return `${paint(opts.color, 32, `${s.passed} passed`)}, ${failed}, ${s.errored} errored, ${s.skipped} skipped`;
}

/**
 * The counts of a run given waivers: the cases required (those judged: all but
 * the skipped), passed, waived, failed, errored, skipped; and the share passed
 * of those required, and of those required but waived (as RefStack excludes
 * flagged tests).
 */
function waivedCounts(s: RunSummary, failed: string, opts: ConsoleOptions): string {
  const waived = s.waived ?? 0;
  const required = s.total - s.skipped;
  const share = (n: number, of: number) => (of === 0 ? '-' : `${Math.floor((100 * n) / of)}%`);
  const passed = paint(opts.color, 32, `${s.passed} passed`);
  return (
    `${required} required: ${passed}, ${paint(opts.color, 36, `${waived} waived`)}, ` +
    `${failed}, ${s.errored} errored, ${s.skipped} skipped ` +
    `(${share(s.passed, required)} of required, ${share(s.passed, required - waived)} excluding waived)`
  );
}

/** `conform: note: …` for what the user may want to change, `conform: …` for what conform chose. */
export function noteLine(note: RunNote): string {
  return `conform: ${note.level === 'note' ? 'note: ' : ''}${printableLine(note.message)}`;
}

/**
 * The console: notes on stderr as they are made, a line per case that did not
 * pass (every case with `verbose`) as it finishes, one line on stderr for a
 * target that could not be tested at all, and each profile's summary at the end.
 * While every case of a run so far errored for one and the same reason, their
 * lines wait: a run in which every case did is said once, in its summary.
 */
export function consoleReporter(io: Output, opts: ConsoleOptions): Reporter {
  let held: CaseResult[] | undefined = [];
  const show = (c: CaseResult) => {
    if (opts.verbose || c.state !== 'passed') io.out(caseLine(c, opts));
  };
  const release = () => {
    held?.forEach(show);
    held = undefined;
  };
  return {
    onNote: (note) => io.err(noteLine(note)),
    onCaseEnd: (c) => {
      const firstError = held?.find((h) => h.state === 'errored');
      const sameError = c.state === 'errored' && (firstError === undefined || firstError.reason === c.reason);
      // A case answered only 503/429/413 may turn out to be one of a run whose target was unavailable throughout.
      // A skipped case says nothing of the target: it waits with the others.
      if (held && (sameError || answeredUnavailable(c) || c.state === 'skipped')) held.push(c);
      else {
        release();
        show(c);
      }
    },
    onRunEnd: (run) => {
      if (untestableReason(run) === undefined) release();
      held = [];
      if (run.targetError) io.err(`conform: ${printableLine(`${run.target} could not be tested: ${run.targetError}`)}`);
    },
    onEnd: (runs) => {
      for (const run of runs) io.out(renderSummary(run, opts));
    },
  };
}
