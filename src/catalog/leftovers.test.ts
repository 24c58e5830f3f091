// `conform cleanup` can undo every profile: each operation a scenario undoes
// what it created with (a step's cleanup, or a probe's should the target
// wrongly carry it out) is one the catalog's leftovers delete with.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LeftoverKind } from '../model/catalog.js';
import { listProfiles } from './registry.js';
import { loadProfile } from '../profiles/load.js';
import { loadCatalog } from './load.js';
import { SCHEMAS_DIR } from '../paths.js';

/** Loads quantum-v1.0's catalog with its leftovers changed, from a temporary schemas folder. */
function withLeftovers(change: (kinds: LeftoverKind[]) => void): () => unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-leftovers-'));
  const catalog = JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, 'quantum-v1.0', 'catalog.json'), 'utf8'));
  change(catalog.leftovers);
  fs.mkdirSync(path.join(dir, 'quantum-v1.0'));
  fs.writeFileSync(path.join(dir, 'quantum-v1.0', 'catalog.json'), JSON.stringify(catalog));
  return () => {
    try {
      return loadCatalog('quantum-v1.0', dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Every operation cleanup may send to delete: each kind's delete and detach, inside ones too. */
const deletes = (kinds: LeftoverKind[] = []): string[] =>
  kinds.flatMap((k) => [k.delete, ...(k.detach ? [k.detach.delete] : []), ...deletes(k.contents)]);

describe('catalog leftovers', () => {
  it.each(listProfiles())('%s: cleanup deletes with every operation its scenarios undo with', (name) => {
    const { catalog, suite } = loadProfile(name);
    const undone = new Set(
      suite.scenarios.flatMap((s) => [
        ...(s.setup ?? []).flatMap((step) => (step.cleanup ? [step.cleanup.operation] : [])),
        ...(s.probe.cleanup ? [s.probe.cleanup.operation] : []),
      ]),
    );
    expect(undone.size, 'the profile creates nothing').toBeGreaterThan(0);
    expect([...undone].filter((op) => !deletes(catalog.leftovers).includes(op))).toEqual([]);
  });

  it('quantum-v1.0: a network is found by the name its show gives, its ports go with it, attachments first', () => {
    const [network] = loadCatalog('quantum-v1.0').leftovers!;
    expect(network).toMatchObject({ list: 'network.list', show: { operation: 'network.show', name: '/network/name' } });
    expect(network.contents).toEqual([
      expect.objectContaining({
        list: 'port.list',
        delete: 'port.delete',
        detach: { show: 'attachment.show', id: '/attachment/id', delete: 'attachment.unplug' },
      }),
    ]);
  });

  it('keystone-v2.0: users before the tenants they may belong to', () => {
    expect(loadCatalog('keystone-v2.0').leftovers!.map((k) => k.collection)).toEqual(['users', 'tenants']);
  });

  it('are checked when the catalog loads: operations known, paths taking the ids cleanup fills in', () => {
    expect(
      withLeftovers((k) => {
        k[0].contents![0].list = 'network.list';
      }),
    ).toThrow('leftovers: the path of network.list has no {network}');
    expect(
      withLeftovers((k) => {
        k[0].contents![0].detach!.delete = 'attachment.remove';
      }),
    ).toThrow("leftovers name unknown operation 'attachment.remove'");
    expect(
      withLeftovers((k) => {
        k[0].show = { operation: 'network.show', name: 'network/name' };
      }),
    ).toThrow(/leftovers\/0\/show\/name must match pattern/);
  });
});
