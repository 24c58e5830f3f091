// Fault definitions from the rows of fault tables and from the error codes
// api-ref operations list, each with its provenance and a note per naming decision.
import type { FaultDefinition, Provenance } from '../model/catalog.js';
import type { DocOperation, FaultRow, ListedCode } from './reading.js';
import { camelCase, causeName, lowerFirst, REASONS } from './names.js';

export interface FaultSet {
  faults: FaultDefinition[];
  notes: string[];
}

function add(set: FaultSet, fault: FaultDefinition): FaultDefinition {
  const known = set.faults.find((f) => f.element === fault.element);
  if (!known) {
    set.faults.push(fault);
    return fault;
  }
  for (const c of fault.codes) if (!known.codes.includes(c)) known.codes.push(c);
  known.provenance.push(...fault.provenance);
  if (fault.expectedInAllRequests) known.expectedInAllRequests = true;
  return known;
}

/** The element a row names: the Fault Element as the examples write it, else a name from its cause or reason. */
function elementOf(row: FaultRow, examples: Set<string>, set: FaultSet): { element: string; documentedAs?: string } {
  if (row.name) {
    const element = examples.has(row.name) ? row.name : lowerFirst(row.name);
    return element === row.name ? { element } : { element, documentedAs: row.name };
  }
  const code = row.codes[0];
  if (row.cause) {
    let element = causeName(row.cause);
    for (let n = 2; set.faults.some((f) => f.element === element && f.documentedAs !== `${code}: ${row.cause}`); n++)
      element = `${causeName(row.cause)}${n}`;
    return { element, documentedAs: `${code}: ${row.cause}` };
  }
  const reason = row.reason ?? REASONS[code] ?? `status ${code}`;
  return { element: camelCase(reason), documentedAs: row.written };
}

export function faultsFromRows(rows: FaultRow[], exampleRoots: string[]): FaultSet {
  const set: FaultSet = { faults: [], notes: [] };
  const examples = new Set(exampleRoots);
  const renamed: string[] = [];
  for (const row of rows) {
    const { element, documentedAs } = elementOf(row, examples, set);
    if (row.name && documentedAs) renamed.push(`${row.name} → ${element}`);
    add(set, {
      element,
      codes: [...row.codes],
      description: row.description,
      ...(documentedAs ? { documentedAs } : {}),
      ...(row.expectedInAllRequests ? { expectedInAllRequests: true } : {}),
      provenance: [{ ...row.provenance }],
    });
  }
  if (renamed.length > 0) {
    const why = exampleRoots.length
      ? `as the examples write their roots (${[...examples].join(', ')})`
      : 'as fault elements are written (camelCase)';
    set.notes.push(`names: the first letter lowered, ${why}: ${renamed.join(', ')}`);
  }
  const byCause = rows.filter((r) => r.cause).length;
  if (byCause > 0)
    set.notes.push(
      `names: ${byCause} rows give a possible cause for a code, each a fault named after its cause ` +
        '(documentedAs keeps the code and the cause as written)',
    );
  const byReason = rows.filter((r) => !r.name && !r.cause).length;
  if (byReason > 0)
    set.notes.push(`names: ${byReason} rows give a code and its reason phrase, each a fault named after it`);
  return set;
}

/** The fault a listed code stands for: the name given, a table's fault of that code, or the reason phrase. */
export function faultForCode(
  set: FaultSet,
  listed: ListedCode,
  op: DocOperation,
  statusTexts: Map<number, Map<string, string>>,
): string {
  const texts = statusTexts.get(listed.code);
  const provenance: Provenance[] = [
    { ...op.provenance, note: `lists ${listed.code}${listed.name ? ` (${listed.name})` : ''}` },
  ];
  // nova's form names the fault (itemNotFound(404)); status.yaml's a reason (409: duplicate_zone).
  if (listed.name) {
    const element =
      /_/.test(listed.name) || /^[a-z]+$/.test(listed.name) ? camelCase(listed.name) : lowerFirst(listed.name);
    const text = texts?.get(listed.name) ?? texts?.get('default') ?? REASONS[listed.code] ?? '';
    return add(set, { element, codes: [listed.code], description: text, provenance }).element;
  }
  const tabled = set.faults.filter(
    (f) => f.codes.includes(listed.code) && f.provenance.some((p) => p.row !== undefined),
  );
  if (tabled.length === 1) {
    tabled[0].provenance.push(...provenance);
    return tabled[0].element;
  }
  const reason = REASONS[listed.code] ?? `status ${listed.code}`;
  const description = texts?.get('default') ?? reason;
  return add(set, { element: camelCase(reason), codes: [listed.code], description, provenance }).element;
}
