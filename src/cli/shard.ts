import type { Shard } from '../model/result.js';
import { UsageError } from '../errors.js';

/** `--shard i/n`: part i (1 to n) of the planned cases split n ways; a UsageError for anything else. */
export function parseShard(raw: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  if (!m) throw new UsageError(`--shard '${raw}' is not INDEX/COUNT (e.g. --shard 2/3: the second of three parts)`);
  const [index, count] = [Number(m[1]), Number(m[2])];
  if (count < 1 || !Number.isSafeInteger(count))
    throw new UsageError(`--shard ${raw}: the count needs to be a whole number of at least 1`);
  if (index < 1 || index > count)
    throw new UsageError(`--shard ${raw}: the index counts from 1 to the count (1/${count} … ${count}/${count})`);
  return { index, count };
}
