/**
 * `npm run bench`: the numbers the README quotes, measured on this machine.
 * In process (medians of repeated rounds):
 * - XSD validation of one Quantum fault: libxml2-wasm (what conform uses), and
 *   libxmljs2 when it is installed (`npm i --no-save libxmljs2`, a native build).
 * - JSON Schema validation of the same fault (ajv); all probe checks on one
 *   answer; a whole quantum-v1.0 run against the embedded reference target.
 * In fresh processes, side by side, in interleaved rounds (medians, ratios):
 * - `conform --version` and `conform list` against `node -e 0`, and the whole
 *   56-case quantum-v1.0 run (embedded target) against it, with peak RSS;
 * - conform against Newman on the same probes, against a served reference target;
 * - requests per second at concurrency 32: conform against a bare undici loop
 *   over the same requests;
 * - generated profiles of 1k, 10k and 50k cases (--scale N,N,...; --huge adds
 *   100k): time per case and peak RSS, results.json and junit.xml checked.
 * Options: --rounds N (default 5), --only micro,startup,newman,rate,scale.
 */
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProfile } from '../profiles/load.js';
import { runAgainstReference } from '../testing/reference.js';
import { judge } from '../testing/probe.js';
import { PACKAGE_ROOT, SCHEMAS_DIR } from '../paths.js';
import { medianMicros, medianMillis } from './measure.js';
import { runChild, type ChildReport } from './children.js';
import { collectionFrom } from './newman.js';
import { writeProfileFolder } from './generated.js';
import { median, startServer, timed, type Timed } from './processes.js';

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

