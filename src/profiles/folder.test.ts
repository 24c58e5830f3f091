import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from '../paths.js';
import { copyProfile as copyBuiltIn } from '../testing/profileFolder.js';
import { tempDir } from '../testing/tmp.js';
import { loadProfileFolder } from './folder.js';
import { loadProfile } from './load.js';
import { resolveProfileRef } from './ref.js';

const copyProfile = (name: string) => copyBuiltIn(tempDir('folder'), name);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a data file edited as the test needs
const edit = (file: string, change: (data: any) => void) => {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(data);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
};

/** The message of the UsageError loading throws. */
function problem(dir: string): string {
  try {
    loadProfileFolder(dir);
  } catch (err) {
    expect((err as Error).name).toBe('UsageError');
    return (err as Error).message;
  }
  throw new Error(`${dir} loaded without a problem`);
}

describe('a profile folder', () => {
  it('loads like the built-in profile it copies, its schemas generated in memory', () => {
    for (const name of ['quantum-v1.0', 'keystone-v3']) {
      const dir = copyProfile(name);
      const folder = loadProfileFolder(dir);
      const builtIn = loadProfile(name);
      expect(folder.catalog).toEqual(builtIn.catalog);
      expect(folder.suite.scenarios.map((s) => s.id)).toEqual(builtIn.suite.scenarios.map((s) => s.id));
      expect(folder.suite.scenarios[0].source).toMatch(/^suites\/[^/]+\.json$/);
      expect(folder.folder).toBe(dir);
      const example = { networkNotFound: { message: 'm', code: 420 } };
      if (name === 'quantum-v1.0') {
        expect(folder.json.validate(example, 'networkNotFound')).toEqual([]);
        expect(folder.json.validate({ networkNotFound: { message: 'm', code: '420' } })).not.toEqual([]);
        const ns = 'http://netstack.org/quantum/api/v1.0';
        const xml = `<networkNotFound code="420" xmlns="${ns}"><message>m</message></networkNotFound>`;
        expect(folder.xsd!.validate(xml, ns)).toEqual([]);
      }
    }
  });

  it('uses the generated schemas it holds rather than generating them', () => {
    const dir = copyProfile('keystone-v3');
    // A schema that accepts nothing: the folder's own file is the one used.
    fs.writeFileSync(
      path.join(dir, 'faults.schema.json'),
      JSON.stringify({ $id: 'urn:test:nothing', $defs: {}, not: {} }),
    );
    expect(loadProfileFolder(dir).json.validate({ error: { code: 404, title: 't', message: 'm' } })).not.toEqual([]);
  });

  it('holds a faults.schema.json of its own to the meta-schema, unless it is the one conform generates', () => {
    const dir = copyProfile('quantum-v1.0');
    const file = path.join(dir, 'faults.schema.json');
    const generated = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'quantum-v1.0', 'faults.schema.json'), 'utf8'));
    fs.writeFileSync(file, JSON.stringify(generated, null, 2));
    const body = { networkNotFound: { message: 'm', code: 420 } };
    expect(loadProfileFolder(dir).json.validate(body, 'networkNotFound')).toEqual([]);
    // The same schema with a type JSON Schema does not have: refused, as no generated schema could be.
    fs.writeFileSync(file, JSON.stringify({ ...generated, type: 'envelope' }));
    expect(() => loadProfileFolder(dir).json.validate(body, 'networkNotFound')).toThrow(/schema is invalid/);
  });

  it('an XSD of its own that does not compile: one line naming the folder, when a run makes XML ready', async () => {
    const dir = copyProfile('quantum-v1.0');
    fs.writeFileSync(path.join(dir, 'faults.xsd'), '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><oops');
    const loading = loadProfileFolder(dir).xsd!.load!();
    await expect(loading).rejects.toThrow(/its schemas do not compile: .* \(`conform schemas .*` writes them again\)$/);
    await expect(loading).rejects.toMatchObject({ name: 'UsageError' });
  });

  it('a missing folder, or one without catalog.json or suites: one line saying what a profile folder holds', () => {
    const missing = path.join(tempDir('folder'), 'nowhere');
    expect(problem(missing)).toMatch(/^profile folder .*nowhere does not exist \(a profile folder holds catalog\.json/);
    const empty = tempDir('folder');
    expect(problem(empty)).toMatch(/has no catalog\.json/);
    fs.copyFileSync(path.join(SCHEMAS_DIR, 'keystone-v3', 'catalog.json'), path.join(empty, 'catalog.json'));
    expect(problem(empty)).toMatch(/has no suites folder/);
    for (const p of [problem(missing), problem(empty)]) expect(p.split('\n')).toHaveLength(1);
  });

  it('bad JSON: one line naming the file, the line and the column', () => {
    const dir = copyProfile('keystone-v3');
    const file = path.join(dir, 'catalog.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"formats"', '"formats" "x",'));
    const message = problem(dir);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/catalog\.json: not valid JSON: .*\(line \d+ column \d+\)$/);
  });

  it('a scenario expecting an unknown fault: the suite file, the pointer and the rule, one line', () => {
    const dir = copyProfile('keystone-v3');
    const suite = path.join(dir, 'suites', fs.readdirSync(path.join(dir, 'suites'))[0]);
    edit(suite, (d) => (d.scenarios[1].expect = { fault: 'noSuchFault' }));
    const message = problem(dir);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(`${suite}: /scenarios/1/expect/fault`);
    expect(message).toMatch(/expects unknown fault 'noSuchFault': not in the catalog's faults/);
  });

  it('an unknown operation in a scenario, an unknown fault in an operation of the catalog: a line each', () => {
    const dir = copyProfile('quantum-v1.0');
    const suite = path.join(dir, 'suites', fs.readdirSync(path.join(dir, 'suites'))[0]);
    edit(suite, (d) => (d.scenarios[0].probe.operation = 'network.frobnicate'));
    const message = problem(dir);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/\/scenarios\/0\/probe\/operation unknown operation 'network\.frobnicate'/);

    edit(path.join(dir, 'catalog.json'), (d) => {
      d.operations[0].faults.push('noSuchFault');
      d.operations[1].faults.push('otherFault');
    });
    const lines = problem(dir).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /catalog\.json: \/operations\/0\/faults\/\d+ operation \S+ names unknown fault 'noSuchFault'/,
    );
    expect(lines[1]).toMatch(
      /catalog\.json: \/operations\/1\/faults\/\d+ operation \S+ names unknown fault 'otherFault'/,
    );
  });

  it('a catalog breaking the file shape: the pointer and the rule (the property it may not have)', () => {
    const dir = copyProfile('keystone-v3');
    edit(path.join(dir, 'catalog.json'), (d) => {
      d.faults[0].colour = 'red';
      d.operations[0].method = 'FETCH';
    });
    const lines = problem(dir).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/catalog\.json: \/faults\/0 must not have the property 'colour'$/),
        expect.stringMatching(/catalog\.json: \/operations\/0\/method must be one of "GET", "POST"/),
      ]),
    );
  });

  it('--profile: a path is a folder, a name a built-in profile, anything else an error naming both kinds', () => {
    const dir = copyProfile('keystone-v3');
    expect(resolveProfileRef('keystone-v3')).toBe('keystone-v3');
    expect(typeof resolveProfileRef(dir)).toBe('object');
    expect(() => resolveProfileRef('keystone-v9')).toThrow(
      /unknown profile 'keystone-v9'; known profiles: .*or a profile folder/,
    );
    expect(() => resolveProfileRef('./keystone-v9')).toThrow(/profile folder keystone-v9 does not exist/);
  });
});
