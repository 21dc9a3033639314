// Queue capacity (channels.<ch>.maxWaiting) counts the callers still waiting, not the ones who
// have already hung up. With Poisson arrivals, exponential handle times and exponential patience
// the number in the system is a birth–death process (M/M/c/K+M): the simulated share of callers
// who get a busy signal, and the backlog, must match its exact solution.
import { describe, expect, it } from 'vitest';
import { FigureAccumulator } from '../../sim/stats/confidence';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario } from '../../sim/model/model';
import { validateScenario } from '../../sim/scenario/scenario';
import { queueScenario, type QueueCase } from '../support';

interface CapacityCase extends QueueCase {
  maxWaiting: number;
}

/** Exact M/M/c/K+M: state n = callers in the system (0..c+K), born at λ while there is room,
 * dying at min(n, c)·μ + max(n − c, 0)·θ. Blocking is P(n = c+K) (arrivals see time averages). */
function birthDeath(c: CapacityCase) {
  const lambda = c.ratePerHour / 3600;
  const mu = 1 / c.ahtSeconds;
  const theta = c.patienceSeconds ? 1 / c.patienceSeconds : 0;
  const top = c.agents + c.maxWaiting;
  const p = [1];
  for (let n = 1; n <= top; n++) p.push((p[n - 1] * lambda) / (Math.min(n, c.agents) * mu + Math.max(n - c.agents, 0) * theta));
  const total = p.reduce((a, b) => a + b, 0);
  const probability = p.map((x) => x / total);
  return {
    blocking: probability[top],
    meanWaiting: probability.reduce((sum, x, n) => sum + Math.max(n - c.agents, 0) * x, 0),
  };
}

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0);

/** Per replication, the share of contacts blocked and the mean backlog at the quarter hours' ends; their
 * means over replications with 99% confidence half-widths. */
function simulateCapacity(c: CapacityCase) {
  // Quarter-hour snapshots of the backlog: four nearly independent looks an hour.
  const input = { ...queueScenario(c), intervalMinutes: 15, channels: { voice: { maxWaiting: c.maxWaiting } } };
  const model = compileScenario(validateScenario(input, 'capacity.yaml'));
  const acc = new FigureAccumulator(2);
  for (let r = 0; r < model.replications; r++) {
    const t = simulateReplication(model, r);
    acc.add([sum(t.blocked) / sum(t.contacts), sum(t.backlog) / t.backlog.length]);
  }
  const figure = (i: number) => ({ simulated: acc.estimate(i).mean!, halfWidth: acc.halfWidth(i, 0.99) });
  return { blocking: figure(0), meanWaiting: figure(1) };
}

function expectBirthDeath(c: CapacityCase, precision: { blocking: number; meanWaiting: number }) {
  const exact = birthDeath(c);
  const simulated = simulateCapacity(c);
  for (const figure of ['blocking', 'meanWaiting'] as const) {
    const { simulated: value, halfWidth } = simulated[figure];
    const context = `${figure}: exact ${exact[figure]}, simulated ${value} ± ${halfWidth}`;
    expect(halfWidth, context).toBeLessThan(precision[figure]);
    expect(Math.abs(value - exact[figure]), context).toBeLessThanOrEqual(halfWidth);
  }
  return exact;
}

describe('a full queue blocks as often as the birth–death solution says', () => {
  it('two agents, room for five waiting, impatient callers: 0.12 % busy signals, not the 1.3 % hung-up callers would cause', () => {
    const exact = expectBirthDeath(
      { ratePerHour: 120, ahtSeconds: 120, patienceSeconds: 30, agents: 2, maxWaiting: 5, hours: 24 * 20, replications: 20 },
      { blocking: 0.0003, meanWaiting: 0.02 },
    );
    expect(exact.blocking).toBeCloseTo(0.00116, 5);
  });

  it('ten agents at a load of one, room for ten waiting, callers who wait five minutes on average: 1.4 % busy signals', () => {
    expectBirthDeath(
      { ratePerHour: 300, ahtSeconds: 120, patienceSeconds: 300, agents: 10, maxWaiting: 10, hours: 24 * 20, replications: 20 },
      { blocking: 0.001, meanWaiting: 0.06 },
    );
  });

  it('no room to wait at all is Erlang B: patience makes no difference', () => {
    expectBirthDeath(
      { ratePerHour: 60, ahtSeconds: 180, patienceSeconds: 60, agents: 3, maxWaiting: 0, hours: 24 * 20, replications: 20 },
      { blocking: 0.005, meanWaiting: 1e-9 },
    );
  });
});
