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
      expect(spool.read('none')).toBeUndefined();
    } finally {
      spool.dispose();
    }
  });
});
