// report.html: one self-contained page (inline style and script, nothing
// fetched) with the totals, the fault × format coverage and every case, which
// opens to its checks, exchanges and curl; cases filter by state. Every string
// from a target is escaped, and the Content-Security-Policy allows only the
// page's own style and script (by their hashes).
import { createHash } from 'node:crypto';
import type { CaseResult, CheckResult, Exchange, RunResult } from '../model/result.js';
import { toCurl } from '../diagnosis/curl.js';
import { cellText, coverageMatrix, faultLabel, MATRIX_FORMATS } from './matrix.js';
import { printable } from './terminal.js';
import { untestableReason, waivedOf } from './untestable.js';

/** Text for an HTML element or a quoted attribute: markup characters escaped, control characters shown. */
export function escapeHtml(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const h = escapeHtml;

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #ccc; padding: 2px 8px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
pre { background: #f6f6f6; padding: 6px; margin: 4px 0; white-space: pre-wrap; word-break: break-all; }
.untestable { border-left: 4px solid #8a2be2; padding: 4px 8px; background: #f5eefc; }
.filters button { margin-right: 4px; padding: 2px 10px; border: 1px solid #888; background: #fff; cursor: pointer; }
.filters button[aria-pressed="true"] { background: #1b1b1b; color: #fff; }
details.case { border: 1px solid #ddd; margin: 3px 0; padding: 2px 6px; }
details.case > summary { cursor: pointer; }
.mark { display: inline-block; width: 3.5em; font-weight: bold; }
.state-passed .mark { color: #18794e; } .state-failed .mark { color: #c62828; }
.state-errored .mark { color: #8a2be2; } .state-skipped .mark { color: #a36a00; }
[hidden] { display: none !important; }
`;

const SCRIPT = `
document.querySelectorAll('.filters button').forEach(function (button) {
  button.addEventListener('click', function () {
    var state = button.getAttribute('data-state');
    document.querySelectorAll('.filters button').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b === button));
    });
    document.querySelectorAll('details.case').forEach(function (c) {
      c.hidden = state !== 'all' && c.getAttribute('data-state') !== state;
    });
  });
});
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const MARK: Record<string, string> = { passed: 'PASS', failed: 'FAIL', errored: 'ERR', skipped: 'SKIP' };

const row = (cells: (string | number)[], tag = 'td') =>
  `<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`;

function totalsTable(runs: RunResult[]): string {
  const withWaived = runs.some((r) => waivedOf(r.summary) !== undefined);
  const head = ['profile', 'target', 'required', 'passed', 'failed', 'errored', 'skipped'];
  if (withWaived) head.push('waived');
  const rows = runs.map((r) => {
    const s = r.summary;
    const cells: (string | number)[] = [
      h(r.profile),
      h(r.target),
      s.total - s.skipped,
      s.passed,
      s.failed,
      s.errored,
      s.skipped,
    ];
    if (withWaived) cells.push(waivedOf(s) ?? 0);
    return row(cells);
  });
  return `<table class="totals">${row(head, 'th')}${rows.join('')}</table>`;
}

function matrixTable(run: RunResult): string {
  const head = row(['fault', 'code', ...MATRIX_FORMATS.map((f) => f.toUpperCase())], 'th');
  const rows = coverageMatrix(run).map((r) => {
    const fault = faultLabel(r);
    return row([h(fault), r.codes.join('/'), ...MATRIX_FORMATS.map((f) => h(cellText(r.cells[f])))]);
  });
  return `<table class="coverage">${head}${rows.join('')}</table>`;
}

function checksTable(checks: CheckResult[]): string {
  if (checks.length === 0) return '<p>No checks.</p>';
  const head = row(['check', 'step', 'state', 'rule', 'expected', 'actual', 'message'], 'th');
  const rows = checks.map((k) =>
    row([k.check, k.step, k.state, k.title, k.expected ?? '', k.actual ?? '', k.message ?? ''].map(h)),
  );
  return `<table class="checks">${head}${rows.join('')}</table>`;
}

const headerLines = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `${k}: ${v}`);

function exchange(e: Exchange): string {
  const request = [`${e.request.method} ${e.request.url}`, ...headerLines(e.request.headers)];
  if (e.request.body !== undefined) request.push('', e.request.body);
  const parts = [`<h4>${h(`${e.role} ${e.step} (${e.operation})`)}</h4>`, `<pre>${h(request.join('\n'))}</pre>`];
  if (e.response) {
    const response = [`${e.response.status}`, ...headerLines(e.response.headers)];
    if (e.response.body) response.push('', `${e.response.body}${e.response.truncated ? ' [truncated]' : ''}`);
    parts.push(`<pre>${h(response.join('\n'))}</pre>`);
  } else if (e.error !== undefined) {
    parts.push(`<pre>${h(`no answer: ${e.error}`)}</pre>`);
  }
  parts.push(`<pre class="curl">${h(toCurl(e.request))}</pre>`);
  return parts.join('');
}

function caseDetails(c: CaseResult): string {
  const said = c.state === 'waived' ? `waived: ${c.waiver.reason}` : c.reason;
  const why = said !== undefined ? ` — ${said}` : '';
  const mark = `<span class="mark">${MARK[c.state] ?? h(c.state.toUpperCase())}</span>`;
  const body = [checksTable(c.checks), ...c.exchanges.map(exchange)].join('');
  const open = `<details class="case state-${h(c.state)}" data-state="${h(c.state)}">`;
  return `${open}<summary>${mark}${h(`${c.id} — ${c.title}${why}`)}</summary>${body}</details>`;
}

/** Buttons that show the cases of one state (or all): the states of the cases listed, the usual ones first. */
function filters(runs: RunResult[]): string {
  const listed = runs.filter((r) => untestableReason(r) === undefined).flatMap((r) => r.cases);
  const states = [...new Set([...Object.keys(MARK), ...listed.map((c) => c.state as string)])];
  const buttons = ['<button type="button" data-state="all" aria-pressed="true">all</button>'];
  for (const s of states) {
    const n = listed.filter((c) => c.state === s).length;
    if (n > 0) buttons.push(`<button type="button" data-state="${h(s)}" aria-pressed="false">${h(s)} (${n})</button>`);
  }
  return `<p class="filters">Show: ${buttons.join('')}</p>`;
}

function runSection(run: RunResult): string {
  const s = run.summary;
  const where = run.embeddedTarget ? `the embedded reference target ${run.target}` : run.target;
  const waived = waivedOf(s) !== undefined ? `, ${waivedOf(s)} waived` : '';
  const totals =
    `${s.total} cases: ${s.passed} passed, ${s.failed} failed, ${s.errored} errored, ${s.skipped} skipped${waived} ` +
    `in ${(run.durationMs / 1000).toFixed(2)} s (run ${run.runId}, started ${run.startedAt})`;
  const out = [`<section class="run"><h2>${h(`${run.profile} against ${where}`)}</h2>`];
  const untestable = untestableReason(run);
  if (untestable !== undefined) {
    out.push(`<p class="untestable">The target could not be tested: ${h(untestable)} — ${h(totals)}</p></section>`);
    return out.join('');
  }
  out.push(`<p>${h(totals)}</p>`);
  if (run.targetError) out.push(`<p class="untestable">The target could not be tested: ${h(run.targetError)}</p>`);
  out.push('<h3>Fault coverage</h3>', matrixTable(run), '<h3>Cases</h3>', ...run.cases.map(caseDetails));
  out.push('</section>');
  return out.join('\n');
}

/** report.html: the whole run in one page that needs nothing but itself. */
export function renderHtml(runs: RunResult[]): string {
  const csp = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>conform report</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>conform report</h1>',
    totalsTable(runs),
    filters(runs),
    ...runs.map(runSection),
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
