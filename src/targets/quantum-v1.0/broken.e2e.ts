import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveReference } from '../common/server.js';
import { findMutation } from '../mutations.js';
import { QuantumApp } from './app.js';
import { runCliClean as runCli } from '../../testing/cli.js';
import { expectValidResults } from '../../testing/results.js';
import { tempDir } from '../../testing/tmp.js';

/** Deliberately broken copies of the reference target, run through the whole CLI. */
const BREAKS = [
  { mutation: 'status-404-for-420', rule: /\[status\] probe: expected 420 \(networkNotFound\), got 404/ },
  { mutation: 'wrong-element', rule: /\[fault-root\] probe: root (key|element) is 'itemNotFound'/ },
  { mutation: 'missing-message', rule: /\[fault-members\] probe: required member 'message' is missing/ },
  {
    mutation: 'json-for-xml',
    rule: /\[content-type\] probe: asked for xml \(application\/xml\), the answer is declared as application\/json/,
  },
  { mutation: 'bad-body-500-trace', rule: /\[status\] probe: expected 400 \(badRequest\), got 500/ },
];

describe('broken Quantum v1.0 targets', () => {
  for (const { mutation, rule } of BREAKS) {
    it(`${mutation}: exit 1, and the diagnosis names the broken rule with a curl to reproduce`, async () => {
      const m = findMutation('quantum-v1.0', mutation);
      const target = await serveReference(new QuantumApp({ flags: new Set(m.flags) }), { mutation: m });
      try {
        const reports = tempDir('broken');
        const run = await runCli(['--target', target.url, '--reports', reports]);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(rule);
        expect(run.stdout).toMatch(/Reproduce with: curl -sS -i -X \w+ 'http:\/\/127\.0\.0\.1:\d+\/v1\.0\//);
        expect(fs.readFileSync(path.join(reports, 'junit.xml'), 'utf8')).toMatch(/<failure message="\[/);
        expectValidResults(reports);
      } finally {
        await target.close();
      }
    });
  }

  it('the unbroken target passes with zero findings', async () => {
    const target = await serveReference(new QuantumApp());
    try {
      const run = await runCli(['--target', target.url, '--reports', tempDir('ok')]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/56 cases, 50 passed, 0 failed, 0 errored, 6 skipped/);
    } finally {
      await target.close();
    }
  });
});
