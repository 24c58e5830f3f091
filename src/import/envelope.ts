// The fault envelope from a document's fault examples: the root (one per
// fault, or one fixed root), the members and which are optional, the member
// or attribute carrying the code, the XML namespace. Each choice is a note.
import type { Catalog, Envelope, Format, MemberDefinition } from '../model/catalog.js';
import type { FaultExample } from './reading.js';
import { lowerFirst } from './names.js';

export interface EnvelopeReading {
  envelope: Envelope;
  formats: Format[];
  xml?: Catalog['xml'];
  /** No example to read it from: the envelope is a placeholder to edit. */
  placeholder: boolean;
  notes: string[];
}

/** Prose that calls a member optional: "The detail section is optional", "details is optional". */
export function optionalMembersIn(text: string): string[] {
  return [
    ...text.matchAll(/\bThe\s+([A-Za-z_]\w*)\s+(?:section|member|element|field|attribute)\s+is\s+optional/gi),
  ].map((m) => m[1]);
}

const PLACEHOLDER: Envelope = {
  kind: 'fixed-root',
  root: 'error',
  members: [{ name: 'message', type: 'string', required: true }],
  open: true,
};

function members(examples: FaultExample[], optional: Set<string>, notes: string[]): MemberDefinition[] {
  const ordered = [...examples.filter((e) => e.format === 'json'), ...examples.filter((e) => e.format === 'xml')];
  const out: MemberDefinition[] = [];
  for (const e of ordered)
    for (const m of e.members) {
      const known = out.find((o) => o.name === m.name);
      if (!known) out.push({ name: m.name, type: m.type, required: true });
      else if (m.type === 'integer' && known.type === 'string' && e.format === 'json') known.type = 'integer';
    }
  for (const m of out) {
    const missingIn = examples.filter((e) => !e.members.some((x) => x.name === m.name));
    if (optional.has(m.name)) {
      m.required = false;
      notes.push(`envelope: '${m.name}' is optional, as the document says`);
    } else if (missingIn.length > 0) {
      m.required = false;
      notes.push(
        `envelope: '${m.name}' is optional: ` +
          `${missingIn[0].provenance.table} of ${missingIn[0].provenance.source} lacks it`,
      );
    }
  }
  return out;
}

const NO_EXAMPLE =
  'envelope: the documents show no fault example, so the envelope is a placeholder ({"error": {"message"}}): ' +
  'edit it, or import again with a fault body given as a document (a .json or .xml file)';

/** One root for every fault: the members, the one repeating the code, the one naming the type. */
function fixedRoot(root: string, all: MemberDefinition[], code: string | undefined, notes: string[]): Envelope {
  const type = all.find((m) => m.name === 'type' && m.type === 'string')?.name;
  if (type) notes.push(`envelope: '${type}' names the fault type`);
  return {
    kind: 'fixed-root',
    root,
    members: all,
    ...(code ? { codeMember: code } : {}),
    ...(type ? { typeMember: type } : {}),
    open: false,
  };
}

/** The XML contract of the XML examples: the namespace of the first, the others also accepted. */
function xmlContract(xmlExamples: FaultExample[], notes: string[]): NonNullable<Catalog['xml']> {
  const spaces = [...new Set(xmlExamples.map((e) => e.namespace!))];
  const { table, source } = xmlExamples[0].provenance;
  notes.push(`envelope: XML namespace ${spaces[0]} (${table} of ${source})`);
  return {
    namespace: spaces[0],
    alsoAccepted: spaces.slice(1).map((namespace) => ({ namespace, note: 'in another example of the documents' })),
  };
}

/** The envelope the examples show; `faults` are the element names the tables give. */
export function readEnvelope(examples: FaultExample[], faults: string[], optional: Set<string>): EnvelopeReading {
  if (examples.length === 0)
    return { envelope: PLACEHOLDER, formats: ['json'], placeholder: true, notes: [NO_EXAMPLE] };
  const notes: string[] = [];
  const roots = [...new Set(examples.map((e) => e.root))];
  const perFault = roots.length > 1 || roots.some((r) => faults.includes(lowerFirst(r)) || faults.includes(r));
  const list = examples.map((e) => `${e.root} (${e.provenance.table})`).join(', ');
  notes.push(
    perFault
      ? `envelope: the root names the fault: the examples' roots ${roots.join(', ')} are fault names of the tables`
      : `envelope: one root, ${roots[0]}, for every fault: it is no fault name of the tables (examples: ${list})`,
  );
  const all = members(examples, optional, notes);
  const code = all.find((m) => m.type === 'integer' && /code/i.test(m.name))?.name;
  if (code) notes.push(`envelope: '${code}' repeats the HTTP status (the examples' value is a status code)`);
  notes.push('envelope: closed (no member beyond those of the examples); set "open": true if the API adds others');
  const envelope: Envelope = perFault
    ? { kind: 'element-per-fault', members: all, codeMember: code ?? 'code', open: false }
    : fixedRoot(roots[0], all, code, notes);
  const xmlExamples = examples.filter((e) => e.format === 'xml');
  const hasJson = examples.some((e) => e.format === 'json');
  if (xmlExamples.length > 0 && !perFault)
    notes.push(
      'envelope: XML examples under one fixed root are not read: conform checks XML faults named by their root',
    );
  const withXml = xmlExamples.length > 0 && perFault;
  const formats: Format[] = [
    ...(hasJson || !withXml ? (['json'] as const) : []),
    ...(withXml ? (['xml'] as const) : []),
  ];
  return { envelope, formats, ...(withXml ? { xml: xmlContract(xmlExamples, notes) } : {}), placeholder: false, notes };
}
