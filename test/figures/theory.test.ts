// The referee: with flat demand, exponential times and one pool, the simulation must reproduce
// Erlang C (no abandonment) and Erlang A (exponential patience) within its own confidence
// interval, at small, medium and large scale.
import { describe, expect, it } from 'vitest';
import { FigureAccumulator } from '../../sim/stats/confidence';
import { queueFigures } from '../../sim/stats/erlang';
import { SUMMARY_FIGURES } from '../../sim/stats/metrics';
import { compileScenario } from '../../sim/model/model';
import { validateScenario } from '../../sim/scenario/scenario';
import { runReplication } from '../../sim/simulate';
import { queueScenario, type QueueCase } from '../support';

const CHECKED = ['serviceLevel', 'asaSeconds', 'pWait', 'abandonRate'] as const;

/** Simulates the case and returns, per checked figure, the theory, the simulated mean and the
 * half-width of its 99% confidence interval (99% rather than 95% so that twenty-odd checks do
 * not fail by chance once in a while when the engine's random draws change). */
function compare(c: QueueCase) {
  const model = compileScenario(validateScenario(queueScenario(c), 'test.yaml'));
  const acc = new FigureAccumulator(SUMMARY_FIGURES.length);
  for (let r = 0; r < model.replications; r++) acc.add(runReplication(model, r).summary);
  const theory = queueFigures({ ...c, thresholdSeconds: c.thresholdSeconds ?? 20 });
  return Object.fromEntries(
    CHECKED.map((figure) => {
      // One queue: the share answered within its threshold is its service level.
      const i = SUMMARY_FIGURES.indexOf(figure === 'serviceLevel' ? 'answeredWithinThresholdShare' : figure);
      return [figure, { theory: theory[figure], simulated: acc.estimate(i).mean!, halfWidth: acc.halfWidth(i, 0.99) }];
    }),
  ) as Record<(typeof CHECKED)[number], { theory: number; simulated: number; halfWidth: number }>;
}

function expectAgreement(c: QueueCase, precision: { fraction: number; seconds: number }) {
  const result = compare(c);
  for (const figure of CHECKED) {
    const { theory, simulated, halfWidth } = result[figure];
    const context = `${figure}: theory ${theory}, simulated ${simulated} ± ${halfWidth}`;
    // The interval must be tight enough for the check to mean something…
    expect(halfWidth, context).toBeLessThan(figure === 'asaSeconds' ? precision.seconds : precision.fraction);
    // …and contain the theoretical value.
    expect(Math.abs(simulated - theory), context).toBeLessThanOrEqual(halfWidth);
  }
}

describe('the simulation agrees with Erlang C (no abandonment)', () => {
  it('one agent at 70% load', () => {
    expectAgreement(
      { ratePerHour: 14, ahtSeconds: 180, agents: 1, hours: 24 * 200, replications: 20 },
      { fraction: 0.02, seconds: 25 },
    );
  });
  it('three agents at 80% load', () => {
    expectAgreement(
      { ratePerHour: 48, ahtSeconds: 180, agents: 3, hours: 24 * 60, replications: 20 },
      { fraction: 0.02, seconds: 10 },
    );
  });
  it('55 agents at 1,000 calls an hour', () => {
    expectAgreement(
      { ratePerHour: 1000, ahtSeconds: 180, agents: 55, hours: 24 * 10, replications: 20 },
      { fraction: 0.01, seconds: 1 },
    );
  });
  it('1,000 agents at 97% load', () => {
    expectAgreement(
      { ratePerHour: 19_400, ahtSeconds: 180, agents: 1000, hours: 24, warmupHours: 2, replications: 20 },
      { fraction: 0.03, seconds: 1 },
    );
  });
});

describe('the simulation agrees with Erlang A (exponential patience)', () => {
  it('two agents, callers who give up after two minutes on average', () => {
    expectAgreement(
      { ratePerHour: 40, ahtSeconds: 180, agents: 2, patienceSeconds: 120, hours: 24 * 60, replications: 20 },
      { fraction: 0.01, seconds: 2 },
    );
  });
  it('the benchmark case: M/M/55+M at 1,000 calls an hour', () => {
    expectAgreement(
      { ratePerHour: 1000, ahtSeconds: 180, agents: 55, patienceSeconds: 120, hours: 24 * 10, replications: 20 },
      { fraction: 0.01, seconds: 0.5 },
    );
  });
  it('an overloaded team (load 30% above head count) stays stable through abandonment', () => {
    expectAgreement(
      { ratePerHour: 1300, ahtSeconds: 180, agents: 50, patienceSeconds: 120, hours: 24 * 5, replications: 20 },
      { fraction: 0.01, seconds: 1 },
    );
  });
  it('1,000 agents at 1,000 Erlangs', () => {
    expectAgreement(
      { ratePerHour: 20_000, ahtSeconds: 180, agents: 1000, patienceSeconds: 300, hours: 24, warmupHours: 2, replications: 20 },
      { fraction: 0.03, seconds: 0.5 },
    );
  });
});
