import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { XmlDocument } from 'libxml2-wasm';
import { mergeFiles } from 'junit-report-merger';
import { renderJunit, escapeXml } from './junit.js';
import { sampleRun } from '../testing/fixtures.js';
import { tempDir } from '../testing/tmp.js';

/** Timestamps and times vary from run to run; the snapshot holds the rest. */
const stable = (xml: string) =>
  xml.replace(/ timestamp="[^"]*"/g, ' timestamp="…"').replace(/ time="[^"]*"/g, ' time="…"');

const PYTHON = '/usr/bin/python3';
function junitparserAvailable(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import junitparser'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function tempFile(name: string, content: string): string {
  const dir = tempDir('junit');
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('JUnit report', () => {
  const xml = renderJunit([sampleRun()]);

  it('matches the snapshot (timestamps and times removed)', async () => {
    await expect(stable(xml)).toMatchFileSnapshot('__snapshots__/junit.xml');
  });

  it('is well-formed XML even with control characters, quotes and ]]> in the results', () => {
    const doc = XmlDocument.fromString(xml);
    doc.dispose();
    expect(xml).not.toMatch(/[\u0000\u0001]/);
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });

  it('gives times in seconds', () => {
    expect(xml).toMatch(/<testsuite [^>]*time="1\.234"/);
    expect(xml).toMatch(/name="network.show.missing\[json\]" [^>]*time="0\.012"/);
  });

  it.skipIf(!junitparserAvailable())(
    'reads as the JUnit consumers read it (python junitparser, as CI report tools use)',
    () => {
      const file = tempFile('junit.xml', xml);
      const script = [
        'import json, sys',
        'from junitparser import JUnitXml, Failure, Error, Skipped',
        'xml = JUnitXml.fromfile(sys.argv[1])',
        'out = []',
        'for suite in xml:',
        '  for case in suite:',
        '    kinds = [type(r).__name__ for r in case.result]',
        '    out.append({"suite": suite.name, "name": case.name, "classname": case.classname, ' +
          '"time": case.time, "results": kinds, "message": [r.message for r in case.result]})',
        'print(json.dumps({"tests": xml.tests, "failures": xml.failures, ' +
          '"errors": xml.errors, "skipped": xml.skipped, "cases": out}))',
      ].join('\n');
      const parsed = JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
      expect(parsed).toMatchObject({ tests: 4, failures: 1, errors: 1, skipped: 1 });
      expect(parsed.cases.map((c: { name: string; results: string[] }) => [c.name, c.results])).toEqual([
        ['network.show.missing[json]', []],
        ['network.show.missing[xml]', ['Failure']],
        ['port.show.missing[json]', ['Error']],
        ['auth.no-token[json]', ['Skipped']],
      ]);
      expect(parsed.cases[1].message[0]).toMatch(/^\[fault-root\] probe: root element is 'itemNotFound' \]\]>/);
      expect(parsed.cases[0].time).toBeCloseTo(0.012);
    },
  );

  it('merges with another report in junit-report-merger, keeping the counts', async () => {
    const a = tempFile('a.xml', xml);
    const b = tempFile('b.xml', xml);
    const merged = path.join(path.dirname(a), 'merged.xml');
    await mergeFiles(merged, [a, b]);
    const out = fs.readFileSync(merged, 'utf8');
    expect(out).toMatch(/<testsuites[^>]* tests="8"/);
    expect(out).toMatch(/<testsuites[^>]* failures="2"/);
    expect(out.match(/<testcase /g)).toHaveLength(8);
  });
});
