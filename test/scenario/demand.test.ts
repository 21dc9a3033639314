// Demand follows the customers' clock: patterns are given in local time and land on the UTC
// simulation clock correctly across daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { simulateReplication } from '../../sim/kernel/engine';
import { compileScenario, type CompiledModel } from '../../sim/model/model';
import { validateScenario, type ScenarioInput } from '../../sim/scenario/scenario';
import { run } from '../support';

const HOUR = 3600;

function streamScenario(timezone: string, hourly: number[], start: string, days: number, perDay = 240): ScenarioInput {
  return {
    name: 'clock test',
    horizon: { start, days, warmupHours: 0 },
    intervalMinutes: 60,
    replications: 1,
    demand: [
      {
        id: 'calls',
        language: 'en',
        timezone,
        volume: { perDay },
        pattern: { hourly },
        handleTime: { dist: 'exponential', mean: 60 },
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents: 10 }],
  };
}

const compile = (input: ScenarioInput) => compileScenario(validateScenario(input, 'test.yaml'));

/** The arrival rate (per hour) in force at a UTC instant. */
function rateAt(m: CompiledModel, iso: string): number {
  const t = (Date.parse(iso) - m.clockZeroMs) / 1000;
  const s = m.streams[0];
  let k = 0;
  while (k + 1 < s.segmentStartSeconds.length && s.segmentStartSeconds[k + 1] <= t) k++;
  return s.ratePerSecond[k] * HOUR;
}

/** Expected arrivals between two UTC instants (integral of the rate). */
function expectedArrivals(m: CompiledModel, fromIso: string, toIso: string): number {
  let total = 0;
  for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += 60_000) total += rateAt(m, new Date(t).toISOString()) / 60;
  return total;
}

const onlyAt = (hour: number) => Array.from({ length: 24 }, (_, h) => (h === hour ? 1 : 0));

