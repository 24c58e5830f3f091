// report.md: what a person reads in CI (a job summary, a pull-request comment):
// per profile its totals, the fault × format coverage and each failure with its
// diagnosis and a curl that reproduces it.
import type { Waiver } from '../model/waiver.js';
import type { CaseResult, RunResult } from '../model/result.js';
import { diagnose } from '../diagnosis/diagnose.js';
import { cellText, coverageMatrix, faultLabel, MATRIX_FORMATS } from './matrix.js';
import { printable, printableLine } from './terminal.js';
import { untestableReason, waivedOf } from './untestable.js';

const REPRODUCE = '  Reproduce with: ';

/** Text as Markdown shows it, not as Markdown reads it: one line, every markup character escaped. */
export function mdText(text: string): string {
  return printableLine(text).replace(/[\\`*_{}[\]<>()#+!|~&]/g, '\\$&');
}

/** `text` in a fenced code block whose fence is longer than any run of backticks in it. */
export function fenced(text: string, info = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${printable(text)}\n${fence}`;
}

const MARK: Record<string, string> = { failed: 'FAIL', errored: 'ERR', waived: 'WAIVED' };

function totalsTable(runs: RunResult[]): string[] {
  const withWaived = runs.some((r) => waivedOf(r.summary) !== undefined);
  const head = ['profile', 'target', 'required', 'passed', 'failed', 'errored', 'skipped'];
  if (withWaived) head.push('waived');
  const rows = runs.map((r) => {
    const s = r.summary;
    const cells = [mdText(r.profile), mdText(r.target), s.total - s.skipped, s.passed, s.failed, s.errored, s.skipped];
    if (withWaived) cells.push(waivedOf(s) ?? 0);
    return `| ${cells.join(' | ')} |`;
  });
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows];
}

function matrixTable(run: RunResult): string[] {
  const head = `| fault | code | ${MATRIX_FORMATS.map((f) => f.toUpperCase()).join(' | ')} |`;
  const rows = coverageMatrix(run).map((row) => {
    const cells = MATRIX_FORMATS.map((f) => cellText(row.cells[f]));
    const fault = faultLabel(row);
    return `| ${[mdText(fault), row.codes.join('/'), ...cells].join(' | ')} |`;
  });
  return [head, `|---|---|${MATRIX_FORMATS.map(() => '---').join('|')}|`, ...rows];
}

/** A failed or errored case: heading, diagnosis, and the curl lines that reproduce it. */
function failure(c: CaseResult): string[] {
  const lines = diagnose(c);
  const curls = lines.filter((l) => l.startsWith(REPRODUCE)).map((l) => l.slice(REPRODUCE.length));
  const diagnosis = lines.filter((l) => !l.startsWith(REPRODUCE));
  const out = ['', `#### ${MARK[c.state] ?? c.state.toUpperCase()} ${mdText(`${c.id} — ${c.title}`)}`, ''];
  out.push(fenced(diagnosis.join('\n'), 'text'));
  if (curls.length > 0) out.push('', fenced(curls.join('\n'), 'sh'));
  return out;
}

function runSection(run: RunResult): string[] {
  const s = run.summary;
  const where = run.embeddedTarget ? `the embedded reference target ${run.target}` : run.target;
  const out = ['', `## ${mdText(`${run.profile} against ${where}`)}`, ''];
  const untestable = untestableReason(run);
  const totals = `${s.total} cases: ${s.passed} passed, ${s.failed} failed, ${s.errored} errored, ${s.skipped} skipped`;
  const waived = waivedOf(s) !== undefined ? `, ${waivedOf(s)} waived` : '';
  const when = `in ${(run.durationMs / 1000).toFixed(2)} s (run ${mdText(run.runId)}, started ${run.startedAt})`;
  if (untestable !== undefined) {
    out.push(`**The target could not be tested**: ${mdText(untestable)} — ${totals}${waived} ${when}.`);
    return out;
  }
  out.push(`${totals}${waived} ${when}.`);
  if (run.targetError) out.push('', `**The target could not be tested**: ${mdText(run.targetError)}`);
  out.push('', '### Fault coverage', '', ...matrixTable(run));
  const bad = run.cases.filter((c) => c.state === 'failed' || c.state === 'errored');
  if (bad.length > 0) out.push('', `### Failures (${bad.length})`, ...bad.flatMap(failure));
  out.push(...waiversSection(run));
  return out;
}

/** The findings waivers accepted (each with its reason and diagnosis), and the waivers stale or expired. */
function waiversSection(run: RunResult): string[] {
  const waived = run.cases.filter((c) => c.state === 'waived');
  const out: string[] = [];
  if (waived.length > 0) {
    out.push('', `### Waived (${waived.length})`);
    for (const c of waived) out.push(...failure(c), '', `Waived: ${mdText(c.waiver.reason)}`);
  }
  const listed = (what: string, ws: Waiver[]) =>
    ws.length === 0 ? [] : ['', `### ${what} waivers (${ws.length})`, '', ...ws.map((w) => waiverLine(w))];
  out.push(...listed('Stale', run.waivers?.stale ?? []), ...listed('Expired', run.waivers?.expired ?? []));
  return out;
}

const waiverLine = (w: Waiver): string =>
  `- ${mdText(w.case)}${w.checks ? ` (${w.checks.join(', ')})` : ''}: ${mdText(w.reason)}` +
  `${w.expires ? `, expires ${w.expires}` : ''}`;

/** report.md: the totals of every profile run, then each run's coverage and failures. */
export function renderMarkdown(runs: RunResult[]): string {
  const lines = ['# conform report', '', ...totalsTable(runs), ...runs.flatMap(runSection)];
  return `${lines.join('\n')}\n`;
}
