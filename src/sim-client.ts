// Runs simulations off the main thread. One runner has at most one job: starting another cancels
// the one in progress (its worker is terminated, its promise rejects with Cancelled).
import type { Comparison } from '../sim/compare';
import type { ScenarioResult } from '../sim/stats/metrics';
import type { PlanResult } from '../sim/plan/planner';
import type { Scenario } from '../sim/scenario/scenario';
import type { PlanStep, WorkerReply, WorkerRequest } from './sim-protocol';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export type Progress = (done: number, total: number) => void;

interface Pending {
  id: number;
  resolve: (reply: WorkerReply) => void;
  reject: (e: Error) => void;
  onProgress: Progress;
  onPlanProgress?: (step: PlanStep) => void;
  onEarly?: (result: ScenarioResult) => void;
}

let nextId = 0;

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

  /** Stops the job in progress, if any. */
  cancel(): void {
    if (!this.pending) return;
    this.worker?.terminate();
    this.worker = null;
    const p = this.pending;
    this.pending = null;
    p.reject(new Cancelled());
  }

  private start(
    request: WorkerRequest,
    onProgress: Progress,
    onPlanProgress?: (step: PlanStep) => void,
    onEarly?: (result: ScenarioResult) => void,
  ): Promise<WorkerReply> {
    this.cancel();
    const worker = (this.worker ??= this.spawn());
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending = { id: request.id, resolve, reject, onProgress, onPlanProgress, onEarly };
      worker.postMessage(THREADS === undefined ? request : { ...request, threads: THREADS });
    });
  }

  private spawn(): Worker {
    const worker = takeEarlyWorker() ?? new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'followsun-sim' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
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
      this.worker?.terminate();
      this.worker = null;
      p?.reject(new Error(event.message || 'the simulation worker failed to start'));
    };
    return worker;
  }
}
