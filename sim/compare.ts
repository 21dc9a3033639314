// Comparing scenarios the honest way: every scenario runs with the same seed and replication
// count, so replication r of each sees the same arrivals, handle times and patience (common
// random numbers), and each headline figure's difference is estimated from the paired
// per-replication differences, with its own 95% confidence interval.
import { FigureAccumulator, type Estimate } from './confidence';
import { ResultBuilder, SUMMARY_FIGURES, type ReplicationFigures, type ScenarioResult, type SummaryFigure } from './metrics';
import { compileScenario, type CompiledModel } from './model';
import type { Scenario } from './scenario';
import { runReplication } from './simulate';

export interface Comparison {
  scenarios: ScenarioResult[];
  /** deltas[k]: scenario k minus the first scenario, per summary figure (null for the first). */
  deltas: (Record<SummaryFigure, Estimate> | null)[];
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
  private readonly pending = new Map<number, (ReplicationFigures | undefined)[]>();
  private nextPaired = 0;

  constructor(private readonly models: CompiledModel[]) {
    this.builders = models.map((m) => new ResultBuilder(m));
    this.deltas = models.map(() => new FigureAccumulator(SUMMARY_FIGURES.length));
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
      }
      this.pending.delete(this.nextPaired++);
    }
  }

  result(): Comparison {
    return {
      scenarios: this.builders.map((b) => b.result()),
      deltas: this.deltas.map((acc, k) =>
        k === 0 ? null : (Object.fromEntries(SUMMARY_FIGURES.map((f, i) => [f, acc.estimate(i)])) as Record<SummaryFigure, Estimate>),
      ),
    };
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
