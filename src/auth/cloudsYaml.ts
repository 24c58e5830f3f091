// `--os-cloud NAME`: one cloud of clouds.yaml, found where openstacksdk
// (and so the `openstack` client) looks for it, with secure.yaml merged over it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, YAMLError } from 'yaml';
import { UsageError } from '../errors.js';
import type { AuthField, AuthFields } from '../model/credentials.js';
import { FIELD_ALIASES, FIELD_KEYS, type AuthLayer } from './credentials.js';
import type { Env } from './fromEnv.js';

export interface ConfigContext {
  env: Env;
  cwd: string;
  home: string;
}

type ConfigKind = 'clouds' | 'secure';

const OVERRIDE: Record<ConfigKind, string> = { clouds: 'OS_CLIENT_CONFIG_FILE', secure: 'OS_CLIENT_SECURE_FILE' };
const SUFFIXES = ['.yaml', '.yml', '.json'];

/**
 * openstacksdk's search path on Linux: the current directory, the user's
 * config dir ($XDG_CONFIG_HOME/openstack, then ~/.config/openstack), the
 * site config dir (first of $XDG_CONFIG_DIRS, /etc/xdg), then /etc/openstack.
 */
export function configDirs(ctx: ConfigContext): string[] {
  const dirs = [ctx.cwd];
  if (ctx.env.XDG_CONFIG_HOME) dirs.push(join(ctx.env.XDG_CONFIG_HOME, 'openstack'));
  dirs.push(join(ctx.home, '.config', 'openstack'));
  dirs.push(join((ctx.env.XDG_CONFIG_DIRS || '/etc/xdg').split(':')[0], 'openstack'));
  dirs.push('/etc/openstack');
  return [...new Set(dirs)];
}

/** Every file that may hold `kind`, in order; the first that exists wins. */
function configCandidates(kind: ConfigKind, ctx: ConfigContext): string[] {
  return configDirs(ctx).flatMap((dir) => SUFFIXES.map((s) => join(dir, `${kind}${s}`)));
}

/** The file to read: the override variable's (which must exist), else the first candidate that exists. */
function findConfigFile(kind: ConfigKind, ctx: ConfigContext): string | undefined {
  const override = ctx.env[OVERRIDE[kind]];
  if (override) {
    if (!existsSync(override)) throw new UsageError(`${OVERRIDE[kind]} names ${override}, which does not exist`);
    return override;
  }
  return configCandidates(kind, ctx).find((p) => existsSync(p));
}

type YamlMap = Record<string, unknown>;
const isMap = (v: unknown): v is YamlMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses a config file with the failsafe schema: every scalar stays the text
 * that was written (a password `0123` is not the number 123). A YAML error is
 * told by position only: the file holds passwords.
 */
function readConfig(path: string): YamlMap {
  let doc: unknown;
  try {
    doc = parse(readFileSync(path, 'utf8'), { schema: 'failsafe', prettyErrors: false, logLevel: 'error' });
  } catch (err) {
    if (err instanceof YAMLError) {
      const text = readFileSync(path, 'utf8').slice(0, err.pos[0]);
      const line = text.split('\n').length;
      throw new UsageError(`${path} is not valid YAML (${err.code} at line ${line})`);
    }
    throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (doc === null || doc === undefined) return {};
  if (!isMap(doc)) throw new UsageError(`${path} must be a mapping with a 'clouds' key`);
  return doc;
}

function cloudsOf(doc: YamlMap, path: string): YamlMap {
  const clouds = doc.clouds ?? {};
  if (!isMap(clouds)) throw new UsageError(`${path}: 'clouds' must be a mapping of cloud names`);
  return clouds;
}

/** secure.yaml over clouds.yaml, mapping by mapping, as openstacksdk merges them. */
function deepMerge(base: YamlMap, over: YamlMap): YamlMap {
  const out: YamlMap = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isMap(v) && isMap(out[k]) ? deepMerge(out[k] as YamlMap, v) : v;
  return out;
}

/** AuthFields of one cloud entry: keys under `auth:` first, then at the top level (openstacksdk accepts both). */
function fieldsOfCloud(cloud: YamlMap, where: string): AuthFields {
  const auth = cloud.auth ?? {};
  if (!isMap(auth)) throw new UsageError(`${where}.auth must be a mapping`);
  const fields: AuthFields = {};
  const keys: Array<[string, AuthField]> = [
    ...Object.entries(FIELD_KEYS).map(([f, k]) => [k, f] as [string, AuthField]),
    ...Object.entries(FIELD_ALIASES),
  ];
  for (const [key, field] of keys) {
    for (const [section, name] of [
      [auth, `${where}.auth.${key}`],
      [cloud, `${where}.${key}`],
    ] as const) {
      const value = section[key];
      if (value === undefined || value === '' || fields[field] !== undefined) continue;
      if (typeof value !== 'string') throw new UsageError(`${name} must be a single value, not a list or a mapping`);
      fields[field] = value;
    }
  }
  return fields;
}

/** Cloud `name` as written (secure.yaml merged over it), and the files it came from. */
function readCloud(name: string, ctx: ConfigContext): { cloud: YamlMap; files: string } {
  const path = findConfigFile('clouds', ctx);
  if (!path) {
    throw new UsageError(
      `cloud '${name}': no clouds.yaml found; looked in ${configDirs(ctx).join(', ')} (or set ${OVERRIDE.clouds})`,
    );
  }
  const clouds = cloudsOf(readConfig(path), path);
  const entry = clouds[name];
  if (!isMap(entry)) {
    const known = Object.keys(clouds);
    throw new UsageError(`${path} has no cloud '${name}'${known.length ? `; its clouds: ${known.join(', ')}` : ''}`);
  }
  const securePath = findConfigFile('secure', ctx);
  const secure = securePath ? cloudsOf(readConfig(securePath), securePath)[name] : undefined;
  const cloud = isMap(secure) ? deepMerge(entry, secure) : entry;
  return { cloud, files: isMap(secure) ? `${path} + ${securePath}` : path };
}

/** The settings of cloud `name`, as a layer for resolve. */
export function loadCloud(name: string, ctx: ConfigContext): AuthLayer {
  const { cloud, files } = readCloud(name, ctx);
  return { origin: `cloud '${name}' of ${files}`, fields: fieldsOfCloud(cloud, `clouds.${name}`) };
}

/** What cloud `name` says of TLS: `cacert` (a path, from the current directory) and `verify: false`. */
export function loadCloudTls(name: string, ctx: ConfigContext): { origin: string; cacert?: string; insecure: boolean } {
  const { cloud, files } = readCloud(name, ctx);
  const { cacert, verify } = cloud;
  for (const [key, value] of [
    ['cacert', cacert],
    ['verify', verify],
  ] as const)
    if (value !== undefined && typeof value !== 'string')
      throw new UsageError(`clouds.${name}.${key} must be a single value, not a list or a mapping`);
  const insecure = typeof verify === 'string' && /^(false|no|off|0)$/i.test(verify);
  if (typeof verify === 'string' && !insecure && !/^(true|yes|on|1)$/i.test(verify))
    throw new UsageError(`clouds.${name}.verify must be true or false, got '${verify}'`);
  return {
    origin: `cloud '${name}' of ${files}`,
    cacert: typeof cacert === 'string' && cacert !== '' ? resolve(ctx.cwd, cacert) : undefined,
    insecure,
  };
}
