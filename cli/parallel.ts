// Spreads the replications of one or many scenarios over worker threads, one per core (the pool,
// its tasks and the order of results: sim/batch.ts); this thread hands out work and folds the
// results.
//
// Measured on the 2-core machine (Node 20; issue 11): worker threads load the built JavaScript;
// worker processes were tried and cost more CPU (start-up, and every result through a pipe).
// Short replications go out in runs (tasksOf), each worker holding its next task before it
// finishes one. What remains between 2 workers and 2× is each thread's own JIT compiler and
// garbage collector, which a single worker has the idle core for (README, "Performance").
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { contactsPerReplication, PostedThread, ReplicationPool, tasksOf, type ModelsMessage, type ResultMessage, type TaskMessage } from '../sim/batch';
import type { ReplicationFigures } from '../sim/stats/metrics';
import { compileScenario, type CompiledModel, type CompileOptions } from '../sim/model/model';
import type { Scenario } from '../sim/scenario/scenario';
import { runReplication } from '../sim/simulate';
import { Progress } from './progress';

export interface Job {
  scenario: Scenario;
  options: CompileOptions;
}

export interface ParallelOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Set to stop handing out work; runJobs then resolves with what has finished. */
  signal?: { aborted: boolean };
}

/** A worker thread starts in a few hundredths of a second, but compiles the kernel with its own JIT
 * (0.5–1 s of CPU, competing with the other worker on a 2-core machine): a batch gains from
 * workers only beyond ~2 M contacts. Measured 1 → 2 workers: the default week × 10 (0.6 M
 * contacts) 1.05 → 1.2 s, 400 Bilingual weeks (2 M) 0.92 → 1.07 s, 8 × 4 default weeks (1.9 M)
 * even, 1,000 Bilingual weeks (5.1 M) 1.19× faster, 8 × 1 M M/M/55+M 1.48×. Smaller batches run
 * in this thread alone, larger ones on every core. */
const CONTACTS_WORTH_A_WORKER = 3_000_000;

export function defaultWorkers(models: CompiledModel[]): number {
  const contacts = models.reduce((n, m) => n + m.replications * contactsPerReplication(m), 0);
  return contacts < CONTACTS_WORTH_A_WORKER ? 1 : availableParallelism();
}

/** The built worker entry, beside the built CLI (bin/build-cli.mjs). */
const WORKER_ENTRY = new URL('./replication-worker.js', import.meta.url);

/** Runs every replication of every job. `deliver(job, replication, figures)` is called for each
 * job's replications in order 0, 1, 2…; returns how many replications finished. With
 * `options.pool`, the pool's threads do the work (and stay for the next batch); otherwise
 * threads are started for this batch alone. */
export async function runJobs(
  models: CompiledModel[],
  deliver: (job: number, replication: number, figures: ReplicationFigures) => void,
  options: ParallelOptions & { pool?: ReplicationPool } = {},
): Promise<number> {
  if (options.pool) return options.pool.runInOrder(models, deliver, options);
  const tasks = tasksOf(models);
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(models), tasks.length));
  // A replication long enough that one may want to stop it runs on a worker thread even alone:
  // this thread stays free to take Ctrl-C and end it (the same runReplication, the same figures).
  if (workers === 1 && !models.some((m) => contactsPerReplication(m) >= CONTACTS_WORTH_A_WORKER)) {
    const total = models.reduce((n, m) => n + m.replications, 0);
    let done = 0;
    for (const [job, m] of models.entries()) {
      for (let r = 0; r < m.replications; r++) {
        if (options.signal?.aborted) return done;
        deliver(job, r, runReplication(m, r));
        done++;
        options.onProgress?.(done, total);
        await new Promise((resolve) => setImmediate(resolve)); // let Ctrl-C and progress through
      }
    }
    return done;
  }
  const pool = replicationPool(workers);
  try {
    return await pool.runInOrder(models, deliver, options);
  } finally {
    await pool.close();
  }
}

/** What a batch of several scenarios (or sweep points) does with its replications as they come. */
export interface BatchJobs {
  deliver: (job: number, replication: number, figures: ReplicationFigures) => void;
  settled: (job: number) => boolean;
  /** Forgets a job's replications so far, before it runs again. */
  restart: (job: number) => void;
  /** The job failed: reported by the caller as that job's error. */
  failed: (job: number, error: unknown) => void;
}

/** Runs every job with a progress bar (`label`); when a replication fails, the jobs not settled
 * run again one at a time, so that the one that fails is reported as such and the others are
 * still completed. Stops handing out work once `signal` is aborted. */
export async function runJobsToTheEnd(models: CompiledModel[], jobs: BatchJobs, label: string, options: Pick<ParallelOptions, 'workers' | 'signal'>): Promise<void> {
  const total = models.reduce((n, m) => n + m.replications, 0);
  const progress = new Progress(label, total);
  let doneBefore = 0;
  const runSome = async (some: number[]) => {
    let done = 0;
    try {
      await runJobs(
        some.map((j) => models[j]),
        (k, r, figures) => jobs.deliver(some[k], r, figures),
        { ...options, onProgress: (n) => progress.update(Math.min(total, doneBefore + (done = n))) },
      );
    } finally {
      doneBefore += done;
    }
  };
  try {
    try {
      await runSome(models.map((_, j) => j));
    } catch {
      for (let j = 0; j < models.length; j++) {
        if (jobs.settled(j) || options.signal?.aborted) continue;
        jobs.restart(j);
        try {
          await runSome([j]);
        } catch (e) {
          jobs.failed(j, e);
        }
      }
    }
  } finally {
    progress.done();
  }
}

/** A pool of `size` worker threads, started as its batches need them. */
export const replicationPool = (size: number) => new ReplicationPool(size, () => new NodeReplicationThread());

/** One worker thread (cli/replication-worker.ts) and the tasks it has been handed. The models it
 * is posted are plain data: the worker loads only the kernel's modules. */
class NodeReplicationThread extends PostedThread {
  private readonly worker = new Worker(WORKER_ENTRY);

  constructor() {
    super();
    this.worker.on('message', (message: ResultMessage) => this.underWay.answered(message));
    this.worker.on('error', (error) => this.underWay.failAll(error));
    this.worker.on('exit', (code) => this.underWay.failAll(new Error(`a worker thread stopped (exit code ${code})`)));
  }

  protected post(message: ModelsMessage | TaskMessage): void {
    this.worker.postMessage(message);
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Compiles each job as a worker will. */
export function compileJobs(jobs: Job[]): CompiledModel[] {
  return jobs.map((j) => compileScenario(j.scenario, j.options));
}
