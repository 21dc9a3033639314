// A call log is dated by the IVR entry (the Anonymous Bank's `date`), so a month's export ends
// with the calls that entered on its last date — and a caller who entered at 23:59:58 and left
// the IVR after midnight queued on the day after, a day the export does not cover. Kept, that one
// call made a day of its own: the period ran a day longer, the fit saw a "special day" of one
// call, and a back-test replayed the whole day's forecast, with nobody on the phones, against its
// one call (the bank's January with such a call on the 31st, tested from the 25th: contacts
// offered per day +490 instead of +326, MAPE 20,538%). Data: the Technion SEE Center's
// "Anonymous Bank" call log, January 1999 (Avi Mandelbaum; Guedj and Mandelbaum, 2000), its first
// week in test/fixtures (see its README), with a call of our own appended.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AFTER_LAST_DATE, loadRecordsText } from '../../sim/history/load';
import { historyOf } from '../../sim/history/history';
import { QUEUED_NEXT_DAY } from '../../sim/history/layouts';
import { dayOf, isoDay } from '../../sim/history/local-time';

const WEEK = fileURLToPath(new URL('../fixtures/anonymous-bank-1999-01-week1.tsv', import.meta.url));
const week = readFileSync(WEEK, 'utf8');
const rows = week.trimEnd().split('\n').length;

/** A regular call answered by MICHAL, entering the IVR on `date` at `entry` and leaving it at `exit`. */
const call = (id: number, date: string, entry: string, exit: string) => `AA0101\t${id}\t0\t0\tPS\t${date}\t${entry}\t${exit}\t6\t${exit}\t${exit}\t0\tAGENT\t${exit}\t${exit}\t120\tMICHAL`;

describe('a call that left the IVR after midnight of the export\'s last date', () => {
  const loaded = loadRecordsText(`${week.trimEnd()}\n${call(99001, '990107', '23:59:58', '0:00:04')}\n`, 'week1.tsv');
  const records = loaded.format === 'bank' ? loaded.outcome.records : [];

  it('is left out and counted, naming the last date the export covers', () => {
    expect(loaded.outcome.rejected[AFTER_LAST_DATE]).toEqual({ count: 1, firstLine: rows + 1, detail: "the records' last date is 1999-01-07" });
    expect(loaded.outcome.notes[QUEUED_NEXT_DAY]).toBeUndefined();
    expect(isoDay(dayOf(records[records.length - 1].arrivalLocalMs))).toBe('1999-01-07');
  });

  it('adds no day to the fitted period, and none to the days a back-test replays', () => {
    const history = historyOf(loaded, 'week1.tsv');
    const all = history.days.map((_, i) => i);
    const fit = history.fit(all, { timezone: loaded.timezone, source: 'week1.tsv' });
    expect(fit.scenario.horizon).toMatchObject({ start: '1999-01-01T00:00:00+02:00', days: 7 });
    expect(fit.demand.specialDays).toEqual([]);
    const observed = history.observe(all);
    expect(isoDay(observed.lastDay)).toBe('1999-01-07');
  });
});

describe('a call that left the IVR after midnight inside the export\'s dates', () => {
  const loaded = loadRecordsText(`${week.trimEnd()}\n${call(99002, '990103', '23:59:58', '0:00:04')}\n`, 'week1.tsv');
  const records = loaded.format === 'bank' ? loaded.outcome.records : [];

  it('is kept, queued on the next day, with its caveat', () => {
    expect(loaded.outcome.rejected[AFTER_LAST_DATE]).toBeUndefined();
    expect(loaded.outcome.notes[QUEUED_NEXT_DAY]).toMatchObject({ count: 1, firstLine: rows + 1 });
    const kept = records.find((r) => r.line === rows + 1);
    expect(kept && new Date(kept.arrivalLocalMs).toISOString()).toBe('1999-01-04T00:00:04.000Z');
  });
});
