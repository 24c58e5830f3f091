import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS_DIR } from '../paths.js';
import { listProfiles } from '../catalog/registry.js';
import { PROBE_CHECKS } from '../checks/registry.js';
import { sampleRun } from '../testing/fixtures.js';
import { resultsSchemaErrors } from '../testing/results.js';
import { renderJson } from './json.js';

const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'conform-results.schema.json'), 'utf8'));
const results = () => JSON.parse(renderJson([sampleRun()]));

describe('schemas/conform-results.schema.json', () => {
  it('is JSON Schema 2020-12 for format conform-results/1, and not taken for a profile', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.format).toEqual({ const: 'conform-results/1' });
    expect(listProfiles()).not.toContain('conform-results.schema.json');
  });

  it('knows every check id: those of the probe and those of setup and cleanup', () => {
    expect([...schema.$defs.checkId.enum].sort()).toEqual(
      [...PROBE_CHECKS.map((c) => c.id), 'success-status', 'setup-response'].sort(),
    );
  });

  it('accepts what renderJson writes', () => {
    expect(resultsSchemaErrors(results())).toEqual([]);
  });

  it('refuses another format, a field it does not know, and a skipped case without its reason', () => {
    expect(resultsSchemaErrors({ ...results(), format: 'conform-results/2' })).not.toEqual([]);
    const extra = results();
    extra.runs[0].cases[0].surprise = true;
    expect(resultsSchemaErrors(extra).join('\n')).toMatch(/additional properties/);
    const noReason = results();
    const skipped = noReason.runs[0].cases.find((c: { state: string }) => c.state === 'skipped');
    delete skipped.reason;
    expect(resultsSchemaErrors(noReason).join('\n')).toMatch(/reason/);
  });

  it('a shard records its part, a merged run its shards, never both', () => {
    const shard = results();
    shard.runs[0].shard = { index: 2, count: 3 };
    expect(resultsSchemaErrors(shard)).toEqual([]);
    shard.runs[0].shard = { index: 0, count: 3 };
    expect(resultsSchemaErrors(shard)).not.toEqual([]);
    const merged = results();
    const one = { runId: 'r', target: 't', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 };
    merged.runs[0].shards = [1, 2].map((index) => ({ index, ...one }));
    expect(resultsSchemaErrors(merged)).toEqual([]);
    merged.runs[0].shard = { index: 1, count: 2 };
    expect(resultsSchemaErrors(merged)).not.toEqual([]);
  });
});
