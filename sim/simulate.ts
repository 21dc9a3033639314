// Independent replications of a compiled model, folded into one result object.
import { simulateReplication } from './kernel/engine';
import { Tallies } from './kernel/tallies';
import { ResultBuilder, type ReplicationFigures, type ScenarioResult } from './stats/metrics';
import { replicationFigures } from './stats/replication-figures';
import type { CompiledModel } from './model/model';

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
  const builder = new ResultBuilder(model);
  const total = model.replications;
  for (let r = 0; r < total; r++) {
    builder.add(runReplication(model, r));
    options.onProgress?.(r + 1, total);
    if (options.early && r + 1 < total && options.early.wanted(r + 1, total)) options.early.deliver(builder.result());
  }
  return builder.result();
}
