// Interval tables whose starts are instants (2026-10-25T00:00:00Z) on the night Berlin's clocks go
// back: its 02:00–03:00 happens twice (00:00–01:00 and 01:00–02:00 UTC). Read as local clock
// times, the two intervals became one: of two identical rows the second was dropped as a "repeat"
// (6 calls lost), and rows with other figures had their contacts and agents summed into the
// second hour (offered 3 and 4 became 0 and 7, so did the agents). Kept apart by their instants,
// each hour has its own, as contact records' arrivals have since 65938d3.
import { describe, expect, it } from 'vitest';
import { backtestModel, observeRecords, SUMS } from '../../sim/history/backtest';
import { loadRecordsText } from '../../sim/history/load';
import { observeIntervals, type IntervalRow } from '../../sim/history/intervals';
import { fitScenarioFromIntervals, scenarioYaml } from '../../sim/history/fit-scenario';
import { parseScenario } from '../../sim/scenario/scenario';

const ZONE = 'Europe/Berlin';
const FROM = Date.parse('2026-10-24T22:00:00Z'); // 00:00 CEST on 25 October
const HOUR = 3_600_000;
const HEADER = 'interval_start,queue,offered,answered,aht_seconds,asa_seconds,answered_within_threshold,agents';
const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** Six hourly rows from 00:00 local; `figures(h)` the row's figures after the queue. */
function table(figures: (h: number) => string): string {
  return `${[HEADER, ...Array.from({ length: 6 }, (_, h) => `${iso(FROM + h * HOUR)},de,${figures(h)}`)].join('\n')}\n`;
}
const at = (sums: Float64Array, i: number, name: (typeof SUMS)[number]) => sums[i * SUMS.length + SUMS.indexOf(name)];
const grid = { zone: ZONE, startMs: FROM, intervalMs: HOUR, count: 6, thresholdSeconds: 20 };

describe('an interval table of instants across the autumn change of the clocks', () => {
  it('keeps both 02:00 rows when their figures are the same: they are two intervals, not a repeat', () => {
    const loaded = loadRecordsText(table(() => '6,6,60,5,6,1'), 'night.csv', { timezone: ZONE });
    expect(loaded.format).toBe('intervals');
    expect(loaded.outcome.rejected).toEqual({});
    expect(loaded.outcome.records.length).toBe(6);
    const rows = loaded.outcome.records as IntervalRow[];
    const sums = observeIntervals(rows, 60).sums(grid);
    // Six rows of 6 calls, one per UTC hour: 6 in each, 36 in all.
    expect(Array.from({ length: 6 }, (_, i) => at(sums, i, 'offered'))).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('still leaves out a row met again: the same instant, queue and figures', () => {
    const text = table(() => '6,6,60,5,6,1') + `${iso(FROM + 2 * HOUR)},de,6,6,60,5,6,1\n`;
    const loaded = loadRecordsText(text, 'night.csv', { timezone: ZONE });
    expect(loaded.outcome.records.length).toBe(6);
    // The 8th line repeats line 4 (00:00Z, the first 02:00).
    expect(Object.values(loaded.outcome.rejected)).toEqual([{ count: 1, firstLine: 8, detail: 'as line 4' }]);
  });

  it('counts each hour its own contacts and agents, and replays each hour with its own head count', () => {
    // Offered 1..6 and agents 1..6 in hours 0..5: the two 02:00 hours have 3 and 4 of each.
    const loaded = loadRecordsText(table((h) => `${h + 1},${h + 1},60,5,${h + 1},${h + 1}`), 'night.csv', { timezone: ZONE });
    const rows = loaded.outcome.records as IntervalRow[];
    expect(rows.length).toBe(6);
    const observed = observeIntervals(rows, 60);
    const sums = observed.sums(grid);
    expect(Array.from({ length: 6 }, (_, i) => at(sums, i, 'offered'))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from({ length: 6 }, (_, i) => at(sums, i, 'onlineSeconds'))).toEqual([1, 2, 3, 4, 5, 6].map((a) => a * 3600));
    // The replayed roster: agents × 3,600 s per hour (read as local times, the first 02:00 hour
    // had 0 and the second 3 + 4 = 7).
    const scenario = parseScenario(scenarioYaml(fitScenarioFromIntervals(rows, 60, { timezone: ZONE })), 'night.yaml');
    const model = backtestModel({ ...scenario, intervalMinutes: 60 }, observed.firstDay, 1, observed.staffing, { replications: 2 });
    expect(Array.from(model.pools[0].roster.paidAgentSeconds.slice(0, 6))).toEqual([1, 2, 3, 4, 5, 6].map((a) => a * 3600));
  });

  it('agrees with the same contacts written one per row as instants', () => {
    // One call every 10 minutes for the six hours, as contact records: the table of the same
    // night (6 an hour) gives the same offered per hour.
    const lines = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent'];
    for (let t = FROM; t < FROM + 6 * HOUR; t += 600_000) lines.push(`${iso(t)},de,answered,5,60,anna`);
    const records = loadRecordsText(`${lines.join('\n')}\n`, 'calls.csv', { timezone: ZONE }).outcome.records;
    const fromCalls = observeRecords(records as never).sums(grid);
    const fromTable = observeIntervals(loadRecordsText(table(() => '6,6,60,5,6,1'), 'night.csv', { timezone: ZONE }).outcome.records as IntervalRow[], 60).sums(grid);
    for (let i = 0; i < 6; i++) expect(at(fromTable, i, 'offered')).toBe(at(fromCalls, i, 'offered'));
  });
});
