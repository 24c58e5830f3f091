// Reads each document by its form: status.yaml files, api-ref sources,
// fault bodies (.json, .xml), and pages (plain text, Markdown, HTML).
import path from 'node:path';
import type { InputDocument, Reading } from './reading.js';
import { emptyReading } from './reading.js';
import { ImportError, LIMITS } from './limits.js';
import { readHtmlDocTables } from './html.js';
import { readPipeTables, readTextTables } from './textTables.js';
import { readJsonExamples, readXmlExamples } from './examples.js';
import { isApiRef, readApiRef, readStatusYaml } from './apiRef.js';
import { optionalMembersIn } from './envelope.js';

function checkSizes(docs: InputDocument[]): void {
  let total = 0;
  for (const d of docs) {
    const bytes = Buffer.byteLength(d.text);
    if (bytes > LIMITS.documentBytes)
      throw new ImportError(`${d.name}: ${bytes} bytes, more than an import reads (${LIMITS.documentBytes})`);
    total += bytes;
  }
  if (total > LIMITS.totalBytes)
    throw new ImportError(`the documents add up to ${total} bytes, more than an import reads (${LIMITS.totalBytes})`);
}

/** A page (plain text, Markdown, HTML, api-ref source): its tables or operations, examples, prose. */
function readPage(doc: InputDocument, reading: Reading, named: Map<string, string>): void {
  reading.examples.push(...readJsonExamples(doc.name, doc.text));
  for (const m of optionalMembersIn(doc.text)) reading.optionalMembers.add(m);
  if (isApiRef(doc.text)) {
    const api = readApiRef(doc.name, doc.text);
    reading.operations.push(...api.operations);
    reading.notes.push(...api.notes);
    for (const n of api.named) named.set(n, doc.name);
    return;
  }
  if (/<table\b/i.test(doc.text)) reading.tables.push(...readHtmlDocTables(doc.name, doc.text));
  reading.tables.push(...readPipeTables(doc.name, doc.text), ...readTextTables(doc.name, doc.text));
}

export function readDocuments(docs: InputDocument[]): Reading {
  checkSizes(docs);
  const reading = emptyReading();
  const named = new Map<string, string>();
  for (const doc of docs) {
    const ext = path.extname(doc.name).toLowerCase();
    if (ext === '.yaml' || ext === '.yml') {
      for (const [code, texts] of readStatusYaml(doc.name, doc.text)) reading.statusTexts.set(code, texts);
      continue;
    }
    reading.examples.push(...readXmlExamples(doc.name, doc.text, reading.notes));
    if (ext === '.json') reading.examples.push(...readJsonExamples(doc.name, doc.text));
    else if (ext !== '.xml') readPage(doc, reading, named);
    if (reading.operations.length > LIMITS.operations)
      throw new ImportError(`more than ${LIMITS.operations} operations in the documents`);
    if (reading.tables.length > LIMITS.tables)
      throw new ImportError(`more than ${LIMITS.tables} tables in the documents`);
  }
  const given = new Set(docs.map((d) => path.basename(d.name)));
  for (const [file, by] of named)
    if (!given.has(path.basename(file)))
      reading.notes.push(
        `${by} names ${file}, which is not one of the documents given: not read (an import opens nothing else)`,
      );
  return reading;
}
