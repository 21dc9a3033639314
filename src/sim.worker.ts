// The browser's simulation thread: the very same sim/ code the CLI runs, fed a validated scenario,
// posting progress after each replication and early results of the replications so far. Its
// replications are spread over a pool of threads, itself and nested workers (src/replication-pool.ts):
// comparisons, the planner's rounds and every run after the first; the first run goes to this
// thread alone. Jobs run one at a time; the page cancels one with a message, and it stops between
// two tasks of replications, its threads kept, compiled, for the next job.
// The planner (and its WebAssembly solver) loads only when a plan is asked for.
import { contactsPerReplication } from '../sim/batch';
import { compareOnPool, compileForComparison } from '../sim/compare';
import { compileScenario, type CompiledModel } from '../sim/model/model';
import { simulateOnPool, type SimulateOptions } from '../sim/simulate';
import { notLoaded } from './lib/load-failure';
import { JobStopped, poolSize, ThreadFailed, threadHereAlone, webReplicationPool, type JobSignal, type WebReplicationPool } from './replication-pool';
import type { CancelRequest, PlanStep, WorkerRequest, WorkerReply } from './sim-protocol';

const post = (message: WorkerReply) => (self as unknown as Worker).postMessage(message);

/** Early results, for runs that keep the user waiting: from 2 replications (the first with
 * confidence intervals), while at least 2 s of simulation remain at the pace of the replications
 * so far (not of the last one: on several threads they arrive in bursts), then at most one a
 * second, and never so often that building them (in this thread, a long run's can take a second)
 * takes more than a fifth of the run. A short run shows its full result only: each result on
 * screen costs the page a render (measured on the default week, 10 replications: an early one
 * after 2 showed 0.4 s sooner and made the full one 0.4 s later). */
const EARLY_FROM_REPLICATIONS = 2;
const EARLY_WORTH_REMAINING_MS = 2000;
const EARLY_EVERY_MS = 1000;
const EARLY_SHARE_AT_MOST = 0.2;

function earlyResults(id: number): NonNullable<SimulateOptions['early']> {
  const begun = performance.now();
  let last = begun; // the last early result, or the start
  let asked = 0;
  let cost = 0; // ms to build and post the last early result
  let building = 0; // ms spent on all of them
  return {
    wanted: (done, total) => {
      asked = performance.now();
      const pace = (asked - begun - building) / done;
      if (done < EARLY_FROM_REPLICATIONS || (total - done) * pace < EARLY_WORTH_REMAINING_MS) return false;
      return done === EARLY_FROM_REPLICATIONS || asked - last >= Math.max(EARLY_EVERY_MS, cost / EARLY_SHARE_AT_MOST);
    },
    deliver: (result) => {
      post({ type: 'early', id, result });
      last = performance.now();
      cost = last - asked;
      building += cost;
    },
  };
}

let pool: WebReplicationPool | null = null;
/** This thread alone: the first run, and every job once a nested worker has failed or with ?threads=0. */
const here = threadHereAlone();
/** Set once a nested worker has failed: this worker runs everything alone from then on. */
let poolFailed = false;

/** The replication threads for `threads` (the page's ?threads=N; absent: one per core), started
 * afresh when another size is asked for; null for 0: everything runs in this worker. */
function poolFor(threads: number | undefined): WebReplicationPool | null {
  const size = threads === 0 || poolFailed ? 0 : poolSize(threads);
  if (pool && pool.size !== size) {
    void pool.close();
    pool = null;
  }
  return size === 0 ? null : (pool ??= webReplicationPool(size));
}

/** The worker's first run is made here alone unless it is this large. On the 2-core machine the
 * default week's first result on screen (0.6 M contacts) came no sooner with a second thread
 * (1.0–1.3 s either way), as each new thread compiles the simulator while the page starts; 50
 * replications of it (3 M) in a fresh worker took 2.06–2.18 s here alone, 1.61–1.81 s on 2 threads.
 * The CLI puts its threshold there too (cli/parallel.ts). */
const CONTACTS_WORTH_NEW_THREADS = 3_000_000;
let runsDone = 0;

/** The pool for a run, or null to run it here: later runs go to the pool, of which this thread
 * (by then compiled) is one, so the new threads cost the run nothing while they compile. */
function poolForRun(p: WebReplicationPool | null, model: CompiledModel): WebReplicationPool | null {
  if (!p) return null;
  return runsDone > 0 || model.replications * contactsPerReplication(model) >= CONTACTS_WORTH_NEW_THREADS ? p : null;
}

