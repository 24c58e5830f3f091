// The options of `conform [run]`, in one list: each is a flag (the yargs
// declaration is made from it), a key of conform.yaml and, for most, a
// CONFORM_* variable (config.ts reads those), and it says which field of the
// run it sets. An option added here is all of these at once.
import type { Argv } from 'yargs';
import type { Format } from '../model/catalog.js';
import { ASSUMPTIONS, type Assumption } from '../model/scenario.js';
import { DEFAULT_PROFILE, listProfiles } from '../catalog/registry.js';
import {
  checkProfiles,
  deadlineMs,
  MAX_TIMEOUT_MS,
  maxBodyBytes,
  parseTarget,
  parseTenant,
  positiveInt,
  requestRate,
  timeoutMs,
} from './options.js';
import type { RunCommandOptions } from './commands/run.js';
import { DEFAULT_REPORTERS, REPORTER_NAMES } from '../report/reporters.js';
import { loadWaivers } from '../core/waiverFile.js';
import { parseShard } from './shard.js';

/** A value as it comes: from the command line, a variable or conform.yaml (a number only as a default). */
export type OptionValue = string | number | boolean | string[];

/**
 * `string`: one value; `list`: one or more (a repeatable flag, a YAML list, a comma-separated variable);
 * `boolean`: a switch.
 */
export type OptionKind = 'string' | 'list' | 'boolean';

export interface RunOption {
  /** The flag (`--max-body`) and the key of conform.yaml (`max-body`). */
  name: string;
  kind: OptionKind;
  describe: string;
  choices?: readonly string[];
  /** The value when nothing gives one (shown by --help). */
  default?: OptionValue;
  /** The environment variable that gives it (below the flag, above conform.yaml). */
  env?: string;
  /** The variable other tools read for it (OS_CACERT), below conform's own. */
  usualEnv?: string;
  /** Only on the command line: not a key of conform.yaml. */
  flagOnly?: boolean;
  /** A path: in conform.yaml, relative to the file's folder (of a list, the entries written as paths). */
  path?: boolean;
  /** The field of the run it sets, for `conform config`. */
  field: string;
  /** Checks the value and sets its field; a bad value is a UsageError. */
  apply: (into: RunCommandOptions, value: OptionValue) => void;
}

const str = (v: OptionValue): string => (Array.isArray(v) ? v[v.length - 1] : String(v));
const list = (v: OptionValue): string[] => (Array.isArray(v) ? v : [String(v)]);
const bool = (v: OptionValue): boolean => v === true || v === 'true';

