// What varies from run to run in a report, replaced with fixed placeholders:
// run ids, timestamps, HTTP dates, loopback ports, UUIDs, long hex strings and
// durations, so that a report can be compared with a snapshot.

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/**
 * Text with what varies replaced. The same UUID gets the same placeholder
 * throughout (numbered in order of appearance), so what refers to what stays visible.
 */
export function stabilise(text: string, reportsDir?: string): string {
  const uuids = new Map<string, string>();
  let out = reportsDir ? text.split(reportsDir).join('<reports>') : text;
  out = out
    .replace(/conform-\d{8}t\d{6}-[0-9a-z]+/g, 'conform-<run-id>')
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<timestamp>')
    .replace(/\b[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g, '<http-date>')
    .replace(/\b(127\.0\.0\.1|localhost|\[::1\]):\d+/g, '$1:<port>')
    .replace(UUID, (u) => {
      if (!uuids.has(u.toLowerCase())) uuids.set(u.toLowerCase(), `<uuid-${uuids.size + 1}>`);
      return uuids.get(u.toLowerCase())!;
    })
    .replace(/\b[0-9a-f]{16,}\b/g, '<hex>')
    .replace(/\bin \d+(\.\d+)? s\b/g, 'in <seconds> s');
  return out;
}
