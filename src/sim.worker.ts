// The browser's simulation thread: the very same sim/ code the CLI runs, fed a validated scenario,
// posting progress after each replication. The page cancels a run by terminating this worker.
import { compareModels, compileForComparison } from '../sim/compare';
import { compileScenario } from '../sim/model';
import { simulate } from '../sim/simulate';
import type { WorkerRequest, WorkerReply } from './sim-protocol';

const post = (message: WorkerReply) => (self as unknown as Worker).postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (request.kind === 'simulate') {
      const model = compileScenario(request.scenario);
      const warnings = (model as { warnings?: string[] }).warnings ?? [];
      const result = simulate(model, { onProgress: (done, total) => post({ type: 'progress', id: request.id, done, total }) });
      post({ type: 'result', id: request.id, result, warnings, ms: performance.now() - started });
    } else {
      const models = compileForComparison(request.scenarios);
      const comparison = compareModels(models, (done, total) => post({ type: 'progress', id: request.id, done, total }));
      post({ type: 'comparison', id: request.id, comparison, ms: performance.now() - started });
    }
  } catch (e) {
    post({ type: 'error', id: request.id, message: e instanceof Error ? e.message : String(e) });
  }
};
