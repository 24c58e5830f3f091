import { describe, expect, it } from 'vitest';
import { RequestPace } from './pace.js';

describe('RequestPace', () => {
  it('spaces the starts of requests 1000/N ms apart, in the order they asked', async () => {
    const pace = new RequestPace(200); // 6 ms apart: the test stays fast
    const started: Array<[number, number]> = [];
    await Promise.all([0, 1, 2, 3, 4].map(async (i) => (await pace.take(), started.push([i, performance.now()]))));
    expect(started.map(([i]) => i)).toEqual([0, 1, 2, 3, 4]);
    const gaps = started.slice(1).map(([, t], k) => t - started[k][1]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(pace.intervalMs - 0.5);
  });

  it('a request whose signal aborts leaves the queue: the one after it still gets its turn', async () => {
    const pace = new RequestPace(100);
    await pace.take();
    const cut = new AbortController();
    const waiting = pace.take(cut.signal);
    cut.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    await expect(pace.take()).resolves.toBeUndefined();
  });
});
