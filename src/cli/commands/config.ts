import type { Output } from '../../model/output.js';
import { printableLine } from '../../report/terminal.js';
import type { OptionValue } from '../runOptions.js';
import type { RunResolution } from '../resolveRun.js';
import { CONFIG_FILE } from '../config.js';
import { EXIT } from '../exitCode.js';

const shown = (v: OptionValue | undefined): string =>
  v === undefined ? '(none)' : printableLine(Array.isArray(v) ? v.join(', ') : String(v));

/**
 * `conform config`: the settings a run would use, each with where it came
 * from (`--flag`, a variable, `conform.yaml:LINE`, `default`); secrets redacted.
 */
export function configCommand(r: RunResolution, io: Output): number {
  io.out(`configuration file: ${r.file ? printableLine(r.file.shown) : `none (no ${CONFIG_FILE} here, no --config)`}`);
  const rows = [...r.sources, ...r.auth].map(([name, { value, source }]) => [name, shown(value), source]);
  const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [name, value, source] of rows)
    io.out(`  ${name.padEnd(widths[0])}  ${value.padEnd(Math.min(widths[1], 48))}  ${printableLine(source)}`);
  return EXIT.conform;
}
