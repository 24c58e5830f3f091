// The run's Network, from --os-cacert / --insecure / --rate and what the main
// credential's cloud of clouds.yaml says of TLS (cacert, verify: false): the
// flags, variables and conform.yaml win over the cloud.
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { UsageError } from '../errors.js';
import { loadCloudTls, type ConfigContext } from '../auth/cloudsYaml.js';
import { processContext } from '../auth/forRun.js';
import { mainCloudName } from '../auth/resolve.js';
import { createNetwork, type Network } from '../http/network.js';
import type { RunNote } from '../model/result.js';
import type { RunSettings } from '../model/settings.js';

/** The PEM text of a CA file, checked to hold certificates Node can use. */
function readCa(file: string, origin: string): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`the CA file ${file} (${origin}) cannot be read: ${(err as NodeJS.ErrnoException).code}`);
  }
  try {
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no certificate');
    createSecureContext({ ca: pem });
  } catch {
    throw new UsageError(`the CA file ${file} (${origin}) holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  return pem;
}

/**
 * The Network of a run against real services (`cloud`: the credentials'
 * clouds.yaml is read for TLS), and the note that certificates go unchecked.
 */
export function runNetwork(
  settings: RunSettings,
  cloud: boolean,
  ctx: ConfigContext = processContext(),
): { network: Network; notes: RunNote[] } {
  const given = settings.network ?? {};
  const name = cloud ? mainCloudName(settings.auth, ctx.env) : undefined;
  const fromCloud = name !== undefined ? loadCloudTls(name, ctx) : undefined;
  const caFile = given.caFile ?? fromCloud?.cacert;
  const caOrigin = given.caFile !== undefined ? '--os-cacert / OS_CACERT' : `cacert of ${fromCloud?.origin}`;
  const insecure = given.insecure === true || fromCloud?.insecure === true;
  const notes: RunNote[] = [];
  if (insecure) {
    const why = given.insecure ? '--insecure' : `verify: false in ${fromCloud?.origin}`;
    notes.push({
      topic: 'target',
      level: 'note',
      message:
        `TLS certificates are not verified (${why}): ` +
        'whoever sits between conform and the service can read and change what is sent, tokens included',
    });
  }
  const ca = caFile !== undefined ? readCa(caFile, caOrigin) : undefined;
  return { network: createNetwork({ ca, insecure }, given.rate), notes };
}
