// Special days are found against the median of their weekday. With two days of a weekday the
// median lies halfway between them, so a holiday below 40% of the other day put both outside
// 60–160% of it: both were "special", the weekday kept no ordinary day and got no volume — two
// weeks of records with a holiday on the second Friday fitted a scenario without Fridays. Now the
// day nearest the median stays ordinary and the holiday is judged against it. Data: the Technion
// SEE Center's "Anonymous Bank" call log, January 1999 (Avi Mandelbaum; Guedj and Mandelbaum,
// 2000): its first week in test/fixtures (see its README), and the same week again a week later
// as the second, its Friday cut to one row in five for a holiday.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRecordsText } from '../../sim/history/load';
import { historyOf } from '../../sim/history/history';
import { dayOf, isoDay } from '../../sim/history/local-time';

const WEEK = fileURLToPath(new URL('../fixtures/anonymous-bank-1999-01-week1.tsv', import.meta.url));
const [header, ...rows] = readFileSync(WEEK, 'utf8').trimEnd().split('\n');
const DATE = header.split('\t').indexOf('date');

/** A row of the first week moved a week on (dates 990101–990107 → 990108–990114). */
const weekLater = (row: string) => {
  const cells = row.split('\t');
  cells[DATE] = `9901${String(Number(cells[DATE].slice(4)) + 7).padStart(2, '0')}`;
  return cells.join('\t');
};
// The second Friday (1999-01-08, the first one's rows) a holiday: one row in five.
const second = rows.map(weekLater).filter((row, i) => row.split('\t')[DATE] !== '990108' || i % 5 === 0);
const loaded = loadRecordsText([header, ...rows, ...second].join('\n') + '\n', 'two-weeks.tsv');
const records = loaded.format === 'bank' ? loaded.outcome.records : [];
const offeredOn = (day: string) => records.filter((r) => isoDay(dayOf(r.arrivalLocalMs)) === day).length;

describe('two weeks with a holiday on the second Friday', () => {
  const history = historyOf(loaded, 'two-weeks.tsv');
  const fit = history.fit(history.days.map((_, i) => i), { timezone: loaded.timezone, source: 'two-weeks.tsv' });

  it('keeps the first Friday ordinary: Fridays are forecast with its contacts', () => {
    const friday = fit.scenario.demand.reduce((s, d) => s + (d.pattern as { weekday: number[] }).weekday[4], 0);
    expect(friday).toBeCloseTo(offeredOn('1999-01-01'), 6);
  });

  it('makes the holiday the special day, at its share of that Friday', () => {
    expect(fit.demand.specialDays.map((s) => isoDay(s.day))).toEqual(['1999-01-08']);
    expect(fit.demand.specialDays[0].factor).toBe(Math.round((offeredOn('1999-01-08') / offeredOn('1999-01-01')) * 100) / 100);
  });
});
