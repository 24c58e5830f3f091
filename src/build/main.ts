// The published CLI: src/cli/main.ts and everything it imports bundled into
// dist/, so that starting it reads a few files instead of some hundred modules.
// What a command imports lazily stays lazy: each such import is a chunk of its
// own, loaded when the command runs (`conform --version` loads none).
//
// Every output file sits in dist/ itself, one folder below the package root,
// which is where paths.ts's `new URL('../', import.meta.url)` must point from
// whichever chunk it ends up in: schemas/ and suites/ are read from there.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PACKAGE_ROOT } from '../paths.js';
import { copyYargsLocales, yargsShim } from './yargsShim.js';

const DIST = path.join(PACKAGE_ROOT, 'dist');
/** The package's bin: the start-up module. */
const BIN = 'conform';
/**
 * Some of the bundled packages are CommonJS and call require() (for Node's own
 * modules), which an ES module lacks: each output file is given one, made when
 * first called, as most files never call it.
 */
const REQUIRE =
  "import { createRequire as __createRequire } from 'node:module'; " +
  'let __required; const require = (id) => (__required ??= __createRequire(import.meta.url))(id);';

fs.rmSync(DIST, { recursive: true, force: true });
await build({
  entryPoints: { [BIN]: path.join(PACKAGE_ROOT, 'src', 'cli', 'main.ts') },
  outdir: DIST,
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // It reads its WebAssembly from beside its own module: installed as a dependency, not bundled.
  external: ['libxml2-wasm'],
  banner: { js: REQUIRE },
  plugins: [yargsShim],
  logLevel: 'warning',
});
copyYargsLocales(PACKAGE_ROOT, DIST);
fs.chmodSync(path.join(DIST, `${BIN}.js`), 0o755);
