import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../profiles/load.js';
import { SCHEMAS_DIR } from '../../paths.js';

const profile = loadProfile('keystone-v2.0');
const NS = 'http://docs.openstack.org/identity/api/v2.0';
const xsd = (doc: string) => profile.xsd!.validate(doc, NS);

describe('keystone-v2.0 generated schemas', () => {
  it('model the published XSD: IdentityFault is the base, every other fault extends it, overLimit adds retryAt', () => {
    const text = fs.readFileSync(path.join(SCHEMAS_DIR, 'keystone-v2.0', 'faults.xsd'), 'utf8');
    expect(text).toMatch(
      new RegExp(
        /<xs:complexType name="IdentityFault">[\s\S]*/.source +
          /<xs:any namespace="##other"[\s\S]*<xs:anyAttribute namespace="##other"/.source,
      ),
    );
    expect(text).toContain('<xs:element name="identityFault" type="f:IdentityFault"/>');
    const types = text
      .split('<xs:complexType name="')
      .slice(1)
      .map((block) => [block.slice(0, block.indexOf('"')), /<xs:extension base="f:(\w+)"/.exec(block)?.[1]]);
    expect(types[0]).toEqual(['IdentityFault', undefined]);
    const extending = types.slice(1);
    expect(extending.map(([type]) => type).sort()).toEqual([
      'BadRequestFault',
      'ForbiddenFault',
      'ItemNotFoundFault',
      'OverLimitFault',
      'ServiceUnavailableFault',
      'TenantConflictFault',
      'UnauthorizedFault',
      'UserDisabledFault',
    ]);
    expect(new Set(extending.map(([, base]) => base))).toEqual(new Set(['IdentityFault']));
    expect(text).toMatch(
      /<xs:complexType name="OverLimitFault">[\s\S]*<xs:attribute name="retryAt" type="xs:dateTime" use="optional"\/>/,
    );
  });

  it("the XSD accepts the document's XML examples (3.20 and 3.22) and refuses what the published XSD refuses", () => {
    const example320 =
      `<?xml version="1.0" encoding="UTF-8"?>\n<identityFault xmlns="${NS}"\n          code="500">\n` +
      '\t<message>Fault</message>\n\t<details>Error Details...</details>\n</identityFault>';
    const example322 =
      `<?xml version="1.0" encoding="UTF-8"?>\n<itemNotFound xmlns="${NS}"\n              code="404">\n` +
      '\t<message>Item not found.</message>\n\t<details>Error Details...</details>\n</itemNotFound>';
    expect(xsd(example320)).toEqual([]);
    expect(xsd(example322)).toEqual([]);
    expect(xsd(example322.replace(/\t<details>.*<\/details>\n/, ''))).toEqual([]);
    expect(xsd(example322.replace('code="404"', 'code="not-found"'))).not.toEqual([]);
    expect(xsd(example322.replace('<details>', '<detail>').replace('</details>', '</detail>'))).not.toEqual([]);
    expect(
      xsd(example322.replace('</itemNotFound>', '<trace xmlns="urn:example:ext">at line 1</trace></itemNotFound>')),
    ).toEqual([]);
    expect(xsd(example322.replace('</itemNotFound>', '<trace>at line 1</trace></itemNotFound>'))).not.toEqual([]);
  });

  it('overLimit takes an optional retryAt attribute that must be a date-time', () => {
    const overLimit = (attrs: string) =>
      `<overLimit xmlns="${NS}" code="413"${attrs}><message>Rate limit exceeded</message></overLimit>`;
    expect(xsd(overLimit(''))).toEqual([]);
    expect(xsd(overLimit(' retryAt="2026-11-21T21:05:01Z"'))).toEqual([]);
    expect(xsd(overLimit(' retryAt="in 60 seconds"'))).not.toEqual([]);
    expect(
      xsd(
        overLimit('')
          .replace('overLimit ', 'itemNotFound ')
          .replace('</overLimit>', '</itemNotFound>')
          .replace('code="413"', 'code="404" retryAt="2026-11-21T21:05:01Z"'),
      ),
    ).not.toEqual([]);
  });

  it("the JSON Schema accepts the document's JSON examples (3.21, 3.23), open to extra members, strict on code", () => {
    const example321 = { identityFault: { message: 'Fault', details: 'Error Details...', code: 500 } };
    const example323 = { itemNotFound: { message: 'Item not found.', details: 'Error Details...', code: 404 } };
    expect(profile.json.validate(example321, 'identityFault')).toEqual([]);
    expect(profile.json.validate(example323, 'itemNotFound')).toEqual([]);
    expect(
      profile.json.validate({ itemNotFound: { ...example323.itemNotFound, requestId: 'req-1' } }, 'itemNotFound'),
    ).toEqual([]);
    expect(
      profile.json.validate({ itemNotFound: { ...example323.itemNotFound, code: '404' } }, 'itemNotFound'),
    ).not.toEqual([]);
    expect(
      profile.json.validate({ overLimit: { message: 'm', code: 413, retryAt: '2026-11-21T21:05:01Z' } }, 'overLimit'),
    ).toEqual([]);
    expect(profile.json.validate({ overLimit: { message: 'm', code: 413, retryAt: 'soon' } }, 'overLimit')).not.toEqual(
      [],
    );
  });
});
