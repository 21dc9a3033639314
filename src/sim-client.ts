// Runs simulations off the main thread. One runner has at most one job: starting another cancels
// the one in progress (its promise rejects with Cancelled at once). A cancelled job is asked to
// stop, so that the worker and its replication threads, compiled, serve the next job; a worker that
// does not stop in time is terminated instead.
import type { Comparison } from '../sim/compare';
import type { ScenarioResult } from '../sim/stats/metrics';
import type { PlanResult } from '../sim/plan/planner';
import type { Scenario } from '../sim/scenario/scenario';
import { notLoaded } from './lib/load-failure';
import type { CancelRequest, PlanStep, WorkerReply, WorkerRequest } from './sim-protocol';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export type Progress = (done: number, total: number) => void;

interface Pending {
  id: number;
  /** What was posted: posted again to a new worker if the old one has to be terminated. */
  request: WorkerRequest;
  resolve: (reply: WorkerReply) => void;
  reject: (e: Error) => void;
  onProgress: Progress;
  onPlanProgress?: (step: PlanStep) => void;
  onEarly?: (result: ScenarioResult) => void;
}

let nextId = 0;

/** How long a cancelled job may take to stop before its worker is terminated: the patience the
 * pool gives the replications under way (sim/batch.ts ABORT_GRACE_MS). A job stops between two of
 * its tasks (each ~50,000 contacts); one in a long synchronous step (the planner's solver, a year's
 * replication) is ended, its threads with it, as before. */
const STOP_WITHIN_MS = 1000;

/** The replication threads the page's `?threads=N` asks for (tests and measurement: 0 runs
 * everything in the simulation worker; src/replication-pool.ts caps it); absent, one per core. */
function threadsAsked(): number | undefined {
  if (typeof location === 'undefined') return undefined; // imported outside a page (unit tests)
  const asked = new URLSearchParams(location.search).get('threads');
  return asked !== null && /^\d+$/.test(asked) ? Number(asked) : undefined;
}
const THREADS = threadsAsked();

/** The worker the built page's <head> started before the app's script ran (vite.config.ts,
 * earlySimWorker), marked if it failed before anyone listened. */
type EarlyWorker = Worker & { failedEarly?: boolean };

declare global {
  interface Window {
    followsunSimWorker?: EarlyWorker;
  }
}

/** The early worker, once (the first runner to start one takes it), unless it failed. */
function takeEarlyWorker(): Worker | null {
  const worker = window.followsunSimWorker;
  if (!worker) return null;
  delete window.followsunSimWorker;
  if (!worker.failedEarly) return worker;
  worker.terminate();
  return null;
}

export class SimRunner {
  private worker: Worker | null = null;
  private pending: Pending | null = null;
  /** The last job cancelled and not yet stopped, and when its worker is ended if it does not stop. */
  private stopping: { id: number; deadline: ReturnType<typeof setTimeout> } | null = null;

  get busy(): boolean {
    return this.pending !== null;
  }

  /** Starts the worker before there is work for it (or takes the one the page's <head> started):
   * its script loads and compiles while the page is still setting up, instead of after the first
   * run is asked for. */
  warm(): void {
    this.worker ??= this.spawn();
  }

  /** Simulates the scenario; `onEarly` gets results of the replications so far while it runs. */
  simulate(
    scenario: Scenario,
    onProgress: Progress,
    onEarly?: (result: ScenarioResult) => void,
  ): Promise<{ result: ScenarioResult; warnings: string[]; ms: number }> {
    return this.start({ kind: 'simulate', id: ++nextId, scenario }, onProgress, undefined, onEarly).then((reply) => {
      if (reply.type !== 'result') throw new Error('unexpected reply');
      return reply;
    });
  }

  compare(scenarios: Scenario[], onProgress: Progress): Promise<{ comparison: Comparison; ms: number }> {
    return this.start({ kind: 'compare', id: ++nextId, scenarios }, onProgress).then((reply) => {
      if (reply.type !== 'comparison') throw new Error('unexpected reply');
      return reply;
    });
  }

  /** Plans the scenario's open shifts (rounds of solving and simulating) in the worker. */
  plan(scenario: Scenario, onProgress: (step: PlanStep) => void, maxIterations?: number): Promise<{ plan: PlanResult; ms: number }> {
    return this.start({ kind: 'plan', id: ++nextId, scenario, maxIterations }, () => undefined, onProgress).then((reply) => {
      if (reply.type !== 'planned') throw new Error('unexpected reply');
      return reply;
    });
  }

  /** Stops the job in progress, if any: its promise rejects at once; the worker stops it between
   * two tasks and keeps its threads (or is terminated if it does not stop within STOP_WITHIN_MS). */
  cancel(): void {
    if (!this.pending) return;
    const p = this.pending;
    this.pending = null;
    if (this.worker) {
      this.worker.postMessage({ kind: 'cancel', id: p.id } satisfies CancelRequest);
      if (this.stopping) clearTimeout(this.stopping.deadline);
      this.stopping = { id: p.id, deadline: setTimeout(() => this.endWorker(), STOP_WITHIN_MS) };
    }
    p.reject(new Cancelled());
  }

  /** Stops the job in progress and ends the worker and its threads: the runner is no longer
   * needed (a new job would start another worker). */
  dispose(): void {
    this.cancel();
    if (this.stopping) clearTimeout(this.stopping.deadline);
    this.stopping = null;
    this.worker?.terminate();
    this.worker = null;
  }

  /** The worker did not stop a cancelled job in time: ended, threads and all; a job posted to it
   * since is posted again to a new one. */
  private endWorker(): void {
    this.stopping = null;
    this.worker?.terminate();
    this.worker = null;
    if (this.pending) this.post(this.pending.request);
  }

  private post(request: WorkerRequest): void {
    const worker = (this.worker ??= this.spawn());
    worker.postMessage(THREADS === undefined ? request : { ...request, threads: THREADS });
  }

  private start(
    request: WorkerRequest,
    onProgress: Progress,
    onPlanProgress?: (step: PlanStep) => void,
    onEarly?: (result: ScenarioResult) => void,
  ): Promise<WorkerReply> {
    this.cancel();
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending = { id: request.id, request, resolve, reject, onProgress, onPlanProgress, onEarly };
      this.post(request);
    });
  }

  private spawn(): Worker {
    const worker = takeEarlyWorker() ?? new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'followsun-sim' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      // The cancelled job has stopped (or ended just before it was told to).
      if (reply.id === this.stopping?.id && reply.type !== 'progress' && reply.type !== 'plan-progress' && reply.type !== 'early') {
        clearTimeout(this.stopping.deadline);
        this.stopping = null;
      }
      const p = this.pending;
      if (!p || reply.id !== p.id) return;
      if (reply.type === 'progress') {
        p.onProgress(reply.done, reply.total);
        return;
      }
      if (reply.type === 'plan-progress') {
        p.onPlanProgress?.(reply.progress);
        return;
      }
      if (reply.type === 'early') {
        p.onEarly?.(reply.result);
        return;
      }
      this.pending = null;
      if (reply.type === 'error') p.reject(new Error(reply.message));
      else p.resolve(reply);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const p = this.pending;
      this.pending = null;
      if (this.stopping) clearTimeout(this.stopping.deadline);
      this.stopping = null;
      this.worker?.terminate();
      this.worker = null;
      // No message: its script did not load (offline, or the site changed since the page loaded).
      p?.reject(new Error(event.message || notLoaded('the simulation worker')));
    };
    return worker;
  }
}
