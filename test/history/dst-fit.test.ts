// The fitted hourly curve counts each real hour once. On the night the clocks go back (Berlin,
// Sunday 25 October 2026) 02:00 happens twice; the curve summed that day's 02:00 calls as one
// hour's, and the scenario gives its 02:00 weight to each of the two hours: fitted on a day of a
// call every 10 minutes, the replay offered 24 calls in those two hours where the records had 12.
// On the night they go forward, 02:00 never happens, and its weight read 0 from that day.
import { describe, expect, it } from 'vitest';
import { backtestObserved, observeRecords } from '../../sim/history/backtest';
import { fitScenario, scenarioYaml } from '../../sim/history/fit-scenario';
import { parseScenario } from '../../sim/scenario/scenario';
import { loadRecordsText } from '../../sim/history/load';
import type { ContactRecord } from '../../sim/history/records';
import { callEveryTenMinutes } from '../support';

const ZONE = 'Europe/Berlin';
const HOUR = 3_600_000;

const records = (from: string, hours: number) => callEveryTenMinutes(from, hours, ZONE);
const fit = (rows: ContactRecord[]) => fitScenario(rows, { timezone: ZONE, source: 'desk.csv' });
const hourly = (rows: ContactRecord[]) => (fit(rows).scenario.demand[0].pattern as { hourly: number[] }).hourly;

describe('the hourly curve fitted across a change of the clocks', () => {
  it('is flat for calls at a flat rate over two weeks holding the autumn night', () => {
    // Monday 19 October 00:00 CEST to Sunday 1 November 24:00 CET: 14 × 24 + 1 hours.
    expect(hourly(records('2026-10-18T22:00:00Z', 14 * 24 + 1))).toEqual(Array(24).fill(1));
  });

  it('is flat over two weeks holding the spring night, whose 02:00 never happened', () => {
    expect(hourly(records('2026-03-22T23:00:00Z', 14 * 24 - 1))).toEqual(Array(24).fill(1));
  });

  it('counts the hour the clocks repeat at midnight too (Havana, 1 November: 00:00 twice)', () => {
    // Saturday 00:00 CDT to Sunday 24:00 CST: 49 hours, 00:00 twice on Sunday (04:00Z and 05:00Z).
    const lines = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent'];
    const start = Date.parse('2026-10-31T04:00:00Z');
    for (let t = start; t < start + 49 * HOUR; t += 600_000) lines.push(`${new Date(t).toISOString().slice(0, 19)}Z,es,answered,5,60,ana`);
    const rows = loadRecordsText(`${lines.join('\n')}\n`, 'havana.csv', { timezone: 'America/Havana' }).outcome.records as ContactRecord[];
    const streams = fitScenario(rows, { timezone: 'America/Havana' }).scenario.demand;
    for (const s of streams) expect((s.pattern as { hourly: number[] }).hourly).toEqual(Array(24).fill(1));
  });

  it('replays the autumn night with the calls it had: 6 in each of the two 02:00 hours', () => {
    const night = records('2026-10-24T22:00:00Z', 25); // Sunday 25 October, 25 hours
    const scenario = parseScenario(scenarioYaml(fit(night)), 'night.yaml');
    const result = backtestObserved(scenario, observeRecords(night), { replications: 40, seed: 3 });
    const offered = result.series.hour.offered;
    const twice = offered.filter((p) => p.label.startsWith('2026-10-25T02:00'));
    expect(twice.map((p) => p.actual)).toEqual([6, 6]);
    for (const p of twice) expect(Math.abs(p.mean! - 6)).toBeLessThan(2);
    // The day: 150 calls, and as many simulated (within the replications' noise).
    const day = result.series.day.offered[0];
    expect(day.actual).toBe(150);
    expect(Math.abs(day.mean! - 150)).toBeLessThan(10);
  });
});
