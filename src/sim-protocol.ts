// Messages between the page and the simulation worker.
import type { Comparison } from '../sim/compare';
import type { ScenarioResult } from '../sim/stats/metrics';
import type { PlanResult } from '../sim/plan/planner';
import type { Scenario } from '../sim/scenario/scenario';

/** `threads`: the replication threads the simulation worker may use (the page's `?threads=N`);
 * 0 runs everything in the simulation worker itself; absent, one per core (src/replication-pool.ts). */
export type WorkerRequest = (
  | { kind: 'simulate'; id: number; scenario: Scenario }
  | { kind: 'compare'; id: number; scenarios: Scenario[] }
  | { kind: 'plan'; id: number; scenario: Scenario; maxIterations?: number }
) & { threads?: number };

/** Stops job `id`: it hands out no more replications and answers 'stopped' once those under way
 * are in, leaving the worker and its threads for the next job (SimRunner.cancel). */
export interface CancelRequest {
  kind: 'cancel';
  id: number;
}

/** A planner round's step: the programme solving, or its plan simulated (replications done), or
 * a plan that met the targets simulated again with other random numbers ('checking'). */
export interface PlanStep {
  step: 'solving' | 'simulating' | 'checking';
  /** A correction round, or a trim round (a cheaper plan tried once the targets are met). */
  phase: 'correct' | 'trim';
  iteration: number;
  maxIterations: number;
  done: number;
  total: number;
}

export type WorkerReply =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'plan-progress'; id: number; progress: PlanStep }
  /** The replications so far, while the run goes on (exactly a run of that many replications). */
  | { type: 'early'; id: number; result: ScenarioResult }
  | { type: 'result'; id: number; result: ScenarioResult; warnings: string[]; ms: number }
  | { type: 'comparison'; id: number; comparison: Comparison; ms: number }
  | { type: 'planned'; id: number; plan: PlanResult; ms: number }
  | { type: 'error'; id: number; message: string }
  /** Job `id`, cancelled, has stopped: the worker is free for the next job. */
  | { type: 'stopped'; id: number };
