// Comparing scenarios the honest way: every scenario runs with the same seed and replication
// count, so replication r of each sees the same arrivals, handle times and patience (common
// random numbers), and each headline figure's difference is estimated from the paired
// per-replication differences, with its own 95% confidence interval.
import { FigureAccumulator, type Estimate } from './confidence';
import { ResultBuilder, SUMMARY_FIGURES, type ScenarioResult, type SummaryFigure } from './metrics';
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
  const seed = options.seed ?? scenarios[0].seed;
  const replications = options.replications ?? scenarios[0].replications;
  return scenarios.map((s) => compileScenario(s, { seed, replications }));
}

export function compareModels(models: CompiledModel[], onProgress?: (done: number, total: number) => void): Comparison {
  const replications = models[0].replications;
  const builders = models.map((m) => new ResultBuilder(m));
  const deltas = models.map(() => new FigureAccumulator(SUMMARY_FIGURES.length));
  const difference = new Float64Array(SUMMARY_FIGURES.length);
  for (let r = 0; r < replications; r++) {
    const figures = models.map((m, k) => {
      const f = runReplication(m, r);
      onProgress?.(r * models.length + k + 1, replications * models.length);
      return f;
    });
    figures.forEach((f, k) => builders[k].add(f));
    for (let k = 1; k < models.length; k++) {
      for (let i = 0; i < difference.length; i++) difference[i] = figures[k].summary[i] - figures[0].summary[i];
      deltas[k].add(difference);
    }
  }
  return {
    scenarios: builders.map((b) => b.result()),
    deltas: deltas.map((acc, k) =>
      k === 0 ? null : (Object.fromEntries(SUMMARY_FIGURES.map((f, i) => [f, acc.estimate(i)])) as Record<SummaryFigure, Estimate>),
    ),
  };
}
