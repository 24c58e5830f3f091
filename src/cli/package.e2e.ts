// What `npm pack` publishes: the bundled CLI with its schemas and suites, and
// no test or development code. The package is packed from a copy of the checkout
// (node_modules linked in), so its `prepare` build never rewrites this tree's dist/.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../paths.js';
import { TOOL } from '../version.js';
import { blankAuthEnv } from '../testing/env.js';
import { tempDir } from '../testing/tmp.js';

const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Left out of the copy: what is not source, and what a build or a run makes. */
const NOT_COPIED = new Set(['node_modules', '.git', 'dist', 'reports', '.conform-tmp']);
const DEV_FOLDERS = ['openstack', 'testing', 'docs', 'mutants', 'bench', 'build'];
/** What esbuild writes above each module it bundles: `// src/cli/main.ts`. */
const BUNDLED_MODULE = /^\/\/ (src\/\S+\.ts)$/gm;

interface Packed {
  filename: string;
  files: { path: string }[];
}

function copyOfCheckout(): string {
  const copy = tempDir('pack-src');
  for (const entry of fs.readdirSync(PACKAGE_ROOT)) {
    if (NOT_COPIED.has(entry) || entry.endsWith('.tgz')) continue;
    fs.cpSync(path.join(PACKAGE_ROOT, entry), path.join(copy, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

describe('the published package', () => {
  let copy = '';
  let tarball = '';
  let files: string[] = [];

  beforeAll(async () => {
    copy = copyOfCheckout();
    const out = tempDir('pack-out');
    const { stdout } = await exec(NPM, ['pack', '--json', '--pack-destination', out], {
      cwd: copy,
      maxBuffer: 16 * 1024 * 1024,
    });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Packed[];
    tarball = path.join(out, packed.filename);
    files = packed.files.map((f) => f.path);
  }, 60_000);

  it('holds the bundled CLI, the schemas and the suites', () => {
    expect(files).toContain('dist/conform.js');
    expect(files).toContain('package.json');
    expect(files.some((f) => f.startsWith('schemas/'))).toBe(true);
    expect(files.some((f) => f.startsWith('suites/'))).toBe(true);
  });

  it('holds no test files and nothing of the development folders', () => {
    expect(files.filter((f) => /\.(test|e2e|itest)\./.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/'))).toEqual([]);
    // The CLI is bundled: what is in it is read from the module names above its modules.
    const bundled = files
      .filter((f) => f.startsWith('dist/') && f.endsWith('.js'))
      .flatMap((f) => [...fs.readFileSync(path.join(copy, f), 'utf8').matchAll(BUNDLED_MODULE)].map((m) => m[1]));
    expect(bundled).toContain('src/cli/main.ts');
    const notRuntime = (m: string) =>
      /\.(test|e2e|itest)\.ts$/.test(m) || DEV_FOLDERS.some((d) => m.startsWith(`src/${d}/`));
    expect(bundled.filter(notRuntime)).toEqual([]);
  });

  it("installs into a project: its `npx conform` runs the default job (exit 0); --version is conform's", async () => {
    const project = tempDir('pack-install');
    // A project with a version of its own: `conform --version` must not print it.
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "host", "version": "9.8.7", "private": true }\n');
    await exec(NPM, ['install', '--no-audit', '--no-fund', tarball], { cwd: project });
    const reports = path.join(project, 'reports');
    const run = await exec(NPX, ['--no', '--', 'conform', '--reports', reports], {
      cwd: project,
      env: { ...process.env, ...blankAuthEnv(), NO_COLOR: '1' },
    });
    expect(run.stdout).toMatch(/quantum-v1\.0 against embedded reference target .*0 failed, 0 errored/);
    expect(fs.existsSync(path.join(reports, 'results.json'))).toBe(true);
    const version = await exec(NPX, ['--no', '--', 'conform', '--version'], { cwd: project });
    expect(version.stdout.trim()).toBe(TOOL.version);
  }, 60_000);

  it("`npx --package TARBALL conform --version` prints conform's version (no package.json around)", async () => {
    const elsewhere = tempDir('pack-npx');
    const run = await exec(NPX, ['--yes', '--package', tarball, '--', 'conform', '--version'], {
      cwd: elsewhere,
      env: { ...process.env, npm_config_cache: tempDir('pack-npx-cache') },
    });
    expect(run.stdout.trim()).toBe(TOOL.version);
  }, 120_000);
});
