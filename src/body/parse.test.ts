import { describe, expect, it } from 'vitest';
import { jsonDepth, parseBody } from './parse.js';

describe('parseBody', () => {
  it('reads an XML document nested deeper than the parser allows as not well-formed, never throws', () => {
    const deep = `${'<a>'.repeat(200)}x${'</a>'.repeat(200)}`;
    expect(parseBody(deep, 'xml')).toMatchObject({ kind: 'invalid', format: 'xml' });
  });
});

describe('parseBody: JSON nested deeper than any fault', () => {
  it('is not well-formed, with the reason; never a stack overflow in what walks it later', () => {
    const deep = `${'{"detail":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
    expect(parseBody(deep, 'json')).toEqual({ kind: 'invalid', format: 'json', error: 'nested deeper than 64 levels' });
  });

  it('counts brackets inside strings for nothing', () => {
    expect(jsonDepth(`{"message": "${'['.repeat(500)}"}`)).toBe(1);
    expect(jsonDepth(`{"message": "a \\" [[[[ "}`)).toBe(1);
    expect(parseBody(`${'['.repeat(64)}${']'.repeat(64)}`, 'json')).toMatchObject({ kind: 'json' });
  });
});
