import fs from 'node:fs';
import type { CaseResult, RunResult } from '../../model/result.js';
import type { Output } from '../../model/output.js';
import { findingLine } from '../../diagnosis/diagnose.js';
import { renderWaivers, type Finding } from '../../core/waiverFile.js';
import { UsageError } from '../../errors.js';

export interface WaiveOptions {
  /** A results.json. */
  from: string;
  /** Where to write the waiver file; undefined: stdout. */
  out?: string;
}

function readRuns(file: string): RunResult[] {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(`--from ${file}: not a results.json conform can read: ${why}`);
  }
  const runs = (data as { format?: unknown; runs?: unknown } | null)?.runs;
  if ((data as { format?: unknown }).format !== 'conform-results/1' || !Array.isArray(runs))
    throw new UsageError(`--from ${file}: not a results.json of conform (no format conform-results/1 with runs)`);
  return runs as RunResult[];
}

/** The findings of a run: its failed cases, and its waived ones with their reasons (a file made again keeps them). */
function findingsOf(run: RunResult): Finding[] {
  return run.cases
    .filter((c: CaseResult) => c.state === 'failed' || c.state === 'waived')
    .map((c) => {
      const failed = c.checks.filter((k) => k.state === 'failed');
      const { reason, expires, link }: Partial<NonNullable<Finding['waived']>> = c.state === 'waived' ? c.waiver : {};
      return {
        profile: run.profile,
        case: c.id,
        checks: [...new Set(failed.map((k) => k.check))],
        ...(failed[0] ? { summary: findingLine(failed[0]).slice(0, 200) } : {}),
        ...(reason !== undefined ? { waived: { reason, expires, link } } : {}),
      };
    });
}

/** `conform waive --from results.json [--out FILE]`: a waiver file for the run's findings, reasons to be filled in. */
export function waiveCommand(options: WaiveOptions, io: Output): number {
  const findings = readRuns(options.from).flatMap(findingsOf);
  const text = renderWaivers(findings, options.from);
  if (options.out === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  try {
    fs.writeFileSync(options.out, text);
  } catch (err) {
    throw new UsageError(`--out ${options.out}: cannot be written: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
  io.err(
    `conform: ${findings.length} finding(s) written to ${options.out}: ` +
      'fill in each reason (the file is refused while one says TODO)',
  );
  return 0;
}
