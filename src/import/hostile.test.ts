// Hostile documents: an import ends each in one clear line, within bounded
// time, and never reads, fetches or runs what a document names.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments, ImportError, type InputDocument } from './index.js';

/** The one-line ImportError importing `docs` ends in, and how long it took. */
function refusal(...docs: InputDocument[]): { message: string; ms: number } {
  const started = performance.now();
  try {
    importDocuments(docs, 'hostile');
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    return { message, ms: performance.now() - started };
  }
  throw new Error('imported without a refusal');
}

const TABLE = '| Fault Element | Error Code | Description |\n| NotFound | 404 | gone |\n';

describe('a hostile document', () => {
  it('huge (9 MiB): refused by its size, at once', () => {
    const { message, ms } = refusal({ name: 'huge.txt', text: `${TABLE}${'x'.repeat(9 * 1024 * 1024)}` });
    expect(message).toMatch(/^huge\.txt: \d+ bytes, more than an import reads \(8388608\)$/);
    expect(ms).toBeLessThan(1000);
  });

  it('deeply nested HTML (100,000 open <div>s around a table): refused at the depth bound', () => {
    const text = `${'<div>'.repeat(100_000)}<table><tr><th>Code</th></tr><tr><td>404</td></tr></table>`;
    const { message, ms } = refusal({ name: 'deep.html', text });
    expect(message).toBe('deep.html: HTML nested deeper than 256 elements (line 1)');
    expect(ms).toBeLessThan(2000);
  });

  it('an entity bomb (billion laughs) in an XML example: refused, nothing expanded', () => {
    const entities = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY a0 "lol">' : `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`,
    ).join('');
    const fault = '<notFound xmlns="urn:x" code="404"><message>&a9;</message></notFound>';
    const text = `${TABLE}<?xml version="1.0"?><!DOCTYPE r [${entities}]>\n${fault}`;
    const { message, ms } = refusal({ name: 'bomb.txt', text });
    expect(message).toMatch(/^bomb\.txt: an XML example declares entities \(<!DOCTYPE r \[… at line 3\): refused/);
    expect(ms).toBeLessThan(1000);
  });

  it('a JSON example nested 10,000 levels: refused at the depth bound', () => {
    const text = `${TABLE}${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(refusal({ name: 'deep.json', text }).message).toMatch(
      /^deep\.json: a JSON example nested deeper than 64 levels/,
    );
  });

  it('4 MiB of pathological markup ("<a " and "{" with nothing closing): one line, in bounded time', () => {
    const size = 4 * 1024 * 1024;
    const tags = { name: 'tags.html', text: `<table>${'<a '.repeat(size / 3)}` };
    const started = performance.now();
    expect(() => importDocuments([tags], 'hostile')).toThrow(ImportError);
    expect(performance.now() - started).toBeLessThan(10_000);
    const braces = refusal({ name: 'braces.txt', text: `${TABLE}${'{"'.repeat(size / 2)}` });
    expect(braces.message).toMatch(/^braces\.txt: (too many unclosed|a JSON example nested)/);
    expect(braces.ms).toBeLessThan(10_000);
  });

  it('names files and URLs (literalinclude, status.yaml, an external entity, an image): none is opened', () => {
    const apiRef = [
      'Show thing',
      '==========',
      '',
      '.. rest_method:: GET /v1/things/{thing_id}',
      '',
      '.. rest_status_code:: error /etc/passwd',
      '',
      '   - 404',
      '',
      '.. literalinclude:: /etc/shadow',
      '.. image:: http://127.0.0.1:9/never-fetched.png',
      '',
    ].join('\n');
    const draft = importDocuments([{ name: 'things.inc', text: apiRef }], 'things');
    const written = JSON.stringify(draft);
    expect(written).not.toMatch(/root:x:0:0/);
    expect(draft.catalog.notes.join('\n')).toMatch(
      /names \/etc\/passwd, which is not one of the documents given: not read/,
    );
    expect(draft.catalog.notes.join('\n')).toMatch(/names \/etc\/shadow, which is not one of the documents given/);
    const xxe = `${TABLE}<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><notFound xmlns="urn:x" code="404">&x;</notFound>`;
    expect(refusal({ name: 'xxe.txt', text: xxe }).message).toMatch(/declares entities/);
  });

  it('the importer reaches nothing beyond the texts given: it imports no file, network or process module', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !/\.(test|e2e|itest)\.ts$/.test(f))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      const modules = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const m of modules)
        expect(m, `${file} imports ${m}`).toMatch(/^(\.\/|\.\.\/(model|suite)\/|yaml$|node:path$)/);
      expect(source, file).not.toMatch(/\b(fetch|require|import)\(/);
    }
  });
});
