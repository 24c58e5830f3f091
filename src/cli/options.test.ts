import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import {
  deadlineMs,
  MAX_TIMEOUT_MS,
  maxBodyBytes,
  parsePort,
  parseTenant,
  positiveInt,
  targetRoot,
  timeoutMs,
} from './options.js';

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

describe('numbers as typed', () => {
  it('a whole number is digits only, echoed as typed when it is not one', () => {
    expect(positiveInt('concurrency', '8')).toBe(8);
    expect(positiveInt('concurrency', 4)).toBe(4);
    for (const bad of ['abc', '1.5', '0x10', '1e3', ' 8', '', '-1', '0'])
      expect(() => positiveInt('concurrency', bad), bad).toThrow(
        `--concurrency needs a whole number of at least 1, got '${bad}'`,
      );
  });

  it('--port is 0..65535', () => {
    expect(parsePort('0')).toBe(0);
    expect(parsePort(0)).toBe(0);
    expect(parsePort('65535')).toBe(65535);
    for (const bad of ['65536', '-1', 'http', '80.5']) expect(() => parsePort(bad)).toThrow(`got '${bad}'`);
  });
});

describe('--deadline', () => {
  it('is seconds above 0, decimals allowed, rounded up to milliseconds', () => {
    expect(deadlineMs('1.5')).toBe(1500);
    expect(deadlineMs('600')).toBe(600_000);
    expect(deadlineMs('.25')).toBe(250);
    expect(deadlineMs('0.0001')).toBe(1);
    expect(deadlineMs('2147483.647')).toBe(MAX_TIMEOUT_MS);
    for (const bad of ['0', '0.0', 'soon', '-1', '1,5', '1.5s', '', 'Infinity', '1e3'])
      expect(() => deadlineMs(bad), bad).toThrow(
        `--deadline needs a number of seconds above 0 (decimals allowed: 1.5), got '${bad}'`,
      );
    expect(() => deadlineMs('2147484')).toThrow('--deadline 2147484 is too long: at most 2147483.647 s');
  });
});

describe('--max-body', () => {
  it('is bytes, or KiB / MiB', () => {
    expect(maxBodyBytes('65536')).toBe(65_536);
    expect(maxBodyBytes('64KiB')).toBe(65_536);
    expect(maxBodyBytes('8MiB')).toBe(8 * 1024 * 1024);
    expect(maxBodyBytes('8 mib')).toBe(8 * 1024 * 1024);
    for (const bad of ['0', '0KiB', '8MB', '8M', '1.5MiB', 'lots', '', '-1', '99999999999999999999'])
      expect(() => maxBodyBytes(bad), bad).toThrow(`got '${bad}'`);
  });
});

describe('--target and the version in the profile paths', () => {
  it('a target ending in it is used without it, with a note; a path prefix before it stays', () => {
    expect(targetRoot('http://h:5000/v3', ['keystone-v3'])).toEqual({
      target: 'http://h:5000',
      note: "--target http://h:5000/v3 ends in /v3, the version keystone-v3's paths start with: using http://h:5000",
    });
    expect(targetRoot('https://gw/network/v2.0', ['neutron-v2.0']).target).toBe('https://gw/network');
    expect(targetRoot('http://h/v1.0', ['keystone-v3', 'quantum-v1.0']).target).toBe('http://h');
  });

  it('anything else is left alone', () => {
    expect(targetRoot('http://h:5000/v3', ['quantum-v1.0'])).toEqual({ target: 'http://h:5000/v3' });
    expect(targetRoot('http://h:5000/v3x', ['keystone-v3'])).toEqual({ target: 'http://h:5000/v3x' });
    expect(targetRoot('http://h:5000', ['keystone-v3'])).toEqual({ target: 'http://h:5000' });
  });
});
