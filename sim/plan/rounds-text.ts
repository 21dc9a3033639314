// How a plan was reached, in the same words on the command line and in the app (a module of its
// own: the app's main bundle takes it without the planner).
import type { PlanIteration } from './planner';

/** "2 simulate-and-correct rounds and 3 trying a cheaper plan". */
export function roundsText(iterations: Pick<PlanIteration, 'phase'>[]): string {
  const correct = iterations.filter((it) => it.phase !== 'trim').length;
  const trim = iterations.length - correct;
  return `${correct} simulate-and-correct round${correct === 1 ? '' : 's'}${trim > 0 ? ` and ${trim} trying a cheaper plan` : ''}`;
}
