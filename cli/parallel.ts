// Spreads the replications of one or many scenarios over worker threads, one per core; this
// thread hands out work and folds the results. Results are handed back per scenario in
// replication order, whatever the number of workers and whatever order they finish in, so
// every fold over them is bit-identical to a single-threaded run.
//
// Measured on the 2-core machine (Node 20; issue 11): worker threads load the built JavaScript;
// worker processes were tried and cost more CPU (start-up, and every result through a pipe).
// Short replications go out in runs (tasksOf), each worker holding its next task before it
// finishes one. What remains between 2 workers and 2× is each thread's own JIT compiler and
// garbage collector, which a single worker has the idle core for (README, "Performance").
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReplicationFigures } from '../sim/stats/metrics';
import { unpackFigures } from '../sim/stats/packed-figures';
import { compileScenario, type CompiledModel, type CompileOptions } from '../sim/model/model';
import type { Scenario } from '../sim/scenario/scenario';
import { runReplication } from '../sim/simulate';
import { Progress } from './progress';

export interface Job {
  scenario: Scenario;
  options: CompileOptions;
}

/** Replications `replication` … `replication + count − 1` of job `job`. */
export interface TaskMessage {
  task: number;
  job: number;
  replication: number;
  count: number;
}

/** The models of the tasks that follow. */
export interface ModelsMessage {
  models: CompiledModel[];
}

export interface ResultMessage {
  task: number;
  /** packFigures(figures) of each replication of the task, in order. */
  figures: Float64Array[];
}

export interface ParallelOptions {
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Set to stop handing out work; runJobs then resolves with what has finished. */
  signal?: { aborted: boolean };
}

/** Expected contacts of one replication of a model (arrivals at the streams' mean rates). */
const contactsPerReplication = (m: CompiledModel) => m.stopSeconds * m.streams.reduce((rate, s) => rate + s.meanRatePerSecond, 0);

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

/** Short replications are handed out in runs of about this many contacts: a message each way per
 * replication costs this thread CPU that a 2-core machine takes from the workers (1,000 one-week
 * Bilingual replications: 40 messages each way instead of 1,000, this thread's CPU 480 → 430 ms). */
const CONTACTS_PER_TASK = 50_000;
const MAX_REPLICATIONS_PER_TASK = 64;

/** Every job's replications as tasks, in job and replication order. */
function tasksOf(models: CompiledModel[]): TaskMessage[] {
  const tasks: TaskMessage[] = [];
  models.forEach((m, job) => {
    const perTask = Math.max(1, Math.min(MAX_REPLICATIONS_PER_TASK, Math.floor(CONTACTS_PER_TASK / Math.max(1, contactsPerReplication(m)))));
    for (let replication = 0; replication < m.replications; replication += perTask) {
      tasks.push({ task: tasks.length, job, replication, count: Math.min(perTask, m.replications - replication) });
    }
  });
  return tasks;
}

/** Tasks a worker holds at once: the next is there when it finishes one, as waking this thread
 * to hand it out can take milliseconds on a busy machine. */
const TASKS_QUEUED_PER_WORKER = 2;

/** Runs every replication of every job. `deliver(job, replication, figures)` is called for each
 * job's replications in order 0, 1, 2…; returns how many replications finished. With
 * `options.pool`, the pool's threads do the work (and stay for the next batch); otherwise
 * threads are started for this batch alone. */
