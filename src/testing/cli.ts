import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../paths.js';
import { main } from '../cli/program.js';
import { blankAuthEnv, withEnv } from './env.js';

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
/** tsx's loader by its location, so that the CLI starts from a working folder outside the package too. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the real CLI in a child process (TypeScript through tsx), as a user would; `onStderr` sees stderr so far. */
export function spawnCli(
  args: string[],
  env: Record<string, string> = {},
  cwd = PACKAGE_ROOT,
  onStderr?: (text: string) => void,
): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...args], {
      cwd,
      env: { ...process.env, ...blankAuthEnv(), NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Runs the CLI in this process, without a process start; `cwd` is where it looks for conform.yaml. */
export async function runCli(args: string[], cwd?: string): Promise<CliRun> {
  const started = Date.now();
  let stdout = '';
  let stderr = '';
  const io = { out: (l: string) => (stdout += `${l}\n`), err: (l: string) => (stderr += `${l}\n`) };
  const code = await main(args, io, undefined, cwd);
  return { code, stdout, stderr, ms: Date.now() - started };
}

/** `runCli` with every OS_* / CONFORM_* variable of the test shell blanked. */
export const runCliClean = (args: string[]): Promise<CliRun> => withEnv(blankAuthEnv(), () => runCli(args));
