/**
 * Reads the fault and status tables out of the seed documents, so a test can
 * hold each catalog to the document it comes from.
 */

export interface SeedFaultRow {
  element: string;
  codes: number[];
  expectedInAllRequests?: boolean;
}

/** Rows like `NetworkNotFound 420 Description` or `| NetworkNotFound | 420 | ... |` or `identityFault 500, 400 YES`. */
export function readFaultRows(text: string): SeedFaultRow[] {
  const rows = new Map<string, SeedFaultRow>();
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/^\|\s*/, '')
      .replace(/\s*\|\s*/g, ' ')
      .trim();
    const m = /^([A-Za-z][A-Za-z]+)\s+(\d{3}(?:\s*,\s*\d{3})*)(?:\s+(YES)\b|\s|$)/.exec(line);
    if (!m || /^(Example|Table|Fault|Error|Return)$/.test(m[1])) continue;
    rows.set(m[1], {
      element: m[1],
      codes: m[2].split(',').map((c) => Number(c.trim())),
      ...(m[3] ? { expectedInAllRequests: true } : {}),
    });
  }
  return [...rows.values()];
}

/** Every three-digit status code in the `<td>` cells of an HTML status table. */
export function readStatusCodes(text: string): number[] {
  const codes = new Set<number>();
  for (const m of text.matchAll(/<p[^>]*>(?:<a[^>]*><\/a>)*\s*([1-5]\d\d)\b[^<]*<\/p>/g)) codes.add(Number(m[1]));
  return [...codes].sort((a, b) => a - b);
}
