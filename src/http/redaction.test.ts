// Redaction against a target that reflects what it is sent: in header names,
// in any letter case, JSON-escaped, percent-encoded, or any mix of those.
import { describe, expect, it } from 'vitest';
import { MIN_LEARNED, REDACTED, Secrets } from './secrets.js';
import { CaseRecorder } from '../runner/recorder.js';
import type { BuiltRequest } from '../runner/buildRequest.js';

const TOKEN = '3f9c2a7be41d08c5f6a9e2b7c4d1f0a83b6e9c2d5f8a1b4e';
const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, '0');
const uEscaped = (s: string) => [...s].map((c) => `\\u${hex(c, 4)}`).join('');
const percent = (s: string) => [...s].map((c) => `%${hex(c, 2)}`).join('');

function withToken(): Secrets {
  const s = new Secrets();
  s.add(TOKEN);
  return s;
}

describe('redaction: letter case', () => {
  it('redacts a lower-case token written in upper case', () => {
    expect(withToken().redact(`a ${TOKEN.toUpperCase()} b`)).toBe(`a ${REDACTED} b`);
  });

  it('redacts it in mixed case', () => {
    const mixed = [...TOKEN].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    expect(withToken().redact(mixed)).toBe(REDACTED);
  });

  it('redacts an upper-case secret written in lower case', () => {
    const s = new Secrets();
    s.add('GAAAAABSECRETTOKEN01');
    expect(s.redact('{"id": "gaaaaabsecrettoken01"}')).toBe(`{"id": "${REDACTED}"}`);
  });
});

describe('redaction: JSON string escapes', () => {
  it('redacts a token every character of which is \\u-escaped', () => {
    expect(withToken().redact(`{"echo": "${uEscaped(TOKEN)}"}`)).toBe(`{"echo": "${REDACTED}"}`);
  });

  it('with upper-case hex digits in the escapes', () => {
    expect(withToken().redact(uEscaped(TOKEN).toUpperCase().replace(/\\U/g, '\\u'))).toBe(REDACTED);
  });

  it('in any mix of escaped and plain characters', () => {
    const mixed = [...TOKEN].map((c, i) => (i % 3 === 0 ? uEscaped(c) : c)).join('');
    expect(withToken().redact(`x${mixed}y`)).toBe(`x${REDACTED}y`);
  });

  it('escapes of the other letter case: \\u0041 for a', () => {
    const s = new Secrets();
    s.add('abcdefghijklmnop');
    expect(s.redact('\\u0041BCDEFGHIJKLMNOP')).toBe(REDACTED);
  });

  it('\\/ for a slash, \\" for a quote, \\\\ for a backslash', () => {
    const s = new Secrets();
    s.add('pass/wo"rd\\x1');
    expect(s.redact('{"p": "pass\\/wo\\"rd\\\\x1"}')).toBe(`{"p": "${REDACTED}"}`);
  });

  it('escaped again: JSON in a JSON string', () => {
    const inner = JSON.stringify({ echo: uEscaped(TOKEN) });
    expect(withToken().redact(JSON.stringify({ body: inner }))).toBe(
      JSON.stringify({ body: JSON.stringify({ echo: REDACTED }) }),
    );
  });

  it('what JSON.parse of an escaped body gives is redacted too', () => {
    const body = `{"echo": "${uEscaped(TOKEN)}"}`;
    expect(withToken().redact((JSON.parse(body) as { echo: string }).echo)).toBe(REDACTED);
  });
});

describe('redaction: percent-encoding', () => {
  it('redacts a token every character of which is percent-encoded', () => {
    expect(withToken().redact(`/v1.0/x?t=${percent(TOKEN)}`)).toBe(`/v1.0/x?t=${REDACTED}`);
  });

  it('with upper-case hex digits', () => {
    expect(withToken().redact(percent(TOKEN).toUpperCase())).toBe(REDACTED);
  });

  it('encoded twice', () => {
    expect(withToken().redact(encodeURIComponent(percent(TOKEN)))).toBe(REDACTED);
  });

  it('in any mix of encoded, escaped and plain characters', () => {
    const forms = [
      (c: string) => c,
      (c: string) => percent(c),
      (c: string) => uEscaped(c),
      (c: string) => c.toUpperCase(),
    ];
    const mixed = [...TOKEN].map((c, i) => forms[i % 4](c)).join('');
    expect(withToken().redact(`[${mixed}]`)).toBe(`[${REDACTED}]`);
  });

  it('a character beyond ASCII, as the bytes of its UTF-8', () => {
    const s = new Secrets();
    s.add('pässwörd-éèê-1234');
    expect(s.redact(encodeURIComponent('pässwörd-éèê-1234'))).toBe(REDACTED);
  });

  it('a space as + (form encoding)', () => {
    const s = new Secrets();
    s.add('correct horse battery');
    expect(s.redact('q=correct+horse%20battery')).toBe(`q=${REDACTED}`);
  });

  it('XML character references', () => {
    const s = withToken();
    expect(s.redact(`<t>&#x${hex(TOKEN[0], 2)};&#${TOKEN.charCodeAt(1)};${TOKEN.slice(2)}</t>`)).toBe(
      `<t>${REDACTED}</t>`,
    );
  });
});

