import { describe, expect, it } from 'vitest';
import { loadProfile } from '../profiles/load.js';
import { failedIds, judge } from '../testing/probe.js';

const quantum = loadProfile('quantum-v1.0');
const NS = 'http://netstack.org/quantum/api/v1.0';
const jsonFault = (inner: object, root = 'networkNotFound') => JSON.stringify({ [root]: inner });
const good = {
  message: 'Unable to find a network with the specified identifier.',
  code: 420,
  detail: 'Network x could not be found',
};
const xmlFault = (attrs: string, children: string, root = 'networkNotFound') =>
  `<?xml version="1.0"?><${root} ${attrs}>${children}</${root}>`;
const NNF = { fault: 'networkNotFound' };

describe('probe checks on a Quantum v1.0 fault', () => {
  it('pass the documented JSON fault (Example 3.10)', () => {
    const checks = judge(quantum, { status: 420, body: jsonFault(good) }, NNF);
    expect(failedIds(checks)).toEqual([]);
    expect(checks.map((c) => c.check)).toEqual([
      'status',
      'documented-status',
      'content-type',
      'well-formed',
      'fault-root',
      'fault-members',
      'fault-code',
      'json-schema',
    ]);
  });

  it('pass the documented XML fault (Example 3.9, with its closing > restored), in either accepted namespace', () => {
    for (const ns of [NS, 'http://openstack.org/quantum/api/v1.0']) {
      const body = xmlFault(
        `code="420" xmlns="${ns}"`,
        '<message>\n Unable to find a network.\n</message><detail>Network x could not be found</detail>',
      );
      expect(failedIds(judge(quantum, { status: 420, body, format: 'xml' }, NNF))).toEqual([]);
    }
  });

  it('status: a different code is a finding, named with both values', () => {
    const [status] = judge(quantum, { status: 404, body: jsonFault(good) }, NNF);
    expect(status).toMatchObject({
      check: 'status',
      state: 'failed',
      expected: '420 (networkNotFound)',
      actual: '404',
    });
  });

  it('documented-status: a code outside the table', () => {
    expect(failedIds(judge(quantum, { status: 418, body: jsonFault({ ...good, code: 418 }) }, NNF))).toContain(
      'documented-status',
    );
  });

  it('content-type: wrong declared type, missing header, and a header that lies about the body', () => {
    expect(failedIds(judge(quantum, { status: 420, body: jsonFault(good), contentType: 'text/html' }, NNF))).toContain(
      'content-type',
    );
    const liar = judge(
      quantum,
      { status: 420, body: jsonFault(good), format: 'xml', contentType: 'application/xml' },
      NNF,
    );
    expect(liar.find((c) => c.check === 'content-type')?.message).toMatch(/says application\/xml but the body is JSON/);
  });

  it('well-formed: empty and broken bodies', () => {
    expect(failedIds(judge(quantum, { status: 420, body: '' }, NNF))).toContain('well-formed');
    expect(failedIds(judge(quantum, { status: 420, body: '{"networkNotFound": {' }, NNF))).toContain('well-formed');
    const unclosed = xmlFault(`code="420" xmlns="${NS}"`, '<message>m</message>').replace(/>$/, '');
    expect(failedIds(judge(quantum, { status: 420, body: unclosed, format: 'xml' }, NNF))).toContain('well-formed');
  });

  it('fault-root: wrong element, case, and an extra root key', () => {
    const wrong = judge(quantum, { status: 420, body: jsonFault({ ...good }, 'itemNotFound') }, NNF).find(
      (c) => c.check === 'fault-root',
    );
    expect(wrong?.message).toMatch(/'itemNotFound', which is the fault for 404/);
    const cased = judge(quantum, { status: 420, body: jsonFault(good, 'NetworkNotFound') }, NNF).find(
      (c) => c.check === 'fault-root',
    );
    expect(cased?.message).toMatch(/in case/);
    const extra = JSON.stringify({ networkNotFound: good, request: 'r' });
    expect(failedIds(judge(quantum, { status: 420, body: extra }, NNF))).toContain('fault-root');
  });

  it('fault-members: missing message, detail/details, wrong type, undocumented member', () => {
    const { message: _m, ...noMessage } = good;
    expect(
      judge(quantum, { status: 420, body: jsonFault(noMessage) }, NNF).find((c) => c.check === 'fault-members')
        ?.message,
    ).toMatch(/'message' is missing/);
    const { detail, ...rest } = good;
    expect(
      judge(quantum, { status: 420, body: jsonFault({ ...rest, details: detail }) }, NNF).find(
        (c) => c.check === 'fault-members',
      )?.message,
    ).toMatch(/found 'details' where the contract has 'detail'/);
    expect(failedIds(judge(quantum, { status: 420, body: jsonFault({ ...good, message: 7 }) }, NNF))).toContain(
      'fault-members',
    );
    expect(failedIds(judge(quantum, { status: 420, body: jsonFault({ ...good, stack: 'x' }) }, NNF))).toContain(
      'fault-members',
    );
  });

  it('fault-code: string, missing, mismatch; XML attribute vs element', () => {
    expect(
      judge(quantum, { status: 420, body: jsonFault({ ...good, code: '420' }) }, NNF).find(
        (c) => c.check === 'fault-code',
      )?.message,
    ).toMatch(/string "420"/);
    expect(failedIds(judge(quantum, { status: 420, body: jsonFault({ ...good, code: 404 }) }, NNF))).toContain(
      'fault-code',
    );
    const noCode = xmlFault(`xmlns="${NS}"`, '<message>m</message>');
    expect(failedIds(judge(quantum, { status: 420, body: noCode, format: 'xml' }, NNF))).toContain('fault-code');
    const asElement = xmlFault(`xmlns="${NS}"`, '<code>420</code><message>m</message>');
    expect(
      judge(quantum, { status: 420, body: asElement, format: 'xml' }, NNF).find((c) => c.check === 'fault-code')
        ?.message,
    ).toMatch(/child element/);
  });

  it('xml-namespace: wrong and missing namespace', () => {
    const wrong = xmlFault('code="420" xmlns="http://example.com/x"', '<message>m</message>');
    expect(failedIds(judge(quantum, { status: 420, body: wrong, format: 'xml' }, NNF))).toEqual(
      expect.arrayContaining(['xml-namespace', 'xsd']),
    );
    const none = xmlFault('code="420"', '<message>m</message>');
    expect(
      judge(quantum, { status: 420, body: none, format: 'xml' }, NNF).find((c) => c.check === 'xml-namespace')?.message,
    ).toMatch(/no namespace/);
  });

  it('xsd: an element the schema does not allow, reported with its line', () => {
    const body = xmlFault(`code="420" xmlns="${NS}"`, '<message>m</message><message>again</message>');
    const xsd = judge(quantum, { status: 420, body, format: 'xml' }, NNF).find((c) => c.check === 'xsd');
    expect(xsd).toMatchObject({ state: 'failed' });
    expect(xsd?.message).toMatch(/line 1: .*message/);
  });

  it('a success expectation runs only status and content checks', () => {
    const checks = judge(quantum, { status: 204, body: '' }, { success: 'network.update' });
    expect(checks.map((c) => `${c.check}:${c.state}`)).toEqual(['status:passed', 'documented-status:passed']);
    expect(failedIds(judge(quantum, { status: 200, body: '' }, { success: 'network.update' }))).toEqual(['status']);
  });
});
