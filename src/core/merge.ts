// `conform merge`: the results.json of the shards of one run (`--shard i/n`),
// checked to be that, joined into the results of the whole run.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseResult, RunNote, RunResult, Shard } from '../model/result.js';
import type { Waiver } from '../model/waiver.js';
import { UsageError } from '../errors.js';
import { listProfiles } from '../catalog/registry.js';
import { faultsExpectedInAllRequests } from '../catalog/load.js';
import { loadProfile } from '../profiles/load.js';
import { faultCoverage } from '../runner/coverage.js';
import { planCases } from '../runner/plan.js';
import { judgeRun, summarize } from '../runner/verdict.js';

/** The format of results.json this version writes and reads. */
const RESULTS_FORMAT = 'conform-results/1';

/** One shard's results, as read from its folder. */
export interface ShardResults {
  dir: string;
  shard: Shard;
  runs: RunResult[];
}

const isShard = (s: unknown): s is Shard =>
  typeof s === 'object' && s !== null && Number.isInteger((s as Shard).index) && Number.isInteger((s as Shard).count);

/** DIR/results.json, checked to be the results of one shard: a UsageError naming the folder if not. */
export function readShard(dir: string): ShardResults {
  const file = path.join(dir, 'results.json');
  let data: { format?: unknown; runs?: unknown };
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof data;
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UsageError(`${dir}: cannot read results.json (${why})`);
  }
  if (data?.format !== RESULTS_FORMAT || !Array.isArray(data.runs))
    throw new UsageError(`${file}: not conform results (format ${String(data?.format)}, expected ${RESULTS_FORMAT})`);
  const runs = data.runs as RunResult[];
  const shard = runs[0]?.shard;
  if (!isShard(shard)) throw new UsageError(`${file}: not the results of a shard (a run with --shard INDEX/COUNT)`);
  const other = runs.find((r) => r.shard?.index !== shard.index || r.shard?.count !== shard.count);
  if (other) throw new UsageError(`${file}: runs of different shards (${other.profile})`);
  return { dir, shard, runs };
}

const label = (s: Shard) => `${s.index}/${s.count}`;

