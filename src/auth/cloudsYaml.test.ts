import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configDirs, loadCloud, type ConfigContext } from './cloudsYaml.js';
import { tempDir } from '../testing/tmp.js';

function sandbox(): ConfigContext & { root: string; write(path: string, text: string): string } {
  const root = tempDir('clouds');
  const cwd = join(root, 'work');
  const home = join(root, 'home');
  mkdirSync(cwd);
  mkdirSync(home);
  return {
    root,
    cwd,
    home,
    env: { XDG_CONFIG_DIRS: join(root, 'xdg-site') },
    write(path, text) {
      const full = join(root, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
  };
}

const cloud = (name: string, url: string, extra = '') =>
  `clouds:\n  ${name}:\n    auth:\n      auth_url: ${url}\n      username: demo\n${extra}`;
const noSiteFile = !['yaml', 'yml', 'json'].some(
  (s) => existsSync(`/etc/openstack/clouds.${s}`) || existsSync(`/etc/xdg/openstack/clouds.${s}`),
);

describe('clouds.yaml', () => {
  it('is looked for where openstacksdk looks: ./, $XDG_CONFIG_HOME/openstack, ~/.config/openstack, site dirs', () => {
    const ctx = { cwd: '/w', home: '/h', env: { XDG_CONFIG_HOME: '/x' } };
    expect(configDirs(ctx)).toEqual([
      '/w',
      '/x/openstack',
      '/h/.config/openstack',
      '/etc/xdg/openstack',
      '/etc/openstack',
    ]);
    expect(configDirs({ ...ctx, env: {} })).toEqual([
      '/w',
      '/h/.config/openstack',
      '/etc/xdg/openstack',
      '/etc/openstack',
    ]);
  });

  it('takes the first file found: ./ over $XDG_CONFIG_HOME over ~/.config; OS_CLIENT_CONFIG_FILE over all', () => {
    const s = sandbox();
    s.write('home/.config/openstack/clouds.yaml', cloud('c', 'http://home'));
    expect(loadCloud('c', s).fields.authUrl).toBe('http://home');
    s.write('xdg/openstack/clouds.yml', cloud('c', 'http://xdg'));
    expect(loadCloud('c', { ...s, env: { ...s.env, XDG_CONFIG_HOME: join(s.root, 'xdg') } }).fields.authUrl).toBe(
      'http://xdg',
    );
    s.write('work/clouds.yaml', cloud('c', 'http://cwd'));
    expect(loadCloud('c', s).fields.authUrl).toBe('http://cwd');
    const override = s.write('elsewhere/my-clouds.yaml', cloud('c', 'http://override'));
    const layer = loadCloud('c', { ...s, env: { OS_CLIENT_CONFIG_FILE: override } });
    expect(layer.fields.authUrl).toBe('http://override');
    expect(layer.origin).toBe(`cloud 'c' of ${override}`);
  });

  it('merges secure.yaml over clouds.yaml, each found on its own', () => {
    const s = sandbox();
    s.write(
      'work/clouds.yaml',
      cloud('c', 'http://k:5000/v3', '      password: from-clouds\n    region_name: R1\n    identity_api_version: 3\n'),
    );
    const securePath = s.write(
      'home/.config/openstack/secure.yaml',
      'clouds:\n  c:\n    auth:\n      password: "0123"\n',
    );
    const layer = loadCloud('c', s);
    expect(layer.fields).toEqual({
      authUrl: 'http://k:5000/v3',
      username: 'demo',
      password: '0123',
      regionName: 'R1',
      identityApiVersion: '3',
    });
    expect(layer.origin).toContain(securePath);
  });

  it('keeps every value as written (an unquoted 0123 stays 0123) and accepts auth keys at the top level', () => {
    const s = sandbox();
    s.write(
      'work/clouds.yaml',
      'clouds:\n  c:\n    auth_url: http://k\n' +
        '    auth:\n      username: u\n      password: 0123\n      tenant_name: t\n' +
        '    auth_type: v3password\n',
    );
    expect(loadCloud('c', s).fields).toEqual({
      authUrl: 'http://k',
      username: 'u',
      password: '0123',
      projectName: 't',
      authType: 'v3password',
    });
  });

  it('names the clouds a file has when the one asked for is not there', () => {
    const s = sandbox();
    const path = s.write('work/clouds.yaml', `${cloud('alpha', 'http://a')}  beta:\n    auth: {}\n`);
    expect(() => loadCloud('gamma', s)).toThrow(`${path} has no cloud 'gamma'; its clouds: alpha, beta`);
  });

  it('tells a YAML error by position only, never by content', () => {
    const s = sandbox();
    const path = s.write('work/clouds.yaml', 'clouds:\n  c:\n    auth:\n      password: hunter2-secret: nested\n');
    let message = '';
    try {
      loadCloud('c', s);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid YAML \\([A-Z_]+ at line 4\\)$`),
    );
    expect(message).not.toContain('hunter2');
  });

  it('rejects a list where a value belongs, and a file that is not a mapping', () => {
    const s = sandbox();
    s.write('work/clouds.yaml', 'clouds:\n  c:\n    auth:\n      username: [a, b]\n');
    expect(() => loadCloud('c', s)).toThrow('clouds.c.auth.username must be a single value, not a list or a mapping');
    s.write('work/clouds.yaml', '- just\n- a list\n');
    expect(() => loadCloud('c', s)).toThrow(/must be a mapping with a 'clouds' key/);
  });

  it('refuses an OS_CLIENT_CONFIG_FILE that does not exist rather than falling back to another file', () => {
    const s = sandbox();
    s.write('work/clouds.yaml', cloud('c', 'http://cwd'));
    expect(() => loadCloud('c', { ...s, env: { OS_CLIENT_CONFIG_FILE: join(s.root, 'missing.yaml') } })).toThrow(
      /OS_CLIENT_CONFIG_FILE names .*missing\.yaml, which does not exist/,
    );
  });

  it.skipIf(!noSiteFile)('says where it looked when there is no clouds.yaml at all', () => {
    const s = sandbox();
    expect(() => loadCloud('c', s)).toThrow(
      `cloud 'c': no clouds.yaml found; looked in ${s.cwd}, ${join(s.home, '.config/openstack')}`,
    );
  });
});
