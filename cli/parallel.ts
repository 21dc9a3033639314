// Spreads the replications of one or many scenarios over worker threads. Results are handed
// back per scenario in replication order, whatever the number of workers and whatever order
// they finish in, so every fold over them is bit-identical to a single-threaded run.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReplicationFigures } from '../sim/stats/metrics';
import { compileScenario, type CompiledModel, type CompileOptions } from '../sim/model/model';
import type { Scenario } from '../sim/scenario/scenario';
import { runReplication } from '../sim/simulate';

export interface Job {
  scenario: Scenario;
  options: CompileOptions;
}

export interface TaskMessage {
  task: number;
  job: number;
  replication: number;
}

export interface ResultMessage {
  task: number;
  figures: ReplicationFigures;
}

export interface ParallelOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Set to stop handing out work; runJobs then resolves with what has finished. */
  signal?: { aborted: boolean };
}

/** A worker thread needs about a second to start and warm up its compiler (measured on the
 * default scenario), so small batches run in this thread and larger ones on every core. */
const CONTACTS_WORTH_A_WORKER = 3_000_000;

export function defaultWorkers(models: CompiledModel[]): number {
  const contacts = models.reduce(
    (n, m) => n + m.replications * m.stopSeconds * m.streams.reduce((rate, s) => rate + s.meanRatePerSecond, 0),
    0,
  );
  return contacts < CONTACTS_WORTH_A_WORKER ? 1 : availableParallelism();
}

const WORKER_BOOT = new URL('../bin/replication-worker.mjs', import.meta.url);

/** Runs every replication of every job. `deliver(job, replication, figures)` is called for each
 * job's replications in order 0, 1, 2…; returns how many tasks finished. */
export async function runJobs(
  models: CompiledModel[],
  deliver: (job: number, replication: number, figures: ReplicationFigures) => void,
  options: ParallelOptions = {},
): Promise<number> {
  const tasks: TaskMessage[] = [];
  models.forEach((m, job) => {
    for (let replication = 0; replication < m.replications; replication++) tasks.push({ task: tasks.length, job, replication });
  });
  const inOrder = new InOrder(models.length, deliver);
  let done = 0;
  const finished = (task: TaskMessage, figures: ReplicationFigures) => {
    inOrder.add(task.job, task.replication, figures);
    options.onProgress?.(++done, tasks.length);
  };
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(models), tasks.length));
  if (workers === 1) {
    for (const task of tasks) {
      if (options.signal?.aborted) break;
      finished(task, runReplication(models[task.job], task.replication));
      await new Promise((resolve) => setImmediate(resolve)); // let Ctrl-C and progress through
    }
    return done;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      // Workers get the compiled models (plain data), so they load only the kernel's modules.
      const worker = new Worker(WORKER_BOOT, { workerData: { models } });
      try {
        while (next < tasks.length && !options.signal?.aborted) {
          const task = tasks[next++];
          finished(task, await ask(worker, task));
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return done;
}

function ask(worker: Worker, task: TaskMessage): Promise<ReplicationFigures> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ResultMessage) => {
      worker.off('error', onError);
      resolve(message.figures);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(task);
  });
}

/** Buffers results that arrive early until their predecessors are in. */
class InOrder {
  private readonly nextReplication: number[];
  private readonly waiting: Map<number, ReplicationFigures>[];

  constructor(
    jobs: number,
    private readonly deliver: (job: number, replication: number, figures: ReplicationFigures) => void,
  ) {
    this.nextReplication = new Array(jobs).fill(0);
    this.waiting = Array.from({ length: jobs }, () => new Map());
  }

  add(job: number, replication: number, figures: ReplicationFigures): void {
    this.waiting[job].set(replication, figures);
    for (;;) {
      const ready = this.waiting[job].get(this.nextReplication[job]);
      if (!ready) return;
      this.waiting[job].delete(this.nextReplication[job]);
      this.deliver(job, this.nextReplication[job]++, ready);
    }
  }
}

/** Compiles each job as a worker will. */
export function compileJobs(jobs: Job[]): CompiledModel[] {
  return jobs.map((j) => compileScenario(j.scenario, j.options));
}
