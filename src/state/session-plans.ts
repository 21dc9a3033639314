// What became of the plans made this session, kept by the scenario text they were made from: the
// Plan panel goes away on the History view and for a scenario without open shifts, so a plan that
// took minutes is shown again when the analyst comes back to the same text (the last few, until
// discarded), and planning cut short by the panel going away is said when it is back.
import type { PlanResult } from '../../sim/plan/planner';

export interface FinishedPlan {
  result: PlanResult;
  ms: number;
}

export class SessionPlans {
  private readonly finished = new Map<string, FinishedPlan>();
  /** The text whose planning stopped because the panel went away mid-plan ('' when none). */
  stoppedKey = '';

  constructor(private readonly keep = 4) {}

  get(key: string): FinishedPlan | undefined {
    return this.finished.get(key);
  }

  add(key: string, plan: FinishedPlan): void {
    this.finished.delete(key); // the newest last: the oldest goes first
    this.finished.set(key, plan);
    if (this.finished.size > this.keep) this.finished.delete(this.finished.keys().next().value!);
  }

  discard(key: string): void {
    this.finished.delete(key);
  }
}
