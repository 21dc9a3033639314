// The back-test's hours are labelled with the customers' local time; on the night the clocks go
// back, 02:00 happens twice and both hours read "02:00" — a reader could not tell which point was
// which. Each repeated hour now carries its UTC offset (Berlin: +02:00, then +01:00), in the
// series every shell draws from: the app's charts, the --report page; other hours stay as they were.
import { describe, expect, it } from 'vitest';
import { backtestObserved, clockLabel, observeRecords } from '../../sim/history/backtest';
import { fitScenario, scenarioYaml } from '../../sim/history/fit-scenario';
import { loadRecordsText } from '../../sim/history/load';
import { parseScenario } from '../../sim/scenario/scenario';
import { backtestReportHtml } from '../../report/backtest';
import { dayStarts } from '../../sim/history/day-starts';
import type { ContactRecord } from '../../sim/history/records';

const ZONE = 'Europe/Berlin';
const FROM = Date.parse('2026-10-24T22:00:00Z'); // 00:00 CEST on 25 October
const HOUR = 3_600_000;
const lines = ['arrival,queue,outcome,wait_seconds,handle_seconds,agent'];
for (let t = FROM; t < FROM + 6 * HOUR; t += 600_000) lines.push(`${new Date(t).toISOString().slice(0, 19)}Z,de,answered,5,60,anna`);
const records = loadRecordsText(`${lines.join('\n')}\n`, 'night.csv', { timezone: ZONE }).outcome.records as ContactRecord[];
const scenario = parseScenario(scenarioYaml(fitScenario(records, { timezone: ZONE })), 'night.yaml');
const result = backtestObserved(scenario, observeRecords(records), { replications: 2, seed: 1 });

describe('labels of the hours on the night the clocks go back', () => {
  it('tell the two 02:00 hours apart by their UTC offset, every other hour as before', () => {
    // 00:00Z is 02:00 CEST (+02:00), 01:00Z is 02:00 CET (+01:00): Berlin's change is at 01:00Z.
    expect(result.series.hour.offered.slice(0, 6).map((p) => p.label)).toEqual([
      '2026-10-25T00:00',
      '2026-10-25T01:00',
      '2026-10-25T02:00 (+02:00)',
      '2026-10-25T02:00 (+01:00)',
      '2026-10-25T03:00',
      '2026-10-25T04:00',
    ]);
    for (const figure of ['offered', 'abandonRate', 'occupancy'] as const) {
      const labels = result.series.hour[figure].map((p) => p.label);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('do so on the scenario\'s own intervals too', () => {
    const labels = result.series.interval.offered.map((p) => p.label);
    expect(new Set(labels).size).toBe(labels.length);
    // The repeated hour twice, in intervals of the scenario's length.
    expect(labels.filter((l) => l.includes(' (+')).length).toBe((2 * 60) / result.intervalMinutes);
  });

  it('are what the report page\'s points are named by', () => {
    const html = backtestReportHtml({ title: 'Night', result, fittedOn: '' });
    expect(html).toContain('2026-10-25T02:00 (+02:00): actual 6.0');
    expect(html).toContain('2026-10-25T02:00 (+01:00): actual 6.0');
  });

  it('leave spring and ordinary hours, and zones without a change, unmarked', () => {
    // Berlin's spring night: 02:00 is skipped, nothing happens twice.
    expect(clockLabel(ZONE, Date.parse('2026-03-29T00:00:00Z'))).toBe('2026-03-29T01:00');
    expect(clockLabel(ZONE, Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00');
    expect(clockLabel('UTC', Date.parse('2026-10-25T01:00:00Z'))).toBe('2026-10-25T01:00');
    // New York goes back at 06:00Z: 01:00 EDT (−04:00), then 01:00 EST (−05:00).
    expect(clockLabel('America/New_York', Date.parse('2026-11-01T05:00:00Z'))).toBe('2026-11-01T01:00 (-04:00)');
    expect(clockLabel('America/New_York', Date.parse('2026-11-01T06:00:00Z'))).toBe('2026-11-01T01:00 (-05:00)');
    expect(clockLabel('America/New_York', Date.parse('2026-11-01T07:00:00Z'))).toBe('2026-11-01T02:00');
  });
});

describe("a chart's day ticks where the clocks go back at midnight", () => {
  it('Havana, 1 November: midnight happens twice, the day starts once, at the first', () => {
    // Cuba goes back at 01:00 CDT (05:00Z) to 00:00 CST: 04:00Z and 05:00Z are both 00:00.
    const hours = Array.from({ length: 30 }, (_, k) => Date.parse('2026-10-31T04:00:00Z') + k * HOUR);
    const labels = hours.map((t) => clockLabel('America/Havana', t));
    expect(labels[0]).toBe('2026-10-31T00:00');
    expect(labels.slice(24, 26)).toEqual(['2026-11-01T00:00 (-04:00)', '2026-11-01T00:00 (-05:00)']);
    expect(dayStarts(labels, 'hour')).toEqual([0, 24]);
  });
});