async function microMeasures(): Promise<void> {
  const profile = loadProfile('quantum-v1.0');
  await profile.xsd?.load?.();
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

  results.push([
    'JSON Schema validation, ajv',
    medianMicros(() => profile.json.validate(json, 'networkNotFound')),
    'µs',
  ]);
  results.push([
    'all probe checks on one XML answer',
    medianMicros(
      () => judge(profile, { status: 420, body: xml, format: 'xml' }, { fault: 'networkNotFound' }),
      21,
      100,
    ),
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

  for (const [name, value, unit] of results) {
    const ratio = unit === 'µs' && name.startsWith('XSD') ? `  (×${(value / wasm).toFixed(2)} libxml2-wasm)` : '';
    console.log(`${name.padEnd(64)} median ${value.toFixed(1).padStart(8)} ${unit}${ratio}`);
  }
}

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

const NODE = process.execPath;
const CLI = path.join(PACKAGE_ROOT, 'dist', 'conform.js');
const CHILD = [NODE, '--import', 'tsx', path.join(PACKAGE_ROOT, 'src', 'bench', 'main.ts'), '--child'];
const ROUNDS = Number(option('rounds') ?? 5);
const ONLY = option('only')?.split(',');
const wanted = (part: string) => ONLY === undefined || ONLY.includes(part);
const SCALE = (option('scale') ?? '1000,10000,50000').split(',').map(Number);
if (argv.includes('--huge')) SCALE.push(100_000);
const RATE_CASES = Number(option('rate-cases') ?? 5000);
const CONCURRENCY = 32;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-bench-'));
const dir = (name: string) => fs.mkdtempSync(path.join(work, `${name}-`));
const mib = (kib?: number) => (kib === undefined ? '-' : `${(kib / 1024).toFixed(0)} MiB`);
const secs = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

interface Sampled {
  wallMs: number[];
  peakKiB: number[];
}
const samples = new Map<string, Sampled>();
const record = (name: string, t: Timed) => {
  const s = samples.get(name) ?? { wallMs: [], peakKiB: [] };
  s.wallMs.push(t.wallMs);
  if (t.peakKiB !== undefined) s.peakKiB.push(t.peakKiB);
  samples.set(name, s);
};
const wall = (name: string) => median(samples.get(name)!.wallMs);
const peak = (name: string) => {
  const p = samples.get(name)!.peakKiB;
  return p.length ? median(p) : undefined;
};

const child = async (args: (string | number)[]): Promise<ChildReport & Timed> => {
  const t = await timed(CHILD[0], [...CHILD.slice(1), ...args.map(String)]);
  return { ...t, ...(JSON.parse(t.stdout.trim().split('\n').at(-1)!) as ChildReport) };
};

/** One round of the fresh-process measures, in an order that turns from round to round. */
async function round(r: number, target: string, newmanIds: string[], collection: string, rates: RateSamples) {
  const steps: [string, () => Promise<void>][] = [];
  if (wanted('startup')) {
    steps.push(['node -e 0', async () => record('node -e 0', await timed(NODE, ['-e', '0']))]);
    steps.push(['--version', async () => record('conform --version', await timed(NODE, [CLI, '--version']))]);
    steps.push(['list', async () => record('conform list', await timed(NODE, [CLI, 'list']))]);
    steps.push([
      'quantum run',
      async () => record('quantum run', await timed(NODE, [CLI, '--reports', dir('quantum'), '--no-color'])),
    ]);
  }
  if (wanted('newman')) {
    const only = ['--only', ...newmanIds, '--format', 'json', '--target', target, '--no-color'];
    steps.push([
      'conform probes',
      async () => record('conform probes', await timed(NODE, [CLI, ...only, '--reports', dir('probes')])),
    ]);
    const newman = path.join(PACKAGE_ROOT, 'node_modules', 'newman', 'bin', 'newman.js');
    steps.push(['newman', async () => record('newman probes', await timed(NODE, [newman, 'run', collection]))]);
  }
  if (wanted('rate')) {
    steps.push([
      'conform rate',
      async () => {
        const c = await generatedRun(RATE_CASES, target);
        rates.conform.push((c.requests / c.runMs) * 1000);
      },
    ]);
    steps.push([
      'bare rate',
      async () => {
        const c = await child(['bare', RATE_CASES, CONCURRENCY, target]);
        rates.bare.push((c.requests / c.runMs) * 1000);
      },
    ]);
  }
  const turned = [...steps.slice(r % Math.max(1, steps.length)), ...steps.slice(0, r % Math.max(1, steps.length))];
  for (const [, step] of turned) await step();
}

interface RateSamples {
  conform: number[];
  bare: number[];
}

interface ReadBack {
  cases: number;
  testcases: number;
  requests: number;
  passed: number;
  runMs: number;
}

/** results.json and junit.xml read back by Python (the XML streamed): cases, testcases, requests, the run's time. */
function readBack(reports: string): ReadBack | string {
  const script = [
    'import json, sys, xml.etree.ElementTree as ET',
    'd = json.load(open(sys.argv[1]))',
    'cases = [c for r in d["runs"] for c in r["cases"]]',
    't = sum(1 for _, e in ET.iterparse(sys.argv[2]) if e.tag == "testcase")',
    'print(json.dumps({"cases": len(cases), "testcases": t, "requests": sum(len(c["exchanges"]) for c in cases),',
    '  "passed": sum(1 for c in cases if c["state"] == "passed"), "runMs": sum(r["durationMs"] for r in d["runs"])}))',
  ].join('\n');
  try {
    const files = [path.join(reports, 'results.json'), path.join(reports, 'junit.xml')];
    return JSON.parse(execFileSync('python3', ['-c', script, ...files], { maxBuffer: 1 << 20 }).toString()) as ReadBack;
  } catch (err) {
    return `not read back (${(err as Error).message.split('\n')[0]})`;
  }
}

/** A generated profile of `count` cases run by the CLI (`--profile DIR`) in a fresh process, at concurrency 32. */
async function generatedRun(count: number, target: string): Promise<ReadBack & Timed & { reports: string }> {
  const folder = folders.get(count) ?? writeProfileFolder(dir(`profile-${count}`), count);
  folders.set(count, folder);
  const reports = dir(`generated-${count}`);
  const args = ['--profile', folder, '--target', target, '--concurrency', String(CONCURRENCY), '--no-color'];
  const t = await timed(NODE, [CLI, ...args, '--reports', reports, '--reporter', 'json', 'junit']);
  const read = readBack(reports);
  if (typeof read === 'string') throw new Error(read);
  return { ...t, ...read, reports };
}
const folders = new Map<number, string>();

async function freshProcesses(): Promise<void> {
  execFileSync('npm', ['run', 'build'], { cwd: PACKAGE_ROOT, stdio: 'ignore' });
  const served = await startServer(NODE, [CLI, 'serve', '--profile', 'quantum-v1.0', '--port', '0']);
  try {
    // The probes both tools send: those conform sends alone (no setup), in JSON, against the served target.
    const first = dir('probes-first');
    await timed(NODE, [CLI, '--target', served.url, '--format', 'json', '--reports', first, '--no-color'], [0, 1]);
    const { scenarios, collection } = collectionFrom(path.join(first, 'results.json'), '');
    const collectionFile = path.join(work, 'collection.json');
    fs.writeFileSync(collectionFile, JSON.stringify(collection));
    const rates: RateSamples = { conform: [], bare: [] };
    for (let r = 0; r < ROUNDS; r++) await round(r, served.url, scenarios, collectionFile, rates);
    report(scenarios.length, rates);
    if (wanted('scale')) await scale(served.url);
  } finally {
    served.child.kill('SIGTERM');
  }
}

function report(probes: number, rates: RateSamples): void {
  console.log(`\nfresh processes, medians of ${ROUNDS} interleaved rounds`);
  const row = (name: string, value: string, reference: string, ratio: string) =>
    console.log(`${name.padEnd(58)} ${value.padStart(18)} ${reference.padStart(22)} ${ratio.padStart(7)}`);
  row('measure', 'conform', 'reference', 'ratio');
  if (wanted('startup')) {
    const base = wall('node -e 0');
    for (const name of ['conform --version', 'conform list', 'quantum run']) {
      const label = name === 'quantum run' ? 'whole quantum-v1.0 run, 56 cases, embedded target' : name;
      row(
        label,
        `${secs(wall(name))} ${mib(peak(name))}`,
        `node -e 0: ${secs(base)} ${mib(peak('node -e 0'))}`,
        `${(wall(name) / base).toFixed(2)}`,
      );
    }
  }
  if (wanted('newman')) {
    const c = wall('conform probes');
    const n = wall('newman probes');
    row(
      `${probes} JSON probes against a served target`,
      `${secs(c)} ${mib(peak('conform probes'))}`,
      `Newman: ${secs(n)} ${mib(peak('newman probes'))}`,
      (c / n).toFixed(2),
    );
  }
  if (wanted('rate')) {
    const c = median(rates.conform);
    const b = median(rates.bare);
    row(
      `requests/s, ${RATE_CASES} probes, concurrency ${CONCURRENCY}`,
      c.toFixed(0),
      `bare undici: ${b.toFixed(0)}`,
      (c / b).toFixed(2),
    );
  }
}

async function scale(target: string): Promise<void> {
  console.log(
    `\ngenerated profile folders (conform --profile DIR) against the served target, concurrency ${CONCURRENCY}`,
  );
  const perCase: Record<number, number> = {};
  for (const n of SCALE) {
    const c = await generatedRun(n, target);
    perCase[n] = c.wallMs / c.cases;
    const size = (f: string) => `${(fs.statSync(path.join(c.reports, f)).size / 1024 / 1024).toFixed(0)} MB`;
    const complete = c.cases === n && c.testcases === n ? 'complete and well-formed' : 'NOT complete';
    console.log(
      `${String(n).padStart(7)} cases: ${(perCase[n] * 1000).toFixed(0).padStart(5)} µs per case ` +
        `(wall ${secs(c.wallMs)}, the run itself ${secs(c.runMs)}), peak RSS ${mib(c.peakKiB)}, ` +
        `${c.passed} passed; results.json ${size('results.json')}, junit.xml ${size('junit.xml')}: ${complete}`,
    );
    fs.rmSync(c.reports, { recursive: true, force: true });
  }
  if (perCase[10_000] && perCase[50_000])
    console.log(`time per case, 50k against 10k: ${(perCase[50_000] / perCase[10_000]).toFixed(2)}`);
}

if (argv[0] === '--child') {
  await runChild(argv.slice(1));
} else {
  console.log(
    `node ${process.version}, ${process.arch}, ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (wanted('micro')) await microMeasures();
  if (['startup', 'newman', 'rate', 'scale'].some(wanted)) await freshProcesses();
  console.log(
    `load at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  fs.rmSync(work, { recursive: true, force: true });
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