/** `work` on the pool if there is one, else (or once a nested worker fails) on this thread alone:
 * the same figures. Either pool's batches belong to `job`. */
async function onPoolOrHere<T>(p: WebReplicationPool | null, job: JobSignal, work: (p: WebReplicationPool) => Promise<T>): Promise<T> {
  here.job = job;
  if (!p) return work(here);
  p.job = job;
  try {
    return await work(p);
  } catch (e) {
    if (!(e instanceof ThreadFailed)) throw e;
    console.warn(`followsun: ${e.message}; simulating in the simulation worker alone`);
    poolFailed = true;
    void pool?.close();
    pool = null;
    return work(here);
  }
}

/** A pool left idle this long ends its nested workers (started again by the next job): a page
 * holds a simulation worker per runner (runs, Compare, each Plan panel), alive after its last job. */
const POOL_IDLE_MS = 60_000;
let idle: ReturnType<typeof setTimeout> | undefined;

/** The job under way, the last job begun (ids grow), and jobs cancelled before their turn. */
let current: { id: number; job: JobSignal } | null = null;
let lastBegun = 0;
const cancelledEarly = new Set<number>();
/** Jobs run one after the other: a pool has one batch at a time. */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<WorkerRequest | CancelRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    if (current?.id === request.id) current.job.aborted = true;
    else if (request.id > lastBegun) cancelledEarly.add(request.id); // else it has ended already
    return;
  }
  queue = queue.then(() => runJob(request));
};

async function runJob(request: WorkerRequest): Promise<void> {
  lastBegun = request.id;
  const job: JobSignal = { aborted: cancelledEarly.delete(request.id) };
  if (job.aborted) return post({ type: 'stopped', id: request.id });
  current = { id: request.id, job };
  const started = performance.now();
  clearTimeout(idle);
  try {
    const reply = await answer(request, job, started);
    post(job.aborted ? { type: 'stopped', id: request.id } : reply);
  } catch (e) {
    if (job.aborted || e instanceof JobStopped) post({ type: 'stopped', id: request.id });
    else post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
  } finally {
    current = null;
    idle = setTimeout(() => void pool?.close(), POOL_IDLE_MS);
  }
}

async function answer(request: WorkerRequest, job: JobSignal, started: number): Promise<WorkerReply> {
  if (request.kind === 'simulate') {
    const model = compileScenario(request.scenario);
    const warnings = (model as { warnings?: string[] }).warnings ?? [];
    const options: SimulateOptions = {
      onProgress: (done, total) => post({ type: 'progress', id: request.id, done, total }),
      early: earlyResults(request.id),
    };
    const result = await onPoolOrHere(poolForRun(poolFor(request.threads), model), job, (p) => simulateOnPool(model, p, options));
    runsDone++;
    return { type: 'result', id: request.id, result, warnings, ms: performance.now() - started };
  }
  if (request.kind === 'compare') {
    const models = compileForComparison(request.scenarios);
    const onProgress = (done: number, total: number) => post({ type: 'progress', id: request.id, done, total });
    const comparison = await onPoolOrHere(poolFor(request.threads), job, (p) => compareOnPool(models, p, onProgress));
    return { type: 'comparison', id: request.id, comparison, ms: performance.now() - started };
  }
  const { plan } = await import('../sim/plan/planner').catch((e: unknown) => {
    throw new Error(notLoaded('the planner', e instanceof Error ? e.message : String(e)));
  });
  const maxIterations = request.maxIterations ?? 8;
  const progress: PlanStep = { step: 'solving', phase: 'correct', iteration: 1, maxIterations, done: 0, total: request.scenario.replications };
  const report = (change: Partial<PlanStep>) => {
    Object.assign(progress, change);
    post({ type: 'plan-progress', id: request.id, progress: { ...progress } });
  };
  const result = await plan(request.scenario, {
    maxIterations,
    onProgress: (step, iteration, phase) => report({ step, phase, iteration, done: 0 }),
    simulate: (model) => {
      const options = { onProgress: (done: number, total: number) => report({ done, total }) };
      return onPoolOrHere(poolFor(request.threads), job, (p) => simulateOnPool(model, p, options));
    },
  });
  return { type: 'planned', id: request.id, plan: result, ms: performance.now() - started };
}
