import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load.js';
import { listProfiles } from '../catalog/registry.js';
import { loadProfile } from '../profiles/load.js';
import { SCHEMAS_DIR } from '../paths.js';
import { XsdFaultValidator } from '../validate/xsdFaults.js';
import { generatedFiles } from './files.js';
import { generateXsd } from './xsd.js';

describe('generated schemas', () => {
  for (const profile of listProfiles()) {
    it(`${profile}: the committed files equal a fresh generation (run \`npm run schemas\` if not)`, () => {
      for (const file of generatedFiles(loadCatalog(profile))) {
        const committed = path.join(SCHEMAS_DIR, file.path);
        expect(fs.existsSync(committed), `${file.path} is not committed`).toBe(true);
        expect(fs.readFileSync(committed, 'utf8'), file.path).toBe(file.content);
      }
    });
    // Run-time validators trust these files and skip this check (JsonFaultValidator's `trusted`).
    it(`${profile}: the committed faults.schema.json is valid JSON Schema 2020-12`, () => {
      const ajv = new Ajv2020({ strict: true });
      const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, profile, 'faults.schema.json'), 'utf8'));
      expect(ajv.validateSchema(schema), ajv.errorsText()).toBe(true);
      expect(ajv.validateSchema({ ...schema, type: 'envelope' })).toBe(false);
    });
  }

  const quantum = loadProfile('quantum-v1.0');

  it('the JSON Schema accepts the example of the document and has a definition per fault', () => {
    const example = {
      networkNotFound: {
        message: 'Unable to find a network with the specified identifier.',
        code: 420,
        detail: 'Network 8de6af7c could not be found',
      },
    };
    expect(quantum.json.validate(example, 'networkNotFound')).toEqual([]);
    expect(quantum.json.validate(example)).toEqual([]);
    expect(
      quantum.json.validate({ networkNotFound: { ...example.networkNotFound, code: 421 } }, 'networkNotFound'),
    ).not.toEqual([]);
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'quantum-v1.0', 'faults.schema.json'), 'utf8'));
    expect(Object.keys(schema.$defs).sort()).toEqual(quantum.catalog.faults.map((f) => f.element).sort());
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('the XSD accepts the XML example (its typo mended) and refuses a code that is not an integer', () => {
    const ns = 'http://netstack.org/quantum/api/v1.0';
    const example =
      `<networkNotFound code="420" xmlns="${ns}">\n` +
      '<message>\nUnable to find a network with the specified identifier.\n</message>\n' +
      '<detail>\nNetwork 8de6af7c could not be found\n</detail>\n</networkNotFound>';
    expect(quantum.xsd!.validate(example, ns)).toEqual([]);
    expect(quantum.xsd!.validate(example.replace('420', 'four-twenty'), ns)[0].message).toMatch(/code/);
    expect(quantum.xsd!.validate(example.replace(/>$/, ''), ns)).not.toEqual([]);
  });

  it('the XSD of a closed envelope fixes no order of its children, allows each once and nothing undocumented', () => {
    const ns = 'http://netstack.org/quantum/api/v1.0';
    const fault = (children: string) => `<networkNotFound code="420" xmlns="${ns}">${children}</networkNotFound>`;
    const message = '<message>Unable to find a network with the specified identifier.</message>';
    const detail = '<detail>Network 8de6af7c could not be found</detail>';
    expect(quantum.xsd!.validate(fault(detail + message), ns)).toEqual([]);
    expect(quantum.xsd!.validate(fault(message), ns)).toEqual([]);
    expect(quantum.xsd!.validate(fault(detail), ns)[0].message).toMatch(/message/);
    expect(quantum.xsd!.validate(fault(message + message), ns)[0].message).toMatch(/message.*not expected/);
    expect(quantum.xsd!.validate(fault(message + detail + detail), ns)[0].message).toMatch(/detail.*not expected/);
    expect(quantum.xsd!.validate(fault(detail + '<requestId>r-1</requestId>' + message), ns)[0].message).toMatch(
      /requestId.*not expected/,
    );
  });

  it('a fault type of a closed envelope may add attributes (an XSD 1.0 extension of xs:all adds no particles)', () => {
    const ns = 'urn:conform:test';
    const catalog = {
      ...quantum.catalog,
      faults: quantum.catalog.faults.map((f) =>
        f.element === 'networkNotFound'
          ? { ...f, extraMembers: [{ name: 'retryAt', type: 'dateTime' as const, required: true }] }
          : f,
      ),
    };
    const validator = new XsdFaultValidator(new Map([[ns, generateXsd(catalog, ns)]]));
    try {
      const fault = (attrs: string) =>
        `<networkNotFound code="420"${attrs} xmlns="${ns}"><detail>d</detail><message>m</message></networkNotFound>`;
      expect(validator.validate(fault(' retryAt="2012-01-01T00:00:00Z"'), ns)).toEqual([]);
      expect(validator.validate(fault(''), ns)[0].message).toMatch(/retryAt/);
    } finally {
      validator.dispose();
    }
  });

  it('the XSD of an open envelope keeps the published sequence and its ##other wildcard', () => {
    const xsd = fs.readFileSync(path.join(SCHEMAS_DIR, 'keystone-v2.0', 'faults.xsd'), 'utf8');
    expect(xsd).toContain('<xs:sequence>');
    expect(xsd).toContain('<xs:any namespace="##other"');
    expect(xsd).not.toContain('<xs:all>');
  });

  it('the XSD refuses entity expansion and external entities in what a server sends', () => {
    const ns = 'http://netstack.org/quantum/api/v1.0';
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">' +
      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
      `<networkNotFound code="420" xmlns="${ns}"><message>&c;</message></networkNotFound>`;
    const external =
      '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      `<networkNotFound code="420" xmlns="${ns}"><message>&x;</message></networkNotFound>`;
    // Refused (a violation, not a crash), and the file's content never read in.
    for (const doc of [bomb, external]) {
      const violations = quantum.xsd!.validate(doc, ns);
      expect(violations.length).toBeGreaterThan(0);
      expect(JSON.stringify(violations)).not.toMatch(/root:x:0:0/);
    }
  });
});
