// A batch of replications over threads, the same in Node (cli/parallel.ts) and in the browser
// (src/): the tasks each thread is handed, the pool that keeps its threads from one batch to the
// next, and the order results are handed back in — per scenario in replication order, whatever
// the number of threads and whatever order they finish in, so every fold over them is
// bit-identical to a single-threaded run.
import type { CompiledModel } from './model/model';
import { runReplication } from './simulate';
import type { ReplicationFigures } from './stats/metrics';
import { packFigures, unpackFigures } from './stats/packed-figures';

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

/** Expected contacts of one replication of a model (arrivals at the streams' mean rates). */
export const contactsPerReplication = (m: CompiledModel) => m.stopSeconds * m.streams.reduce((rate, s) => rate + s.meanRatePerSecond, 0);

/** Short replications are handed out in runs of about this many contacts: a message each way per
 * replication costs this thread CPU that a 2-core machine takes from the workers (1,000 one-week
 * Bilingual replications: 40 messages each way instead of 1,000, this thread's CPU 480 → 430 ms). */
const CONTACTS_PER_TASK = 50_000;
const MAX_REPLICATIONS_PER_TASK = 64;

/** Every job's replications as tasks, in job and replication order. */
export function tasksOf(models: CompiledModel[]): TaskMessage[] {
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

/** One thread and the tasks it has been handed: a Node worker thread or a browser worker. */
export interface ReplicationThread {
  /** The batch's models, for the tasks that follow. */
  load(models: CompiledModel[]): void;
  run(task: TaskMessage): Promise<ReplicationFigures[]>;
  close(): Promise<unknown>;
}

/** The tasks a thread has been handed and not yet answered. */
export class TasksUnderWay {
  private readonly waiting = new Map<number, { resolve: (f: ReplicationFigures[]) => void; reject: (e: Error) => void }>();

  add(task: number): Promise<ReplicationFigures[]> {
    return new Promise((resolve, reject) => this.waiting.set(task, { resolve, reject }));
  }

  answered(message: ResultMessage): void {
    const waiter = this.waiting.get(message.task);
    this.waiting.delete(message.task);
    waiter?.resolve(message.figures.map(unpackFigures));
  }

  failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

/** A thread reached by messages (a Node worker thread, a browser worker): it is posted the
 * batch's models, then its tasks, and answers each task with a ResultMessage. */
export abstract class PostedThread implements ReplicationThread {
  protected readonly underWay = new TasksUnderWay();

  protected abstract post(message: ModelsMessage | TaskMessage): void;

  abstract close(): Promise<unknown>;

  load(models: CompiledModel[]): void {
    this.post({ models });
  }

  run(task: TaskMessage): Promise<ReplicationFigures[]> {
    const answer = this.underWay.add(task.task);
    this.post(task);
    return answer;
  }
}

/** How long replications under way may go on after the batch is stopped before their threads are
 * ended. */
const ABORT_GRACE_MS = 1000;

/** Threads kept from one batch to the next. Each compiles the simulator with its own JIT the
 * first time it runs (0.4–0.7 s of CPU, issue 11): a pool pays that once, however many batches
 * it runs (the planner's rounds), and its later batches scale with the cores. */
export class ReplicationPool {
  private readonly threads: ReplicationThread[] = [];

  constructor(
    readonly size: number,
    private readonly spawn: () => ReplicationThread,
  ) {}

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
    while (this.threads.length < used) this.threads.push(this.spawn());
    const threads = this.threads.slice(0, used);
    threads.forEach((t) => t.load(models));
    let next = 0;
    const take = () => (next < tasks.length && !signal?.aborted ? tasks[next++] : undefined);
    let stopped = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
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

  /** Every replication of every model on the pool: `deliver(job, replication, figures)` gets each
   * model's replications in order 0, 1, 2… (InOrder), `onProgress(done, total)` each one as it
   * finishes. Resolves with how many finished (fewer once `signal` is aborted). */
  async runInOrder(
    models: CompiledModel[],
    deliver: (job: number, replication: number, figures: ReplicationFigures) => void,
    options: { onProgress?: (done: number, total: number) => void; signal?: { aborted: boolean } } = {},
  ): Promise<number> {
    const total = models.reduce((n, m) => n + m.replications, 0);
    const inOrder = new InOrder(models.length, deliver);
    let done = 0;
    await this.runTasks(
      models,
      tasksOf(models),
      (job, replication, figures) => {
        inOrder.add(job, replication, figures);
        done++;
        options.onProgress?.(done, total);
      },
      options.signal,
    );
    return done;
  }

  /** Threads started and not ended: those that have compiled the simulator. */
  get started(): number {
    return this.threads.length;
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.close()));
  }
}

/** Buffers results that arrive early until their predecessors are in. */
export class InOrder {
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

/** The thread's side: keeps the models of the batch under way and runs each task it is handed,
 * answering with its figures, each replication's packed in one array. */
export function replicationThreadMain(post: (message: ResultMessage) => void): (received: ModelsMessage | TaskMessage) => void {
  let models: CompiledModel[] = [];
  return (received) => {
    if ('models' in received) {
      models = received.models;
      return;
    }
    const figures: Float64Array[] = [];
    for (let r = received.replication; r < received.replication + received.count; r++) figures.push(packFigures(runReplication(models[received.job], r)));
    post({ task: received.task, figures });
  };
}