export const RUN_OPTIONS: readonly RunOption[] = [
  {
    name: 'target',
    kind: 'string',
    env: 'CONFORM_TARGET',
    field: 'settings.target',
    describe:
      'Base URL of the service to test; ' +
      'without it (and without --discover), the embedded reference target is started',
    apply: (o, v) => (o.settings.target = parseTarget(str(v))),
  },
  {
    name: 'discover',
    kind: 'boolean',
    default: false,
    env: 'CONFORM_DISCOVER',
    field: 'settings.discover',
    describe:
      "Without --target: find the endpoints in the main token's service catalog (password credentials, " +
      'identity v3) instead of starting the embedded reference target. Any authentication flag given on the ' +
      'command line does the same; credentials from the environment or clouds.yaml alone do not',
    apply: (o, v) => (o.settings.discover = bool(v)),
  },
  {
    name: 'profile',
    kind: 'list',
    env: 'CONFORM_PROFILE',
    path: true,
    field: 'settings.profiles',
    describe:
      `Profile(s) to run: ${listProfiles().join(', ')}, or a profile folder (./path: catalog.json, suites/*.json) ` +
      `(default: ${DEFAULT_PROFILE}; when discovering, those whose service the token's catalog lists)`,
    apply: (o, v) => (o.settings.profiles = checkProfiles(list(v))),
  },
  {
    name: 'tenant',
    kind: 'string',
    env: 'CONFORM_TENANT',
    field: 'settings.tenant',
    describe:
      'Tenant (project) id used in paths and bodies (default: conform; ' +
      "against a cloud with password credentials (identity v3), the main token's project)",
    apply: (o, v) => (o.settings.tenant = parseTenant(str(v))),
  },
  {
    name: 'concurrency',
    kind: 'string',
    default: 4,
    env: 'CONFORM_CONCURRENCY',
    field: 'settings.concurrency',
    describe: 'Scenarios run at once (steps inside one stay in order)',
    apply: (o, v) => (o.settings.concurrency = positiveInt('concurrency', v)),
  },
  {
    name: 'timeout',
    kind: 'string',
    default: 10_000,
    env: 'CONFORM_TIMEOUT',
    field: 'settings.timeoutMs',
    describe: `Per-request timeout, in milliseconds (at most ${MAX_TIMEOUT_MS})`,
    apply: (o, v) => (o.settings.timeoutMs = timeoutMs(v)),
  },
  {
    name: 'deadline',
    kind: 'string',
    env: 'CONFORM_DEADLINE',
    field: 'settings.deadlineMs',
    describe: 'Stop the whole run after this many seconds (decimals allowed), as on Ctrl-C',
    apply: (o, v) => (o.settings.deadlineMs = deadlineMs(str(v))),
  },
  {
    name: 'max-body',
    kind: 'string',
    env: 'CONFORM_MAX_BODY',
    field: 'settings.maxBodyBytes',
    describe: 'Read answers up to this many bytes (a KiB or MiB suffix: 8MiB; default 1MiB)',
    apply: (o, v) => (o.settings.maxBodyBytes = maxBodyBytes(str(v))),
  },
  {
    name: 'reports',
    kind: 'string',
    default: 'reports',
    env: 'CONFORM_REPORTS',
    path: true,
    field: 'settings.reportsDir',
    describe: 'Folder for the report files',
    apply: (o, v) => (o.settings.reportsDir = str(v)),
  },
  {
    name: 'reporter',
    kind: 'list',
    choices: REPORTER_NAMES,
    env: 'CONFORM_REPORTER',
    field: 'settings.reporters',
    describe:
      `Reporters to run (default: ${DEFAULT_REPORTERS.join(' ')}): console, and files in --reports: ` +
      'json (results.json), junit (junit.xml), markdown (report.md, and $GITHUB_STEP_SUMMARY), html (report.html)',
    apply: (o, v) => (o.settings.reporters = list(v)),
  },
  {
    name: 'format',
    kind: 'list',
    choices: ['json', 'xml'],
    env: 'CONFORM_FORMAT',
    field: 'settings.selection.formats',
    describe: 'Only these formats',
    apply: (o, v) => (o.settings.selection.formats = list(v) as Format[]),
  },
  {
    name: 'only',
    kind: 'list',
    env: 'CONFORM_ONLY',
    field: 'settings.selection.only',
    describe: 'Only these scenario ids (a trailing * matches a prefix)',
    apply: (o, v) => (o.settings.selection.only = list(v)),
  },
  {
    name: 'shard',
    kind: 'string',
    env: 'CONFORM_SHARD',
    field: 'settings.selection.shard',
    describe: 'Run part INDEX of COUNT of the planned cases (e.g. 2/3); `conform merge` joins the parts',
    apply: (o, v) => (o.settings.selection.shard = parseShard(str(v))),
  },
  {
    name: 'os-cacert',
    kind: 'string',
    env: 'CONFORM_OS_CACERT',
    usualEnv: 'OS_CACERT',
    path: true,
    field: 'settings.network.caFile',
    describe:
      'CA certificates (PEM) to trust, instead of the built-in ones, for the identity service and the target ' +
      "(default: the cloud's cacert in clouds.yaml)",
    apply: (o, v) => (o.settings.network = { ...o.settings.network, caFile: str(v) }),
  },
  {
    name: 'insecure',
    kind: 'boolean',
    default: false,
    env: 'CONFORM_INSECURE',
    field: 'settings.network.insecure',
    describe: "Do not verify TLS certificates (as clouds.yaml's verify: false); said once on stderr",
    apply: (o, v) => (o.settings.network = { ...o.settings.network, insecure: bool(v) }),
  },
  {
    name: 'rate',
    kind: 'string',
    env: 'CONFORM_RATE',
    field: 'settings.network.rate',
    describe:
      'At most this many requests per second, over the whole run (identity, setup, probes and cleanup; ' +
      'decimals allowed: 0.5 is one every 2 s)',
    apply: (o, v) => (o.settings.network = { ...o.settings.network, rate: requestRate(str(v)) }),
  },
  {
    name: 'read-only',
    kind: 'boolean',
    default: false,
    env: 'CONFORM_READ_ONLY',
    field: 'settings.readOnly',
    describe:
      'Only the scenarios whose every request is a GET or HEAD run: nothing is created, changed or deleted; ' +
      'the others are skipped with the reason',
    apply: (o, v) => (o.settings.readOnly = bool(v)),
  },
  {
    name: 'dry-run',
    kind: 'boolean',
    default: false,
    flagOnly: true,
    field: 'dryRun',
    describe: 'Print what would be sent and expected; send nothing',
    apply: (o, v) => (o.dryRun = bool(v)),
  },
  {
    name: 'assume',
    kind: 'list',
    choices: ASSUMPTIONS,
    env: 'CONFORM_ASSUME',
    field: 'settings.assume',
    describe:
      'Declare what conform cannot find out: admin (the main credential is an administrator), ' +
      'auth (the target enforces authentication: a 401/403 probe that succeeds is a finding), ' +
      'rate-limit and maintenance (the target has the request-rate limit / the backend in maintenance ' +
      'the profile notes describe)',
    apply: (o, v) => (o.settings.assume = list(v) as Assumption[]),
  },
  {
    name: 'waivers',
    kind: 'string',
    env: 'CONFORM_WAIVERS',
    path: true,
    field: 'settings.waivers',
    describe:
      'Known deviations (YAML or JSON): the failed cases they accept are waived, shown and counted ' +
      'but not failing the run (`conform waive` writes one from a results.json)',
    apply: (o, v) => (o.settings.waivers = loadWaivers(str(v))),
  },
  {
    name: 'strict-waivers',
    kind: 'boolean',
    default: false,
    env: 'CONFORM_STRICT_WAIVERS',
    field: 'strictWaivers',
    describe: 'Fail the run (exit 1) when a waiver matched nothing: its finding no longer occurs',
    apply: (o, v) => (o.strictWaivers = bool(v)),
  },
  {
    name: 'keep-exchanges',
    kind: 'boolean',
    default: false,
    env: 'CONFORM_KEEP_EXCHANGES',
    field: 'settings.keepExchanges',
    describe:
      'Keep the headers and bodies of every exchange in memory until the run ends, passing cases too ' +
      '(results.json has them either way; report.html keeps them)',
    apply: (o, v) => (o.settings.keepExchanges = bool(v)),
  },
  {
    name: 'verbose',
    kind: 'boolean',
    default: false,
    env: 'CONFORM_VERBOSE',
    field: 'verbose',
    describe: 'Print every case, not only those that did not pass',
    apply: (o, v) => (o.verbose = bool(v)),
  },
  {
    name: 'color',
    kind: 'boolean',
    // Read when asked: NO_COLOR and the terminal are those of the run.
    get default() {
      return process.stdout.isTTY === true && !process.env.NO_COLOR;
    },
    flagOnly: true,
    field: 'color',
    describe: 'Colour the console output',
    apply: (o, v) => (o.color = bool(v)),
  },
];

/** The run options as yargs flags. Defaults are not given to yargs (only described), so a flag given is known. */
export function declareRunOptions<T>(y: Argv<T>): Argv<T> {
  let out = y;
  for (const o of RUN_OPTIONS) {
    out = out.option(o.name, {
      type: o.kind === 'boolean' ? 'boolean' : 'string',
      ...(o.kind === 'list' ? { array: true } : {}),
      ...(o.choices ? { choices: [...o.choices] } : {}),
      ...(o.default !== undefined ? { defaultDescription: JSON.stringify(o.default) } : {}),
      describe: o.describe,
    });
  }
  return out;
}
