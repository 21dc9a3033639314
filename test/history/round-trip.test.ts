// A round trip: a scenario simulated by followsun, written out as contact records, imported
// again. The fit must give back what went in — volumes, the weekly pattern, handle times and
// patience — within their sampling error, also when almost every caller is answered (patience
// heavily censored), and the fitted scenario must replay the records inside its 95% band.
import { describe, expect, it } from 'vitest';
import { validateScenario, type Scenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { genericCsv, syntheticRecords } from '../../sim/history/synthetic-records';
import { fitScenario, scenarioYaml } from '../../sim/history/fit-scenario';
import { parseScenario } from '../../sim/scenario/scenario';
import { readRecords } from '../../sim/history/records';
import { genericLayout } from '../../sim/history/layouts';
import { backtest } from '../../sim/history/backtest';

const HOURLY = [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.6, 2, 2, 1.9, 1.7, 1.8, 1.9, 1.8, 1.6, 1.3, 1, 0.8, 0.6, 0.5, 0.4, 0.3];
const WEEKDAY = [1, 1, 1, 1, 1, 0.5, 0.3];
const ZONE = 'America/New_York'; // January: no daylight-saving change in the period

function helpDesk(agents: number, days = 14, extra: Partial<ScenarioInput['demand'][number]> = {}): Scenario {
  const input: ScenarioInput = {
    name: 'Round trip',
    horizon: { start: '2026-01-05T00:00:00-05:00', days, warmupHours: 0 },
    intervalMinutes: 60,
    seed: 7,
    replications: 20,
    demand: [
      {
        id: 'en',
        language: 'en',
        timezone: ZONE,
        volume: { perWeek: 7000 },
        pattern: { hourly: HOURLY, weekday: WEEKDAY },
        handleTime: { dist: 'lognormal', mean: 240, cv: 0.8 },
        patience: { dist: 'exponential', mean: 180 },
        ...extra,
      },
      {
        id: 'es',
        language: 'es',
        timezone: ZONE,
        volume: { perWeek: 2500 },
        pattern: { hourly: HOURLY, weekday: WEEKDAY },
        handleTime: { dist: 'lognormal', mean: 300, cv: 0.6 },
        patience: { dist: 'exponential', mean: 300 },
        ...extra,
      },
    ],
    staffing: [{ id: 'desk', skills: ['en', 'es'], agents }],
  };
  return validateScenario(input, 'round trip');
}

const normalised = (xs: number[]) => xs.map((x) => x / xs.reduce((a, b) => a + b, 0));

describe('a scenario written as contact records and imported again', () => {
  const scenario = helpDesk(9);
  const records = syntheticRecords(scenario);
  const fit = fitScenario(records, { timezone: ZONE });

  it('reads back through the generic layout row for row', () => {
    const read = readRecords(genericCsv(records), 'round-trip.csv', genericLayout(ZONE));
    expect(read.rowsRead).toBe(records.length);
    expect(read.records.length).toBe(records.length);
    expect(read.records.map((r) => r.waitSeconds)).toEqual(records.map((r) => r.waitSeconds));
  });

  it('recovers each queue’s weekly volume within three standard errors', () => {
    for (const [queue, perWeek] of [['en', 7000], ['es', 2500]] as const) {
      const fitted = fit.demand.queues.find((q) => q.queue === queue)!;
      // Two weeks of Poisson arrivals: the weekly mean has a standard error of √(2·perWeek)/2.
      expect(Math.abs(fitted.perWeek - perWeek)).toBeLessThan(3 * Math.sqrt(2 * perWeek) / 2 + 0.01 * perWeek);
      expect(fitted.dailyVolumeCv).toBeLessThan(0.1);
    }
  });

  it('recovers the weekly pattern: weekday shares and the hourly curve', () => {
    const streams = fit.demand.streams.filter((s) => s.queue === 'en');
    const weekday = Array.from({ length: 7 }, (_, w) => streams.reduce((sum, s) => sum + s.weekday[w], 0));
    normalised(weekday).forEach((share, w) => expect(share).toBeCloseTo(normalised(WEEKDAY)[w], 1));
    const truth = normalised(HOURLY);
    for (const s of streams) {
      const curve = normalised(s.hourly);
      const distance = curve.reduce((d, x, h) => d + Math.abs(x - truth[h]), 0) / 2;
      expect(distance, s.id).toBeLessThan(0.06);
    }
    expect(fit.demand.specialDays).toEqual([]);
  });

  it('recovers the handle-time distributions: lognormal, mean and cv', () => {
    for (const [queue, mean, cv] of [['en', 240, 0.8], ['es', 300, 0.6]] as const) {
      const h = fit.queues.find((q) => q.queue === queue)!.handleTime!;
      expect(h.choice).toBe('lognormal');
      expect(h.lognormal.ks).toBeLessThan(0.05);
      expect(Math.abs(h.lognormal.meanSeconds - mean)).toBeLessThan(3 * (mean * cv) / Math.sqrt(h.n) + 2);
      expect(h.lognormal.cv).toBeCloseTo(cv, 1);
    }
  });

  it('recovers patience with the censored estimator, where the mean wait of those who hung up is far off', () => {
    for (const [queue, mean] of [['en', 180], ['es', 300]] as const) {
      const p = fit.queues.find((q) => q.queue === queue)!.patience!;
      expect(p.censoredShare).toBeGreaterThan(0.5);
      expect(Math.abs(p.meanSeconds - mean)).toBeLessThan(3 * p.standardErrorSeconds + 3);
      expect(p.naiveMeanSeconds).toBeLessThan(mean / 2);
      expect(p.kaplanMeierGap).toBeLessThan(0.1);
    }
  });

  it('recovers patience under heavy censoring too (nine in ten callers answered)', () => {
    const calm = fitScenario(syntheticRecords(helpDesk(12, 21), 1), { timezone: ZONE });
    for (const [queue, mean] of [['en', 180], ['es', 300]] as const) {
      const p = calm.queues.find((q) => q.queue === queue)!.patience!;
      expect(p.censoredShare).toBeGreaterThan(0.9);
      expect(Math.abs(p.meanSeconds - mean)).toBeLessThan(3 * p.standardErrorSeconds);
    }
  });

  it('writes a valid scenario that replays the records inside its 95% band', () => {
    const fitted = parseScenario(scenarioYaml(fit), 'fitted.yaml');
    const result = backtest(fitted, records, { replications: 20, seed: 3 });
    expect(result.figures.offered.insideBand).toBeGreaterThan(0.85);
    expect(result.figures.abandonRate.insideBand).toBeGreaterThan(0.8);
    expect(result.figures.asaSeconds.insideBand).toBeGreaterThan(0.8);
    expect(result.figures.serviceLevel.insideBand).toBeGreaterThan(0.8);
    expect(Math.abs(result.figures.offered.bias!)).toBeLessThan(2);
    expect(Math.abs(result.figures.abandonRate.bias!)).toBeLessThan(0.03);
  });
});

describe('a holiday and day-to-day variation, written as records and imported again', () => {
  // Four weeks, a public holiday at 30% of a normal Wednesday, and days that vary by 15%.
  const scenario = helpDesk(12, 28, { dailyVolumeCv: 0.15, specialDays: [{ date: '2026-01-14', factor: 0.3 }] });
  const fit = fitScenario(syntheticRecords(scenario, 2), { timezone: ZONE });

  it('finds the holiday, with its factor', () => {
    expect(fit.demand.specialDays.map((d) => new Date(d.day * 86_400_000).toISOString().slice(0, 10))).toEqual(['2026-01-14']);
    // The factor is against the median Wednesday, itself ±15%.
    expect(fit.demand.specialDays[0].factor).toBeGreaterThan(0.2);
    expect(fit.demand.specialDays[0].factor).toBeLessThan(0.45);
  });

  it('estimates the day-to-day variation beyond Poisson noise', () => {
    // 25 ordinary days: the cv itself has a standard error of about 0.15 / √(2·24) ≈ 0.02, and
    // the weekday means it is measured against come from four days each.
    for (const q of fit.demand.queues) {
      expect(q.dailyVolumeCv, q.queue).toBeGreaterThan(0.07);
      expect(q.dailyVolumeCv, q.queue).toBeLessThan(0.22);
    }
  });
});

describe('a volume that drifts, fitted on three weeks and carried forward to the fourth', () => {
  // Each day 1% of the mean fewer contacts: 13.5% above the mean on the first day, 13.5% below on the last.
  const ramp = Array.from({ length: 28 }, (_, d) => ({
    date: new Date(Date.UTC(2026, 0, 5 + d)).toISOString().slice(0, 10),
    factor: Math.round((1 - 0.01 * (d - 13.5)) * 1000) / 1000,
  }));
  const records = syntheticRecords(helpDesk(14, 28, { specialDays: ramp }), 3);
  const cut = Date.UTC(2026, 0, 26) / 86_400_000;
  const train = records.filter((r) => Math.floor(r.arrivalLocalMs / 86_400_000) < cut);
  const fit = fitScenario(train, { timezone: ZONE, trendTo: { firstDay: cut, lastDay: cut + 6 } });

  it('measures the drift per day within its standard error', () => {
    // Relative to the training days' mean level (1.035): −0.01 / 1.035 a day.
    const { perDay, perDayError } = fit.demand.trend;
    expect(Math.abs(perDay - -0.01 / 1.035)).toBeLessThan(3 * perDayError + 0.001);
  });

  it('scales the forecast to the fourth week’s level', () => {
    const forecast = fit.scenario.demand.reduce((s, d) => s + (d.volume as { perWeek: number }).perWeek, 0);
    const actual = records.length - train.length;
    expect(Math.abs(forecast / actual - 1)).toBeLessThan(0.06);
  });
});
