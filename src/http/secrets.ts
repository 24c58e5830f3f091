/** Headers whose values are credentials, whatever they hold. */
const SECRET_HEADERS = new Set([
  'x-auth-token',
  'x-subject-token',
  'authorization',
  'cookie',
  'set-cookie',
  'proxy-authorization',
]);

export const REDACTED = '[REDACTED]';

/** Secrets the user gave (tokens, passwords): shorter ones would redact innocent text. */
const MIN_GIVEN = 4;

/**
 * Values a target hands out are secrets only when they look like tokens (this
 * long, no spaces): a target cannot make conform redact its own text
 * (`expected 420`, a phrase of a message) by handing it out as a token.
 */
export const MIN_LEARNED = 16;
const TOKEN_LIKE = new RegExp(`^[!-~]{${MIN_LEARNED},}$`);

/** A cut text that ends in this many characters of a secret, or more, loses them. */
const MIN_CUT_PREFIX = 4;

/**
 * Room for each character of a secret at the end of a cut text: its longest
 * usual form (a surrogate pair as two `\uXXXX`, an escape escaped once more).
 */
const LONGEST_FORM = 16;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** JSON's two-character escapes: the character after the backslash. */
const JSON_SHORT: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
};

/**
 * The ways one character (one code point, in one letter case) can be written
 * in a body, a URL or a header. Escapes may be escaped again (JSON in a JSON
 * string: `\\u0061`; a URL encoded twice: `%2561`).
 */
function forms(ch: string): string[] {
  const units = Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i));
  const codePoint = ch.codePointAt(0)!;
  const out = [
    escapeRegExp(ch),
    units.map((u) => `\\\\+u${hex(u, 4)}`).join(''),
    [...Buffer.from(ch, 'utf8')].map((b) => `%(?:25)*${hex(b, 2)}`).join(''),
    `&#x0*${hex(codePoint, 1)};`,
    `&#0*${codePoint};`,
  ];
  if (JSON_SHORT[ch]) out.push(`\\\\+${ch === '\\' ? '' : escapeRegExp(JSON_SHORT[ch])}`);
  if (ch === ' ') out.push('\\+');
  return out;
}

/**
 * A regular expression (source) for one character of a secret: itself in
 * either letter case, or any of its escapes (`\u0061`, `%61`, `&#x61;` and
 * those of the other letter case; hex digits in either case).
 */
function charPattern(ch: string, written: (ch: string) => string[] = forms): string {
  const cases = new Set([ch, ch.toLowerCase(), ch.toUpperCase()].filter((c) => [...c].length === 1));
  const all = new Set([...cases].flatMap(written));
  return `(?:${[...all].join('|')})`;
}

/** A character only as itself: in a text with none of its escaping characters, all its forms that can be there. */
const literally = (ch: string) => [escapeRegExp(ch)];

/** What every escaped form of a character starts with, or is: `+` only for a space, which a token never holds. */
const ESCAPING = /[\\%&]/;

/** Which escaping characters a text holds: those every secret's forms start with, and `+`. */
interface Escapes {
  any: boolean;
  plus: boolean;
}
const escapesIn = (text: string): Escapes => ({ any: ESCAPING.test(text), plus: text.includes('+') });

/** A secret, compiled once: its own pattern, and one for a text that ends in its first characters. */
interface Compiled {
  value: string;
  /** The secret in any mix of plain and escaped characters, any letter case. */
  whole: RegExp;
  /** The fewest UTF-16 units `whole` matches: one for each character, every form of one being at least that long. */
  wholeLength: number;
  /** A text ending in the first characters of the secret (at least MIN_CUT_PREFIX), maybe mid-escape. */
  start?: RegExp;
  /**
   * `whole` and `start` for a text it cannot be escaped in (escapedIn), where they can
   * match only the secret's own characters: the same matches, found much
   * faster than through every form of every character.
   */
  plain: { whole: RegExp; start?: RegExp };
  /** Whether a text holding these escaping characters may hold the secret escaped. */
  escapedIn(escapes: Escapes): boolean;
  /** The secret base64-encoded, at each of the three alignments a longer text may put it at. */
  encoded?: { pattern: RegExp; shortest: number };
}

/** Secrets this long or longer are also looked for base64-encoded (shorter cores would match by chance). */
const MIN_ENCODED = 8;

/**
 * The base64 of `value` wherever it sits in a longer encoded text (`Basic
 * dXNlcjpwYXNz`, a JWT's payload): at each alignment, the characters that
 * depend on its bytes alone; in the standard and the URL-safe alphabet.
 */
