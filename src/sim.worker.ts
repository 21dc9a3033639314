// The browser's simulation thread: the very same sim/ code the CLI runs, fed a validated scenario,
// posting progress after each replication and early results of the replications so far. The page
// cancels a run by terminating this worker.
// The planner (and its WebAssembly solver) loads only when a plan is asked for.
import { compareModels, compileForComparison } from '../sim/compare';
import { compileScenario } from '../sim/model/model';
import { simulate, type SimulateOptions } from '../sim/simulate';
import type { PlanStep, WorkerRequest, WorkerReply } from './sim-protocol';

const post = (message: WorkerReply) => (self as unknown as Worker).postMessage(message);

/** Early results, for runs that keep the user waiting: from 2 replications (the first with
 * confidence intervals), while at least 2 s of simulation remain at the pace of the last
 * replication, then at most one a second, and never so often that building them (in this thread,
 * a long run's can take a second) takes more than a fifth of the run. A short run shows its full
 * result only: each result on screen costs the page a render (measured on the default week, 10
 * replications: an early one after 2 showed 0.4 s sooner and made the full one 0.4 s later). */
const EARLY_FROM_REPLICATIONS = 2;
const EARLY_WORTH_REMAINING_MS = 2000;
const EARLY_EVERY_MS = 1000;
const EARLY_SHARE_AT_MOST = 0.2;

function earlyResults(id: number): NonNullable<SimulateOptions['early']> {
  let last = performance.now(); // the last early result, or the start
  let replicationEnd = last;
  let asked = 0;
  let cost = 0; // ms to build and post the last early result
  return {
    wanted: (done, total) => {
      asked = performance.now();
      const pace = asked - replicationEnd;
      replicationEnd = asked;
      if (done < EARLY_FROM_REPLICATIONS || (total - done) * pace < EARLY_WORTH_REMAINING_MS) return false;
      return done === EARLY_FROM_REPLICATIONS || asked - last >= Math.max(EARLY_EVERY_MS, cost / EARLY_SHARE_AT_MOST);
    },
    deliver: (result) => {
      post({ type: 'early', id, result });
      last = performance.now();
      cost = last - asked;
      replicationEnd = last;
    },
  };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (request.kind === 'simulate') {
      const model = compileScenario(request.scenario);
      const warnings = (model as { warnings?: string[] }).warnings ?? [];
      const result = simulate(model, {
        onProgress: (done, total) => post({ type: 'progress', id: request.id, done, total }),
        early: earlyResults(request.id),
      });
      post({ type: 'result', id: request.id, result, warnings, ms: performance.now() - started });
    } else if (request.kind === 'compare') {
      const models = compileForComparison(request.scenarios);
      const comparison = compareModels(models, (done, total) => post({ type: 'progress', id: request.id, done, total }));
      post({ type: 'comparison', id: request.id, comparison, ms: performance.now() - started });
    } else {
      const { plan } = await import('../sim/plan/planner');
      const maxIterations = request.maxIterations ?? 8;
      const progress: PlanStep = { step: 'solving', phase: 'correct', iteration: 1, maxIterations, done: 0, total: request.scenario.replications };
      const report = (change: Partial<PlanStep>) => {
        Object.assign(progress, change);
        post({ type: 'plan-progress', id: request.id, progress: { ...progress } });
      };
      const result = await plan(request.scenario, {
        maxIterations,
        onProgress: (step, iteration, phase) => report({ step, phase, iteration, done: 0 }),
        simulate: (model) => simulate(model, { onProgress: (done, total) => report({ done, total }) }),
      });
      post({ type: 'planned', id: request.id, plan: result, ms: performance.now() - started });
    }
  } catch (e) {
    post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
  }
};
