// The wait percentiles (p50, p90, p99 of the callers' waits) against the closed form of Erlang C:
// in M/M/n a caller waits with probability C, and a waiting caller's wait is exponential with rate
// (n − A)/AHT, so P(wait > t) = C·e^{−(n − A)t/AHT} and the p-quantile is 0 when p ≤ 1 − C and
// AHT·ln(C/(1 − p))/(n − A) above. The simulated figure must contain it within its own 99%
// confidence interval (plus the histogram's resolution: half a second below two minutes, 2 %
// above), and email waits, hours long, must never enter the callers' percentiles.
import { describe, expect, it } from 'vitest';
import { FigureAccumulator } from '../../sim/stats/confidence';
import { erlangC } from '../../sim/stats/erlang';
import { SUMMARY_FIGURES } from '../../sim/stats/metrics';
import { waitPercentile, WAIT_BINS, waitBin } from '../../sim/kernel/tallies';
import { compileScenario } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { runReplication } from '../../sim/simulate';
import { queueScenario, run, type QueueCase } from '../support';

/** The p-quantile of the wait in M/M/n (Erlang C). */
function erlangCQuantile(c: QueueCase, p: number): number {
  const load = (c.ratePerHour / 3600) * c.ahtSeconds;
  const waits = erlangC(c.agents, load);
  return p <= 1 - waits ? 0 : (c.ahtSeconds * Math.log(waits / (1 - p))) / (c.agents - load);
}

const PERCENTILES = [
  ['waitP50Seconds', 0.5],
  ['waitP90Seconds', 0.9],
  ['waitP99Seconds', 0.99],
] as const;

/** `precision`: the widest 99% interval accepted, as a share of the theoretical value (a few
 * seconds where that is 0), so that the check means something. */
function expectErlangCPercentiles(c: QueueCase, precision: number) {
  const model = compileScenario(validateScenario(queueScenario(c), 'percentiles.yaml'));
  const acc = new FigureAccumulator(SUMMARY_FIGURES.length);
  for (let r = 0; r < model.replications; r++) acc.add(runReplication(model, r).summary);
  for (const [figure, p] of PERCENTILES) {
    const i = SUMMARY_FIGURES.indexOf(figure);
    const theory = erlangCQuantile(c, p);
    const simulated = acc.estimate(i).mean!;
    const halfWidth = acc.halfWidth(i, 0.99);
    const resolution = theory < 120 ? 0.5 : 0.02 * theory;
    const context = `${figure}: theory ${theory}, simulated ${simulated} ± ${halfWidth}`;
    expect(halfWidth, context).toBeLessThan(Math.max(2, precision * theory));
    expect(Math.abs(simulated - theory), context).toBeLessThanOrEqual(halfWidth + resolution);
  }
}

describe('wait percentiles agree with the Erlang C waiting-time distribution', () => {
  it('three agents at 80 % load: 65 % of callers wait; median 77 s, p90 9⅓ minutes, p99 21 minutes', () => {
    const c: QueueCase = { ratePerHour: 48, ahtSeconds: 180, agents: 3, hours: 24 * 60, replications: 20, seed: 3 };
    // Worked by hand: C(3, 2.4) = 0.6472; the waiting caller's wait has mean 180 / 0.6 = 300 s.
    expect(erlangC(3, 2.4)).toBeCloseTo(0.6472, 4);
    expect(erlangCQuantile(c, 0.5)).toBeCloseTo(300 * Math.log(0.6472 / 0.5), 0);
    expectErlangCPercentiles(c, 0.06);
  });

  it('55 agents at 1,000 calls an hour: fewer than half wait, so the median wait is 0', () => {
    const c: QueueCase = { ratePerHour: 1000, ahtSeconds: 180, agents: 55, hours: 24 * 10, replications: 20, seed: 3 };
    expect(erlangCQuantile(c, 0.5)).toBe(0);
    expectErlangCPercentiles(c, 0.2);
  });
});

describe('the histogram behind the percentiles', () => {
  it('reads a hand-made set of waits back: 10 callers answered at once and 10 after 30–40 s', () => {
    const hist = new Float64Array(WAIT_BINS);
    for (let k = 0; k < 10; k++) hist[waitBin(0)]++;
    for (let k = 0; k < 10; k++) hist[waitBin(30 + k)]++; // 30, 31, …, 39 s
    expect(waitPercentile(hist, 0, 0.5)).toBe(0); // the 10th of 20 waited 0 s
    expect(waitPercentile(hist, 0, 0.55)).toBeGreaterThanOrEqual(30); // the 11th waited 30 s
    expect(waitPercentile(hist, 0, 0.55)).toBeLessThanOrEqual(30.5);
    expect(waitPercentile(hist, 0, 1)).toBeGreaterThanOrEqual(39);
    expect(waitPercentile(hist, 0, 1)).toBeLessThanOrEqual(39.5);
  });

  it('keeps long waits within 2 %: an hour, a day', () => {
    for (const seconds of [3600, 86_400]) {
      const hist = new Float64Array(WAIT_BINS);
      hist[waitBin(seconds)] = 1;
      expect(Math.abs(waitPercentile(hist, 0, 1) / seconds - 1)).toBeLessThanOrEqual(0.02);
    }
  });
});

describe('email waits never enter the callers’ percentiles', () => {
  // The callers and their team are the same in both runs (same stream, same random numbers); a
  // separate inbox team with a day-long backlog is added in the second.
  const callers: ScenarioInput = {
    name: 'callers',
    horizon: { start: '2026-03-23T00:00:00Z', days: 2, warmupHours: 24 },
    seed: 11,
    replications: 3,
    demand: [{ id: 'calls', language: 'en', volume: { perHour: 100 }, handleTime: { dist: 'exponential', mean: 180 }, patience: { dist: 'exponential', mean: 120 } }],
    staffing: [{ id: 'desk', skills: ['en'], channels: ['voice'], agents: 6 }],
  };
  const withInbox: ScenarioInput = {
    ...callers,
    demand: [...callers.demand, { id: 'mails', language: 'en', channel: 'email', volume: { perHour: 30 }, handleTime: { dist: 'exponential', mean: 300 } }],
    staffing: [...callers.staffing, { id: 'inbox', skills: ['en'], channels: ['email'], shifts: [{ days: 'daily', start: '09:00', end: '12:00', agents: 10 }] }],
  };

  it('adding an inbox answered many hours late leaves the callers’ ASA and p50/p90/p99 exactly as they were', () => {
    const alone = run(callers);
    const mixed = run(withInbox);
    expect(mixed.channels.email.asaSeconds.mean!).toBeGreaterThan(3 * 3600);
    for (const figure of ['asaSeconds', 'waitP50Seconds', 'waitP90Seconds', 'waitP99Seconds', 'journeySeconds'] as const) {
      expect(mixed.summary[figure], figure).toEqual(alone.summary[figure]);
    }
    expect(mixed.languages.en.asaSeconds).toEqual(alone.languages.en.asaSeconds);
  });
});
