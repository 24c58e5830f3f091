// The life cycle every real service here shares: a private temp dir and a
// free port, a prepare step (config files, database), the service process,
// a readiness poll, and a stop that ends the process group and removes the
// temp dir.
import { join } from 'node:path';
import { http } from './http.js';
import {
  assertPortFree,
  findFreePort,
  makeTempDir,
  removeTempDir,
  startServiceProcess,
  tailOfFile,
  waitUntilReady,
  type CommandSpec,
  type ServiceProcess,
} from './process.js';

export interface RunningService {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:35123 */
  readonly url: string;
  readonly port: number;
  /** Process id of the service's leader process (= its process group id). */
  readonly pid: number;
  /** Private temp dir holding config, database and log; removed by stop(). */
  readonly dir: string;
  /** Milliseconds spent on config + database setup before the service was started. */
  readonly setupMs: number;
  /** Milliseconds from starting the service process to its first ready answer. */
  readonly readyMs: number;
  /** Ends exactly the processes this service started, then removes its temp dir. Idempotent. */
  stop(): Promise<void>;
  /** The last lines of the service log (kept after stop()). */
  logTail(lines?: number): string;
}

interface PrepareContext {
  dir: string;
  port: number;
  url: string;
  /** Everything the service and its setup commands print or log goes here. */
  logFile: string;
}

export interface ServiceRecipe {
  /** Human name for messages: "Keystone", "Neutron (noauth)". */
  name: string;
  /** Temp dir prefix, e.g. "conform-keystone-". */
  tempPrefix: string;
  /** Base name of the log file in the temp dir. */
  logName: string;
  port?: number;
  /** Writes config and database; returns the command that runs the service. */
  prepare(ctx: PrepareContext): Promise<Omit<CommandSpec, 'logFile'>>;
  /** The path polled for readiness and the statuses that mean "ready". */
  readyPath: string;
  readyStatuses: number[];
  readyTimeoutMs: number;
}

// Temp dirs of services not stopped yet are removed if this Node process exits
// first; this listener runs after process.ts's, which kills their processes.
const liveDirs = new Set<string>();
process.on('exit', () => liveDirs.forEach(removeTempDir));

function trackDir(dir: string): void {
  liveDirs.add(dir);
}

function releaseDir(dir: string): void {
  removeTempDir(dir);
  liveDirs.delete(dir);
}

export async function launchService(recipe: ServiceRecipe): Promise<RunningService> {
  const dir = makeTempDir(recipe.tempPrefix);
  trackDir(dir);
  const logFile = join(dir, `${recipe.logName}.log`);
  let service: ServiceProcess | undefined;
  try {
    const port = recipe.port ?? (await findFreePort());
    if (recipe.port !== undefined) await assertPortFree(port);
    const url = `http://127.0.0.1:${port}`;
    const setupStart = Date.now();
    const command = await recipe.prepare({ dir, port, url, logFile });
    const setupMs = Date.now() - setupStart;

    const spawnedAt = Date.now();
    service = startServiceProcess({ ...command, logFile });
    await waitUntilReady({
      what: `${recipe.name} on ${url}`,
      service,
      timeoutMs: recipe.readyTimeoutMs,
      probe: async () =>
        recipe.readyStatuses.includes((await http(url + recipe.readyPath, { timeoutMs: 5_000 })).status),
    });
    return runningService({ url, port, dir, logFile, service, setupMs, readyMs: Date.now() - spawnedAt });
  } catch (error) {
    await service?.stop().catch(() => undefined);
    releaseDir(dir);
    throw error;
  }
}

function runningService(parts: {
  url: string;
  port: number;
  dir: string;
  logFile: string;
  service: ServiceProcess;
  setupMs: number;
  readyMs: number;
}): RunningService {
  const { service, dir, logFile } = parts;
  let finalLog: string | undefined;
  let stopping: Promise<void> | undefined;
  return {
    url: parts.url,
    port: parts.port,
    pid: service.pid,
    dir,
    setupMs: parts.setupMs,
    readyMs: parts.readyMs,
    stop: () =>
      (stopping ??= (async () => {
        try {
          await service.stop();
        } finally {
          finalLog = tailOfFile(logFile, 200);
          releaseDir(dir);
        }
      })()),
    logTail: (lines = 40) =>
      finalLog === undefined ? tailOfFile(logFile, lines) : finalLog.split('\n').slice(-lines).join('\n'),
  };
}