describe('redaction: many copies, many secrets', () => {
  it('redacts 150 copies of a token in one body, whatever their form', () => {
    const forms = [TOKEN, TOKEN.toUpperCase(), uEscaped(TOKEN), percent(TOKEN), percent(TOKEN).toUpperCase()];
    const body = JSON.stringify(Array.from({ length: 150 }, (_, i) => forms[i % forms.length]));
    const out = withToken().redact(body);
    expect(out.split(REDACTED)).toHaveLength(151);
    expect(out.toLowerCase()).not.toContain(TOKEN.slice(0, 8));
  });

  it('a secret that contains another is redacted whole', () => {
    const s = new Secrets();
    s.add('short-secret');
    s.add('a-longer-short-secret-value');
    expect(s.redact('x a-longer-short-secret-value y short-secret')).toBe(`x ${REDACTED} y ${REDACTED}`);
  });

  it('leaves text with no secret as it was', () => {
    const text = '{"networks": [{"id": "n1", "name": "conform-x"}]} %41\\u0041';
    expect(withToken().redact(text)).toBe(text);
  });
});

describe('redaction: headers', () => {
  it('redacts a secret reflected into a header name, and into its value in another case', () => {
    expect(withToken().redactHeaders({ [`x-echo-${TOKEN}`]: TOKEN.toUpperCase(), accept: 'application/json' })).toEqual(
      { [`x-echo-${REDACTED}`]: REDACTED, accept: 'application/json' },
    );
  });

  it('names that redact alike are kept, their values joined', () => {
    const s = withToken();
    expect(s.redactHeaders({ [`x-${TOKEN}`]: 'one', [`x-${TOKEN.toUpperCase()}`]: 'two' })).toEqual({
      [`x-${REDACTED}`]: 'one, two',
    });
  });

  it('a header named like a property of objects is an ordinary header', () => {
    expect(withToken().redactHeaders({ constructor: 'a', toString: 'b' })).toEqual({ constructor: 'a', toString: 'b' });
  });
});

describe('redaction: a cut that ends in the start of a secret', () => {
  it('loses it when the start is in another letter case', () => {
    const s = withToken();
    expect(s.redactAndCut(`body ends in ${TOKEN.slice(0, 20).toUpperCase()}`, 1000).text).toBe(
      `body ends in ${REDACTED}`,
    );
  });

  it('loses it when the start is escaped, or cut in the middle of an escape', () => {
    const s = withToken();
    const start = `${uEscaped(TOKEN.slice(0, 3))}${percent(TOKEN.slice(3, 6))}${TOKEN.slice(6, 10)}`;
    expect(s.redactAndCut(`"${start}`, 1000).text).toBe(`"${REDACTED}`);
    expect(s.redactAndCut(`"${TOKEN.slice(0, 10)}\\u00`, 1000).text).toBe(`"${REDACTED}`);
    expect(s.redactAndCut(`"${TOKEN.slice(0, 10)}%`, 1000).text).toBe(`"${REDACTED}`);
  });

  it('when the cut is conform’s', () => {
    const s = withToken();
    const text = `0123456789${TOKEN.slice(0, 30)}-and-more`;
    expect(s.redactAndCut(text, 30)).toEqual({ text: `0123456789${REDACTED}`, cut: true });
    expect(s.redactAndCut(text.toUpperCase(), 30)).toEqual({ text: `0123456789${REDACTED}`, cut: true });
  });

  it('keeps an ending shorter than four characters of the secret, and one that only looks alike', () => {
    const s = withToken();
    expect(s.redactAndCut(`ends in ${TOKEN.slice(0, 3)}`, 1000).text).toBe(`ends in ${TOKEN.slice(0, 3)}`);
    expect(s.redactAndCut('ends in 3f9c2a7bX', 1000).text).toBe('ends in 3f9c2a7bX');
  });
});

