// A worker thread (cli/parallel.ts): runs replications of the compiled models of the batch under
// way, on request, and posts each task's figures back, each replication's packed in one array.
//
// The figures are copied, not transferred: transferring detaches the worker's ArrayBuffers, and
// once any buffer has been detached V8 checks for detachment on every typed-array access in
// optimised code (its "array buffer detaching" protector is invalidated for the isolate). The
// kernel then ran ~20 % slower for the rest of the worker's life (mm55, 260–280 → 310–340 ms
// of thread CPU per replication); the copy costs less than a millisecond.
import { parentPort } from 'node:worker_threads';
import type { CompiledModel } from '../sim/model/model';
import { runReplication } from '../sim/simulate';
import { packFigures } from '../sim/stats/packed-figures';
import type { ModelsMessage, ResultMessage, TaskMessage } from './parallel';

let models: CompiledModel[] = [];

parentPort!.on('message', (received: ModelsMessage | TaskMessage) => {
  if ('models' in received) {
    models = received.models;
    return;
  }
  const task = received;
  const figures: Float64Array[] = [];
  for (let r = task.replication; r < task.replication + task.count; r++) figures.push(packFigures(runReplication(models[task.job], r)));
  const message: ResultMessage = { task: task.task, figures };
  parentPort!.postMessage(message);
});
