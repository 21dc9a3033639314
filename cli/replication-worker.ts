// A worker thread (cli/parallel.ts): runs replications of the compiled models it was given, on
// request, and hands the figures' typed arrays back without copying them.
import { parentPort, workerData } from 'node:worker_threads';
import type { CompiledModel } from '../sim/model/model';
import { runReplication } from '../sim/simulate';
import type { ResultMessage, TaskMessage } from './parallel';

const models = (workerData as { models: CompiledModel[] }).models;

parentPort!.on('message', (task: TaskMessage) => {
  const figures = runReplication(models[task.job], task.replication);
  const message: ResultMessage = { task: task.task, figures };
  const buffers = Object.values(figures).flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []));
  parentPort!.postMessage(message, buffers);
});