export async function runJobs(
  models: CompiledModel[],
  deliver: (job: number, replication: number, figures: ReplicationFigures) => void,
  options: ParallelOptions & { pool?: ReplicationPool } = {},
): Promise<number> {
  const tasks = tasksOf(models);
  const total = models.reduce((n, m) => n + m.replications, 0);
  const inOrder = new InOrder(models.length, deliver);
  let done = 0;
  const finished = (job: number, replication: number, figures: ReplicationFigures) => {
    inOrder.add(job, replication, figures);
    options.onProgress?.(++done, total);
  };
  if (options.pool) {
    await options.pool.runTasks(models, tasks, finished, options.signal);
    return done;
  }
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(models), tasks.length));
  // A replication long enough that one may want to stop it runs on a worker thread even alone:
  // this thread stays free to take Ctrl-C and end it (the same runReplication, the same figures).
  if (workers === 1 && !models.some((m) => contactsPerReplication(m) >= CONTACTS_WORTH_A_WORKER)) {
    for (const task of tasks) {
      for (let r = task.replication; r < task.replication + task.count; r++) {
        if (options.signal?.aborted) return done;
        finished(task.job, r, runReplication(models[task.job], r));
        await new Promise((resolve) => setImmediate(resolve)); // let Ctrl-C and progress through
      }
    }
    return done;
  }
  const pool = new ReplicationPool(workers);
  try {
    await pool.runTasks(models, tasks, finished, options.signal);
  } finally {
    await pool.close();
  }
  return done;
}

/** Worker threads kept from one batch to the next. Each thread compiles the simulator with its
 * own JIT the first time it runs (0.4–0.7 s of CPU, issue 11): a pool pays that once, however
 * many batches it runs (the planner's rounds), and its later batches scale with the cores. */
export class ReplicationPool {
  private readonly threads: ReplicationThread[] = [];

  constructor(readonly size: number) {}

  /** Runs the tasks on up to `size` threads, started as needed; `finished` gets each replication.
   * Once `signal` is aborted no more work is handed out; the tasks under way have a moment to
   * finish, then the threads are ended (and started afresh by a later batch). */
  async runTasks(
    models: CompiledModel[],
    tasks: TaskMessage[],
    finished: (job: number, replication: number, figures: ReplicationFigures) => void,
    signal?: { aborted: boolean },
  ): Promise<void> {
    const used = Math.max(1, Math.min(this.size, tasks.length));
    while (this.threads.length < used) this.threads.push(new ReplicationThread());
    const threads = this.threads.slice(0, used);
    threads.forEach((t) => t.load(models));
    let next = 0;
    const take = () => (next < tasks.length && !signal?.aborted ? tasks[next++] : undefined);
    let stopped = false;
    let grace: NodeJS.Timeout | undefined;
    const watch = setInterval(() => {
      if (!signal?.aborted || grace) return;
      grace = setTimeout(() => {
        stopped = true;
        void this.close();
      }, ABORT_GRACE_MS);
    }, 50);
    try {
      await Promise.all(
        threads.map((thread) =>
          Promise.all(
            Array.from({ length: TASKS_QUEUED_PER_WORKER }, async () => {
              for (let task = take(); task; task = take()) {
                let figures: ReplicationFigures[];
                try {
                  figures = await thread.run(task);
                } catch (e) {
                  if (stopped) return;
                  throw e;
                }
                figures.forEach((f, k) => finished(task.job, task.replication + k, f));
              }
            }),
          ),
        ),
      );
    } catch (e) {
      await this.close(); // a thread that failed may hold tasks; none is trusted with the next batch
      throw e;
    } finally {
      clearInterval(watch);
      clearTimeout(grace);
    }
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.close()));
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

/** How long replications under way may go on after Ctrl-C before their threads are ended. */
const ABORT_GRACE_MS = 1000;

/** One worker thread (cli/replication-worker.ts) and the tasks it has been handed. */
class ReplicationThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (f: ReplicationFigures[]) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker = new Worker(WORKER_ENTRY);
    this.worker.on('message', (message: ResultMessage) => {
      const waiter = this.waiting.get(message.task);
      this.waiting.delete(message.task);
      waiter?.resolve(message.figures.map(unpackFigures));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`a worker thread stopped (exit code ${code})`)));
  }

  /** The batch's models, for the tasks that follow (plain data: the worker loads only the
   * kernel's modules). */
  load(models: CompiledModel[]): void {
    const message: ModelsMessage = { models };
    this.worker.postMessage(message);
  }

  run(task: TaskMessage): Promise<ReplicationFigures[]> {
    return new Promise((resolve, reject) => {
      this.waiting.set(task.task, { resolve, reject });
      this.worker.postMessage(task);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
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
