// Independent replications of a compiled model, folded into one result object.
import { simulateReplication } from './kernel/engine';
import { ResultBuilder, replicationFigures, type ReplicationFigures, type ScenarioResult } from './stats/metrics';
import type { CompiledModel } from './model/model';

export function runReplication(model: CompiledModel, replication: number): ReplicationFigures {
  return replicationFigures(model, simulateReplication(model, replication));
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
