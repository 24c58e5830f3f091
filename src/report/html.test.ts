import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HOSTILE, REPORT_CASES, reportRun } from '../testing/reportRun.js';
import { escapeHtml, renderHtml } from './html.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** What lies between each `<tag …>` and its `</tag>` in the page. */
const contents = (page: string, tag: string) =>
  [...page.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);

describe('report.html', () => {
  it('shows why a waived case is waived, escaped', () => {
    const run = reportRun();
    const failed = run.cases.find((c) => c.state === 'failed')!;
    const waiver = { entry: 'waivers[0]', case: failed.id, reason: 'known <b>upstream</b> bug' };
    const page = renderHtml([{ ...run, cases: [{ ...failed, state: 'waived', waiver }] }]);
    expect(page).toContain('waived: known &lt;b&gt;upstream&lt;/b&gt; bug');
  });

  it('escapes markup characters and shows control characters', () => {
    expect(escapeHtml(`<script>"a" & 'b'</details>\u001b[2J`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/details&gt;\\x1b[2J',
    );
  });

  it("every string from a target is escaped: the page has its own one script, one style, no target's tag", () => {
    const page = renderHtml([reportRun(undefined, { target: `http://h/${HOSTILE}`, profile: 'p"<b>' })]);
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain('<script>alert');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page.match(/<style/g)).toHaveLength(1);
    // As many details opened as closed, and one per case listed: a target's </details> closes nothing.
    expect(page.match(/<details/g)).toHaveLength(5);
    expect(page.match(/<\/details>/g)).toHaveLength(5);
    expect(page).toContain(escapeHtml(HOSTILE));
    expect(page).toContain('p&quot;&lt;b&gt;');
  });

  it('allows only its own inline script and style, by hash, and loads nothing', () => {
    const page = renderHtml([reportRun()]);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1];
    const [script] = contents(page, 'script');
    const [style] = contents(page, 'style');
    expect(csp).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}`);
    expect(page).not.toMatch(/\b(src|href)=|url\(|@import/);
    expect(page).not.toMatch(/ style=/);
  });

  it('lists every case, openable, with a filter per state present, and the coverage per format', () => {
    const page = renderHtml([reportRun()]);
    for (const c of Object.values(REPORT_CASES)) expect(page).toContain(`data-state="${c.state}"><summary>`);
    expect(page).toContain('<button type="button" data-state="failed" aria-pressed="false">failed (1)</button>');
    expect(page).toContain('<tr><th>fault</th><th>code</th><th>JSON</th><th>XML</th></tr>');
    expect(page).toContain('curl -sS -i -X GET');
  });

  it('says in one line that a target could not be tested, with no case and no coverage', () => {
    const refused = { ...REPORT_CASES.errored, reason: 'connection refused by 127.0.0.1:9' };
    const run = reportRun([refused, { ...refused, id: 'x[json]' }], {
      targetError: 'connection refused by 127.0.0.1:9',
      preflightFailed: true,
    });
    const page = renderHtml([run]);
    expect(page).not.toContain('<details');
    expect(page).not.toContain('Fault coverage');
    expect(page.match(/class="untestable"/g)).toHaveLength(1);
    expect(page).toContain('The target could not be tested: connection refused by 127.0.0.1:9 — 2 cases: 0 passed');
  });
});
