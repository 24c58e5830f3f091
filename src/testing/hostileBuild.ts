// The CLI's sources compiled with TypeScript's compiler — each file transpiled
// on its own, nothing bundled, into <root>/dist beside links
// to the checkout's package.json, schemas, suites and node_modules — so that a
// child runs plain JavaScript, as a CI job running `npx conform` does. Through
// tsx, each child would spend about a second and 180 MiB on loading TypeScript.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { PACKAGE_ROOT } from '../paths.js';
import { tempDir } from './tmp.js';

/** What the CLI does not import: tests, and the folders for development. */
const NOT_BUILT = /(\.test|\.e2e|\.itest)\.ts$|^(testing|openstack|docs|mutants|bench|build)\//;

const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 };

function build(): string {
  const root = tempDir('hostile-cli');
  const src = path.join(PACKAGE_ROOT, 'src');
  const files = (fs.readdirSync(src, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !NOT_BUILT.test(f));
  for (const f of files) {
    const out = path.join(root, 'dist', f.replace(/\.ts$/, '.js'));
    const source = fs.readFileSync(path.join(src, f), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: OPTIONS, fileName: f });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
  for (const name of ['package.json', 'schemas', 'suites', 'node_modules'])
    fs.symlinkSync(path.join(PACKAGE_ROOT, name), path.join(root, name));
  return path.join(root, 'dist', 'cli', 'main.js');
}

let built: string | undefined;

/** The entry point of the compiled CLI (compiled once per test file, in about two seconds). */
export const compiledCli = (): string => (built ??= build());
