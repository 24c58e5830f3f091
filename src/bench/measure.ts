/** Median wall time of `fn` over `rounds` rounds of `batch` calls each, in microseconds per call. */
export function medianMicros(fn: () => void, rounds = 31, batch = 200): number {
  for (let i = 0; i < batch; i++) fn(); // warm up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1000 / batch);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

/** Median of async samples, in milliseconds. */
export async function medianMillis(fn: () => Promise<void>, rounds = 9): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
