// Interval tables — per queue and interval: offered, answered, abandoned, AHT, ASA, agents — as
// platforms without call-level logs export them. The same contacts, summed into a table, must
// give the call-level fit's volumes and patience (the table's total waiting time ÷ abandons is
// the censored estimator's own formula), and a table back-tests like call records.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateScenario, parseScenario } from '../../sim/scenario/scenario';
import { localDesk } from '../support';
import { syntheticRecords } from '../../sim/history/synthetic-records';
import { intervalTableCsv } from '../../sim/history/interval-export';
import { intervalLayout, intervalMinutesOf, fitIntervalQueues } from '../../sim/history/intervals';
import { readRows } from '../../sim/history/records';
import { fitScenario, fitScenarioFromIntervals } from '../../sim/history/fit-scenario';
import { followsun } from '../cli-in-process';

const ZONE = 'Europe/Lisbon';
const desk = localDesk({ city: 'Lisbon', zone: ZONE, language: 'pt', start: '2026-01-05T00:00:00Z', days: 21, perWeek: 6000, agents: 8, seed: 11 });
const records = syntheticRecords(validateScenario(desk, 'desk'));
const table = intervalTableCsv(records, 30);
const dir = mkdtempSync(join(tmpdir(), 'followsun-intervals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('contact records summed into a half-hourly table', () => {
  const read = readRows(table, 'desk.csv', intervalLayout(ZONE));
  const rows = read.records;

  it('is read whole, and its interval length is found', () => {
    expect(read.rowsRead).toBe(table.trimEnd().split('\n').length - 1);
    expect(rows.length).toBe(read.rowsRead);
    expect(intervalMinutesOf(rows)).toBe(30);
    expect(rows.reduce((s, r) => s + r.offered, 0)).toBe(records.length);
  });

  it('gives the call-level fit’s volume, mean handle time and patience', () => {
    const fromTable = fitScenarioFromIntervals(rows, 30, { timezone: ZONE });
    const fromCalls = fitScenario(records, { timezone: ZONE });
    expect(fromTable.demand.queues[0].perWeek).toBeCloseTo(fromCalls.demand.queues[0].perWeek, 0);
    const queue = fitIntervalQueues(rows)[0];
    expect(queue.ahtSeconds).toBeCloseTo(fromCalls.queues[0].handleTime!.meanSeconds, 0);
    // The table rounds each interval's mean waits to 0.1 s: the same estimate within 0.5%.
    expect(queue.patienceSeconds! / fromCalls.queues[0].patience!.meanSeconds).toBeCloseTo(1, 2);
    expect(Math.abs(queue.patienceSeconds! - 150)).toBeLessThan(3 * fromCalls.queues[0].patience!.standardErrorSeconds);
  });

  it('imports through the CLI (the layout told by its header) and back-tests out of sample', async () => {
    const file = join(dir, 'desk-intervals.csv');
    writeFileSync(file, table);
    const out = join(dir, 'desk.yaml');
    const imported = await followsun('import', file, '--timezone', ZONE, '--out', out);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Layout: intervals');
    const scenario = parseScenario(readFileSync(out, 'utf8'), out);
    expect(scenario.intervalMinutes).toBe(30);
    expect(scenario.demand[0].handleTime).toMatchObject({ dist: 'lognormal', cv: 1 });

    // Two weeks to fit on, the third to test: the forecast's own sampling error (each weekday
    // from two days) widens the misses beyond the band, so less than 95% lie inside it.
    const o = await followsun('backtest', file, '--timezone', ZONE, '--train-until', '2026-01-19', '--json');
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    const result = JSON.parse(o.stdout);
    expect(result.from).toBe('2026-01-19');
    expect(result.figures.offered.insideBand).toBeGreaterThan(0.75);
    expect(result.figures.abandonRate.points).toBeGreaterThan(50);
  });

  it('without an agents column, cannot be replayed: the message says why', async () => {
    const file = join(dir, 'no-agents.csv');
    writeFileSync(file, table.split('\n').map((line) => line.split(',').slice(0, -1).join(',')).join('\n'));
    const o = await followsun('backtest', file, '--timezone', ZONE, '--train-until', '2026-01-19');
    expect(o.status).toBe(2);
    expect(o.stderr).toContain('no-agents.csv: no agents column: the back-test replays the staffing the table shows');
  });
});
