// Records written as instants (2026-10-25T00:30:00Z) on the night the clocks go back: Berlin's
// 02:00–03:00 happens twice (00:00–01:00 and 01:00–02:00 UTC). Read as local clock times, both
// hours' calls landed in the second: the back-test's actual side showed 0 calls, then 12. Placed
// by their instants, each hour has its own.
import { describe, expect, it } from 'vitest';
import { backtestObserved, observeRecords, SUMS } from '../../sim/history/backtest';
import { fitScenario, scenarioYaml } from '../../sim/history/fit-scenario';
import { loadRecordsText } from '../../sim/history/load';
import { parseScenario } from '../../sim/scenario/scenario';
import type { ContactRecord } from '../../sim/history/records';

const ZONE = 'Europe/Berlin';
const FROM = Date.parse('2026-10-24T22:00:00Z'); // 00:00 CEST on 25 October
const HOUR = 3_600_000;
// One answered call every 10 minutes for six hours, each waiting 5 s and handled in 60 s by anna.
const lines = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent'];
for (let t = FROM; t < FROM + 6 * HOUR; t += 600_000) lines.push(`${new Date(t).toISOString().slice(0, 19)}Z,de,answered,5,60,anna`);
const loaded = loadRecordsText(`${lines.join('\n')}\n`, 'night.csv', { timezone: ZONE });
const records = loaded.outcome.records as ContactRecord[];

describe('contacts written as instants, across the autumn change of the clocks', () => {
  it('counts each UTC hour its own calls and busy time: 6 calls and 6 × 60 s an hour, the repeated hour twice', () => {
    const sums = observeRecords(records).sums({ zone: ZONE, startMs: FROM, intervalMs: HOUR, count: 6, thresholdSeconds: 20 });
    const at = (i: number, name: (typeof SUMS)[number]) => sums[i * SUMS.length + SUMS.indexOf(name)];
    // Independently: 60 minutes ÷ a call every 10 minutes = 6 calls, all answered within 20 s,
    // busy 6 × 60 s = 360 s in every hour.
    expect(Array.from({ length: 6 }, (_, i) => at(i, 'offered'))).toEqual([6, 6, 6, 6, 6, 6]);
    expect(Array.from({ length: 6 }, (_, i) => at(i, 'within'))).toEqual([6, 6, 6, 6, 6, 6]);
    expect(Array.from({ length: 6 }, (_, i) => at(i, 'busySeconds'))).toEqual([360, 360, 360, 360, 360, 360]);
  });

  it('replays them hour by hour with both 02:00 hours compared', () => {
    const scenario = parseScenario(scenarioYaml(fitScenario(records, { timezone: ZONE })), 'night.yaml');
    const result = backtestObserved(scenario, observeRecords(records), { replications: 2, seed: 1 });
    const offered = result.series.hour.offered.slice(0, 6);
    expect(offered.map((p) => p.actual)).toEqual([6, 6, 6, 6, 6, 6]);
    expect(offered.map((p) => p.label.slice(11))).toEqual(['00:00', '01:00', '02:00 (+02:00)', '02:00 (+01:00)', '03:00', '04:00']);
    // Occupancy in the first 02:00 hour: 360 s on calls of the 3,600 s anna was on the phones.
    expect(result.series.hour.occupancy[2].actual).toBeCloseTo(0.1, 12);
  });
});
