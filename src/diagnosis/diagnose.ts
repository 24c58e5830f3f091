import type { CaseResult, CheckResult, Exchange } from '../model/result.js';
import { toCurl } from './curl.js';

/** Bodies in a diagnosis are cut to this many characters. */
const BODY_LIMIT = 600;

/** A body cut to `limit` characters, continuation lines indented under the first. */
function trimBody(body: string, limit = BODY_LIMIT, indent = '            '): string {
  const flat = body.trim();
  const cut = flat.length > limit ? `${flat.slice(0, limit)}… (${flat.length - limit} more characters)` : flat;
  return cut.replace(/\r?\n/g, `\n${indent}`);
}

/** `[fault-code] probe: the body says 404, the HTTP status is 420 (expected 420, got 404)` */
export function findingLine(check: CheckResult): string {
  const message = check.message ?? check.title;
  const said = (v?: string) => v === undefined || message.includes(v);
  const ev =
    said(check.expected) && said(check.actual)
      ? ''
      : ` (expected ${check.expected ?? '?'}, got ${check.actual ?? '?'})`;
  return `[${check.check}] ${check.step}: ${message}${ev}`;
}

function exchangeLines(e: Exchange): string[] {
  const lines = [`  request:  ${e.request.method} ${e.request.url}`];
  for (const [k, v] of Object.entries(e.request.headers)) lines.push(`            ${k}: ${v}`);
  if (e.request.body !== undefined) lines.push(`            ${trimBody(e.request.body)}`);
  if (e.response) {
    const contentType = e.response.headers['content-type'];
    lines.push(`  response: ${e.response.status}${contentType ? ` (${contentType})` : ''}`);
    if (e.response.body)
      lines.push(`            ${trimBody(e.response.body)}${e.response.truncated ? ' [truncated]' : ''}`);
  } else if (e.error) {
    lines.push(`  response: none: ${e.error}`);
  }
  lines.push(`  Reproduce with: ${toCurl(e.request)}`);
  return lines;
}

/**
 * What went wrong in a case, for a person: each broken rule with expected
 * and actual, then each exchange involved, with a curl that reproduces it.
 */
export function diagnose(result: CaseResult): string[] {
  const failed = result.checks.filter((c) => c.state === 'failed');
  const lines: string[] = [];
  for (const c of failed) lines.push(findingLine(c));
  if (result.reason) lines.push(`${result.state === 'errored' ? 'error' : 'note'}: ${result.reason}`);
  const steps = new Set(failed.map((c) => c.step));
  if (result.state === 'errored') {
    const broken = result.exchanges.find((e) => e.error);
    if (broken) steps.add(broken.step);
  }
  for (const e of result.exchanges.filter((x) => steps.has(x.step))) {
    lines.push(`${e.role} ${e.step === 'probe' ? '' : `'${e.step}' `}(${e.operation}):`, ...exchangeLines(e));
  }
  return lines;
}
