// The simulation worker's threads for replications (sim/batch.ts ReplicationPool, kept from batch
// to batch): the simulation worker itself, whose simulator is already compiled by the runs it
// made, and dedicated workers it starts (nested workers), each compiling the simulator once.
// A cancelled job stops handing out replications and its threads stay, compiled, for the next job;
// terminating the simulation worker ends them with it.
import { PostedThread, ReplicationPool, type ModelsMessage, type ReplicationThread, type ResultMessage, type TaskMessage } from '../sim/batch';
import type { CompiledModel } from '../sim/model/model';
import { runReplication } from '../sim/simulate';
import type { ReplicationFigures } from '../sim/stats/metrics';

/** At most this many threads, whatever the cores: a run or a planner round is 10 replications of
 * the scenario (the examples'), each thread compiles the simulator once (0.4–0.7 s of CPU) and
 * keeps its own copy of the models and tallies, so beyond 8 a thread gets a replication or two of
 * a batch and pays more than it gives. */
export const MOST_THREADS = 8;

/** One thread per core the browser reports, up to MOST_THREADS; `asked` (the page's `?threads=N`,
 * for tests and measurement) overrides it within 1…MOST_THREADS. A browser that cannot start
 * workers from a worker (Safari before 15.5) has this thread alone. */
export function poolSize(asked?: number): number {
  if (typeof Worker === 'undefined') return 1;
  const size = asked ?? (navigator.hardwareConcurrency || 1);
  return Math.max(1, Math.min(MOST_THREADS, Math.floor(size)));
}

/** A nested worker failed (its script could not load, or it could not start): the simulation
 * worker then gives up its pool and runs the job alone, with the same figures. */
export class ThreadFailed extends Error {
  override name = 'ThreadFailed';
}

/** The job a batch belongs to: aborted by the page's Cancel. */
export interface JobSignal {
  aborted: boolean;
}

/** The batch's job was cancelled: what was folded so far is not a result. */
export class JobStopped extends Error {
  override name = 'JobStopped';
}

/** A pool whose batches belong to the job under way (`job`, set by the simulation worker for each
 * job). Once the job is cancelled its batch hands out no more replications and, when the ones
 * under way are in (a task each at most), fails with JobStopped instead of returning part of the
 * figures; the threads stay, compiled, for the next job. */
export class WebReplicationPool extends ReplicationPool {
  job: JobSignal = { aborted: false };

  override async runTasks(...[models, tasks, finished, signal = this.job]: Parameters<ReplicationPool['runTasks']>): Promise<void> {
    await super.runTasks(models, tasks, finished, signal);
    if (signal.aborted) throw new JobStopped();
  }
}

/** `size` threads: this one (the first started, and again once ended) and size − 1 dedicated workers. */
export function webReplicationPool(size: number): WebReplicationPool {
  let hereInUse = false;
  return new WebReplicationPool(size, () => {
    if (hereInUse) return new WebReplicationThread();
    hereInUse = true;
    return new ThreadHere(() => (hereInUse = false));
  });
}

/** This thread alone, as a pool of one: a job run here stops, like one on many threads, between
 * its tasks when it is cancelled, instead of running all its replications in one go. */
export function threadHereAlone(): WebReplicationPool {
  return new WebReplicationPool(1, () => new ThreadHere(() => undefined));
}

/** This thread as one of the pool's: a task at a time, each in a task of its own event loop, so
 * that the other threads' results are folded and progress posted between them. */
class ThreadHere implements ReplicationThread {
  private models: CompiledModel[] = [];
  private closed = false;

  constructor(private readonly ended: () => void) {}

  load(models: CompiledModel[]): void {
    this.models = models;
  }

  run(task: TaskMessage): Promise<ReplicationFigures[]> {
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        if (this.closed) return reject(new Error('the pool was closed'));
        try {
          const figures: ReplicationFigures[] = [];
          for (let r = task.replication; r < task.replication + task.count; r++) figures.push(runReplication(this.models[task.job], r));
          resolve(figures);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }),
    );
  }

  close(): Promise<void> {
    this.closed = true;
    this.ended();
    return Promise.resolve();
  }
}

/** A dedicated worker (src/replication.worker.ts) and the tasks it has been handed. */
class WebReplicationThread extends PostedThread {
  private readonly worker = new Worker(new URL('./replication.worker.ts', import.meta.url), { type: 'module', name: 'followsun-replications' });

  constructor() {
    super();
    this.worker.onmessage = (event: MessageEvent<ResultMessage>) => this.underWay.answered(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.underWay.failAll(new ThreadFailed(event.message || 'a replication worker failed'));
    };
  }

  protected post(message: ModelsMessage | TaskMessage): void {
    this.worker.postMessage(message);
  }

  close(): Promise<void> {
    this.worker.terminate();
    this.underWay.failAll(new Error('the replication worker was ended'));
    return Promise.resolve();
  }
}
