// The browser's simulation thread: the very same sim/ code the CLI runs, fed a validated scenario,
// posting progress after each replication. The page cancels a run by terminating this worker.
// The planner (and its WebAssembly solver) loads only when a plan is asked for.
import { compareModels, compileForComparison } from '../sim/compare';
import { compileScenario } from '../sim/model/model';
import { simulate } from '../sim/simulate';
import type { PlanStep, WorkerRequest, WorkerReply } from './sim-protocol';

const post = (message: WorkerReply) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (request.kind === 'simulate') {
      const model = compileScenario(request.scenario);
      const warnings = (model as { warnings?: string[] }).warnings ?? [];
      const result = simulate(model, { onProgress: (done, total) => post({ type: 'progress', id: request.id, done, total }) });
      post({ type: 'result', id: request.id, result, warnings, ms: performance.now() - started });
    } else if (request.kind === 'compare') {
      const models = compileForComparison(request.scenarios);
      const comparison = compareModels(models, (done, total) => post({ type: 'progress', id: request.id, done, total }));
      post({ type: 'comparison', id: request.id, comparison, ms: performance.now() - started });
    } else {
      const { plan } = await import('../sim/plan/planner');
      const maxIterations = request.maxIterations ?? 8;
      const progress: PlanStep = { step: 'solving', iteration: 1, maxIterations, done: 0, total: request.scenario.replications };
      const report = (change: Partial<PlanStep>) => {
        Object.assign(progress, change);
        post({ type: 'plan-progress', id: request.id, progress: { ...progress } });
      };
      const result = await plan(request.scenario, {
        maxIterations,
        onProgress: (step, iteration) => report({ step: step === 'simulating' ? 'simulating' : 'solving', iteration, done: 0 }),
        simulate: (model) => simulate(model, { onProgress: (done, total) => report({ done, total }) }),
      });
      post({ type: 'planned', id: request.id, plan: result, ms: performance.now() - started });
    }
  } catch (e) {
    post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
  }
};
