// An interval table whose rows write their starts two ways — a local clock time (2026-03-02 10:00)
// and an instant (2026-03-02T09:00:00Z) — names one interval twice when both are the same instant
// in the customers' zone (Berlin is UTC+1 in March). Two identical rows of one interval are a
// repeat, left out and counted, whichever way each writes its start: the mixed pair was kept, and
// the interval's contacts and agents counted twice. Only a local time of the hour the clocks
// repeat (or skip) names no one instant, and is never taken for an instant's repeat. Rows of one
// interval with other figures add up, and so do their agents against the most a pool can have.
import { describe, expect, it } from 'vitest';
import { loadRecordsText } from '../../sim/history/load';
import type { IntervalRow } from '../../sim/history/intervals';
import type { RecordsError } from '../../sim/history/records';

const ZONE = 'Europe/Berlin';
const HEADER = 'interval_start,queue,offered,answered,aht_seconds,asa_seconds,answered_within_threshold,agents';
const FIGURES = '6,6,60,5,6,1';

/** A morning of hourly rows from 08:00 local on 2 March, then the rows `extra` (start, figures). */
function table(extra: [start: string, figures: string][]): string {
  const morning = ['08', '09', '10', '11'].map((h) => `2026-03-02 ${h}:00,de,${FIGURES}`);
  return `${[HEADER, ...morning, ...extra.map(([start, figures]) => `${start},de,${figures}`)].join('\n')}\n`;
}
const load = (text: string, timezone = ZONE) => loadRecordsText(text, 'desk.csv', { timezone });
const offered = (rows: unknown[]) => (rows as IntervalRow[]).reduce((s, r) => s + r.offered, 0);
const REPEAT = 'a repeat of an earlier row (the same queue, interval and figures)';
const problems = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as RecordsError).problems;
  }
  return [];
};

describe('an interval table writing one interval as a local time and as an instant', () => {
  it('leaves out two identical local rows as a repeat (as before)', () => {
    const loaded = load(table([['2026-03-02 10:00:00', FIGURES]]));
    expect(loaded.outcome.rejected).toEqual({ [REPEAT]: { count: 1, firstLine: 6, detail: 'as line 4' } });
  });

  it('leaves out an instant naming a local row’s interval, figures and all, the same way', () => {
    const loaded = load(table([['2026-03-02T09:00:00Z', FIGURES]]));
    expect(loaded.outcome.rejected).toEqual({ [REPEAT]: { count: 1, firstLine: 6, detail: 'as line 4' } });
    expect(offered(loaded.outcome.records)).toBe(4 * 6);
  });

  it('leaves out a local row naming an earlier instant’s interval, written with any offset', () => {
    const text = `${HEADER}\n2026-03-02T10:00:00+01:00,de,${FIGURES}\n2026-03-02 10:00,de,${FIGURES}\n2026-03-02T09:00Z,de,${FIGURES}\n2026-03-02 11:00,de,${FIGURES}\n`;
    const loaded = load(text);
    expect(loaded.outcome.rejected).toEqual({ [REPEAT]: { count: 2, firstLine: 3, detail: 'as line 2' } });
    expect(loaded.outcome.records.length).toBe(2);
  });

  it('adds up rows of one interval with other figures (an export per site), however written', () => {
    const loaded = load(table([['2026-03-02T09:00:00Z', '4,4,60,5,4,1']]));
    expect(loaded.outcome.rejected).toEqual({});
    expect(offered(loaded.outcome.records)).toBe(4 * 6 + 4);
  });

  it('adds up the agents of one interval however written, against the most a pool can have', () => {
    // 60,000 agents at 10:00 and 60,000 more at 09:00Z: one interval of 120,000 in the replay.
    const text = table([['2026-03-02T09:00:00Z', '4,4,60,5,4,60000']]).replace('2026-03-02 10:00,de,6,6,60,5,6,1', '2026-03-02 10:00,de,6,6,60,5,6,60000');
    expect(problems(() => load(text))).toEqual([
      'desk.csv:4: column agents: the queues\' agents of this interval add up to 120,000: expected at most 100,000 (the most one pool can have)',
    ]);
  });

  it('keeps an instant that is another interval in the zone chosen', () => {
    // 11:00Z is 12:00 in Berlin, after the morning's rows; in UTC it is the 11:00 row's interval.
    expect(load(table([['2026-03-02T11:00:00Z', FIGURES]])).outcome.rejected).toEqual({});
    expect(load(table([['2026-03-02T11:00:00Z', FIGURES]]), 'UTC').outcome.rejected).toEqual({ [REPEAT]: { count: 1, firstLine: 6, detail: 'as line 5' } });
  });

  it('does not take a local time of the repeated autumn hour for either of its instants', () => {
    // 02:00 on 25 October happens twice in Berlin: 00:00Z (+02:00) and 01:00Z (+01:00).
    const night = ['2026-10-25 01:00', '2026-10-25 02:00', '2026-10-25T00:00:00Z', '2026-10-25T01:00:00Z', '2026-10-25 02:00:00', '2026-10-25 03:00'];
    const loaded = load(`${[HEADER, ...night.map((start) => `${start},de,${FIGURES}`)].join('\n')}\n`);
    // Only the second local 02:00 is a repeat: of the first, as two identical local rows are.
    expect(loaded.outcome.rejected).toEqual({ [REPEAT]: { count: 1, firstLine: 6, detail: 'as line 3' } });
    expect(loaded.outcome.records.length).toBe(5);
  });

  it('does not take a local time of the skipped spring hour for the instant after it', () => {
    // 02:30 on 29 March does not exist in Berlin (02:00 CET becomes 03:00 CEST): read as 03:30,
    // 01:30Z, it is not known to be that row's interval.
    const text = `${HEADER}\n2026-03-29T01:30:00Z,de,${FIGURES}\n2026-03-29 02:30,de,${FIGURES}\n2026-03-29 03:30,de,${FIGURES}\n`;
    const loaded = load(text);
    expect(loaded.outcome.rejected).toEqual({ [REPEAT]: { count: 1, firstLine: 4, detail: 'as line 2' } });
  });
});
