import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../paths.js';

/** What a fresh process says after `body`, run as a module beside a loaded quantum-v1.0 profile. */
function inFreshProcess(body: string): string {
  const script =
    "import { loadProfile } from './src/profiles/load.ts';" +
    "import { libxml2 } from './src/validate/libxml2.ts';" +
    "const profile = loadProfile('quantum-v1.0');" +
    "const loaded = () => { try { libxml2(); return 'loaded'; } catch { return 'not loaded'; } };" +
    body;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
  }).trim();
}

describe('libxml2', () => {
  it('is not loaded by loading a profile or validating JSON, and is once XML validation is made ready', () => {
    const ns = 'http://netstack.org/quantum/api/v1.0';
    const xml = `<networkNotFound code="420" xmlns="${ns}"><message>m</message></networkNotFound>`;
    const out = inFreshProcess(
      "profile.json.validate({ networkNotFound: { message: 'm', code: 420 } }, 'networkNotFound');" +
        'const before = loaded();' +
        'await profile.xsd.load();' +
        `console.log(JSON.stringify([before, loaded(), profile.xsd.validate(${JSON.stringify(xml)}, '${ns}')]));`,
    );
    expect(JSON.parse(out)).toEqual(['not loaded', 'loaded', []]);
  });
});