function encodedPattern(value: string): Compiled['encoded'] {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length < MIN_ENCODED) return undefined;
  const cores = [0, 1, 2].flatMap((k) => {
    const text = Buffer.concat([Buffer.alloc(k), bytes]).toString('base64');
    const core = text.slice(Math.ceil((8 * k) / 6), Math.floor((8 * (k + bytes.length)) / 6));
    return [core, core.replace(/\+/g, '-').replace(/\//g, '_')];
  });
  const pattern = new RegExp([...new Set(cores)].map(escapeRegExp).join('|'), 'g');
  return { pattern, shortest: Math.min(...cores.map((core) => core.length)) };
}

/** The secret's patterns from those of its characters: it whole, and a text ending in its first ones. */
function patterns(chars: string[]): { whole: RegExp; start?: RegExp } {
  const whole = new RegExp(chars.join(''), 'gi');
  if (chars.length <= MIN_CUT_PREFIX) return { whole };
  // c1c2c3c4(?:c5(?:c6…)?)? — then perhaps the start of one more escape, then the end.
  let rest = '';
  for (let i = chars.length - 2; i >= MIN_CUT_PREFIX; i--) rest = `(?:${chars[i]}${rest})?`;
  const partial = '(?:\\\\+u?[0-9a-f]{0,3}|%(?:25)*[0-9a-f]?|&(?:#x?[0-9a-f]*)?)?';
  return { whole, start: new RegExp(`${chars.slice(0, MIN_CUT_PREFIX).join('')}${rest}${partial}$`, 'i') };
}

function compile(value: string): Compiled {
  const chars = [...value];
  const { whole, start } = patterns(chars.map((ch) => charPattern(ch)));
  const plain = patterns(chars.map((ch) => charPattern(ch, literally)));
  const spaced = chars.includes(' ');
  const escapedIn = (escapes: Escapes) => escapes.any || (spaced && escapes.plus);
  return { value, whole, wholeLength: chars.length, start, plain, escapedIn, encoded: encodedPattern(value) };
}

/**
 * The run's known secrets (tokens, passwords). Everything conform records or
 * prints passes through `redact`, so a secret cannot reach a report even when
 * a target echoes it back — in a body or a header, its name included, in any
 * letter case, its characters JSON-escaped (`\u0061`, `\/`), percent-encoded
 * (`%61`) or written as XML character references (`&#x61;`), in any mix.
 */
export class Secrets {
  private readonly compiled = new Map<string, Compiled>();
  /** Longest first: a secret that contains another is redacted whole. */
  private ordered: Compiled[] = [];
  private readonly publicValues = new Set<string>();

  /** A secret the user gave, or one conform asked for. */
  add(value: string | undefined): void {
    if (value && value.length >= MIN_GIVEN) this.remember(value);
  }

  /** A value a target handed out as a token: a secret only if it looks like one. */
  learn(value: string | undefined): void {
    if (value && TOKEN_LIKE.test(value)) this.remember(value);
  }

  private remember(value: string): void {
    if (this.compiled.has(value)) return;
    this.compiled.set(value, compile(value));
    this.ordered = [...this.compiled.values()].sort((a, b) => b.value.length - a.value.length);
  }

  /**
   * A credential-shaped value conform made up to be wrong (a bad token): safe
   * to show. Returns how to forget it once nothing more is recorded with it,
   * so that a run of any size keeps only those in use.
   */
  markPublic(value: string): () => void {
    this.publicValues.add(value);
    return () => void this.publicValues.delete(value);
  }

  redact(text: string): string {
    let out = text;
    // Found once: what is put in place of a secret adds no escape, and takes one away only with the secret.
    const escapes = escapesIn(text);
    // A text shorter than any match is not searched: most of what is redacted
    // is short (header names and values, messages), and the patterns are long.
    for (const s of this.ordered) {
      if (out.length >= s.wholeLength) out = out.replace(s.escapedIn(escapes) ? s.whole : s.plain.whole, REDACTED);
      if (s.encoded && out.length >= s.encoded.shortest) out = out.replace(s.encoded.pattern, REDACTED);
    }
    return out;
  }

  /**
   * Redacts, then cuts to `max` characters; a text that was already cut
   * elsewhere may end in the first characters of a secret: those go too.
   */
  redactAndCut(text: string, max: number): { text: string; cut: boolean } {
    const redacted = this.redact(text);
    const cut = redacted.length > max;
    let out = cut ? redacted.slice(0, max) : redacted;
    for (const s of this.ordered) {
      if (!s.start) continue;
      const tail = out.slice(-LONGEST_FORM * s.value.length);
      const found = (s.escapedIn(escapesIn(tail)) ? s.start : s.plain.start!).exec(tail);
      if (found) out = `${out.slice(0, out.length - found[0].length)}${REDACTED}`;
    }
    return { text: out, cut };
  }

  /**
   * Tokens a target hands out in an answer (an Identity service's
   * X-Subject-Token, or `access.token.id` of v2.0) are secrets from then on,
   * even when conform did not ask for them — if they look like tokens.
   */
  learnFrom(headers: Record<string, string>, body: string): void {
    for (const k in headers) if (k.toLowerCase() === 'x-subject-token') this.learn(headers[k]);
    if (!body.includes('"access"')) return;
    try {
      const id = (JSON.parse(body) as { access?: { token?: { id?: unknown } } }).access?.token?.id;
      if (typeof id === 'string') this.learn(id);
    } catch {
      // not JSON: nothing to learn
    }
  }

  /** Names and values redacted; names that redact alike are merged, their values joined as HTTP joins them. */
  redactHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k in headers) {
      const v = headers[k];
      const secret = SECRET_HEADERS.has(k.toLowerCase()) && !this.publicValues.has(v);
      const name = this.redact(k);
      const value = secret ? REDACTED : this.redact(v);
      out[name] = Object.hasOwn(out, name) ? `${out[name]}, ${value}` : value;
    }
    return out;
  }
}
