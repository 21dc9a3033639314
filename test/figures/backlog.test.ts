// The backlog — contacts still waiting at each interval's end, callers who have already hung up
// not counted — against the exact mean queue length of a birth–death chain. With Poisson
// arrivals, exponential handle times and exponential (or no) patience the number in the system
// is a birth–death process: born at λ, dying at min(k, n)·μ + max(k − n, 0)·θ. Snapshots taken at
// fixed times see its time average, so the mean backlog must be Σ max(k − n, 0)·π_k. (Queues with
// a capacity are checked the same way in queue-capacity.test.ts; these have none.)
import { describe, expect, it } from 'vitest';
import { FigureAccumulator } from '../../sim/stats/confidence';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario } from '../../sim/model/model';
import { validateScenario } from '../../sim/scenario/scenario';
import { queueScenario, type QueueCase } from '../support';

/** Mean number waiting in M/M/n+M (θ = 0: M/M/n), summing the chain until its terms vanish. */
function meanWaiting(c: QueueCase): number {
  const lambda = c.ratePerHour / 3600;
  const mu = 1 / c.ahtSeconds;
  const theta = c.patienceSeconds ? 1 / c.patienceSeconds : 0;
  let p = 1;
  let total = 1;
  let waiting = 0;
  for (let k = 1; k < 100_000; k++) {
    p *= lambda / (Math.min(k, c.agents) * mu + Math.max(k - c.agents, 0) * theta);
    total += p;
    waiting += Math.max(k - c.agents, 0) * p;
    if (k > c.agents && p < 1e-16 * total) break;
  }
  return waiting / total;
}

function expectMeanBacklog(c: QueueCase, maxHalfWidth: number) {
  // Quarter-hour snapshots: four looks an hour.
  const model = compileScenario(validateScenario({ ...queueScenario(c), intervalMinutes: 15 }, 'backlog.yaml'));
  const acc = new FigureAccumulator(1);
  for (let r = 0; r < model.replications; r++) {
    const t = simulateReplication(model, r);
    acc.add([t.backlog.reduce((s, x) => s + x, 0) / t.backlog.length]);
  }
  const exact = meanWaiting(c);
  const simulated = acc.estimate(0).mean!;
  const halfWidth = acc.halfWidth(0, 0.99);
  const context = `backlog: exact ${exact}, simulated ${simulated} ± ${halfWidth}`;
  expect(halfWidth, context).toBeLessThan(maxHalfWidth);
  expect(Math.abs(simulated - exact), context).toBeLessThanOrEqual(halfWidth);
  return exact;
}

describe('the backlog of a queue without a capacity limit is the birth–death chain’s mean queue', () => {
  it('patient callers (M/M/3 at 80 %): 2.6 waiting on average', () => {
    const exact = expectMeanBacklog({ ratePerHour: 48, ahtSeconds: 180, agents: 3, hours: 24 * 40, replications: 10 }, 0.3);
    // Erlang C's own figure: Lq = C·A/(n − A) = 0.6472 × 2.4 / 0.6.
    expect(exact).toBeCloseTo((0.647191 * 2.4) / 0.6, 4);
  });

  it('callers who hang up after two minutes (M/M/2+M at 2.5 Erlangs): 0.62 still waiting on average, those who gave up not counted', () => {
    const c: QueueCase = { ratePerHour: 50, ahtSeconds: 180, agents: 2, patienceSeconds: 120, hours: 24 * 40, replications: 10 };
    expect(expectMeanBacklog(c, 0.05)).toBeCloseTo(0.617, 3);
  });
});
