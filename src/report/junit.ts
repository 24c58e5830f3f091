import type { CaseResult, RunResult } from '../model/result.js';
import { diagnose, findingLine } from '../diagnosis/diagnose.js';

/** Characters XML 1.0 cannot hold at all: stripped, not escaped. */
const INVALID_XML = new RegExp(
  [
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.source, // controls but tab, LF, CR; U+FFFE, U+FFFF
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.source, // a high surrogate without its low one
    /(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.source, // a low surrogate without its high one
  ].join('|'),
  'g',
);

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** ` name="value"` for each pair, values escaped. */
const attributes = (pairs: Record<string, string | number>): string =>
  Object.entries(pairs)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');

function testcase(run: RunResult, c: CaseResult): string {
  const group = c.scenario.split('.')[0];
  const names = attributes({ name: c.id, classname: `conform.${run.profile}.${group}`, time: seconds(c.durationMs) });
  const open = `    <testcase${names}`;
  if (c.state === 'passed') return `${open}/>`;
  if (c.state === 'skipped')
    return `${open}>\n      <skipped message="${escapeXml(c.reason ?? '')}"/>\n    </testcase>`;
  const detail = escapeXml([c.title, ...diagnose(c)].join('\n'));
  if (c.state === 'waived') {
    const skipped = `<skipped${attributes({ message: `waived: ${c.waiver.reason}` })}>${detail}</skipped>`;
    return `${open}>\n      ${skipped}\n    </testcase>`;
  }
  if (c.state === 'errored') {
    const error = `<error${attributes({ message: c.reason ?? 'error', type: 'error' })}>${detail}</error>`;
    return `${open}>\n      ${error}\n    </testcase>`;
  }
  const first = c.checks.find((x) => x.state === 'failed');
  const message = first ? findingLine(first) : (c.reason ?? 'failed');
  const failure = `<failure${attributes({ message, type: first?.check ?? 'failure' })}>${detail}</failure>`;
  return `${open}>\n      ${failure}\n    </testcase>`;
}

/**
 * JUnit XML as Jenkins, GitLab and GitHub reporters read it, written piece by piece to `out`: one testsuite per
 * profile run, one testcase per scenario and format; a broken rule is a
 * <failure>, a probe that could not be sent an <error>.
 */
export function writeJunit(out: (text: string) => void, runs: RunResult[]): void {
  const total = (k: 'total' | 'failed' | 'errored' | 'skipped') => runs.reduce((n, r) => n + r.summary[k], 0);
  // A waived finding is a <skipped> testcase: counted with the skipped.
  const waived = runs.reduce((n, r) => n + (r.summary.waived ?? 0), 0);
  const time = seconds(runs.reduce((n, r) => n + r.durationMs, 0));
  const suites = attributes({
    name: 'conform',
    tests: total('total'),
    failures: total('failed'),
    errors: total('errored'),
    skipped: total('skipped') + waived,
    time,
  });
  const line = (text: string) => out(`${text}\n`);
  line('<?xml version="1.0" encoding="UTF-8"?>');
  line(`<testsuites${suites}>`);
  for (const run of runs) {
    const suite = attributes({
      name: `${run.profile} @ ${run.target}`,
      tests: run.summary.total,
      failures: run.summary.failed,
      errors: run.summary.errored,
      skipped: run.summary.skipped + (run.summary.waived ?? 0),
      time: seconds(run.durationMs),
      timestamp: run.startedAt.replace(/\.\d+Z$/, ''),
    });
    [
      `  <testsuite${suite}>`,
      '    <properties>',
      `      <property name="profile" value="${escapeXml(run.profile)}"/>`,
      `      <property name="target" value="${escapeXml(run.target)}"/>`,
      `      <property name="runId" value="${escapeXml(run.runId)}"/>`,
      '    </properties>',
    ].forEach(line);
    for (const c of run.cases) line(testcase(run, c));
    if (run.targetError)
      line(`    <system-err>${escapeXml(`target could not be tested: ${run.targetError}`)}</system-err>`);
    line('  </testsuite>');
  }
  line('</testsuites>');
}

/** junit.xml as one string. */
export function renderJunit(runs: RunResult[]): string {
  const parts: string[] = [];
  writeJunit((text) => parts.push(text), runs);
  return parts.join('');
}
