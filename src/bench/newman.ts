// The Newman side of the comparison: a Postman collection made from the
// probes conform sent in a run (its results.json), so that both tools send the
// same requests: method, URL (each id a fresh {{$guid}}, as conform makes a
// fresh one per case), headers, body; each with a test of the status and the
// fault's root key that conform got.
import fs from 'node:fs';
import type { RunResult } from '../model/result.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export interface ProbedCases {
  /** The ids of the scenarios whose probes the collection sends. */
  scenarios: string[];
  /** The collection, as Newman reads it. */
  collection: object;
}

/** From a results.json of a run of JSON probes: its probes as a collection, the token put back in. */
export function collectionFrom(resultsFile: string, token: string): ProbedCases {
  const { runs } = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { runs: RunResult[] };
  const items = [];
  const scenarios: string[] = [];
  for (const c of runs.flatMap((r) => r.cases)) {
    const probe = c.exchanges.find((e) => e.step === 'probe');
    if (!probe?.response || c.exchanges.length !== 1) continue;
    scenarios.push(c.scenario);
    const header = Object.entries(probe.request.headers).map(([key, value]) => ({
      key,
      value: value === '[REDACTED]' ? token : value,
    }));
    const root = c.observedFault;
    const tests = [
      `pm.test('status ${probe.response.status}', () => pm.response.to.have.status(${probe.response.status}));`,
      ...(root ? [`pm.test('${root}', () => pm.expect(pm.response.json()).to.have.property('${root}'));`] : []),
    ];
    items.push({
      name: c.id,
      request: {
        method: probe.request.method,
        header,
        url: probe.request.url.replace(UUID, '{{$guid}}'),
        ...(probe.request.body !== undefined
          ? { body: { mode: 'raw', raw: probe.request.body.replace(UUID, '{{$guid}}') } }
          : {}),
      },
      event: [{ listen: 'test', script: { type: 'text/javascript', exec: tests } }],
    });
  }
  const collection = {
    info: {
      name: 'conform probes',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items,
  };
  return { scenarios, collection };
}
