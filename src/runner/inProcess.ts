import type { RunResult } from '../model/result.js';
import { HttpClient } from '../http/client.js';
import { Secrets } from '../http/secrets.js';
import type { Profile } from '../profiles/load.js';
import type { Mutation } from '../targets/common/mutation.js';
import { startEmbedded } from '../targets/embedded.js';
import { runSuite, type Selection } from './run.js';

export interface ReferenceRunOptions {
  mutation?: Mutation;
  selection?: Selection;
  concurrency?: number;
  tenant?: string;
  runId?: string;
  timeoutMs?: number;
}

/**
 * Starts a profile's reference target in-process (optionally with one
 * mutation), runs the profile's suite against it over real HTTP on loopback,
 * and stops it again.
 */
export async function runAgainstReference(profile: Profile, options: ReferenceRunOptions = {}): Promise<RunResult> {
  const tenant = options.tenant ?? 'conform';
  const target = await startEmbedded(profile.catalog.profile, tenant, { mutation: options.mutation });
  if (!target) throw new Error(`profile ${profile.catalog.profile} has no reference target`);
  const secrets = new Secrets();
  secrets.add(target.credentials.main);
  secrets.add(target.credentials.second);
  const client = new HttpClient({ timeoutMs: options.timeoutMs ?? 5_000 });
  try {
    return await runSuite(
      {
        client,
        profile,
        target: target.url,
        tenant,
        runId: options.runId ?? 'conform-test',
        credentials: target.credentials,
        mainIsAdmin: target.mainIsAdmin,
        assumed: target.assumed,
        secrets,
      },
      { concurrency: options.concurrency ?? 8, embeddedTarget: true, selection: options.selection },
    );
  } finally {
    await client.close();
    await target.close();
  }
}
