// Waivers applied, here and nowhere else: a failed case that a waiver accepts
// becomes waived (its checks kept), and each run says which of its waivers
// matched nothing (stale) and which are past their date (expired).
import type { CaseResult, RunResult } from '../model/result.js';
import type { Waiver, WaiverSet } from '../model/waiver.js';
import { summarize } from './verdict.js';

/** From its expiry date on (UTC), a waiver no longer applies. */
export const isExpired = (w: Waiver, now: Date): boolean =>
  w.expires !== undefined && w.expires <= now.toISOString().slice(0, 10);

/** The waiver names the case: its id (`scenario[format]`), or its scenario for all formats. */
const names = (w: Waiver, c: CaseResult): boolean => w.case === c.id || w.case === c.scenario;

const failedChecks = (c: CaseResult) => c.checks.filter((k) => k.state === 'failed').map((k) => k.check);

/** A failed check of the case is one the waiver is about. */
const occursIn = (w: Waiver, c: CaseResult): boolean =>
  names(w, c) && failedChecks(c).some((k) => w.checks === undefined || w.checks.includes(k));

/** The waiver accepts the case's finding: with checks given, every failed check of the case is one of them. */
function accepts(w: Waiver, c: CaseResult): boolean {
  if (!names(w, c)) return false;
  const failed = failedChecks(c);
  return failed.length > 0 && (w.checks === undefined || failed.every((k) => w.checks!.includes(k)));
}

/** The waiver is about this profile's run: its profile, or (without one) a case of the run it names. */
const concerns = (w: Waiver, run: Pick<RunResult, 'profile' | 'cases'>): boolean =>
  w.profile !== undefined ? w.profile === run.profile : run.cases.some((c) => names(w, c));

/** A failed case as the first waiver that accepts it makes it (still in force, of its profile); others as they are. */
export function waiveCase(c: CaseResult, profile: string, set: WaiverSet | undefined, now: Date): CaseResult {
  if (!set || c.state !== 'failed') return c;
  const waiver = set.waivers.find(
    (w) => (w.profile === undefined || w.profile === profile) && !isExpired(w, now) && accepts(w, c),
  );
  return waiver ? { ...c, state: 'waived', waiver } : c;
}

/**
 * A profile's run with its waivers applied: failed cases they accept waived,
 * the totals counted again, and the waivers about this run that are expired,
 * and those stale: their case was judged (passed, failed) but the finding
 * they accept did not occur. A waiver whose case was skipped or errored is
 * neither: the finding was not looked for.
 */
export function applyWaivers(run: RunResult, set: WaiverSet | undefined, now: Date): RunResult {
  if (!set) return run;
  const cases = run.cases.map((c) => waiveCase(c, run.profile, set, now));
  const mine = set.waivers.filter((w) => concerns(w, run));
  const expired = mine.filter((w) => isExpired(w, now));
  const judged = (w: Waiver) =>
    cases.some((c) => names(w, c) && (c.state === 'passed' || c.state === 'failed' || c.state === 'waived'));
  const stale = mine.filter((w) => !isExpired(w, now) && judged(w) && !cases.some((c) => occursIn(w, c)));
  const waivers = { file: set.file, stale, expired, ...(set.strict ? { strict: true as const } : {}) };
  return { ...run, cases, summary: summarize(cases), waivers };
}
