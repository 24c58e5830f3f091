// yargs' platform shim (yargs/lib/platform-shims/esm.mjs) as the bundle needs it.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/** Where yargs' messages in other languages (locales/*.json) are copied, beside the chunks. */
const YARGS_LOCALES = 'yargs-locales';

const SHIM = /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;
const TEXT_WIDTH = 'yargs-text-width:lazy';

/**
 * cliui and string-width, which yargs needs only to draw help, loaded when it
 * first does: built at once, string-width's Unicode regular expressions and
 * word segmenter cost a command that prints no help some 20 ms.
 */
const LAZY_TEXT_WIDTH = `
let ui, width;
export const cliui = (options) => (ui ??= require('cliui').default)(options);
export const stringWidth = (text) => (width ??= require('string-width').default)(text);
`;

/** What is replaced in the shim, and with what. */
const EDITS: { from: string; to: string }[] = [
  // It looks for its locales three folders above its own module, which in a
  // bundle is outside the package: the copy beside the chunks is read instead,
  // so that its messages stay in the user's language.
  {
    from: "resolve(__dirname, '../../../locales')",
    to: `fileURLToPath(new URL('./${YARGS_LOCALES}/', import.meta.url))`,
  },
  { from: "import cliui from 'cliui'", to: `import { cliui, stringWidth } from '${TEXT_WIDTH}'` },
  { from: "import stringWidth from 'string-width';", to: '' },
];

export const yargsShim: Plugin = {
  name: 'yargs-shim',
  setup(build) {
    build.onLoad({ filter: SHIM }, (args) => {
      let source = fs.readFileSync(args.path, 'utf8');
      for (const { from, to } of EDITS) {
        if (!source.includes(from)) throw new Error(`${args.path} no longer has ${from}`);
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
    build.onResolve({ filter: new RegExp(`^${TEXT_WIDTH}$`) }, (args) => ({
      path: TEXT_WIDTH,
      namespace: 'yargs-text-width',
      pluginData: { resolveDir: args.resolveDir },
    }));
    build.onLoad({ filter: /.*/, namespace: 'yargs-text-width' }, (args) => ({
      contents: LAZY_TEXT_WIDTH,
      loader: 'js',
      resolveDir: (args.pluginData as { resolveDir: string }).resolveDir,
    }));
  },
};

/** yargs' locales, copied into `dist`. */
export function copyYargsLocales(root: string, dist: string): void {
  fs.cpSync(path.join(root, 'node_modules', 'yargs', 'locales'), path.join(dist, YARGS_LOCALES), { recursive: true });
}
