// `conform import DOC… --out DIR`: reads API documentation (the files given,
// nothing else) and writes a draft profile folder: catalog.json with a note
// per decision and provenance for every entry, and suites/derived.json with
// the scenarios derivable from the codes each operation lists.
import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../../model/output.js';
import { UsageError } from '../../errors.js';
import { checkCatalog } from '../../catalog/load.js';
import { ImportError, importDocuments, type InputDocument } from '../../import/index.js';
import { LIMITS } from '../../import/limits.js';
import { EXIT } from '../exitCode.js';

export interface ImportOptions {
  documents: string[];
  out: string;
  /** The profile's name (default: the folder's). */
  name?: string;
  /** Write over a catalog.json already in the folder. */
  force: boolean;
}

/** Reads a document given on the command line: a regular file, within the size an import reads. */
function readDocument(file: string): InputDocument {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (!stat.isFile())
    throw new UsageError(`${file}: not a regular file (an import reads documents, not devices or folders)`);
  if (stat.size > LIMITS.documentBytes)
    throw new UsageError(`${file}: ${stat.size} bytes, more than an import reads (${LIMITS.documentBytes})`);
  return { name: file, text: fs.readFileSync(file, 'utf8') };
}

function profileName(options: ImportOptions): string {
  const name = (options.name ?? path.basename(path.resolve(options.out)))
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!name) throw new UsageError('--name: a profile name needs a letter or digit');
  return name;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function importCommand(options: ImportOptions, io: Output): number {
  const catalogFile = path.join(options.out, 'catalog.json');
  if (fs.existsSync(catalogFile) && !options.force)
    throw new UsageError(`${catalogFile} exists: give --force to write the imported profile over it`);
  const docs = options.documents.map(readDocument);
  let draft;
  try {
    draft = importDocuments(docs, profileName(options));
  } catch (err) {
    if (err instanceof ImportError) throw new UsageError(err.message);
    throw err;
  }
  const text = json(draft.catalog);
  // The draft is held to the checks every profile loads with, before anything is written.
  checkCatalog(catalogFile, text);
  fs.mkdirSync(path.join(options.out, 'suites'), { recursive: true });
  fs.writeFileSync(catalogFile, text);
  const { catalog, scenarios } = draft;
  io.out(
    `wrote ${catalogFile}: ${catalog.faults.length} faults, ${catalog.operations.length} operations, ` +
      `${catalog.envelope.kind} envelope (${catalog.formats.join(', ')}), ${catalog.notes.length} notes`,
  );
  const suiteFile = path.join(options.out, 'suites', 'derived.json');
  if (scenarios.length > 0) {
    const suite = { $comment: 'Derived by conform import from the codes each operation lists.', scenarios };
    fs.writeFileSync(suiteFile, json(suite));
    io.out(`wrote ${suiteFile}: ${scenarios.length} scenarios`);
  } else {
    fs.rmSync(suiteFile, { force: true });
    io.out(`no scenario derived (the documents list no operation): write suites/*.json in ${options.out} to run it`);
  }
  if (draft.placeholderEnvelope)
    io.err(
      'conform: note: the documents show no fault example: the envelope in catalog.json is a placeholder ' +
        '(give a fault body as a .json document, or edit it)',
    );
  const arg = /[/\\]/.test(options.out) || options.out.startsWith('.') ? options.out : `./${options.out}`;
  io.out(
    `next: read the notes in ${catalogFile}, then: ` +
      `conform list --profile ${arg}; conform --profile ${arg} --target URL`,
  );
  return EXIT.conform;
}
