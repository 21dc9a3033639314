// Messages between the page and the simulation worker.
import type { Comparison } from '../sim/compare';
import type { ScenarioResult } from '../sim/metrics';
import type { Scenario } from '../sim/scenario';

export type WorkerRequest =
  | { kind: 'simulate'; id: number; scenario: Scenario }
  | { kind: 'compare'; id: number; scenarios: Scenario[] };

export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: ScenarioResult; warnings: string[]; ms: number }
  | { type: 'comparison'; id: number; comparison: Comparison; ms: number }
  | { type: 'error'; id: number; message: string };
