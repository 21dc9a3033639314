// Comparing scenarios the honest way: every scenario runs with the same seed and replication
// count, so replication r of each sees the same arrivals, handle times and patience (common
// random numbers), and each headline figure's difference is estimated from the paired
// per-replication differences, with its own 95% confidence interval.
import { FigureAccumulator, type Estimate } from './stats/confidence';
import { hourCount, hourFiguresDifference, type HourFigure } from './stats/gap-hours';
import { channelsOf, GROUP_FIGURES, ResultBuilder, SUMMARY_FIGURES, type GroupFigure, type ReplicationFigures, type ScenarioResult, type SummaryFigure } from './stats/metrics';
import { compileScenario, type CompiledModel } from './model/model';
import type { Scenario } from './scenario/scenario';
import { runReplication } from './simulate';
import type { ReplicationPool } from './batch';

export interface Comparison {
  scenarios: ScenarioResult[];
  /** deltas[k]: scenario k minus the first scenario, per summary figure (null for the first).
   * Hour figures (gaps) are judged on pooled replications, so their difference comes with the
   * range between the two scenarios' ranges, not a paired interval. */
  deltas: (Record<SummaryFigure | HourFigure, Estimate> | null)[];
  /** channelDeltas[k]: per channel both scenarios have (each against its own target), paired. */
  channelDeltas: (Record<string, Record<GroupFigure, Estimate>> | null)[];
  /** languageDeltas[k]: per language both scenarios have, paired. Its `serviceLevel` is the
   * language's answeredWithinThresholdShare (every channel against its own threshold), as in
   * ScenarioResult.languages; its ASA covers voice and chat. */
  languageDeltas?: (Record<string, Record<GroupFigure, Estimate>> | null)[];
  /** queueDeltas[k]: per language × channel ("<language>/<channel>") both scenarios have, paired. */
  queueDeltas?: (Record<string, Record<GroupFigure, Estimate>> | null)[];
}

/** Groups (channels, languages or queues) both scenarios have: [name, row in the first, row in this one]. */
type Shared = [string, number, number][];
const sharedRows = (base: string[], other: string[]): Shared =>
  other.flatMap((name, i) => (base.includes(name) ? [[name, base.indexOf(name), i] as [string, number, number]] : []));
const queueNames = (m: CompiledModel) => m.queues.map((q) => `${q.language}/${q.channel}`);

/** The groups compared pair by pair, and each model's names for its rows of them. */
const GROUPS = { channels: channelsOf, languages: (m: CompiledModel) => m.languages, queues: queueNames };
type Group = keyof typeof GROUPS;

/** One replication's paired differences of the shared groups' figures. */
function groupDifferences(shared: Shared, base: Float64Array, other: Float64Array): Float64Array {
  const G = GROUP_FIGURES.length;
  const out = new Float64Array(shared.length * G);
  shared.forEach(([, b, v], j) => {
    for (let f = 0; f < G; f++) out[j * G + f] = other[v * G + f] - base[b * G + f];
  });
  return out;
}

function groupEstimates(shared: Shared, acc: FigureAccumulator): Record<string, Record<GroupFigure, Estimate>> {
  return Object.fromEntries(
    shared.map(([name], j) => [name, Object.fromEntries(GROUP_FIGURES.map((f, i) => [f, acc.estimate(j * GROUP_FIGURES.length + i)])) as Record<GroupFigure, Estimate>]),
  );
}

/** Compiles scenarios for a comparison: all with the first one's seed and replications (or the
 * given ones). */
export function compileForComparison(scenarios: Scenario[], options: { seed?: number; replications?: number } = {}): CompiledModel[] {
  return scenarios.map((s) => compileScenario(s, comparisonOptions(scenarios, options)));
}

export function comparisonOptions(scenarios: Scenario[], options: { seed?: number; replications?: number } = {}) {
  return { seed: options.seed ?? scenarios[0].seed, replications: options.replications ?? scenarios[0].replications };
}

/** Folds replications of all scenarios as they come (each scenario's in order; scenarios may
 * run ahead of each other) and pairs replication r of every scenario with the first's. */
export class ComparisonBuilder {
  private readonly builders: ResultBuilder[];
  private readonly deltas: FigureAccumulator[];
  /** Per group and scenario: the rows it shares with the first scenario, and their paired differences. */
  private readonly groups: Record<Group, { shared: Shared[]; deltas: FigureAccumulator[] }>;
  private readonly pending = new Map<number, (ReplicationFigures | undefined)[]>();
  private nextPaired = 0;
  /** Per scenario, by hour × queue cell: 0 while its tallies have equalled the first scenario's in
   * every paired replication, 1 once they differ; null where the two do not share their cells
   * (other queues or hours). */
  private readonly differentHours: (Uint8Array | null)[];

