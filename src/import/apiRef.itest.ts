// The api-ref fixture, imported, against real Keystone (Zed): the derived
// scenarios run with a real admin token, the verdicts are the right ones, and
// nothing the run might have created is left behind.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openstackAvailable } from '../openstack/available.js';
import { startKeystone, type RunningKeystone } from '../openstack/keystone.js';
import { spawnCli } from '../testing/cli.js';
import { casesIn, findings, namedLike, readRuns } from '../testing/realRun.js';
import { tempDir } from '../testing/tmp.js';

const availability = openstackAvailable();
const suite = availability.ok ? describe : describe.skip;
const FIXTURE = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'identity-api-ref');
const DOCS = ['projects.inc', 'users.inc', 'status.yaml', 'fault-401.json'].map((f) => path.join(FIXTURE, f));

/**
 * Where real Keystone departs from the fixture's contract: its 405 has the right status and a JSON body,
 * but not the documented envelope (no `error` root with code, message and title).
 */
const KEYSTONE_FINDINGS = {
  'project.show.wrong-method[json]': ['fault-root', 'fault-members', 'fault-code', 'json-schema'],
};

suite(
  availability.ok
    ? 'an imported api-ref profile against real Keystone'
    : `api-ref import (skipped: ${availability.reason})`,
  () => {
    let keystone: RunningKeystone;
    beforeAll(async () => {
      keystone = await startKeystone();
    });
    afterAll(async () => {
      await keystone?.stop();
    });

    it('the derived scenarios get the right verdicts, and nothing is left behind', async () => {
      const out = path.join(tempDir('api-ref-keystone'), 'identity');
      const imported = await spawnCli(['import', ...DOCS, '--out', out]);
      expect(imported.code).toBe(0);
      const token = (await keystone.issueToken()).token;
      const reports = tempDir('api-ref-keystone-reports');
      const run = await spawnCli([
        '--profile',
        out,
        '--target',
        keystone.url,
        '--token',
        token,
        '--assume',
        'auth',
        'admin',
        '--reports',
        reports,
      ]);
      const [result] = readRuns(reports);
      console.info(
        run.stdout
          .split('\n')
          .filter((l) => /cases,/.test(l))
          .join('\n'),
      );
      expect(findings(result)).toEqual(KEYSTONE_FINDINGS);
      expect(casesIn(result, 'errored')).toEqual([]);
      expect(casesIn(result, 'passed')).toHaveLength(result.cases.length - Object.keys(KEYSTONE_FINDINGS).length);
      expect(run.code).toBe(1);
      const left = await namedLike(keystone.url, ['/v3/projects', '/v3/users'], 'conform-', { 'x-auth-token': token });
      expect(left).toEqual([]);
    });
  },
);