describe('local-time demand on the UTC clock', () => {
  it('a 9 o’clock peak in New York is 14:00 UTC in winter and 13:00 UTC after the US clocks change', () => {
    const m = compile(streamScenario('America/New_York', onlyAt(9), '2026-03-02T00:00:00Z', 14));
    expect(rateAt(m, '2026-03-06T14:30:00Z')).toBeGreaterThan(0); // Friday before the change (EST)
    expect(rateAt(m, '2026-03-06T13:30:00Z')).toBe(0);
    expect(rateAt(m, '2026-03-09T13:30:00Z')).toBeGreaterThan(0); // Monday after (EDT)
    expect(rateAt(m, '2026-03-09T14:30:00Z')).toBe(0);
  });

  it('for the weeks between the US and EU changes, New York is 5 hours behind Berlin, otherwise 6', () => {
    const ny = compile(streamScenario('America/New_York', onlyAt(9), '2026-03-02T00:00:00Z', 35));
    const berlin = compile(streamScenario('Europe/Berlin', onlyAt(9), '2026-03-02T00:00:00Z', 35));
    const peakHourUtc = (m: CompiledModel, day: string) =>
      Array.from({ length: 24 }, (_, h) => h).find((h) => rateAt(m, `${day}T${String(h).padStart(2, '0')}:30:00Z`) > 0)!;
    const gap = (day: string) => peakHourUtc(ny, day) - peakHourUtc(berlin, day);
    expect(gap('2026-03-04')).toBe(6);
    expect(gap('2026-03-16')).toBe(5); // US on summer time, EU not yet
    expect(gap('2026-03-31')).toBe(6); // both on summer time
  });

  it('on the autumn night Berlin’s repeated 02:00 hour gets arrivals twice; on the spring night the skipped hour gets none', () => {
    const autumn = compile(streamScenario('Europe/Berlin', onlyAt(2), '2026-10-24T00:00:00Z', 3));
    // 02:00–03:00 local happens from 00:00 to 01:00 UTC (summer time) and again 01:00–02:00 UTC.
    expect(expectedArrivals(autumn, '2026-10-25T00:00:00Z', '2026-10-25T02:00:00Z')).toBeCloseTo(2 * expectedArrivals(autumn, '2026-10-24T00:00:00Z', '2026-10-24T01:00:00Z'), 6);
    const spring = compile(streamScenario('Europe/Berlin', onlyAt(2), '2026-03-28T00:00:00Z', 3));
    expect(expectedArrivals(spring, '2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(0);
    expect(expectedArrivals(spring, '2026-03-28T00:00:00Z', '2026-03-29T00:00:00Z')).toBeGreaterThan(0);
  });

  it('volume per day is spread over the pattern: a normal day carries exactly the daily volume', () => {
    const m = compile(streamScenario('Asia/Tokyo', [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 2, 2, 3, 3, 2, 2, 1, 1, 0, 0, 0, 0], '2026-06-01T00:00:00Z', 3, 1000));
    // Tokyo's local day 2026-06-02 runs from 06-01T15:00Z to 06-02T15:00Z.
    expect(expectedArrivals(m, '2026-06-01T15:00:00Z', '2026-06-02T15:00:00Z')).toBeCloseTo(1000, 6);
  });

  it('weekday weights shape the week: a Sunday with weight 0 gets no arrivals', () => {
    const input = streamScenario('Europe/Paris', Array(24).fill(1), '2026-05-04T00:00:00Z', 7, 700);
    (input.demand[0].pattern as { weekday?: number[] }).weekday = [1, 1, 1, 1, 1, 1, 0];
    const m = compile(input);
    // Sunday 2026-05-10 in Paris: 05-09T22:00Z to 05-10T22:00Z.
    expect(expectedArrivals(m, '2026-05-09T22:00:00Z', '2026-05-10T22:00:00Z')).toBe(0);
    expect(expectedArrivals(m, '2026-05-04T22:00:00Z', '2026-05-05T22:00:00Z')).toBeCloseTo((700 * 7) / 6, 6);
  });

  it('simulated arrivals follow the curve: nothing arrives outside the peak hour', () => {
    const m = compile(streamScenario('Asia/Manila', onlyAt(10), '2026-04-06T00:00:00Z', 7, 480));
    const t = simulateReplication(m, 0);
    for (let i = 0; i < m.intervalCount; i++) {
      const utcHour = (i % 24);
      if (utcHour === 2) expect(t.offered[i]).toBeGreaterThan(400); // 10:00 Manila = 02:00 UTC, ~480 expected
      else expect(t.offered[i]).toBe(0);
    }
  });
});

describe('demand beyond the curve', () => {
  const base = (extra: Partial<ScenarioInput['demand'][number]>, days = 14, agents = 10): ScenarioInput => ({
    name: 'demand',
    horizon: { start: '2026-01-05T00:00:00Z', days, warmupHours: 0 },
    intervalMinutes: 60,
    replications: 3,
    demand: [{ id: 'calls', language: 'en', volume: { perDay: 1000 }, handleTime: { dist: 'exponential', mean: 120 }, ...extra }],
    staffing: [{ id: 'team', skills: ['en'], agents }],
  });
  const daily = (offered: Float64Array) => {
    const days: number[] = [];
    for (let i = 0; i < offered.length; i++) days[Math.floor(i / 24)] = (days[Math.floor(i / 24)] ?? 0) + offered[i];
    return days;
  };

  it('a daily volume cv makes some days busier than Poisson noise alone would', () => {
    const variance = (xs: number[]) => {
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    };
    const steady = daily(simulateReplication(compile(base({}, 60)), 0).offered);
    const uncertain = daily(simulateReplication(compile(base({ dailyVolumeCv: 0.3 }, 60)), 0).offered);
    // Poisson: variance ≈ mean (1,000); with cv 0.3 it is about 1,000 + 300² = 91,000.
    expect(variance(steady)).toBeLessThan(2000);
    expect(variance(uncertain)).toBeGreaterThan(40_000);
  });

  it('a special day multiplies that local day’s volume: a closed holiday gets no contacts', () => {
    const t = simulateReplication(compile(base({ timezone: 'Europe/Berlin', specialDays: [{ date: '2026-01-07', factor: 0 }] }, 7)), 0);
    // Berlin's 7 January runs from 6 Jan 23:00 to 7 Jan 23:00 UTC.
    for (let h = 47; h < 71; h++) expect(t.offered[h]).toBe(0);
    expect(t.offered[46]).toBeGreaterThan(0);
    expect(t.offered[71]).toBeGreaterThan(0);
  });

  it('machine customers add their share with its uplift: 20% of contacts from assistants making 50% more', () => {
    const r = run(base({ machineCustomers: { share: 0.2, volumeUplift: 0.5 } }, 14, 15));
    // 1,000 a day × (0.8 people + 0.2 × 1.5 machines) = 1,100 a day.
    expect(Math.abs(r.summary.contacts.mean! / 14 - 1100)).toBeLessThan(30);
  });

  it('callers who give up and redial are counted once as customers and again as contacts', () => {
    // Nobody answers; every caller gives up after a minute and half of them redial.
    const input = base({ patience: { dist: 'exponential', mean: 60 }, redial: { share: 0.5, delay: { dist: 'exponential', mean: 300 } } }, 7, 0);
    const r = run(input);
    // Each attempt redials with probability 0.5: 1 + 0.5 + 0.25 + … = 2 attempts per customer.
    expect(r.summary.customers.mean! / 7).toBeGreaterThan(970);
    expect(r.summary.customers.mean! / 7).toBeLessThan(1030);
    expect(r.summary.contacts.mean! / r.summary.customers.mean!).toBeGreaterThan(1.9);
    expect(r.summary.contacts.mean! / r.summary.customers.mean!).toBeLessThan(2.1);
  });
});
