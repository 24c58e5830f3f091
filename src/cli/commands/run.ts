import type { Output } from '../../model/output.js';
import type { RunSettings } from '../../model/settings.js';
import { runConformance } from '../../core/runConformance.js';
import { planConformance } from '../../core/plan.js';
import { renderPlan } from '../../report/plan.js';
import { printableLine } from '../../report/terminal.js';
import { EXIT, exitCodeFor } from '../exitCode.js';

/** `conform [run]`: the settings of the run, and how the console shows it. */
export interface RunCommandOptions {
  settings: RunSettings;
  /** Print the plan; send nothing. */
  dryRun: boolean;
  /** Print every case, not only those that did not pass. */
  verbose: boolean;
  color: boolean;
  /** A waiver that matched nothing (stale) fails the run. */
  strictWaivers?: boolean;
}

/**
 * `conform [--target URL]`: the main job. Returns the exit code. Once `signal`
 * aborts (Ctrl-C), no new case starts; those under way finish and clean up,
 * and the reports are written.
 */
export async function runCommand(options: RunCommandOptions, io: Output, signal?: AbortSignal): Promise<number> {
  const { waivers } = options.settings;
  // The results keep --strict-waivers, so that merged shards are judged as the run was.
  const strict = options.strictWaivers === true && waivers !== undefined;
  const settings = strict ? { ...options.settings, waivers: { ...waivers, strict: true } } : options.settings;
  if (options.dryRun) {
    renderPlan(planConformance(settings), io);
    return EXIT.conform;
  }
  // The reporters settings name (the console among them by default) print here.
  const result = await runConformance(settings, {
    console: { io, color: options.color, verbose: options.verbose },
    signal,
  });
  if (result.reportError !== undefined) {
    const why = printableLine(result.reportError);
    io.err(`conform: the reports could not be written to ${printableLine(settings.reportsDir ?? '')}: ${why}`);
    return EXIT.usage;
  }
  if (result.reportFiles?.length) io.out(`reports: ${result.reportFiles.join(', ')}`);
  return exitCodeFor(result.runs);
}
