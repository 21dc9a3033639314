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
}

export function simulate(model: CompiledModel, options: SimulateOptions = {}): ScenarioResult {
  const builder = new ResultBuilder(model);
  for (let r = 0; r < model.replications; r++) {
    builder.add(runReplication(model, r));
    options.onProgress?.(r + 1, model.replications);
  }
  return builder.result();
}
