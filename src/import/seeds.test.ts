// Each seed document, imported, against the committed built-in catalog it
// defines: the fault rows (element or cause, status codes) and the envelope
// are equal; where the built-in catalog adds facts from elsewhere (the
// public record in BRIEF.md), the test says which and compares the rest.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog, FaultDefinition } from '../model/catalog.js';
import { loadCatalog } from '../catalog/load.js';
import { SEEDS_DIR } from '../paths.js';
import { importDocuments, type InputDocument } from './index.js';

const seed = (prefix: string): InputDocument => {
  const name = fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix))!;
  return { name: `seeds/${name}`, text: fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8') };
};

/** A fault row as the tables give it: the element (or, for a cause row, the cause as written) and the codes. */
const rows = (faults: FaultDefinition[], by: 'element' | 'documentedAs' = 'element') =>
  faults
    .map((f) => ({ [by]: by === 'element' ? f.element : f.documentedAs, codes: f.codes }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

const imported = (...docs: InputDocument[]): Catalog => importDocuments(docs, 'imported').catalog;

/** Every fault and operation says where it was read: the file, the table or directive, the row or line. */
function expectProvenance(catalog: Catalog): void {
  for (const f of catalog.faults) {
    expect(f.provenance.length, f.element).toBeGreaterThan(0);
    for (const p of f.provenance) {
      expect(p.source, f.element).toMatch(/\S/);
      expect(p.table, f.element).toMatch(/\S/);
      expect(p.row ?? p.line, f.element).toBeGreaterThan(0);
    }
  }
}

describe.skipIf(!fs.existsSync(SEEDS_DIR))('conform import of the seed documents', () => {
  const quantum = loadCatalog('quantum-v1.0');

  for (const [prefix, form] of [
    ['000', 'a pipe table'],
    ['001', 'a plain-text table'],
  ]) {
    it(`${prefix} (${form}): the fault rows and the envelope of quantum-v1.0`, () => {
      const catalog = imported(seed(prefix));
      expect(rows(catalog.faults)).toEqual(rows(quantum.faults));
      expect(catalog.faults.map((f) => f.documentedAs)).toEqual(quantum.faults.map((f) => f.documentedAs));
      expect(catalog.envelope).toEqual(quantum.envelope);
      expect(catalog.formats).toEqual(quantum.formats);
      expect(catalog.xml!.namespace).toBe(quantum.xml!.namespace);
      // From elsewhere: the namespace a later release served, and the success codes of the paths (BRIEF.md).
      expect(quantum.xml!.alsoAccepted.map((a) => a.namespace)).toEqual(['http://openstack.org/quantum/api/v1.0']);
      expect(quantum.documentedStatuses.filter((s) => !catalog.documentedStatuses.includes(s))).toEqual([200, 204]);
      expect(catalog.documentedStatuses.every((s) => quantum.documentedStatuses.includes(s))).toBe(true);
      expectProvenance(catalog);
      // The example's typo (no `>` closing </networkNotFound) is forgiven, and said so.
      expect(catalog.notes.join('\n')).toMatch(/closing tag <\/networkNotFound lacks the '>'/);
      expect(catalog.notes.join('\n')).toMatch(/BadRequest → badRequest/);
      expect(catalog.notes.join('\n')).toMatch(/'detail' is optional, as the document says/);
    });
  }

  it('000 and 001 together (two renderings of one page): one fault per row, read from both', () => {
    const catalog = imported(seed('000'), seed('001'));
    expect(rows(catalog.faults)).toEqual(rows(quantum.faults));
    for (const f of catalog.faults) expect(f.provenance.map((p) => p.source.slice(6, 9))).toEqual(['000', '001']);
  });

  it('004 (plain text, "Expected in All Requests"): the fault rows and the envelope of keystone-v2.0', () => {
    const keystone = loadCatalog('keystone-v2.0');
    const catalog = imported(seed('004'));
    expect(rows(catalog.faults)).toEqual(rows(keystone.faults));
    const everywhere = (c: Catalog) => c.faults.filter((f) => f.expectedInAllRequests).map((f) => f.element);
    expect(everywhere(catalog)).toEqual(['identityFault', 'serviceUnavailable', 'badRequest', 'unauthorized']);
    expect(everywhere(catalog)).toEqual(everywhere(keystone));
    // From elsewhere (the published XSD, BRIEF.md): the envelope is open (xsd:any ##other), overLimit adds retryAt.
    expect(keystone.envelope.open).toBe(true);
    expect(catalog.envelope).toEqual({ ...keystone.envelope, open: false });
    expect(keystone.faults.find((f) => f.element === 'overLimit')!.extraMembers).toEqual([
      { name: 'retryAt', type: 'dateTime', required: false },
    ]);
    expect(catalog.xml).toEqual(keystone.xml);
    expect(catalog.faultsOnAnyOperation).toEqual(everywhere(keystone));
    expectProvenance(catalog);
  });

  it('003 (HTML, a code and its reason per cell): the 14 fault rows of neutron-v2.0, an example envelope', () => {
    const neutron = loadCatalog('neutron-v2.0');
    const catalog = imported(seed('003'));
    // From elsewhere (the public record, BRIEF.md): networkInUse, the 409 a network with a port in use gets.
    const fromTable = neutron.faults.filter((f) => f.element !== 'networkInUse');
    expect(fromTable).toHaveLength(14);
    expect(rows(catalog.faults)).toEqual(rows(fromTable));
    expect(rows(catalog.faults, 'documentedAs')).toEqual(rows(fromTable, 'documentedAs'));
    expect(catalog.documentedStatuses).toEqual(neutron.documentedStatuses);
    expectProvenance(catalog);
    // The seed shows no fault body; Neutron's envelope is the public record's (BRIEF.md). Given as a document: read.
    expect(catalog.notes.join('\n')).toMatch(/no fault example, so the envelope is a placeholder/);
    const example = {
      name: 'neutron-fault.json',
      text: '{"NeutronError": {"type": "NetworkNotFound", "message": "Network x could not be found.", "detail": ""}}',
    };
    expect(imported(seed('003'), example).envelope).toEqual(neutron.envelope);
  });

  it('002 (HTML with rowspan: several possible causes per code): a fault per cause, as keystone-v3 has', () => {
    const keystone = loadCatalog('keystone-v3');
    const catalog = imported(seed('002'));
    // keystone-v3 names its faults by hand; the rows are compared by their cause as written, and their codes.
    // From elsewhere (HTTP itself, RFC 9110): methodNotAllowed, the 405 of a method a path does not take.
    const fromTable = keystone.faults.filter((f) => f.element !== 'methodNotAllowed');
    expect(fromTable).toHaveLength(keystone.faults.length - 1);
    expect(rows(catalog.faults, 'documentedAs')).toEqual(rows(fromTable, 'documentedAs'));
    expect(catalog.documentedStatuses).toEqual(keystone.documentedStatuses.filter((s) => s !== 405));
    expectProvenance(catalog);
    expect(catalog.faults[0].provenance[0]).toEqual({
      source: catalog.provenance[0].source,
      table: 'Error Return Code',
      row: 1,
    });
    // The envelope is the public record's (BRIEF.md); given as a document, it is read.
    const example = {
      name: 'keystone-fault.json',
      text: '{"error": {"code": 404, "title": "Not Found", "message": "Could not find project: x."}}',
    };
    expect(imported(seed('002'), example).envelope).toEqual(keystone.envelope);
  });
});
