import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { parseShard } from './shard.js';

describe('parseShard', () => {
  it('reads INDEX/COUNT', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });

  it.each([
    ['0/3', '--shard 0/3: the index counts from 1 to the count (1/3 … 3/3)'],
    ['4/3', '--shard 4/3: the index counts from 1 to the count (1/3 … 3/3)'],
    ['1/0', '--shard 1/0: the count needs to be a whole number of at least 1'],
    ['a/b', "--shard 'a/b' is not INDEX/COUNT (e.g. --shard 2/3: the second of three parts)"],
    ['2', "--shard '2' is not INDEX/COUNT (e.g. --shard 2/3: the second of three parts)"],
    ['-1/3', "--shard '-1/3' is not INDEX/COUNT (e.g. --shard 2/3: the second of three parts)"],
  ])('%s is a usage error in one line', (raw, message) => {
    expect(() => parseShard(raw)).toThrow(UsageError);
    expect(() => parseShard(raw)).toThrow(message);
  });
});
