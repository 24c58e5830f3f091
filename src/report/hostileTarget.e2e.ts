// The whole CLI against a target that turns what it is sent against conform:
// it reflects every request header into response header names and values and
// into its bodies — in upper case, \u-escaped, percent-encoded, as character
// references — hands out a short "token" (X-Subject-Token: 420), and writes
// terminal control sequences into its bodies and JSON key names. The main
// token must reach no output in any form, and the console must obey none of
// the target's control characters.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliClean, type CliRun } from '../testing/cli.js';
import { expectValidResults } from '../testing/results.js';
import { tempDir } from '../testing/tmp.js';

const TOKEN = 'c0ffee4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e';

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const uEscaped = (s: string) => [...s].map((c) => `\\u${hex(c.charCodeAt(0), 4)}`).join('');
const percent = (s: string) => [...s].map((c) => `%${hex(c.charCodeAt(0), 2).toUpperCase()}`).join('');
/** Every third character \u-escaped, every third percent-encoded, every third in upper case. */
const mixed = (s: string) => [...s].map((c, i) => [uEscaped(c), percent(c), c.toUpperCase()][i % 3]).join('');
const charRefs = (s: string) => [...s].map((c) => `&#x${hex(c.charCodeAt(0), 2)};`).join('');
/** A header name from any text: the characters a name cannot hold become `-`. */
const asName = (s: string) => s.replace(/[^!#$%&'*+.^_`|~0-9A-Za-z-]/g, '-').slice(0, 200);

const CONTROLS = '\u001b[2J\u001b[H\u001b]0;conform: all passed\u0007\u0000\u007f\u009b31m\r';
const FAKE_TOTALS = 'quantum-v1.0 against http://x: 56 cases, 56 passed, 0 failed, 0 errored, 0 skipped';

function reflectedHeaders(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = { 'x-subject-token': '420', 'x-c1': 'a\u009b2Jb' };
  Object.entries(req.headers).forEach(([name, value], i) => {
    const v = String(value);
    out[asName(`x-n${i}-${name}-${v}`)] = v;
    out[asName(`x-u${i}-${v}`)] = v.toUpperCase();
    out[asName(`x-p${i}-${percent(v)}`)] = percent(v);
    out[`x-m${i}`] = mixed(v);
  });
  return out;
}

function jsonBody(req: http.IncomingMessage): string {
  const echoed = Object.entries(req.headers)
    .map(([k, v]) => `"${uEscaped(`${k}:${String(v)}`)}": "${uEscaped(String(v))}", "${mixed(String(v))}": 1`)
    .join(', ');
  const key = uEscaped(`${CONTROLS}itemNotFound`);
  return `{"${key}": {"code": 404, "message": "${uEscaped(`${CONTROLS}\n${FAKE_TOTALS}`)}", ${echoed}}}`;
}

function rawBody(req: http.IncomingMessage): string {
  const values = Object.values(req.headers).map(String);
  return [CONTROLS, ...values.map(mixed), ...values.map(charRefs), `\n${FAKE_TOTALS}\r${FAKE_TOTALS}`].join(' ');
}

let server: http.Server;
let target: string;
let requests = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      const xml = /xml/.test(String(req.headers.accept)) || /\.xml$/.test(req.url ?? '');
      res.writeHead(404, { ...reflectedHeaders(req), 'content-type': xml ? 'application/xml' : 'application/json' });
      res.end(Buffer.concat([Buffer.from(requests % 2 ? jsonBody(req) : rawBody(req)), Buffer.from([0x9b, 0x1b])]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** Text with every escape of the forms a target may use decoded, in lower case: a token in any form shows. */
function decoded(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i++) {
    out = out
      .replace(/\\+u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)));
  }
  return out.toLowerCase();
}

/** Every string in a JSON value, keys included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

function expectNoToken(where: string, text: string): void {
  for (const form of [TOKEN, TOKEN.toUpperCase(), uEscaped(TOKEN), percent(TOKEN), percent(TOKEN).toLowerCase()])
    expect(text.includes(form), `${where} holds the token as ${form.slice(0, 12)}…`).toBe(false);
  expect(decoded(text).includes(TOKEN), `${where} holds the token, escaped or encoded`).toBe(false);
}

/** Characters a terminal acts on, besides newline and tab (conform's own colour codes removed first). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function hostileRun(colour: '--color' | '--no-color'): Promise<{ run: CliRun; reports: string }> {
  const reports = tempDir('hostile');
  const run = await runCliClean(['--target', target, '--token', TOKEN, '--reports', reports, colour]);
  return { run, reports };
}

describe('a hostile target', () => {
  for (const colour of ['--no-color', '--color'] as const) {
    it(`gets the token into no output, and the terminal obeys none of its controls (${colour})`, async () => {
      const { run, reports } = await hostileRun(colour);
      expect(run.code, run.stderr).toBe(1);
      expect(requests).toBeGreaterThan(50);
      const results = fs.readFileSync(path.join(reports, 'results.json'), 'utf8');
      expectValidResults(reports);
      const junit = fs.readFileSync(path.join(reports, 'junit.xml'), 'utf8');
      const outputs = { stdout: run.stdout, stderr: run.stderr, 'results.json': results, 'junit.xml': junit };
      for (const [where, text] of Object.entries(outputs)) expectNoToken(where, text);
      for (const text of strings(JSON.parse(results))) expectNoToken('a string of results.json', text);

      // It did reflect the token: redacted where it was.
      expect(results).toMatch(/"x-n\d+-x-auth-token-\[REDACTED\]": "\[REDACTED\]"/);
      // A "token" of three digits is not a secret: conform's verdicts keep their numbers.
      expect(run.stdout).toMatch(/expected 420/);
      expect(results).not.toMatch(/expected \[REDACTED\]/);

      for (const [where, text] of Object.entries({ stdout: run.stdout, stderr: run.stderr })) {
        const own = colour === '--color' ? text.replace(/\u001b\[\d+m/g, '') : text;
        expect(CONTROL.exec(own), `${where} holds a control character`).toBeNull();
      }
      if (colour === '--color') expect(run.stdout).toContain('\u001b[31mFAIL\u001b[0m');
      else expect(run.stdout).not.toContain('\u001b');
      // The target's control sequences are shown, escaped; its fake totals line never starts a line.
      expect(run.stdout).toContain('\\x1b[2J\\x1b[H\\x1b]0;conform: all passed\\x07');
      const lines = run.stdout.replace(/\u001b\[\d+m/g, '').split('\n');
      const totals = lines.filter((l) => l.startsWith('quantum-v1.0 against '));
      expect(totals).toHaveLength(1);
      expect(totals[0]).toMatch(new RegExp(`^quantum-v1\\.0 against ${target}: 56 cases, 0 passed`));
    });
  }
});
