import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig, loadConfig } from './config.js';
import { resolveRun } from './resolveRun.js';
import { resolveAuth } from '../auth/resolve.js';
import { RUN_OPTIONS } from './runOptions.js';
import { tempDir } from '../testing/tmp.js';
import type { Env } from '../auth/fromEnv.js';

const quiet = { out: () => {}, err: () => {} };

/** A folder with a conform.yaml of `text`. */
function folder(text: string): string {
  const dir = tempDir('config');
  fs.writeFileSync(path.join(dir, 'conform.yaml'), text);
  return dir;
}

const load = (text: string, env: Env = {}) => {
  const dir = folder(text);
  return loadConfig(path.join(dir, 'conform.yaml'), env, dir);
};

const resolve = (text: string | undefined, args: Record<string, unknown> = {}, env: Env = {}) => {
  const dir = text === undefined ? tempDir('config') : folder(text);
  return { dir, ...resolveRun(args, quiet, { env, cwd: dir }) };
};

describe('conform.yaml: the file', () => {
  it('reads every kind of key, with its line', () => {
    const file = load('target: http://h:9696\nprofile:\n  - neutron-v2.0\nconcurrency: 8\ndiscover: false\n');
    expect(file.shown).toBe('conform.yaml');
    expect(file.values.get('target')).toEqual({ value: 'http://h:9696', line: 1, refs: [] });
    expect(file.values.get('profile')).toMatchObject({ value: ['neutron-v2.0'], line: 2 });
    expect(file.values.get('concurrency')).toMatchObject({ value: '8', line: 4 });
    expect(file.values.get('discover')).toMatchObject({ value: false, line: 5 });
  });

  it('an empty file is no settings', () => {
    expect(load('').values.size).toBe(0);
    expect(load('# nothing yet\n').values.size).toBe(0);
  });

  it('substitutes ${VAR} and ${VAR:-default} from the environment', () => {
    const file = load('target: http://${HOST}:${PORT:-9696}\ntenant: ${TENANT:-demo}\n', { HOST: 'h1', TENANT: '' });
    expect(file.values.get('target')).toEqual({ value: 'http://h1:9696', line: 1, refs: ['HOST', 'PORT'] });
    expect(file.values.get('tenant')?.value).toBe('demo');
  });

  it('a missing variable without a default is an error naming it and the key', () => {
    expect(() => load('concurrency: 2\ntarget: http://${HOST}\n')).toThrow(
      "conform.yaml:2: 'target' refers to ${HOST}, which is not set (set it, or write ${HOST:-default})",
    );
  });

  it('a ${ that is not a reference is an error', () => {
    expect(() => load('tenant: ${not a var}\n')).toThrow(/conform\.yaml:1: 'tenant' has a '\$\{' that is not/);
  });

  it('an unknown key is refused with the nearest known one', () => {
    expect(() => load('target: http://h\ntimout: 5\n')).toThrow(
      "conform.yaml:2: unknown key 'timout'; did you mean 'timeout'? (the keys are the flags of conform --help)",
    );
    expect(() => load('zzzzzz: 1\n')).toThrow(/^conform\.yaml:1: unknown key 'zzzzzz' \(/);
  });

  it('a flag that is not an option of the file (dry-run, color) is an unknown key', () => {
    expect(() => load('dry-run: true\n')).toThrow(/unknown key 'dry-run'/);
  });

  it('a value of the wrong type is refused, naming the key and line', () => {
    expect(() => load('target:\n  - http://a\n')).toThrow("conform.yaml:1: 'target' must be one value");
    expect(() => load('\n\ndiscover: maybe\n')).toThrow("conform.yaml:3: 'discover' must be true or false");
    expect(() => load('profile:\n  a: b\n')).toThrow("conform.yaml:1: 'profile' must be a value or a list of values");
    expect(() => load('tenant:\n')).toThrow("conform.yaml:1: 'tenant' must be one value");
    expect(() => load('format: [json, yaml]\n')).toThrow(
      "conform.yaml:1: 'format' may not be 'yaml': one of json, xml",
    );
  });

  it('a literal secret is refused with the reason, and its value is not echoed', () => {
    const cases: Array<[string, RegExp]> = [
      ['token: abcdef0123456789', /'token' is a secret .*: put it in OS_TOKEN, or write \$\{VAR\}/],
      ['os-password: hunter2', /'os-password' is a secret .*: put it in OS_PASSWORD/],
      ['second-token: t', /'second-token' is a secret .*: put it in CONFORM_SECOND_TOKEN/],
      ['second-password: p', /put it in CONFORM_SECOND_PASSWORD/],
      ['client-secret: s', /'client-secret' is a secret .*: put it in an environment variable/],
      ['token: ${OS_TOKEN:-abc}', /'token' is a secret/],
      ['token: prefix-${OS_TOKEN}', /'token' is a secret/],
    ];
    for (const [text, message] of cases) {
      expect(() => load(`${text}\n`)).toThrow(message);
      try {
        load(`${text}\n`);
      } catch (err) {
        expect((err as Error).message).not.toMatch(/abcdef|hunter2/);
      }
    }
  });

  it('a secret as a ${VAR} reference is fine, and so are the settings that are not secrets', () => {
    const file = load('token: ${MY_TOKEN}\nos-auth-url: http://k:5000\nos-username: demo\nos-cloud: staging\n', {
      MY_TOKEN: 'tok',
    });
    expect(file.values.get('token')).toEqual({ value: 'tok', line: 1, refs: ['MY_TOKEN'] });
    expect(file.values.get('os-cloud')?.value).toBe('staging');
  });

  it('a YAML syntax error names the file and the line', () => {
    expect(() => load('target: http://h\nprofile: [a, b\n')).toThrow(/^conform\.yaml:\d+: not valid YAML: /);
    expect(() => load('target: a\ntarget: b\n')).toThrow(/^conform\.yaml:2: not valid YAML: .*unique/);
    expect(() => load('- a\n- b\n')).toThrow('conform.yaml:1: must be a mapping of options');
  });

  it('--config naming a missing file is an error; no conform.yaml in the folder is not', () => {
    const dir = tempDir('config');
    expect(() => findConfig({ value: 'nope.yaml', from: '--config' }, dir)).toThrow(
      '--config names nope.yaml, which does not exist',
    );
    expect(findConfig({ from: '--config' }, dir)).toBeUndefined();
  });
});

describe('conform.yaml: precedence and settings', () => {
  it('without a file: the defaults, as before', () => {
    const { options, sources } = resolve(undefined);
    expect(options.settings).toMatchObject({ discover: false, concurrency: 4, timeoutMs: 10_000, assume: [] });
    expect(options.settings.reportsDir).toBe('reports');
    expect(sources.get('timeout')).toEqual({ value: 10_000, source: 'default' });
  });

  it('the file sets the run: every option reaches its field', () => {
    const text = [
      'target: http://127.0.0.1:9696',
      'profile: [neutron-v2.0]',
      'tenant: demo',
      'concurrency: 2',
      'timeout: 5000',
      'deadline: 1.5',
      'max-body: 64KiB',
      'reports: out/reports',
      'format: json',
      'only: ["port.*"]',
      'assume: [admin, auth]',
      'verbose: true',
    ].join('\n');
    const { options, dir, sources } = resolve(text);
    expect(options.settings).toMatchObject({
      target: 'http://127.0.0.1:9696',
      profiles: ['neutron-v2.0'],
      tenant: 'demo',
      concurrency: 2,
      timeoutMs: 5000,
      deadlineMs: 1500,
      maxBodyBytes: 65536,
      selection: { formats: ['json'], only: ['port.*'] },
      assume: ['admin', 'auth'],
    });
    expect(options.verbose).toBe(true);
    // A path in the file is relative to the file's folder.
    expect(options.settings.reportsDir).toBe(path.join(dir, 'out/reports'));
    expect(sources.get('deadline')?.source).toBe('conform.yaml:6');
  });

  it('flags over CONFORM_* variables over the file over defaults', () => {
    const text = 'timeout: 5000\nconcurrency: 2\ntenant: file\nprofile: neutron-v2.0\n';
    const env = { CONFORM_CONCURRENCY: '3', CONFORM_TENANT: 'env', CONFORM_PROFILE: 'keystone-v3, quantum-v1.0' };
    const { options, sources } = resolve(text, { tenant: 'flag' }, env);
    expect(options.settings).toMatchObject({ tenant: 'flag', concurrency: 3, timeoutMs: 5000 });
    expect(options.settings.profiles).toEqual(['keystone-v3', 'quantum-v1.0']);
    expect([...sources].filter(([k]) => ['tenant', 'concurrency', 'timeout', 'deadline'].includes(k))).toEqual([
      ['tenant', { value: 'flag', source: '--tenant' }],
      ['concurrency', { value: '3', source: 'CONFORM_CONCURRENCY' }],
      ['timeout', { value: '5000', source: 'conform.yaml:1' }],
      ['deadline', { value: undefined, source: 'default' }],
    ]);
  });

  it('an empty CONFORM_* variable counts as unset', () => {
    const { options } = resolve('tenant: file\n', {}, { CONFORM_TENANT: '' });
    expect(options.settings.tenant).toBe('file');
  });

  it('a bad value names where it came from', () => {
    expect(() => resolve('\ntimeout: soon\n')).toThrow(
      "conform.yaml:2: --timeout needs a whole number of at least 1, got 'soon'",
    );
    expect(() => resolve(undefined, {}, { CONFORM_TIMEOUT: '-1' })).toThrow(/^CONFORM_TIMEOUT: --timeout needs/);
    expect(() => resolve(undefined, {}, { CONFORM_DISCOVER: 'perhaps' })).toThrow(
      "CONFORM_DISCOVER must be true or false, got 'perhaps'",
    );
    expect(() => resolve(undefined, {}, { CONFORM_FORMAT: 'json,yaml' })).toThrow(
      "CONFORM_FORMAT may not be 'yaml': one of json, xml",
    );
    expect(() => resolve('profile: nova\n')).toThrow(/^conform\.yaml:1: unknown profile 'nova'/);
    expect(() => resolve('tenant: ${T}\n', {}, { T: 'a/b' })).toThrow(/^conform\.yaml:1 \(\$\{T\}\): --tenant 'a\/b'/);
  });

  it('--discover and --target from different places still exclude each other, naming both', () => {
    expect(() => resolve('target: http://h:1\n', { discover: true })).toThrow(
      /--discover and --target exclude each other \(from --discover and conform\.yaml:1\)/,
    );
  });

  it('authentication: the file sits below the flags and the OS_* variables, secrets from ${VAR}', () => {
    const text = 'os-auth-url: http://k:5000/v3\nos-username: file-user\ntoken: ${MINE}\nsecond-username: other\n';
    const env = { OS_USERNAME: 'env-user', MINE: 'secret-token-value' };
    const { options, auth } = resolve(text, { 'second-username': 'flag-user' }, env);
    expect(options.settings.auth.main).toEqual({ token: undefined, cloud: undefined });
    expect(options.settings.auth.file).toMatchObject({
      origin: 'conform.yaml',
      main: { authUrl: 'http://k:5000/v3', token: 'secret-token-value' },
    });
    // OS_USERNAME is above the file, --second-username above both: the file does not give them.
    expect(options.settings.auth.file?.main.username).toBeUndefined();
    expect(options.settings.auth.file?.second.username).toBeUndefined();
    expect(Object.fromEntries(auth)).toEqual({
      token: { value: '[REDACTED]', source: 'conform.yaml:3 (${MINE})' },
      'os-auth-url': { value: 'http://k:5000/v3', source: 'conform.yaml:1' },
      'os-username': { value: 'env-user', source: 'OS_USERNAME' },
      'second-username': { value: 'flag-user', source: '--second-username' },
    });
  });

  it('--config, then CONFORM_CONFIG, name the file; relative to the working folder', () => {
    const dir = tempDir('config');
    fs.writeFileSync(path.join(dir, 'ci.yaml'), 'tenant: from-ci\n');
    fs.writeFileSync(path.join(dir, 'conform.yaml'), 'tenant: from-default\n');
    const at = (args: Record<string, unknown>, env: Env = {}) => resolveRun(args, quiet, { env, cwd: dir });
    expect(at({}).options.settings.tenant).toBe('from-default');
    expect(at({ config: 'ci.yaml' }).options.settings.tenant).toBe('from-ci');
    expect(at({}, { CONFORM_CONFIG: 'ci.yaml' }).sources.get('tenant')?.source).toBe('ci.yaml:1');
    expect(() => at({}, { CONFORM_CONFIG: 'gone.yaml' })).toThrow(
      'CONFORM_CONFIG names gone.yaml, which does not exist',
    );
  });
});

describe('conform.yaml: authentication layer', () => {
  it('the file is below the OS_* variables and above clouds.yaml', () => {
    const dir = tempDir('config');
    fs.writeFileSync(
      path.join(dir, 'clouds.yaml'),
      'clouds:\n  c:\n    auth:\n      auth_url: http://cloud:5000/v3\n      username: cloud-user\n      password: pw\n',
    );
    const file = { origin: 'conform.yaml', main: { cloud: 'c', username: 'file-user' }, second: {} };
    const ctx = { env: { OS_AUTH_URL: 'http://env:5000/v3' }, cwd: dir, home: dir };
    const resolved = resolveAuth({ main: {}, second: {}, file }, ctx);
    expect(resolved.main).toMatchObject({
      kind: 'password',
      authUrl: 'http://env:5000/v3',
      username: 'file-user',
      password: 'pw',
    });
  });
});

describe('RUN_OPTIONS: one list, a flag and a key at once', () => {
  it('every option but the command-line-only ones is a key of the file, read as its kind', () => {
    for (const option of RUN_OPTIONS.filter((o) => !o.flagOnly)) {
      const sample = option.kind === 'boolean' ? 'true' : (option.choices?.[0] ?? 'x');
      const file = load(`${option.name}: ${sample}\n`);
      expect(file.values.get(option.name)?.line, option.name).toBe(1);
      expect(option.env, option.name).toBe(`CONFORM_${option.name.toUpperCase().replace(/-/g, '_')}`);
    }
  });
});
