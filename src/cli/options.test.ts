import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { MAX_TIMEOUT_MS, parseTenant, timeoutMs } from './options.js';

describe('--timeout', () => {
  it('is a whole number of milliseconds from 1 to what a Node timer holds', () => {
    expect(timeoutMs(1)).toBe(1);
    expect(timeoutMs('10000')).toBe(10_000);
    expect(timeoutMs(MAX_TIMEOUT_MS)).toBe(2 ** 31 - 1);
    expect(() => timeoutMs(MAX_TIMEOUT_MS + 1)).toThrow(UsageError);
    expect(() => timeoutMs(MAX_TIMEOUT_MS + 1)).toThrow('--timeout 2147483648 is too long: at most 2147483647 ms');
    for (const bad of [0, -5, 1.5, 'soon', Number.NaN])
      expect(() => timeoutMs(bad), String(bad)).toThrow(/--timeout needs a whole number of at least 1/);
  });
});

describe('--tenant', () => {
  it('is one path segment: not empty, no /, ?, # or whitespace', () => {
    for (const ok of ['conform', '6f1e0c2b9a8d4e7f8a1b2c3d4e5f6a7b', 'a-b_c.d~e', 'tenant:1'])
      expect(parseTenant(ok)).toBe(ok);
    expect(() => parseTenant('')).toThrow("--tenant '' is empty");
    expect(() => parseTenant('a/b')).toThrow("--tenant 'a/b' contains '/'");
    expect(() => parseTenant('a?b')).toThrow("contains '?'");
    expect(() => parseTenant('#')).toThrow("contains '#'");
    for (const ws of ['a b', '\t', 'x\n', 'a\u00a0b'])
      expect(() => parseTenant(ws), JSON.stringify(ws)).toThrow('contains whitespace');
  });
});
