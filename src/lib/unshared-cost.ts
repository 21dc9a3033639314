// Pool costs are shared out to languages and channels by the time agents spent on each; a pool
// whose skills meet no demand spent none, so its cost is in the total and in no language's.
import type { ScenarioResult } from '../../sim/stats/metrics';

/** The mean cost (scenario currency) that no language carries: 0 when the languages add up to the
 * total, up to rounding. */
export function unsharedCost(r: ScenarioResult): number {
  const total = r.summary.costTotal.mean ?? 0;
  let shared = 0;
  for (const g of Object.values(r.languages)) shared += g.costTotal.mean ?? 0;
  const left = total - shared;
  return left > 1e-9 * Math.max(1, Math.abs(total)) ? left : 0;
}
