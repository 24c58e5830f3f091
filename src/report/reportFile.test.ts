import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tmp.js';
import { Spool, writeReportStreamed } from './reportFile.js';

/** Pieces small and large (past the writer's buffer), with characters of every width. */
const pieces = Array.from({ length: 400 }, (_, i) =>
  i % 97 === 0 ? `é€😀${'x'.repeat(200_000)}|` : `{"case":${i},"name":"naïve ✓ ${'y'.repeat(i * 7)}"}\n`,
);

describe('report files written piece by piece', () => {
  it('hold every piece in order, whatever their sizes', () => {
    const dir = tempDir('report-file');
    const file = writeReportStreamed(dir, 'out.txt', (out) => pieces.forEach(out));
    expect(fs.readFileSync(file, 'utf8')).toBe(pieces.join(''));
    expect(fs.readdirSync(dir)).toEqual(['out.txt']);
  });

  it('a spool gives each text back by its key, while more are added', () => {
    const spool = new Spool();
    try {
      pieces.forEach((p, i) => {
        spool.add(String(i), p);
        if (i % 50 === 0) expect(spool.read(String(i))).toBe(p);
      });
      pieces.forEach((p, i) => expect(spool.read(String(i))).toBe(p));
      // Out of the order they were added: backwards, then each pair swapped.
      for (let i = pieces.length - 1; i >= 0; i--) expect(spool.read(String(i))).toBe(pieces[i]);
      for (let i = 0; i + 1 < pieces.length; i += 2) {
        expect(spool.read(String(i + 1))).toBe(pieces[i + 1]);
        expect(spool.read(String(i))).toBe(pieces[i]);
      }
      expect(spool.read('none')).toBeUndefined();
    } finally {
      spool.dispose();
    }
  });
});
