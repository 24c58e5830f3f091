// Fresh processes, timed: wall time from spawn to exit, and the peak resident
// set as GNU time reports it (absent where /usr/bin/time is not installed).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Timed {
  wallMs: number;
  peakKiB?: number;
  stdout: string;
  code: number | null;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME);

/** Runs `command args` to its end; a non-zero exit is an error unless `codes` allows it. */
export async function timed(command: string, args: string[], codes: number[] = [0]): Promise<Timed> {
  const rss = path.join(os.tmpdir(), `conform-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const [cmd, argv] = hasGnuTime ? [GNU_TIME, ['-f', '%M', '-o', rss, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  let peakKiB: number | undefined;
  if (hasGnuTime && fs.existsSync(rss)) {
    peakKiB = Number(fs.readFileSync(rss, 'utf8').trim().split('\n').at(-1));
    fs.rmSync(rss, { force: true });
  }
  if (!codes.includes(code ?? -1))
    throw new Error(`${command} ${args.join(' ')}: exit ${code}\n${stderr.slice(-2000)}`);
  return { wallMs, peakKiB, stdout, code };
}

/** A long-lived process whose first line of output holds the URL it listens on. */
export async function startServer(command: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+?);/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`${command} exited (${code}) before listening`)));
  });
  return { url, child };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
