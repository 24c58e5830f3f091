import { describe, expect, it } from 'vitest';
import { parseBody } from './parse.js';

describe('parseBody', () => {
  it('reads an XML document nested deeper than the parser allows as not well-formed, never throws', () => {
    const deep = `${'<a>'.repeat(200)}x${'</a>'.repeat(200)}`;
    expect(parseBody(deep, 'xml')).toMatchObject({ kind: 'invalid', format: 'xml' });
  });
});
