// A worker thread: compiles the jobs it is given (once each) and runs replications on request.
import { parentPort, workerData } from 'node:worker_threads';
import { compileScenario, type CompiledModel } from '../sim/model';
import { runReplication } from '../sim/simulate';
import type { Job, ResultMessage, TaskMessage } from './parallel';

const jobs = (workerData as { jobs: Job[] }).jobs;
const models = new Map<number, CompiledModel>();

parentPort!.on('message', (task: TaskMessage) => {
  let model = models.get(task.job);
  if (!model) models.set(task.job, (model = compileScenario(jobs[task.job].scenario, jobs[task.job].options)));
  const figures = runReplication(model, task.replication);
  const message: ResultMessage = { task: task.task, figures };
  const buffers = Object.values(figures).flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []));
  parentPort!.postMessage(message, buffers);
});
