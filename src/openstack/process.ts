// Shared plumbing for running real OpenStack services as child processes:
// a free loopback port, a private temp dir, a service started in its own
// process group with its output in a log file, a bounded readiness poll, and
// a stop that ends exactly that process group (and nothing else).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's interpreter: the one the python3-neutron/keystone packages are built for. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const LOOPBACK = '127.0.0.1';

/** Asks the kernel for a port that is free on 127.0.0.1 right now. */
export function findFreePort(): Promise<number> {
  return listenBriefly(0);
}

/**
 * Rejects when `port` is taken on 127.0.0.1: otherwise whatever already
 * listens there could answer the readiness poll in the service's place.
 */
export async function assertPortFree(port: number): Promise<void> {
  try {
    await listenBriefly(port);
  } catch (error) {
    throw new Error(`port ${port} on ${LOOPBACK} is not free (${(error as Error).message})`, { cause: error });
  }
}

function listenBriefly(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

/** The last `lines` lines of a text file ('' when it does not exist yet). */
export function tailOfFile(path: string, lines = 40): string {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8').trimEnd();
  return text.split('\n').slice(-lines).join('\n');
}

/**
 * Environment for the Python services: the caller's, minus anything that
 * could make Debian's python load other packages (pyenv, virtualenvs, user
 * site) or that OpenStack tools read implicitly (OS_*).
 */
export function serviceEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(PYTHON|VIRTUAL_ENV|PYENV|OS_)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, PYTHONNOUSERSITE: '1', ...extra };
}

export interface CommandSpec {
  /** Short label for messages, e.g. "keystone-manage db_sync". Never put secrets in args. */
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** stdout and stderr are appended to this file. */
  logFile: string;
}

/** Runs a setup command to completion; rejects with the log tail when it fails. */
export async function runToCompletion(spec: CommandSpec, timeoutMs = 120_000): Promise<void> {
  const child = spawnIntoLog(spec);
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
  try {
    const { code, signal } = await exitOf(child);
    if (code !== 0) {
      throw new Error(
        `${spec.name} failed (exit ${code ?? signal}).\n--- ${spec.logFile} (tail) ---\n${tailOfFile(spec.logFile)}`,
      );
    }
  } finally {
    clearTimeout(timer);
    forgetGroupOnceEmpty(child.pid!);
  }
}

