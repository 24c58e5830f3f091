import { describe, expect, it } from 'vitest';
import { Secrets, REDACTED } from './secrets.js';
import { toCurl } from '../diagnosis/curl.js';

describe('secrets', () => {
  it('redacts known secrets anywhere in text, and credential headers whatever they hold', () => {
    const s = new Secrets();
    s.add('gAAAAABsecret-token-value');
    expect(s.redact('{"token":{"id":"gAAAAABsecret-token-value"}}')).toBe(`{"token":{"id":"${REDACTED}"}}`);
    expect(s.redactHeaders({ 'X-Auth-Token': 'anything', accept: 'application/json' })).toEqual({
      'X-Auth-Token': REDACTED,
      accept: 'application/json',
    });
  });

  it('redacts before cutting, and a cut that ends in the start of a secret loses that too', () => {
    const s = new Secrets();
    s.add('gAAAAABSECRETTOKEN01');
    expect(s.redactAndCut('xx gAAAAABSECRETTOKEN01 yy', 8)).toEqual({ text: 'xx [REDA', cut: true });
    expect(s.redactAndCut('body ends in gAAAAABSEC', 100).text).toBe(`body ends in ${REDACTED}`);
  });

  it('learns the tokens a target hands out', () => {
    const s = new Secrets();
    s.learnFrom({ 'X-Subject-Token': 'minted-v3-token-1234' }, '{"access":{"token":{"id":"minted-v2-token-5678"}}}');
    expect(s.redact('minted-v3-token-1234 minted-v2-token-5678')).toBe(`${REDACTED} ${REDACTED}`);
  });

  it('leaves a made-up bad token visible, since it reproduces the probe and opens nothing', () => {
    const s = new Secrets();
    s.markPublic('conform-invalid-abc');
    expect(s.redactHeaders({ 'x-auth-token': 'conform-invalid-abc' })).toEqual({
      'x-auth-token': 'conform-invalid-abc',
    });
  });

  it('finds a secret in a text without escapes exactly as in one with them', () => {
    for (const secret of ['Sècret-Token_42.x', 'pass word+1']) sameInEveryForm(secret);
    const spaced = new Secrets();
    spaced.add('pass word+1');
    // With no other escape in the text: its space written as a form would write it.
    expect(spaced.redact('x PASS+word+1 y')).toBe(`x ${REDACTED} y`);
  });

  function sameInEveryForm(secret: string) {
    const s = new Secrets();
    s.add(secret);
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const piece = () => {
      const kind = next(4);
      if (kind === 0) return [...secret].map((c) => (next(2) ? c.toUpperCase() : c.toLowerCase())).join('');
      if (kind === 1) return secret.slice(0, next(secret.length));
      return 'ab .:-_"{}[]#/é+'.charAt(next(16)).repeat(next(5));
    };
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + next(8) }, piece).join('');
      // A `%` at the end completes no escape, but has the text searched for every form.
      expect(s.redact(text)).toBe(s.redact(`${text}%`).slice(0, -1));
    }
  }

  it('forgets a made-up token once told to, so that a run keeps only those of the cases under way', () => {
    const s = new Secrets();
    const forget = s.markPublic('conform-invalid-abc');
    forget();
    expect(s.redactHeaders({ 'x-auth-token': 'conform-invalid-abc' })).toEqual({ 'x-auth-token': REDACTED });
  });

  it('curl reproductions refer to $OS_TOKEN, never to a token, and quote safely', () => {
    const curl = toCurl({
      method: 'PUT',
      url: "http://h/v1.0/it's",
      headers: { 'x-auth-token': REDACTED, 'content-type': 'application/json' },
      body: `{"a":"b'c"}`,
    });
    expect(curl).toBe(
      `curl -sS -i -X PUT 'http://h/v1.0/it'\\''s' -H "x-auth-token: $OS_TOKEN" -H 'content-type: application/json' ` +
        `--data-raw '{"a":"b'\\''c"}'`,
    );
  });
});

describe('curl reproductions of a bad-token probe', () => {
  it('send the made-up token, not $OS_TOKEN: the same request, failing the same way', () => {
    const curl = toCurl({
      method: 'GET',
      url: 'http://h/v1.0/x',
      headers: { 'x-auth-token': 'conform-invalid-abc' },
      credential: 'invalid',
    });
    expect(curl).toBe(`curl -sS -i -X GET 'http://h/v1.0/x' -H 'x-auth-token: conform-invalid-abc'`);
  });
});
