// Every figure over replications is the mean of the replications' values with a 95% Student-t
// interval, mean ± t(0.975, n − 1)·s/√n, cut at the figure's bounds (0, and 1 for rates); a figure
// no replication defined (a service level with nothing offered) has no mean at all. Here the
// replications are run one by one and the interval is worked out by hand, with t from a printed
// table, and set against what the result says.
import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { SUMMARY_FIGURES, GROUP_FIGURES, channelsOf } from '../../sim/stats/metrics';
import { runReplication, simulate } from '../../sim/simulate';
import { queueScenario } from '../support';

/** t(0.975, df) from a printed Student-t table. */
const T_TABLE: Record<number, number> = { 1: 12.706, 2: 4.303, 4: 2.776, 9: 2.262 };

function byHand(values: number[]): { mean: number; low: number; high: number } {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const half = T_TABLE[n - 1] * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}

function compiled(input: ScenarioInput) {
  return compileScenario(validateScenario(input, 'ci.yaml'));
}

describe('a figure over replications is a mean with a Student-t 95% interval', () => {
  const model = compiled(queueScenario({ ratePerHour: 600, ahtSeconds: 180, agents: 32, patienceSeconds: 90, hours: 24, replications: 5 }));
  const replications = Array.from({ length: 5 }, (_, r) => runReplication(model, r).summary);
  const result = simulate(model);

  for (const figure of ['offered', 'abandonRate', 'asaSeconds', 'answeredWithinThresholdShare', 'waitP90Seconds', 'answered'] as const) {
    it(`${figure}: mean and interval of five replications, with t = 2.776 for 4 degrees of freedom`, () => {
      const values = replications.map((f) => f[SUMMARY_FIGURES.indexOf(figure)]);
      const expected = byHand(values);
      const estimate = result.summary[figure];
      expect(estimate.mean!).toBeCloseTo(expected.mean, 9);
      // The table gives t to 3 decimals: the half-width agrees to 0.02 %.
      const half = (estimate.ci95![1] - estimate.ci95![0]) / 2;
      const expectedHalf = (expected.high - expected.low) / 2;
      if (expectedHalf === 0) expect(half).toBe(0);
      else expect(Math.abs(half / expectedHalf - 1)).toBeLessThan(2e-4);
    });
  }

  it('replications do differ, so the intervals above are not all zero-wide', () => {
    const offered = replications.map((f) => f[SUMMARY_FIGURES.indexOf('offered')]);
    expect(new Set(offered).size).toBe(5);
  });
});

describe('intervals are cut at the figure’s bounds', () => {
  // Two replications (t = 12.706) of a well-staffed queue: a wide interval around a service level
  // near 100 % and an abandon rate near 0.
  const model = compiled(queueScenario({ ratePerHour: 100, ahtSeconds: 180, agents: 9, patienceSeconds: 60, hours: 6, replications: 2, seed: 3 }));
  const replications = [0, 1].map((r) => runReplication(model, r).summary);
  const result = simulate(model);

  it('a service level is never above 1: the upper end is cut there, the lower end is Student t’s', () => {
    const values = replications.map((f) => f[SUMMARY_FIGURES.indexOf('answeredWithinThresholdShare')]);
    const expected = byHand(values);
    expect(expected.high).toBeGreaterThan(1);
    const ci = result.summary.answeredWithinThresholdShare.ci95!;
    expect(ci[1]).toBe(1);
    expect(Math.abs(ci[0] - expected.low)).toBeLessThan(1e-3 * (expected.high - expected.low));
  });

  it('an abandon rate is never below 0: the lower end is cut there', () => {
    const values = replications.map((f) => f[SUMMARY_FIGURES.indexOf('abandonRate')]);
    const expected = byHand(values);
    expect(expected.low).toBeLessThan(0);
    const ci = result.summary.abandonRate.ci95!;
    expect(ci[0]).toBe(0);
    expect(Math.abs(ci[1] - expected.high)).toBeLessThan(1e-3 * (expected.high - expected.low));
  });
});

describe('figures that are not defined, or not uncertain', () => {
  it('one replication gives a mean without an interval', () => {
    const r = simulate(compiled(queueScenario({ ratePerHour: 100, ahtSeconds: 180, agents: 9, hours: 6, replications: 1 })));
    expect(r.summary.offered.mean!).toBeGreaterThan(0);
    expect(r.summary.offered.ci95).toBeNull();
  });

  it('a chat queue with no chats has no service level at all — not 0, not 100 %', () => {
    const input = queueScenario({ ratePerHour: 100, ahtSeconds: 180, agents: 9, hours: 6, replications: 3 });
    input.demand.push({ id: 'chats', language: 'en', channel: 'chat', volume: { perHour: 0 }, handleTime: { dist: 'exponential', mean: 300 } });
    const model = compiled(input);
    const r = simulate(model);
    expect(r.channels.chat.offered.mean).toBe(0);
    expect(r.channels.chat.serviceLevel).toEqual({ mean: null, ci95: null });
    expect(r.channels.chat.asaSeconds).toEqual({ mean: null, ci95: null });
    // The per-replication value behind it is undefined (NaN), and so skipped by the mean.
    const chat = channelsOf(model).indexOf('chat');
    expect(runReplication(model, 0).channels[chat * GROUP_FIGURES.length + GROUP_FIGURES.indexOf('serviceLevel')]).toBeNaN();
    // The voice queue beside it is judged as usual.
    expect(r.channels.voice.serviceLevel.mean!).toBeGreaterThan(0.5);
  });

  it('paid costs of a fixed roster are the same in every replication: a zero-wide interval', () => {
    const input = queueScenario({ ratePerHour: 100, ahtSeconds: 180, agents: 9, hours: 6, replications: 4 });
    input.staffing[0].cost = { perHour: 25 };
    const r = simulate(compiled(input));
    expect(r.summary.costTotal).toEqual({ mean: 9 * 6 * 25, ci95: [9 * 6 * 25, 9 * 6 * 25] });
  });
});
