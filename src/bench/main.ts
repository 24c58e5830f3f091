/**
 * `npm run bench`: the numbers the README quotes, measured on this machine.
 * - XSD validation of one Quantum fault: libxml2-wasm (what conform uses), and
 *   libxmljs2 when it is installed (`npm i --no-save libxmljs2`, a native build).
 * - JSON Schema validation of the same fault (ajv).
 * - All probe checks on one answer, and a whole quantum-v1.0 run against the
 *   embedded reference target.
 * Medians of repeated rounds; ratios against libxml2-wasm.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { loadProfile } from '../profiles/load.js';
import { runAgainstReference } from '../testing/reference.js';
import { judge } from '../testing/probe.js';
import { SCHEMAS_DIR } from '../paths.js';
import { medianMicros, medianMillis } from './measure.js';

const NS = 'http://netstack.org/quantum/api/v1.0';
const xml =
  `<?xml version="1.0" encoding="UTF-8"?>\n<networkNotFound xmlns="${NS}" code="420">` +
  '<message>Unable to find a network with the specified identifier.</message>' +
  '<detail>Network 8de6af7c-ef95-4ac1-9d37-172f8df33a1f could not be found</detail></networkNotFound>';
const json = {
  networkNotFound: {
    message: 'Unable to find a network with the specified identifier.',
    code: 420,
    detail: 'Network 8de6af7c could not be found',
  },
};

const profile = loadProfile('quantum-v1.0');
const results: [string, number, string][] = [];

const wasm = medianMicros(() => profile.xsd!.validate(xml, NS));
results.push(['XSD validation, libxml2-wasm (parse + validate + dispose)', wasm, 'µs']);

const nativeXsd = loadLibxmljs2();
if (nativeXsd) {
  const native = medianMicros(() => nativeXsd(xml));
  results.push(['XSD validation, libxmljs2 (parse + validate)', native, 'µs']);
} else {
  console.log('libxmljs2 is not installed: its row is left out (npm i --no-save libxmljs2 to include it)');
}

results.push(['JSON Schema validation, ajv', medianMicros(() => profile.json.validate(json, 'networkNotFound')), 'µs']);
results.push([
  'all probe checks on one XML answer',
  medianMicros(() => judge(profile, { status: 420, body: xml, format: 'xml' }, { fault: 'networkNotFound' }), 21, 100),
  'µs',
]);
results.push([
  'all probe checks on one JSON answer',
  medianMicros(
    () => judge(profile, { status: 420, body: JSON.stringify(json) }, { fault: 'networkNotFound' }),
    21,
    100,
  ),
  'µs',
]);
results.push([
  'quantum-v1.0 run, 56 cases, embedded target, concurrency 8',
  await medianMillis(async () => void (await runAgainstReference(profile))),
  'ms',
]);

console.log(`node ${process.version}, ${process.arch}`);
for (const [name, value, unit] of results) {
  const ratio = unit === 'µs' && name.startsWith('XSD') ? `  (×${(value / wasm).toFixed(2)} libxml2-wasm)` : '';
  console.log(`${name.padEnd(64)} median ${value.toFixed(1).padStart(8)} ${unit}${ratio}`);
}

function loadLibxmljs2(): ((doc: string) => boolean) | undefined {
  try {
    const require = createRequire(path.join(process.cwd(), 'package.json'));
    const lib = require(process.env.LIBXMLJS2_PATH ?? 'libxmljs2');
    const xsd = lib.parseXml(fs.readFileSync(path.join(SCHEMAS_DIR, 'quantum-v1.0', 'faults.xsd'), 'utf8'));
    return (doc: string) => lib.parseXml(doc).validate(xsd);
  } catch {
    return undefined;
  }
}
