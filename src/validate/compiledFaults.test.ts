import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProfiles } from '../catalog/registry.js';
import { loadProfile } from '../profiles/load.js';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';
import { tempDir } from '../testing/tmp.js';
import { COMPILED_FAULTS_FILE, loadCompiledFaults } from './compiledFaults.js';
import { JsonFaultValidator } from './jsonFaults.js';

type Schema = {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  format?: string;
  required?: string[];
  properties?: Record<string, Schema>;
};

/** A value the (sub)schema accepts: its constant, its first allowed value, or one of its type with what it requires. */
function valid(schema: Schema): unknown {
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.format === 'date-time') return '2012-01-01T00:00:00Z';
  if (schema.type === 'object') {
    const members = Object.entries(schema.properties ?? {});
    return Object.fromEntries(members.map(([name, member]) => [name, valid(member)]));
  }
  return { string: 's', integer: 400, number: 1.5, boolean: true }[schema.type ?? 'string'];
}

/** Bodies near the valid one: each member in turn missing, of another type, with a wrong value; one more member. */
function bodies(fault: string, schema: Schema): unknown[] {
  const body = valid(schema) as Record<string, Record<string, unknown>>;
  const inner = body[fault] ?? {};
  const variants: unknown[] = [body, {}, null, 'text', [], { ...body, extra: 1 }, { [fault]: { ...inner, extra: 1 } }];
  for (const name of Object.keys(inner)) {
    const { [name]: _dropped, ...without } = inner;
    variants.push({ [fault]: without });
    for (const other of [7, 'x', 'not a date', true, null, {}]) variants.push({ [fault]: { ...inner, [name]: other } });
  }
  return variants;
}

describe('fault validators compiled ahead of time', () => {
  for (const profile of listProfiles()) {
    it(`${profile}: give the verdicts, messages and places that ajv compiling the schema at run time gives`, () => {
      const text = fs.readFileSync(path.join(SCHEMAS_DIR, profile, 'faults.schema.json'), 'utf8');
      const compiled = loadCompiledFaults(path.join(SCHEMAS_DIR, profile, COMPILED_FAULTS_FILE), text);
      expect(compiled, `${profile}'s ${COMPILED_FAULTS_FILE} is stale: run \`npm run schemas\``).toBeDefined();
      const schema = JSON.parse(text);
      const ahead = new JsonFaultValidator(schema, true, compiled);
      const atRunTime = new JsonFaultValidator(schema, true);
      const faults = [...Object.keys(schema.$defs), undefined, 'noSuchFault'];
      let invalid = 0;
      for (const [fault, definition] of Object.entries<Schema>(schema.$defs)) {
        for (const body of bodies(fault, definition)) {
          for (const against of faults) {
            const verdict = ahead.validate(body, against);
            expect(verdict, `${JSON.stringify(body)} against ${against ?? 'any fault'}`).toEqual(
              atRunTime.validate(body, against),
            );
            if (verdict.length > 0) invalid += 1;
          }
        }
        expect(ahead.validate(valid(definition), fault)).toEqual([]);
      }
      expect(invalid).toBeGreaterThan(0);
    });
  }

  it("check keystone-v2.0's date-time format as ajv does", () => {
    const json = loadProfile('keystone-v2.0').json;
    const overLimit = (retryAt: string) => ({ overLimit: { message: 'm', code: 413, retryAt } });
    expect(json.validate(overLimit('2012-01-01T00:00:00Z'), 'overLimit')).toEqual([]);
    expect(json.validate(overLimit('2012-02-30T25:00:00Z'), 'overLimit')).toEqual([
      { at: '/overLimit/retryAt', message: 'must match format "date-time"' },
    ]);
  });

  it('are not used once their schema has changed: ajv compiles the schema as it is', () => {
    const dir = tempDir('stale');
    fs.cpSync(path.join(SCHEMAS_DIR, 'quantum-v1.0'), path.join(dir, 'quantum-v1.0'), { recursive: true });
    const file = path.join(dir, 'quantum-v1.0', 'faults.schema.json');
    const changed = fs.readFileSync(file, 'utf8').replace('"const": 420', '"const": 421');
    fs.writeFileSync(file, changed);
    expect(loadCompiledFaults(path.join(dir, 'quantum-v1.0', COMPILED_FAULTS_FILE), changed)).toBeUndefined();
    const json = loadProfile('quantum-v1.0', dir).json;
    expect(json.validate({ networkNotFound: { message: 'm', code: 421 } }, 'networkNotFound')).toEqual([]);
    expect(json.validate({ networkNotFound: { message: 'm', code: 420 } }, 'networkNotFound')).toEqual([
      { at: '/networkNotFound/code', message: 'must be equal to constant 421' },
    ]);
    fs.rmSync(path.join(dir, 'quantum-v1.0', COMPILED_FAULTS_FILE));
    expect(loadProfile('quantum-v1.0', dir).json.validate({}, 'networkNotFound')).not.toEqual([]);
  });

  it("spare a built-in profile's run loading ajv's compiler (a stale one's loads it)", () => {
    const dir = tempDir('loaded');
    fs.cpSync(path.join(SCHEMAS_DIR, 'keystone-v2.0'), path.join(dir, 'keystone-v2.0'), { recursive: true });
    fs.appendFileSync(path.join(dir, 'keystone-v2.0', 'faults.schema.json'), '\n');
    const loaded = (schemasDir: string): string[] => {
      const script =
        "import { createRequire } from 'node:module';" +
        "import { loadProfile } from './src/profiles/load.ts';" +
        `const { json } = loadProfile('keystone-v2.0', ${JSON.stringify(schemasDir)});` +
        "json.validate({}); json.validate({}, 'overLimit');" +
        'console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));';
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: PACKAGE_ROOT,
        encoding: 'utf8',
      });
      return (JSON.parse(out) as string[]).filter((file) => /ajv[\\/]dist[\\/](?!runtime[\\/])/.test(file));
    };
    expect(loaded(SCHEMAS_DIR)).toEqual([]);
    expect(loaded(dir)).toContainEqual(expect.stringMatching(/ajv[\\/]dist[\\/]compile[\\/]/));
  });
});
