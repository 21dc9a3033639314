// Occupancy — busy agent-time ÷ agent-time on the phones — against queueing theory: in steady
// state the agents are busy with the work of the calls they answer, λ·(1 − abandon rate)·AHT, out
// of n agents: A/n in Erlang C, A·(1 − P(abandon))/n in Erlang A, where callers who hang up take
// no agent time. The simulated pool occupancy must contain it within its 99% confidence interval.
import { describe, expect, it } from 'vitest';
import { FigureAccumulator } from '../../sim/stats/confidence';
import { queueFigures } from '../../sim/stats/erlang';
import { POOL_FIGURES } from '../../sim/stats/metrics';
import { compileScenario } from '../../sim/model/model';
import { validateScenario } from '../../sim/scenario/scenario';
import { runReplication } from '../../sim/simulate';
import { queueScenario, run, type QueueCase } from '../support';

const OCCUPANCY = POOL_FIGURES.indexOf('occupancy'); // of the first (only) pool

function expectTheoreticalOccupancy(c: QueueCase, expected: number) {
  const model = compileScenario(validateScenario(queueScenario(c), 'occupancy.yaml'));
  const acc = new FigureAccumulator(POOL_FIGURES.length);
  for (let r = 0; r < model.replications; r++) acc.add(runReplication(model, r).pools);
  const simulated = acc.estimate(OCCUPANCY).mean!;
  const halfWidth = acc.halfWidth(OCCUPANCY, 0.99);
  const context = `occupancy: theory ${expected}, simulated ${simulated} ± ${halfWidth}`;
  expect(halfWidth, context).toBeLessThan(0.01);
  expect(Math.abs(simulated - expected), context).toBeLessThanOrEqual(halfWidth);
}

describe('occupancy agrees with queueing theory', () => {
  it('Erlang C: three agents offered 2.4 Erlangs are 80 % busy', () => {
    const c: QueueCase = { ratePerHour: 48, ahtSeconds: 180, agents: 3, hours: 24 * 30, replications: 10 };
    expect(queueFigures({ ...c, thresholdSeconds: 20 }).occupancy).toBeCloseTo(0.8, 12);
    expectTheoreticalOccupancy(c, 0.8);
  });

  it('Erlang A: 55 agents offered 50 Erlangs of callers who give up after two minutes', () => {
    const c: QueueCase = { ratePerHour: 1000, ahtSeconds: 180, agents: 55, patienceSeconds: 120, hours: 24 * 5, replications: 10 };
    const theory = queueFigures({ ...c, thresholdSeconds: 20 });
    expect(theory.occupancy).toBeCloseTo((50 * (1 - theory.abandonRate)) / 55, 12);
    expectTheoreticalOccupancy(c, theory.occupancy);
  });

  it('Erlang A overloaded: 50 agents offered 65 Erlangs are nearly always busy, and the abandoned calls take none of their time', () => {
    const c: QueueCase = { ratePerHour: 1300, ahtSeconds: 180, agents: 50, patienceSeconds: 120, hours: 24 * 3, replications: 10 };
    const theory = queueFigures({ ...c, thresholdSeconds: 20 });
    expect(theory.abandonRate).toBeGreaterThan(0.2);
    expect(theory.occupancy).toBeGreaterThan(0.97);
    expectTheoreticalOccupancy(c, theory.occupancy);
  });
});

describe('occupancy in the result', () => {
  it('is the same figure per pool, per interval and as each interval’s whole-centre figure when there is one pool', () => {
    const r = run({ ...queueScenario({ ratePerHour: 200, ahtSeconds: 180, agents: 12, hours: 24, replications: 4 }), intervalMinutes: 30 });
    const perInterval = r.occupancy.team as number[];
    expect(perInterval).toHaveLength(48);
    r.intervals.forEach((row, i) => expect(row.occupancy.mean!).toBeCloseTo(perInterval[i], 12));
    // 10 Erlangs on 12 agents, over the whole day.
    expect(Math.abs(r.pools.team.occupancy!.mean! - 10 / 12)).toBeLessThan(0.02);
    expect(r.pools.team.agentsOnPhones!.mean).toBeCloseTo(12, 12);
  });
});