  constructor(private readonly models: CompiledModel[]) {
    this.builders = models.map((m) => new ResultBuilder(m));
    this.deltas = models.map(() => new FigureAccumulator(SUMMARY_FIGURES.length));
    const group = (names: (m: CompiledModel) => string[]) => {
      const shared = models.map((m) => sharedRows(names(models[0]), names(m)));
      return { shared, deltas: shared.map((rows) => new FigureAccumulator(rows.length * GROUP_FIGURES.length)) };
    };
    this.groups = { channels: group(GROUPS.channels), languages: group(GROUPS.languages), queues: group(GROUPS.queues) };
    const cellsOf = (m: CompiledModel) => `${m.reportStartSeconds} ${hourCount(m)} ${queueNames(m).join(',')}`;
    this.differentHours = models.map((m, k) =>
      k > 0 && cellsOf(m) === cellsOf(models[0]) ? new Uint8Array(hourCount(m) * m.queues.length) : null,
    );
  }

  add(scenario: number, replication: number, figures: ReplicationFigures): void {
    this.builders[scenario].add(figures);
    if (!this.pending.has(replication)) this.pending.set(replication, Array.from(this.models, () => undefined));
    this.pending.get(replication)![scenario] = figures;
    // Pair replications in order, as soon as every scenario has delivered one.
    for (let set = this.pending.get(this.nextPaired); set && set.every((f) => f !== undefined); set = this.pending.get(this.nextPaired)) {
      const base = set[0]!.summary;
      const difference = new Float64Array(base.length);
      for (let k = 1; k < set.length; k++) {
        const other = set[k]!.summary;
        for (let i = 0; i < base.length; i++) difference[i] = other[i] - base[i];
        this.deltas[k].add(difference);
        const different = this.differentHours[k];
        if (different) markDifferentHours(different, set[0]!.hours, set[k]!.hours);
        for (const name of Object.keys(GROUPS) as Group[]) {
          const { shared, deltas } = this.groups[name];
          deltas[k].add(groupDifferences(shared[k], set[0]![name], set[k]![name]));
        }
      }
      this.pending.delete(this.nextPaired++);
    }
  }

  result(): Comparison {
    const base = this.builders[0].hours;
    return {
      scenarios: this.builders.map((b) => b.result()),
      deltas: this.deltas.map((acc, k) => {
        if (k === 0) return null;
        return {
          ...(Object.fromEntries(SUMMARY_FIGURES.map((f, i) => [f, acc.estimate(i)])) as Record<SummaryFigure, Estimate>),
          ...hourFiguresDifference(base, this.builders[k].hours, this.differentHours[k]),
        };
      }),
      channelDeltas: this.groupDeltas('channels'),
      languageDeltas: this.groupDeltas('languages'),
      queueDeltas: this.groupDeltas('queues'),
    };
  }

  private groupDeltas(name: Group): (Record<string, Record<GroupFigure, Estimate>> | null)[] {
    const { shared, deltas } = this.groups[name];
    return deltas.map((acc, k) => (k === 0 ? null : groupEstimates(shared[k], acc)));
  }
}

/** Marks the hour × queue cells whose replication tallies (offered, answered within threshold,
 * agent-seconds on the phones: sim/stats/gap-hours.ts) differ between the two scenarios. */
function markDifferentHours(different: Uint8Array, base: Float64Array, other: Float64Array): void {
  const per = base.length / different.length;
  for (let c = 0; c < different.length; c++) {
    if (different[c]) continue;
    for (let j = c * per; j < (c + 1) * per; j++) {
      if (base[j] !== other[j]) {
        different[c] = 1;
        break;
      }
    }
  }
}

export function compareModels(models: CompiledModel[], onProgress?: (done: number, total: number) => void): Comparison {
  const builder = new ComparisonBuilder(models);
  const replications = models[0].replications;
  for (let r = 0; r < replications; r++) {
    models.forEach((m, k) => {
      builder.add(k, r, runReplication(m, r));
      onProgress?.(r * models.length + k + 1, replications * models.length);
    });
  }
  return builder.result();
}

/** compareModels() with the replications run on the pool's threads: the same comparison, bit for
 * bit, for any pool size (each scenario's replications are folded and paired in order). Progress
 * counts replications finished, of every scenario. Given a `signal`, the pool stops handing out
 * replications once it is aborted, and there is no comparison (undefined): one with some
 * replications missing would pair what it has as if it were the whole. */
export function compareOnPool(models: CompiledModel[], pool: ReplicationPool, onProgress?: (done: number, total: number) => void): Promise<Comparison>;
export function compareOnPool(
  models: CompiledModel[],
  pool: ReplicationPool,
  onProgress: ((done: number, total: number) => void) | undefined,
  signal: { aborted: boolean },
): Promise<Comparison | undefined>;
export async function compareOnPool(
  models: CompiledModel[],
  pool: ReplicationPool,
  onProgress?: (done: number, total: number) => void,
  signal?: { aborted: boolean },
): Promise<Comparison | undefined> {
  const builder = new ComparisonBuilder(models);
  await pool.runInOrder(models, (k, r, figures) => builder.add(k, r, figures), { onProgress, signal });
  return signal?.aborted ? undefined : builder.result();
}
