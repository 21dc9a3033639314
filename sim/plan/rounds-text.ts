// How a plan was reached, in the same words on the command line and in the app (a module of its
// own: the app's main bundle takes it without the planner).
import type { PlanIteration } from './planner';
import { wordFor } from '../text/counted';

/** "2 simulate-and-correct rounds and 3 trying a cheaper plan". */
export function roundsText(iterations: Pick<PlanIteration, 'phase'>[]): string {
  const correct = iterations.filter((it) => it.phase !== 'trim').length;
  const trim = iterations.length - correct;
  return `${correct} ${wordFor(correct, 'simulate-and-correct round')}${trim > 0 ? ` and ${trim} trying a cheaper plan` : ''}`;
}

/** Not passed only because it did not hold with the check seed: a round met with the file's seed
 * passes only if it holds with other random numbers too, and one that failed only that check shows
 * every figure at or above its target, which both shells must say. */
export function heldOnlyWithItsSeed(p: { met: boolean; round?: number; iterations?: Pick<PlanIteration, 'iteration' | 'met' | 'heldWithOtherSeed'>[] }): boolean {
  const shown = p.iterations?.find((it) => it.iteration === p.round);
  return !p.met && shown?.met === true && shown.heldWithOtherSeed === false;
}
