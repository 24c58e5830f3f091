// report.html in a real browser: Debian's headless Chromium, driven by
// playwright-core (which never downloads a browser of its own). The page
// renders (not blank), says nothing on the console, shows every failed case,
// and its state filter hides the other cases.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../model/result.js';
import { serveReference } from '../targets/common/server.js';
import { findMutation } from '../targets/mutations.js';
import { QuantumApp } from '../targets/quantum-v1.0/app.js';
import { runCliClean } from '../testing/cli.js';
import { tempDir } from '../testing/tmp.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const missing = fs.existsSync(CHROMIUM) ? '' : ` (skipped: ${CHROMIUM} is missing; apt-get install chromium)`;

/** The reports of a run against a target that answers 404 for networkNotFound: failures among passes. */
async function reportsOfBrokenRun(): Promise<{ dir: string; runs: RunResult[] }> {
  const m = findMutation('quantum-v1.0', 'status-404-for-420');
  const target = await serveReference(new QuantumApp({ flags: new Set(m.flags) }), { mutation: m });
  try {
    const dir = tempDir('html');
    const run = await runCliClean(['--target', target.url, '--reports', dir, '--reporter', 'json', 'html']);
    expect(run.code).toBe(1);
    return { dir, runs: JSON.parse(fs.readFileSync(path.join(dir, 'results.json'), 'utf8')).runs };
  } finally {
    await target.close();
  }
}

describe.skipIf(missing !== '')(`report.html in headless Chromium${missing}`, () => {
  it('renders, with no console or page error; shows every failed case; a state filter hides the others', async () => {
    const { dir, runs } = await reportsOfBrokenRun();
    const cases = runs.flatMap((r) => r.cases);
    const failed = cases.filter((c) => c.state === 'failed').map((c) => c.id);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(cases.length);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console ${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
      page.on('request', (req) => {
        if (!req.url().startsWith('file:')) errors.push(`request: ${req.url()}`);
      });
      await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);

      const shot = await page.screenshot({ fullPage: false });
      // The pixels, read on a blank page of its own (the report's policy allows no image from data:).
      const blank = await browser.newPage();
      const colours: number = await blank.evaluate(`(async () => {
        const img = new Image();
        img.src = 'data:image/png;base64,${shot.toString('base64')}';
        await img.decode();
        const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d');
        ctx.drawImage(img, 0, 0);
        const rgba = ctx.getImageData(0, 0, img.width, img.height).data;
        const seen = new Set();
        for (let i = 0; i < rgba.length; i += 4) seen.add((rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2]);
        return seen.size;
      })()`);
      await blank.close();
      expect(colours).toBeGreaterThan(8);

      const text = await page.locator('body').innerText();
      for (const id of failed) expect(text).toContain(id);

      const caseOf = (id: string) => page.locator('details.case', { hasText: id }).first();
      const passedId = cases.find((c) => c.state === 'passed')!.id;
      expect(await caseOf(passedId).isVisible()).toBe(true);
      await page.locator('.filters button[data-state="failed"]').click();
      expect(await caseOf(passedId).isVisible()).toBe(false);
      for (const id of failed) expect(await caseOf(id).isVisible()).toBe(true);
      const shown = await page.locator('details.case:visible').count();
      expect(shown).toBe(failed.length);

      await caseOf(failed[0]).locator('summary').click();
      expect(await caseOf(failed[0]).locator('pre.curl').first().isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
