import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { parseWaivers, renderWaivers } from './waiverFile.js';

/** The lines of the UsageError a file is refused with (each after `conform: `, as the CLI prints them). */
function refusal(source: string): string[] {
  try {
    parseWaivers('w.yaml', source);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return `conform: ${(err as Error).message}`.split('\n');
  }
  throw new Error('the file was accepted');
}

describe('the waiver file', () => {
  it('reads YAML: case, profile, check(s), reason, expiry and link', () => {
    const set = parseWaivers(
      'w.yaml',
      [
        'format: conform-waivers/1',
        'waivers:',
        '  - case: method.put-networks[json]',
        '    profile: neutron-v2.0',
        '    check: status',
        '    reason: Neutron routes PUT on the collection to an update of network None',
        '    expires: 2027-03-01',
        '    link: https://bugs.launchpad.net/neutron/+bug/1',
        '  - case: network.show.missing',
        '    checks: [status, fault-root]',
        '    reason: " accepted "',
      ].join('\n'),
    );
    expect(set).toEqual({
      file: 'w.yaml',
      waivers: [
        {
          case: 'method.put-networks[json]',
          profile: 'neutron-v2.0',
          checks: ['status'],
          reason: 'Neutron routes PUT on the collection to an update of network None',
          expires: '2027-03-01',
          link: 'https://bugs.launchpad.net/neutron/+bug/1',
          entry: 'waivers[0]',
        },
        { case: 'network.show.missing', checks: ['status', 'fault-root'], reason: 'accepted', entry: 'waivers[1]' },
      ],
    });
  });

  it('reads JSON', () => {
    const set = parseWaivers('w.json', '{"waivers": [{"case": "resource.unknown[json]", "reason": "known"}]}');
    expect(set.waivers).toEqual([{ case: 'resource.unknown[json]', reason: 'known', entry: 'waivers[0]' }]);
  });

  it('refuses every problem, one line each naming the file, the entry and what is wrong', () => {
    const lines = refusal(
      [
        'waivers:',
        '  - case: network.show.missing[json]',
        '    reason: TODO',
        '  - case: no.such.scenario',
        '    reason: x',
        '  - case: method.put-networks[xml]',
        '    profile: neutron-v2.0',
        '    reason: x',
        '  - case: network.show.missing',
        '    profile: nova',
        '    checks: [status, colour]',
        '    expires: 2027-02-30',
        '    link: not a url',
        '    reson: typo',
        '  - reason: no case',
        '  - just a string',
      ].join('\n'),
    );
    expect(lines).toEqual([
      'conform: w.yaml: waivers[0] (network.show.missing[json]): reason: fill in the reason (it still says TODO)',
      "conform: w.yaml: waivers[1] (no.such.scenario): case: no scenario 'no.such.scenario' in any profile",
      "conform: w.yaml: waivers[2] (method.put-networks[xml]): case: scenario 'method.put-networks' " +
        "has no format 'xml' (it has json)",
      'conform: w.yaml: waivers[3] (network.show.missing): reson: unknown field ' +
        '(known: case, profile, check, checks, reason, expires, link)',
      "conform: w.yaml: waivers[3] (network.show.missing): profile: 'nova' is not a profile " +
        '(known: keystone-v2.0, keystone-v3, neutron-v2.0, quantum-v1.0)',
      'conform: w.yaml: waivers[3] (network.show.missing): reason: missing (why the finding is accepted)',
      "conform: w.yaml: waivers[3] (network.show.missing): expires: '2027-02-30' is not a date (YYYY-MM-DD)",
      "conform: w.yaml: waivers[3] (network.show.missing): link: 'not a url' is not an http(s) URL",
      expect.stringMatching(
        /^conform: w\.yaml: waivers\[3\] \(network\.show\.missing\): checks: unknown colour \(known: status, /,
      ),
      'conform: w.yaml: waivers[4]: case: missing (a scenario id, or <scenario id>[<format>])',
      'conform: w.yaml: waivers[5]: not a mapping',
    ]);
  });

  it('refuses a file that is not a list of waivers, or not YAML', () => {
    expect(refusal('- case: x')).toEqual(['conform: w.yaml: not a mapping with a list under `waivers`']);
    expect(refusal('waiver: []')).toEqual([
      'conform: w.yaml: unknown top-level field(s) waiver (known: format, waivers)',
    ]);
    expect(refusal('format: other/2\nwaivers: []')).toEqual([
      "conform: w.yaml: format: 'other/2' is not conform-waivers/1",
    ]);
    expect(refusal('waivers: [')[0]).toMatch(/^conform: w\.yaml: not valid YAML or JSON: /);
  });

  it('written for findings, is refused until each reason is filled in, then read back', () => {
    const text = renderWaivers(
      [
        { profile: 'neutron-v2.0', case: 'method.put-networks[json]', checks: ['status'], summary: 'a\nb' },
        { profile: 'keystone-v3', case: 'resource.unknown[json]', checks: ['content-type', 'well-formed'] },
      ],
      'reports/results.json',
    );
    expect(text).toContain('  # a b\n  - profile: neutron-v2.0\n    case: method.put-networks[json]\n');
    expect(text).toContain('    checks: [content-type, well-formed]\n');
    expect(refusal(text)).toHaveLength(2);
    const filled = text.replace(/reason: .*/g, 'reason: known upstream');
    expect(parseWaivers('w.yaml', filled).waivers.map((w) => [w.profile, w.case, w.checks])).toEqual([
      ['neutron-v2.0', 'method.put-networks[json]', ['status']],
      ['keystone-v3', 'resource.unknown[json]', ['content-type', 'well-formed']],
    ]);
    expect(parseWaivers('w.yaml', renderWaivers([], 'r.json')).waivers).toEqual([]);
  });

  it('written again from a run with waived findings, keeps their reasons, expiry and link', () => {
    const waived = { reason: 'PUT routed to update None', expires: '2027-03-01', link: 'https://bugs.example/1' };
    const text = renderWaivers(
      [{ profile: 'neutron-v2.0', case: 'method.put-networks[json]', checks: ['status'], waived }],
      'reports/results.json',
    );
    expect(parseWaivers('w.yaml', text).waivers).toEqual([
      {
        entry: 'waivers[0]',
        profile: 'neutron-v2.0',
        case: 'method.put-networks[json]',
        checks: ['status'],
        ...waived,
      },
    ]);
  });
});
