// The back-test's actual figures set against values computed independently of followsun: a short
// Python script (csv.DictReader over the fixture, the README's rules written afresh: PHANTOM and
// unknown types left out, a HANG that never queued (q_time 0, q_start 0:00:00) not offered, the
// queue joined at vru_exit, answered within 20 s when q_time ≤ 20) summed per day, per hour and per
// hour of the week. The fixture is a slice of the Technion SEE Center's "Anonymous Bank" data
// (Avi Mandelbaum; January 1999): see test/fixtures/README.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { backtestObserved, errorFigures, observeRecords, type SeriesPoint } from '../../sim/history/backtest';
import { fitScenario, scenarioYaml } from '../../sim/history/fit-scenario';
import { BANK_TIMEZONE, bankLayout } from '../../sim/history/layouts';
import { readRecords } from '../../sim/history/records';
import { parseScenario } from '../../sim/scenario/scenario';

const FILE = fileURLToPath(new URL('../fixtures/anonymous-bank-1999-01-small-queues.tsv', import.meta.url));
const records = readRecords(readFileSync(FILE, 'utf8'), 'small-queues.tsv', bankLayout).records;
const scenario = parseScenario(scenarioYaml(fitScenario(records, { timezone: BANK_TIMEZONE })), 'fitted.yaml');
const result = backtestObserved(scenario, observeRecords(records), { replications: 4, seed: 1 });
const actual = (points: SeriesPoint[], label: string) => points.find((p) => p.label === label)?.actual;

describe('the back-test’s actual side, against sums computed outside followsun', () => {
  it('counts a day’s and an hour’s contacts, abandons, service level and ASA as the records have them', () => {
    // Python over the fixture, 1999-01-04: offered 222, answered 194, abandoned 28, answered
    // within 20 s 119, total wait of the answered 8,352 s.
    const day = result.series.day;
    expect(actual(day.offered, '1999-01-04')).toBe(222);
    expect(actual(day.answered, '1999-01-04')).toBe(194);
    expect(actual(day.abandonRate, '1999-01-04')).toBeCloseTo(28 / 222, 12);
    expect(actual(day.serviceLevel, '1999-01-04')).toBeCloseTo(119 / 222, 12);
    expect(actual(day.asaSeconds, '1999-01-04')).toBeCloseTo(8352 / 194, 12);
    // 1999-01-04 10:00–11:00 local: offered 21, answered 20, within 20 s 12, wait 523 s.
    const hour = result.series.hour;
    expect(actual(hour.offered, '1999-01-04T10:00')).toBe(21);
    expect(actual(hour.serviceLevel, '1999-01-04T10:00')).toBeCloseTo(12 / 21, 12);
    expect(actual(hour.asaSeconds, '1999-01-04T10:00')).toBeCloseTo(523 / 20, 12);
    // The month's offered: 2,895 contacts over the days with records.
    expect(day.offered.reduce((s, p) => s + p.actual!, 0)).toBe(2895);
  });

  it('gives an hour of the week’s counts per day of that weekday, not summed over however many the period had', () => {
    // January 1999 with 11 and 12 January missing has five Sundays and three Mondays with
    // records. Python: Sunday 10:00 offered 79 (answered 69) over 5 Sundays, Monday 10:00 offered
    // 52 (answered 49) over 3 Mondays. Summed, Sunday read 79 and Monday 52; a Monday had more.
    const week = result.series.hourOfWeek;
    expect(actual(week.offered, 'Sun 10:00')).toBeCloseTo(79 / 5, 12);
    expect(actual(week.offered, 'Mon 10:00')).toBeCloseTo(52 / 3, 12);
    expect(actual(week.answered, 'Mon 10:00')).toBeCloseTo(49 / 3, 12);
    // Ratios are not changed by it: Monday 10:00's abandon rate is 3 of 52, its service level 29 of 52.
    expect(actual(week.abandonRate, 'Mon 10:00')).toBeCloseTo(3 / 52, 12);
    expect(actual(week.serviceLevel, 'Mon 10:00')).toBeCloseTo(29 / 52, 12);
    // The simulation is folded alike: its mean per Monday is within its band, and near a day's.
    const mon = week.offered.find((p) => p.label === 'Mon 10:00')!;
    expect(mon.low!).toBeLessThanOrEqual(mon.mean!);
    expect(mon.mean!).toBeLessThan(40);
  });

  it('weights a rate’s errors by the contacts it is of, so that an hour of one call counts for one', () => {
    // By hand: an hour of 1 call, all abandoned (actual 100%, simulated 20%), and one of 99 calls
    // (actual 10%, simulated 12%). Plain MAE (0.8 + 0.02) / 2 = 0.41; weighted by contacts
    // (1 × 0.8 + 99 × 0.02) / 100 = 0.0278.
    const points: SeriesPoint[] = [
      { label: 'a', actual: 1, mean: 0.2, low: 0, high: 1, weight: 1 },
      { label: 'b', actual: 0.1, mean: 0.12, low: 0.05, high: 0.2, weight: 99 },
    ];
    const e = errorFigures(points);
    expect(e.mae).toBeCloseTo(0.41, 12);
    expect(e.weightedMae).toBeCloseTo(0.0278, 12);
    // Counts carry no weight: no weighted MAE.
    expect(errorFigures(points.map((p) => ({ ...p, weight: null }))).weightedMae).toBeNull();
    // The weights are the records' own: 1999-01-04 10:00 had 21 contacts offered, 20 answered (Python).
    const at = (f: 'abandonRate' | 'asaSeconds' | 'offered') => result.series.hour[f].find((p) => p.label === '1999-01-04T10:00')!.weight;
    expect(at('abandonRate')).toBe(21);
    expect(at('asaSeconds')).toBe(20);
    expect(at('offered')).toBeNull();
  });

  it('does not count a closed hour (nothing offered, actually or in any replication) toward the counts’ errors', () => {
    // By hand: a closed hour (0 against a band of [0, 0]) and an open one (actual 10, simulated 14).
    // Counted, the closed hour halved the MAE (2 instead of 4) and put half the hours inside.
    const points: SeriesPoint[] = [
      { label: 'night', actual: 0, mean: 0, low: 0, high: 0, weight: null, closed: true },
      { label: 'day', actual: 10, mean: 14, low: 11, high: 17, weight: null },
    ];
    expect(errorFigures(points)).toMatchObject({ bias: 4, mae: 4, insideBand: 0, points: 1 });
    // On the slice: 357 hours of the month had a contact offered (Python); each is compared, and
    // no hour marked closed had one.
    const offered = result.series.hour.offered;
    expect(offered.filter((p) => p.actual! > 0).length).toBe(357);
    expect(offered.filter((p) => p.closed).every((p) => p.actual === 0 && p.high === 0)).toBe(true);
    expect(result.figures.offered.points).toBe(offered.filter((p) => !p.closed).length);
    expect(result.figures.offered.points).toBeGreaterThanOrEqual(357);
    expect(result.figures.offered.points).toBeLessThan(offered.length);
  });
});
