// What reaches a terminal from a target is shown, never obeyed: a body, a
// header or a JSON key name may hold escape sequences that would move the
// cursor, clear the screen, set the window title or rewrite a line.

/**
 * Characters a terminal acts on instead of showing: C0 but tab and newline,
 * DEL, C1, and the bidirectional embeddings, overrides and isolates (which
 * reorder what a line shows).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The same, newline included: for what must stay on one line. */
const CONTROL_OR_NEWLINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

function shown(ch: string): string {
  const code = ch.charCodeAt(0);
  return NAMED[ch] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
}

/**
 * `text` safe to print: every control character shown escaped (`\x1b`,
 * `\r`, `\x9b`), newlines and tabs kept. Escape a target's text before
 * colouring it, never a coloured line.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, shown);
}

/** `printable`, newlines shown as `\n` too: for a field that is one line (a reason, a note, a header value). */
export function printableLine(text: string): string {
  return text.replace(CONTROL_OR_NEWLINE, shown);
}
