// Independent replications of a compiled model, folded into one result object.
import { simulateReplication } from './kernel/engine';
import { Tallies } from './kernel/tallies';
import { ResultBuilder, type ReplicationFigures, type ScenarioResult } from './stats/metrics';
import { replicationFigures } from './stats/replication-figures';
import type { CompiledModel } from './model/model';
import type { ReplicationPool } from './batch';

/** Each model's tallies, reused replication after replication: the figures are copied out of
 * them before the next one. */
const talliesOf = new WeakMap<CompiledModel, Tallies>();

export function runReplication(model: CompiledModel, replication: number): ReplicationFigures {
  let tallies = talliesOf.get(model);
  if (!tallies) talliesOf.set(model, (tallies = new Tallies(model)));
  return replicationFigures(model, simulateReplication(model, replication, tallies));
}

export interface SimulateOptions {
  /** Called after each replication, e.g. to draw a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Early results while the run goes on: after replication `done` (of `total`, not the last),
   * `deliver` gets the result of the replications so far if `wanted(done, total)` says so. That
   * result is exactly what a run of `done` replications gives (the fold is in replication order). */
  early?: {
    wanted: (done: number, total: number) => boolean;
    deliver: (result: ScenarioResult) => void;
  };
}

export function simulate(model: CompiledModel, options: SimulateOptions = {}): ScenarioResult {
  const fold = folding(model, options);
  for (let r = 0; r < model.replications; r++) fold(runReplication(model, r));
  return fold.result();
}

/** simulate() with the replications run on the pool's threads: the same result, bit for bit, for
 * any pool size (they are folded in replication order), the same progress and early results. */
export async function simulateOnPool(model: CompiledModel, pool: ReplicationPool, options: SimulateOptions = {}): Promise<ScenarioResult> {
  const fold = folding(model, options);
  await pool.runInOrder([model], (_, __, figures) => fold(figures));
  return fold.result();
}

/** Folds replications 0, 1, 2… in order, telling progress and delivering early results as it goes. */
function folding(model: CompiledModel, options: SimulateOptions): ((figures: ReplicationFigures) => void) & { result: () => ScenarioResult } {
  const builder = new ResultBuilder(model);
  const total = model.replications;
  let done = 0;
  const fold = (figures: ReplicationFigures) => {
    builder.add(figures);
    done++; // not in the call below: an optional call skips its arguments when there is no onProgress
    options.onProgress?.(done, total);
    if (options.early && done < total && options.early.wanted(done, total)) options.early.deliver(builder.result());
  };
  return Object.assign(fold, { result: () => builder.result() });
}
