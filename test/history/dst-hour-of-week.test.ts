// The back-test's figures per hour of the week gather every Sunday 02:00 of the period. On the
// night the clocks go back (Berlin, Sunday 25 October 2026) 02:00 happens twice, and both hours
// fell into that Sunday's 02:00, divided by the Sundays: over two Sundays of a call every 10
// minutes, Sun 02:00 read 9 calls where every other hour read 6 — a peak no hour had. Each real
// hour now counts once: a group's counts are divided by the hours it gathered (one a day, two
// that night, none the night the clocks go forward), so Sun 02:00 reads 6, actual and simulated.
// Rates are ratios of the same sums and do not change; the day it happened is one day. The replay
// also runs to the period's last hour: it was days × 24 hours long, an hour short after an autumn
// night.
import { describe, expect, it } from 'vitest';
import { backtestObserved, observeRecords, type BacktestResult } from '../../sim/history/backtest';
import { parseScenario } from '../../sim/scenario/scenario';
import type { ContactRecord } from '../../sim/history/records';
import { callEveryTenMinutes } from '../support';

const ZONE = 'Europe/Berlin';

const records = (from: string, hours: number) => callEveryTenMinutes(from, hours, ZONE);

/** Flat demand, 6 calls an hour around the clock, whatever the day's length in hours. */
const scenario = parseScenario(
  `name: Flat desk
horizon: { start: 2026-01-05T00:00:00+01:00, days: 7 }
intervalMinutes: 60
demand:
  - { id: de, language: de, channel: voice, timezone: ${ZONE}, volume: { perHour: 6 }, pattern: flat,
      handleTime: { dist: exponential, mean: 60 }, patience: { dist: exponential, mean: 600 } }
staffing:
  - { id: desk, timezone: ${ZONE}, skills: [de], agents: 1 }
`,
  'flat.yaml',
);

const replay = (rows: ContactRecord[]) => backtestObserved(scenario, observeRecords(rows), { replications: 40, seed: 7 });
const point = (r: BacktestResult, figure: 'offered' | 'answered' | 'abandonRate', label: string) => r.series.hourOfWeek[figure].find((p) => p.label === label)!;

describe('per hour of the week, across a change of the clocks', () => {
  // Monday 19 October 00:00 CEST to Sunday 1 November 24:00 CET: two weeks, 14 × 24 + 1 hours.
  const autumn = replay(records('2026-10-18T22:00:00Z', 14 * 24 + 1));
  // Monday 23 March 00:00 CET to Sunday 5 April 24:00 CEST: 14 × 24 − 1 hours.
  const spring = replay(records('2026-03-22T23:00:00Z', 14 * 24 - 1));

  it('counts the repeated hour as one more hour of that weekday, not as one hour of twice the calls', () => {
    const offered = autumn.series.hourOfWeek.offered;
    expect(offered.length).toBe(168);
    // 6 calls in each of the 3 real Sunday 02:00 hours, 6 in every other hour of the week.
    expect(offered.map((p) => p.actual)).toEqual(Array(168).fill(6));
    expect(point(autumn, 'answered', 'Sun 02:00').actual).toBe(6);
  });

  it('counts the skipped hour as an hour fewer, not as a day of no calls', () => {
    // 02:00 on 29 March never happened: Sun 02:00 is the one of 5 April alone.
    expect(spring.series.hourOfWeek.offered.map((p) => p.actual)).toEqual(Array(168).fill(6));
  });

  it('gathers the simulated hours the same way: the flat 6 an hour, inside the band', () => {
    for (const r of [autumn, spring]) {
      const sunday = point(r, 'offered', 'Sun 02:00');
      expect(Math.abs(sunday.mean! - 6)).toBeLessThan(1.5);
      expect(sunday.low! <= 6 && 6 <= sunday.high!).toBe(true);
    }
  });

  it('leaves the rates and the day of the change as they were: each real hour counted once', () => {
    expect(point(autumn, 'abandonRate', 'Sun 02:00').actual).toBe(0);
    // The 25-hour Sunday is one day of 150 calls, the 23-hour one of 138.
    expect(autumn.series.day.offered.find((p) => p.label === '2026-10-25')!.actual).toBe(150);
    expect(spring.series.day.offered.find((p) => p.label === '2026-03-29')!.actual).toBe(138);
    // Every real hour is a point of the hourly grain, to the period's last (the replay was 14 × 24
    // hours long: after the autumn night it stopped at 23:00 on 1 November, that day read 138).
    expect(autumn.series.hour.offered.length).toBe(14 * 24 + 1);
    expect(autumn.series.hour.offered.at(-1)!.label).toBe('2026-11-01T23:00');
    expect(autumn.series.day.offered.find((p) => p.label === '2026-11-01')!.actual).toBe(144);
    expect(spring.series.hour.offered.length).toBe(14 * 24 - 1);
  });
});
