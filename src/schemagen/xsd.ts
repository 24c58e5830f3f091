import type { Catalog, FaultDefinition, MemberDefinition } from '../model/catalog.js';
import { builtInOrigin } from './jsonSchema.js';

const XSD_TYPES: Record<MemberDefinition['type'], string> = {
  string: 'xs:string',
  integer: 'xs:int',
  dateTime: 'xs:dateTime',
};

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `networkNotFound` → `NetworkNotFoundFault`: the XSD type of a fault element. */
function faultTypeName(element: string): string {
  const base = element.charAt(0).toUpperCase() + element.slice(1);
  return base.endsWith('Fault') ? base : `${base}Fault`;
}

/**
 * The fault the document makes the base of all others, if any: a generic fault
 * whose element already ends in "Fault" (Identity v2.0's identityFault). Its
 * type is the base type; without one the base type is plain `Fault`.
 */
function baseFault(catalog: Catalog): FaultDefinition | undefined {
  return catalog.faults.find((f) => f.element.endsWith('Fault'));
}

function baseTypeName(catalog: Catalog): string {
  const base = baseFault(catalog);
  return base ? faultTypeName(base.element) : 'Fault';
}

function documentation(fault: FaultDefinition): string {
  const text = escapeText(`${fault.codes.join(', ')}: ${fault.description}`);
  return `    <xs:annotation><xs:documentation>${text}</xs:documentation></xs:annotation>`;
}

function baseType(catalog: Catalog): string[] {
  const envelope = catalog.envelope;
  const children = envelope.members.filter((m) => m.name !== envelope.codeMember);
  const base = baseFault(catalog);
  // A closed envelope fixes which children appear, each at most once, but not
  // their order (Quantum v1.0 serialised a Python dict): xs:all. An open one
  // keeps the published shape, a sequence ending in an ##other wildcard, since
  // XSD 1.0 allows no wildcard in xs:all.
  const group = envelope.open ? 'xs:sequence' : 'xs:all';
  const lines = [
    `  <xs:complexType name="${baseTypeName(catalog)}">`,
    ...(base ? [documentation(base)] : []),
    `    <${group}>`,
  ];
  for (const m of children) {
    lines.push(`      <xs:element name="${m.name}" type="${XSD_TYPES[m.type]}"${m.required ? '' : ' minOccurs="0"'}/>`);
  }
  if (envelope.open)
    lines.push('      <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>');
  lines.push(`    </${group}>`);
  if (envelope.codeMember) lines.push(`    <xs:attribute name="${envelope.codeMember}" type="xs:int" use="required"/>`);
  if (envelope.open) lines.push('    <xs:anyAttribute namespace="##other" processContents="lax"/>');
  lines.push('  </xs:complexType>');
  return lines;
}

/**
 * A fault type extends the base type with attributes only: an XSD 1.0
 * extension of an xs:all content model may add no particles.
 */
function faultType(fault: FaultDefinition, base: string): string[] {
  const extra = fault.extraMembers ?? [];
  const lines = [
    `  <xs:complexType name="${faultTypeName(fault.element)}">`,
    documentation(fault),
    '    <xs:complexContent>',
  ];
  if (extra.length === 0) {
    lines.push(`      <xs:extension base="f:${base}"/>`);
  } else {
    lines.push(`      <xs:extension base="f:${base}">`);
    for (const m of extra) {
      const use = m.required ? 'required' : 'optional';
      lines.push(`        <xs:attribute name="${m.name}" type="${XSD_TYPES[m.type]}" use="${use}"/>`);
    }
    lines.push('      </xs:extension>');
  }
  lines.push('    </xs:complexContent>', '  </xs:complexType>');
  return lines;
}

/**
 * An XSD for a profile whose faults are elements: a base type from the
 * envelope (`Fault`, or the document's base fault type such as IdentityFault),
 * one type per other fault extending it, one global element per fault.
 * The code lives in an attribute; its value is checked against the HTTP
 * status by the fault-code check and the JSON Schema.
 */
export function generateXsd(catalog: Catalog, namespace: string, origin = builtInOrigin(catalog)): string {
  if (catalog.envelope.kind !== 'element-per-fault') {
    throw new Error(`${catalog.profile}: XSD generation needs an element-per-fault envelope`);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- Generated ${origin.replace(/--/g, '- -')}. Do not edit. -->`,
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="${escapeAttr(namespace)}"`,
    `           targetNamespace="${escapeAttr(namespace)}" ` +
      'elementFormDefault="qualified" attributeFormDefault="unqualified">',
    ...baseType(catalog),
  ];
  const base = baseFault(catalog);
  for (const fault of catalog.faults) if (fault !== base) lines.push(...faultType(fault, baseTypeName(catalog)));
  for (const fault of catalog.faults)
    lines.push(`  <xs:element name="${fault.element}" type="f:${faultTypeName(fault.element)}"/>`);
  lines.push('</xs:schema>', '');
  return lines.join('\n');
}