describe('secrets a target hands out, and conform’s own text', () => {
  const request: BuiltRequest = {
    operation: 'network.show',
    method: 'GET',
    url: 'http://h/v1.0/tenants/t1/networks/n1',
    headers: { accept: 'application/json', 'x-auth-token': TOKEN },
    credential: 'main',
  };
  const answer = (headers: Record<string, string>, body = '{}') => ({
    ok: true as const,
    response: { status: 404, headers, body, truncated: false },
    durationMs: 1,
  });
  const statusCheck = {
    check: 'status' as const,
    step: 'probe',
    state: 'failed' as const,
    title: 'the status is the fault code',
    expected: '420',
    actual: '404',
    message: 'expected 420 (networkNotFound), got 404',
  };

  it('a target that hands out X-Subject-Token: 420 does not redact `expected 420`', () => {
    const s = new Secrets();
    const rec = new CaseRecorder(s);
    rec.exchange('probe', 'probe', request, answer({ 'x-subject-token': '420' }));
    rec.check(statusCheck);
    expect(rec.checks[0]).toEqual(statusCheck);
    expect(s.redact('expected 420 (networkNotFound), got 404')).toBe('expected 420 (networkNotFound), got 404');
  });

  it('nor does a v2.0 access.token.id of 404, nor a value shorter than a token or with spaces', () => {
    const s = new Secrets();
    s.learnFrom({}, '{"access": {"token": {"id": "404"}}}');
    s.learnFrom({ 'X-Subject-Token': 'x'.repeat(MIN_LEARNED - 1) }, '');
    s.learnFrom({ 'X-Subject-Token': `${' '.repeat(20)}420` }, '');
    s.learnFrom({ 'X-Subject-Token': 'expected 420 (networkNotFound)' }, '');
    const text = `got 404, expected 420 (networkNotFound) ${'x'.repeat(MIN_LEARNED - 1)}`;
    expect(s.redact(text)).toBe(text);
  });

  it('learns a value that looks like a token, from then on in every form', () => {
    const s = new Secrets();
    const minted = 'minted-v3-token-1234';
    s.learnFrom({ 'X-Subject-Token': minted }, '');
    expect(s.redact(`${minted.toUpperCase()} ${uEscaped(minted)} ${percent(minted)}`)).toBe(
      `${REDACTED} ${REDACTED} ${REDACTED}`,
    );
  });

  it('secrets the user gives keep the lower bound of four characters', () => {
    const s = new Secrets();
    s.add('abc');
    s.add('wxyz');
    expect(s.redact('abc wxyz WXYZ')).toBe(`abc ${REDACTED} ${REDACTED}`);
  });

  it('the recorder redacts every field a target wrote, and keeps what conform wrote', () => {
    const s = withToken();
    const rec = new CaseRecorder(s);
    const body = `{"${uEscaped(TOKEN)}": {"echo": "${percent(TOKEN)}"}}`;
    const e = rec.exchange(
      'probe',
      'probe',
      { ...request, url: `http://h/v1.0/x?t=${TOKEN}`, body: TOKEN.toUpperCase() },
      answer({ [`x-echo-${TOKEN}`]: TOKEN, location: `/x/${percent(TOKEN)}` }, body),
    );
    const failed = { ...statusCheck, message: `the body says ${TOKEN}`, actual: uEscaped(TOKEN) };
    rec.check(failed);
    rec.exchange('cleanup:probe', 'cleanup', request, { ok: false, error: `reset by ${TOKEN}`, durationMs: 1 });
    const all = JSON.stringify([rec.exchanges, rec.checks]);
    expect(all.toLowerCase()).not.toContain(TOKEN.slice(0, 12));
    expect(all).not.toMatch(/\\\\u0033\\\\u0066|%33%66/i);
    expect(e.request.url).toBe(`http://h/v1.0/x?t=${REDACTED}`);
    expect(e.response?.headers).toEqual({ [`x-echo-${REDACTED}`]: REDACTED, location: `/x/${REDACTED}` });
    expect(rec.checks[0]).toMatchObject({
      expected: '420',
      title: statusCheck.title,
      message: `the body says ${REDACTED}`,
    });
    expect(rec.exchanges[1].error).toBe(`reset by ${REDACTED}`);
  });
});

describe('Secrets: base64', () => {
  it('a secret a target echoes base64-encoded, at any alignment, in either alphabet, is redacted', () => {
    const secrets = new Secrets();
    const token = 'Sup3rSecretTokXyz42';
    secrets.add(token);
    for (const prefix of ['', 'a', 'ab', 'user:']) {
      const b64 = Buffer.from(`${prefix}${token}`).toString('base64');
      expect(secrets.redact(`Basic ${b64}`)).toContain('[REDACTED]');
      const url = Buffer.from(`${prefix}${token}?>`).toString('base64url');
      expect(secrets.redact(url)).toContain('[REDACTED]');
    }
    // What remains of the encoding cannot be decoded back to the secret.
    const left = secrets.redact(Buffer.from(`x${token}`).toString('base64')).replace('[REDACTED]', '');
    expect(Buffer.from(left, 'base64').toString('latin1')).not.toContain(token.slice(0, 8));
  });

  it('a short secret is not looked for encoded: innocent base64 stays', () => {
    const secrets = new Secrets();
    secrets.add('abcd');
    expect(secrets.redact('YWJjZA==')).toBe('YWJjZA==');
  });
});