/** The shards are 1/n … n/n, each once, of one conform version: a UsageError naming a folder if not. */
function checkShards(shards: ShardResults[]): void {
  const [first] = shards;
  const { count } = first.shard;
  const seen = new Map<number, string>();
  for (const s of shards) {
    if (s.shard.count !== count)
      throw new UsageError(`${s.dir}: shard ${label(s.shard)}, but ${first.dir} is shard ${label(first.shard)}`);
    const twice = seen.get(s.shard.index);
    if (twice !== undefined) throw new UsageError(`${s.dir}: shard ${label(s.shard)} again (${twice} is too)`);
    seen.set(s.shard.index, s.dir);
    const version = s.runs[0]?.tool.version;
    if (version !== first.runs[0]?.tool.version)
      throw new UsageError(`${s.dir}: written by conform ${version}, ${first.dir} by ${first.runs[0]?.tool.version}`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new UsageError(
      `shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing: the merge needs all ${count}`,
    );
}

/** A shard that has no run of `profile` said why: the shard planned no case of it. */
const leftOut = (s: ShardResults, profile: string): boolean =>
  s.runs.some((r) =>
    r.notes.some((n) => n.topic === 'selection' && n.message.includes(`plans no case of ${profile} `)),
  );

/** Every shard ran `profile` (or planned none of it) at the same target: a UsageError naming a folder if not. */
function checkProfile(shards: ShardResults[], profile: string): RunResult[] {
  const runs: RunResult[] = [];
  let first: { dir: string; run: RunResult } | undefined;
  for (const s of shards) {
    const run = s.runs.find((r) => r.profile === profile);
    if (!run) {
      if (leftOut(s, profile)) continue;
      throw new UsageError(`${s.dir}: no run of ${profile}, which ${shards.find((o) => o !== s)?.dir} has`);
    }
    first ??= { dir: s.dir, run };
    // An embedded reference target listens on a port of its own in every shard.
    const same = run.embeddedTarget
      ? first.run.embeddedTarget
      : !first.run.embeddedTarget && run.target === first.run.target;
    if (!same)
      throw new UsageError(
        `${s.dir}: ${profile} ran against ${run.target}, in ${first.dir} against ${first.run.target}`,
      );
    runs.push(run);
  }
  return runs;
}

/** The position of each case id in the profile's whole plan, when the profile is a built-in one. */
function planOrder(profile: string): Map<string, number> {
  if (!listProfiles().includes(profile)) throw new UsageError(`the results are of ${profile}, not a built-in profile`);
  return new Map(planCases(loadProfile(profile)).map((c, i) => [`${c.scenario.id}[${c.format}]`, i]));
}

function mergedCases(profile: string, runs: RunResult[], dirs: string[]): CaseResult[] {
  const from = new Map<string, string>();
  runs.forEach((run, i) => {
    for (const c of run.cases) {
      const twice = from.get(c.id);
      if (twice !== undefined) throw new UsageError(`${dirs[i]}: ${profile} case ${c.id} is in ${twice} too`);
      from.set(c.id, dirs[i]);
    }
  });
  const order = planOrder(profile);
  const at = (c: CaseResult) => order.get(c.id) ?? Number.MAX_SAFE_INTEGER;
  return runs.flatMap((r) => r.cases).sort((a, b) => at(a) - at(b));
}

const sameWaiver = (a: Waiver, b: Waiver) => JSON.stringify(a) === JSON.stringify(b);
const unique = (ws: Waiver[]) => ws.filter((w, i) => ws.findIndex((x) => sameWaiver(x, w)) === i);

/**
 * The waivers of the shards as one run's: stale where a shard judged the case
 * and no shard's case used it (a scenario's JSON and XML may be in different
 * shards), expired in any, strict if the shards ran with --strict-waivers.
 */
function mergedWaivers(runs: RunResult[], cases: CaseResult[]): Pick<RunResult, 'waivers'> {
  const outcomes = runs.flatMap((r) => (r.waivers ? [r.waivers] : []));
  if (outcomes.length === 0) return {};
  const used = cases.flatMap((c) => (c.state === 'waived' ? [c.waiver] : []));
  const stale = unique(outcomes.flatMap((o) => o.stale)).filter((w) => !used.some((u) => sameWaiver(u, w)));
  const strict = outcomes.some((o) => o.strict) ? { strict: true as const } : {};
  return { waivers: { file: outcomes[0].file, stale, expired: unique(outcomes.flatMap((o) => o.expired)), ...strict } };
}

/** The notes of every shard, each once, in order. */
function mergedNotes(runs: RunResult[], shards: ShardResults[]): RunNote[] {
  const seen = new Set<string>();
  const notes = runs
    .flatMap((r) => r.notes)
    .filter((n) => {
      const key = `${n.topic}\n${n.level}\n${n.message}`;
      return !seen.has(key) && seen.add(key);
    });
  const from = shards.map((s) => `${s.dir} (${label(s.shard)})`).join(', ');
  return [...notes, { topic: 'run', level: 'info', message: `merged from ${shards.length} shards: ${from}` }];
}

function mergeProfile(profile: string, shards: ShardResults[]): RunResult {
  const runs = checkProfile(shards, profile);
  const dirs = shards.filter((s) => s.runs.some((r) => runs.includes(r))).map((s) => s.dir);
  const catalog = loadProfile(profile).catalog;
  const stopped = runs.find((r) => r.stoppedBy);
  const documented = (status: number) => faultsExpectedInAllRequests(catalog, status).length > 0;
  const { cases, targetError } = judgeRun(mergedCases(profile, runs, dirs), stopped !== undefined, documented);
  const start = Math.min(...runs.map((r) => Date.parse(r.startedAt)));
  const end = Math.max(...runs.map((r) => Date.parse(r.startedAt) + r.durationMs));
  const [first] = runs;
  return {
    tool: first.tool,
    runId: first.runId,
    profile,
    target: first.target,
    embeddedTarget: first.embeddedTarget,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    ...(targetError ? { targetError } : {}),
    ...(runs.every((r) => r.preflightFailed) ? { preflightFailed: true as const } : {}),
    ...(stopped ? { interrupted: true as const, stoppedBy: stopped.stoppedBy } : {}),
    notes: mergedNotes(runs, shards),
    ...mergedWaivers(runs, cases),
    cases,
    summary: summarize(cases),
    coverage: faultCoverage(catalog, cases),
    shards: runs.map((r) => ({
      index: r.shard!.index,
      runId: r.runId,
      target: r.target,
      startedAt: r.startedAt,
      durationMs: r.durationMs,
    })),
  };
}

/** The profiles of all shards in the order the run has them (a shard may leave one out): each before those after it. */
function profileOrder(shards: ShardResults[]): string[] {
  const order: string[] = [];
  for (const s of shards) {
    const names = s.runs.map((r) => r.profile);
    names.forEach((name, i) => {
      if (order.includes(name)) return;
      const next = names.slice(i + 1).find((n) => order.includes(n));
      order.splice(next === undefined ? order.length : order.indexOf(next), 0, name);
    });
  }
  return order;
}

/**
 * The shards of one run merged: a UsageError naming a folder unless they are
 * 1/n … n/n of the same conform version, each profile at the same target, no
 * case twice. Per profile, the cases in plan order, the verdict on the target,
 * summary and coverage made again over all of them.
 */
export function mergeShards(shards: ShardResults[]): RunResult[] {
  if (shards.length === 0) throw new UsageError('merge: give the folders of the shards (conform merge DIR…)');
  checkShards(shards);
  const ordered = [...shards].sort((a, b) => a.shard.index - b.shard.index);
  return profileOrder(ordered).map((p) => mergeProfile(p, ordered));
}
