/** Replaces the text between `<!-- name -->` and `<!-- /name -->` in a document. */
export function replaceBlock(doc: string, name: string, content: string): string {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README has no ${open} … ${close} block`);
  return `${doc.slice(0, start + open.length)}\n${content}\n${doc.slice(end)}`;
}

/** The text between the markers, or undefined. */
export function readBlock(doc: string, name: string): string | undefined {
  const open = `<!-- ${name} -->`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(`<!-- /${name} -->`);
  return start < 0 || end < start ? undefined : doc.slice(start + open.length, end).trim();
}
