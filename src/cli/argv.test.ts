import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { checkArgs, closest, optionTable } from './argv.js';

const table = optionTable(
  {
    key: { help: true, target: true, only: true, token: true, 'os-token': true, color: true, concurrency: true },
    alias: { token: ['os-token'] },
    boolean: ['help', 'color'],
    array: ['only'],
  },
  ['token'],
);
const line = { command: 'run', commands: ['run', 'list'] };
const check =
  (...args: string[]) =>
  () =>
    checkArgs(args, table, line);

describe('checkArgs', () => {
  it('lets a correct line through: values, aliases, --name=value, negations, arrays, negative numbers', () => {
    expect(
      check('--target', 'http://x', '--only', 'a', 'b', '--only', 'c', '--no-color', '--concurrency=2'),
    ).not.toThrow();
    expect(check('run', '--os-token', 't', '--concurrency', '-1', '--color', 'false')).not.toThrow();
    expect(check('--', 'anything')).toThrow("unexpected argument 'anything'");
  });

  it('an unknown option, with the nearest one when it is near', () => {
    expect(check('--tagret', 'x')).toThrow(
      new UsageError('unknown option --tagret; did you mean --target? (conform --help lists them)'),
    );
    expect(check('--no-colour')).toThrow('did you mean --no-color?');
    expect(check('--conc', '2')).toThrow('did you mean --concurrency?');
    expect(check('--zzz')).toThrow('unknown option --zzz (conform --help lists them)');
    expect(check('--no-target')).toThrow('unknown option --no-target');
    expect(() => checkArgs(['list', '--bad'], table, { ...line, command: 'list' })).toThrow(
      '(conform list --help lists them)',
    );
  });

  it('a value missing, before another option or at the end', () => {
    expect(check('--target', '--color')).toThrow('--target needs a value (conform --help describes it)');
    expect(check('--only')).toThrow('--only needs a value');
    expect(check('--os-token')).toThrow('--os-token needs a value');
  });

  it('a single-value option twice, by either name; a switch twice; an array may repeat', () => {
    expect(check('--target', 'a', '--target=b')).toThrow('--target is given twice; it takes one value: give it once');
    expect(check('--token', 'a', '--os-token', 'b')).toThrow('--token is given twice (as --token and --os-token)');
    expect(check('--color', '--no-color')).toThrow('it is a switch');
    expect(check('--concurrency', '1', '--concurrency', '2', '--concurrency', '3')).toThrow('given 3 times');
    expect(check('--only', 'a', '--only', 'b')).not.toThrow();
  });

  it('an empty credential, however given; other empty values are for their own checks', () => {
    expect(check('--token', '')).toThrow('--token is empty: give a value, or leave the flag out');
    expect(check('--os-token=')).toThrow('--os-token is empty');
    expect(check('--token', '  ')).toThrow('--token is empty');
    expect(check('--target', '')).not.toThrow();
  });

  it('an unknown command where the command goes; an extra argument elsewhere', () => {
    expect(check('lsit')).toThrow("unknown command 'lsit'; did you mean list? (conform --help lists them)");
    expect(check('--target', 'a', 'b')).toThrow("unexpected argument 'b' (conform --help lists the options)");
    expect(() => checkArgs(['list', 'x'], table, { ...line, command: 'list' })).toThrow("unexpected argument 'x'");
    const merge = { ...line, command: 'merge', positionals: Infinity };
    expect(() => checkArgs(['merge', 'a', 'b', '--color'], table, merge)).not.toThrow();
    expect(() => checkArgs(['merge', 'a', 'b'], table, { ...merge, positionals: 1 })).toThrow(
      "unexpected argument 'b'",
    );
  });
});

describe('closest', () => {
  it('a swap, a letter off or a prefix of three letters or more; nothing far', () => {
    expect(closest('tagret', ['target', 'tenant'])).toBe('target');
    expect(closest('tenent', ['target', 'tenant'])).toBe('tenant');
    expect(closest('conc', ['concurrency', 'color'])).toBe('concurrency');
    expect(closest('co', ['concurrency', 'color'])).toBeUndefined();
    expect(closest('frobnicate', ['target', 'tenant'])).toBeUndefined();
  });
});