/** Like Promise.all, but waits for every step to settle before reporting the first failure. */
export async function allSucceeded(steps: Array<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(steps)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Switches an SQLite database to write-ahead logging, so that a writer can
 * commit while another connection still holds a read lock. Real Keystone
 * needs it: after its first token validation a pooled connection keeps a read
 * lock, and every later write waits 5 s and fails with "database is locked".
 */
export function useSqliteWal(dbFile: string, logFile: string): Promise<void> {
  return runToCompletion({
    name: 'sqlite journal_mode=WAL',
    command: SYSTEM_PYTHON,
    args: ['-c', "import sqlite3, sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA journal_mode=WAL')", dbFile],
    env: serviceEnv(),
    logFile,
  });
}

/** A long-running service started in its own process group. */
export interface ServiceProcess {
  /** Process id of the leader, equal to the process group id. */
  readonly pid: number;
  readonly logFile: string;
  /** True once the leader has exited. */
  exited(): boolean;
  /** Ends the whole process group: SIGTERM, then SIGKILL after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

export function startServiceProcess(spec: CommandSpec): ServiceProcess {
  const child = spawnIntoLog(spec);
  const pid = child.pid!;
  let hasExited = false;
  const exit = exitOf(child).then(() => {
    hasExited = true;
    forgetGroupOnceEmpty(pid);
  });

  let stopping: Promise<void> | undefined;
  const stop = (graceMs = 5_000): Promise<void> =>
    (stopping ??= (async () => {
      killGroup(pid, 'SIGTERM');
      const ended = await waitFor(() => hasExited && groupMembers(pid).length === 0, graceMs);
      if (!ended) {
        killGroup(pid, 'SIGKILL');
        await exit;
        if (!(await waitFor(() => groupMembers(pid).length === 0, 5_000))) {
          throw new Error(`process group ${pid} survived SIGKILL: ${groupMembers(pid).join(', ')}`);
        }
      }
      forgetGroupOnceEmpty(pid);
    })());

  return { pid, logFile: spec.logFile, exited: () => hasExited, stop };
}

export interface ReadinessOptions {
  /** What is being waited for, for the error message ("Keystone on http://…"). */
  what: string;
  /** Resolves true when the service answers as expected; may throw while it is down. */
  probe: () => Promise<boolean>;
  service: ServiceProcess;
  timeoutMs: number;
  intervalMs?: number;
}

/** Polls `probe` until it holds; fails early if the service dies, or after the timeout. */
export async function waitUntilReady(opts: ReadinessOptions): Promise<void> {
  const { what, probe, service, timeoutMs, intervalMs = 250 } = opts;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (service.exited()) {
      throw new Error(
        `${what} exited before it was ready.\n--- ${service.logFile} (tail) ---\n${tailOfFile(service.logFile)}`,
      );
    }
    try {
      if (await probe()) return;
      lastProblem = 'unexpected answer';
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `${what} not ready after ${Math.round(timeoutMs / 1000)} s (${lastProblem}).\n` +
      `--- ${service.logFile} (tail) ---\n${tailOfFile(service.logFile)}`,
  );
}

/**
 * Live (non-zombie) members of a process group, read from /proc; a process
 * group keeps its id after the leader exits, so workers it left are found too.
 */
export function groupMembers(pgid: number): number[] {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      const stat = procStat(pid);
      return stat !== undefined && stat.state !== 'Z' && stat.pgrp === pgid;
    });
}

/**
 * False once the process is gone or a zombie (an orphan waiting for init to
 * reap it: dead all the same, though process.kill(pid, 0) still succeeds).
 */
export function isRunning(pid: number): boolean {
  const stat = procStat(pid);
  if (stat) return stat.state !== 'Z';
  try {
    process.kill(pid, 0);
    return !existsSync('/proc/self/stat');
  } catch {
    return false;
  }
}

function procStat(pid: number): { state: string; pgrp: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone (or no /proc)
  }
  // "pid (comm) state ppid pgrp ..." — comm may contain spaces, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], pgrp: Number(fields[2]) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function spawnIntoLog(spec: CommandSpec): ChildProcess {
  const fd = openSync(spec.logFile, 'a', 0o600);
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? serviceEnv(),
      detached: true, // own process group: stop() ends exactly this group
      stdio: ['ignore', fd, fd],
    });
    if (child.pid === undefined) {
      child.on('error', () => undefined); // reported by the throw below
      throw new Error(`could not start ${spec.name}: ${spec.command} not found or not executable`);
    }
    guardGroup(child.pid);
    return child;
  } finally {
    closeSync(fd); // the child holds its own copy
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

// Safety net: process groups started here and not yet seen empty are killed
// when this Node process exits (uncaught error, process.exit) without stop().
// A fatal signal without a handler skips 'exit': the CLI handles SIGINT/SIGTERM.
const startedGroups = new Set<number>();
process.on('exit', () => startedGroups.forEach((pgid) => killGroup(pgid, 'SIGKILL')));

function guardGroup(pgid: number): void {
  startedGroups.add(pgid);
}

/** Stops guarding a group once it has no live member, so its id may be reused safely. */
function forgetGroupOnceEmpty(pgid: number): void {
  if (groupMembers(pgid).length === 0) startedGroups.delete(pgid);
}

function killGroup(pgid: number | undefined, signal: NodeJS.Signals): void {
  if (!pgid) return;
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() >= deadline) return false;
    await sleep(50);
  }
  return true;
}
