// The app's import, in Node: src/history/ reads a records file as the CLI does (the layout guessed
// from the header, the same limits and messages) and fits and back-tests it with the same
// sim/history calls as cli/import.ts and cli/backtest.ts — checked here on the interval-table
// layout, which the browser tests do not drop, and on telling records from scenario files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestObserved } from '../../sim/history/backtest';
import { fitScenarioFromIntervals, scenarioYaml } from '../../sim/history/fit-scenario';
import { intervalTableCsv } from '../../sim/history/interval-export';
import { fitIntervalQueues, intervalLayout, intervalMinutesOf, observeIntervals } from '../../sim/history/intervals';
import { bankLayout } from '../../sim/history/layouts';
import { readRecords, readRows, RecordsError } from '../../sim/history/records';
import { parseScenario } from '../../sim/scenario/scenario';
import { importRecords } from '../../src/history/import-job';
import { loadRecords, looksLikeRecords } from '../../src/history/load-records';
import { recordsText } from '../../sim/history/records';

// The Technion SEE Center's "Anonymous Bank" data (Avi Mandelbaum), January 1999: test/fixtures/README.md.
const BANK = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'anonymous-bank-1999-01-week1.tsv'), 'utf8');

describe("the app's records import (src/history), in Node", () => {
  it('reads an interval table as the CLI does and gives the same fit and back-test', () => {
    const zone = 'Asia/Jerusalem';
    const table = intervalTableCsv(readRecords(BANK, 'week1.tsv', bankLayout).records, 30);
    const loaded = loadRecords(table, 'week1-intervals.csv', zone);
    expect(loaded.format).toBe('intervals');
    const rows = readRows(table, 'week1-intervals.csv', intervalLayout(zone), {}).records;
    const minutes = intervalMinutesOf(rows)!;
    expect(minutes).toBe(30);
    const job = importRecords(loaded, 'week1-intervals.csv', { replications: 6 });
    const fit = fitScenarioFromIntervals(rows, minutes, { timezone: zone, source: 'week1-intervals.csv' });
    const yaml = scenarioYaml(fit);
    expect(job.report.yaml).toBe(yaml);
    expect(job.report.accounting.kept).toBe(rows.length);
    expect(job.report.intervalMinutes).toBe(30);
    expect(job.report.queues.map((q) => [q.queue, q.offered, q.ahtSeconds, q.patienceSeconds])).toEqual(
      fitIntervalQueues(rows).map((q) => [q.queue, q.offered, q.ahtSeconds, q.patienceSeconds]),
    );
    const want = backtestObserved(parseScenario(yaml, 'fitted scenario'), observeIntervals(rows, minutes), { replications: 6 });
    const got = job.backtest(() => undefined);
    expect(got.figures).toEqual(want.figures);
    expect(got.series.hour).toEqual(want.series.hour);
  });

  const problems = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as RecordsError).problems;
    }
    return [];
  };

  it('refuses what the CLI refuses, in its words', () => {
    expect(problems(() => loadRecords('a\0b', 'x.csv'))[0]).toBe('x.csv: not a text file (it holds NUL bytes); export the records as CSV or TSV');
    expect(problems(() => loadRecords('', 'empty.csv'))[0]).toBe('empty.csv: empty: expected a header line and one row per contact');
    expect(problems(() => loadRecords(BANK, 'week1.tsv', 'Mars/Olympus'))[0]).toContain('expected an IANA time zone');
    const loaded = loadRecords(BANK, 'week1.tsv');
    expect(loaded.timezone).toBe('Asia/Jerusalem'); // the bank's clock, whatever the fallback
    expect(problems(() => importRecords(loaded, 'week1.tsv', { trainUntil: '1999-01-01' }))[0]).toBe('week1.tsv: no records before 1999-01-01 to fit on');
    expect(problems(() => importRecords(loaded, 'week1.tsv', { trainUntil: '1999-02-01' }))[0]).toBe('week1.tsv: no records on or after 1999-02-01 to test on');
    expect(problems(() => importRecords(loaded, 'week1.tsv', { replications: 1 }))[0]).toContain('Replications: expected a whole number from 2');
  });

  it('says local times were read in an assumed zone only when no zone was chosen on the page', () => {
    const desk = 'arrival,queue,outcome,wait_seconds,handle_seconds,agent\n2026-03-02 09:15:00,en,answered,10,120,anna\n2026-03-02T09:20:00Z,en,answered,10,120,anna\n';
    const nobody = loadRecords(desk, 'desk.csv');
    expect(nobody.zoneAssumed).toEqual({ zone: 'UTC', fromFallback: false, rows: 1, firstLine: 2 });
    expect(Object.keys(nobody.outcome.notes)).toEqual(['clock time without a UTC offset, read as UTC local time']);
    // Chosen, as --timezone: no zone assumed, and no caveat on the rows read in it.
    const chosen = loadRecords(desk, 'desk.csv', 'Europe/Berlin');
    expect(chosen.timezone).toBe('Europe/Berlin');
    expect(chosen.zoneAssumed).toBeUndefined();
    expect(chosen.outcome.notes).toEqual({});
    // The bank's clock is Israel's, whatever zone a file before it was read in.
    expect(loadRecords(BANK, 'week1.tsv', 'Europe/Berlin').timezone).toBe('Asia/Jerusalem');
  });

  it('decodes UTF-8 and UTF-16 exports, refuses Latin-1 as the CLI does, and tells records from scenario files', () => {
    const text = 'arrival,queue\n';
    expect(recordsText(new TextEncoder().encode(`\uFEFF${text}`), 'calls.csv')).toBe(text);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(recordsText(utf16, 'calls.csv')).toBe(text);
    // Zoë in Latin-1 (0xEB): replaced by U+FFFD she was the same agent as Zoé.
    const latin1 = new Uint8Array([...new TextEncoder().encode('arrival,agent\n2026-03-02 09:00:00,Zo'), 0xeb, 10]);
    expect(problems(() => recordsText(latin1, 'calls.csv'))[0]).toMatch(/^calls\.csv:2: not UTF-8 text \(a byte 0xEB /);
    expect(looksLikeRecords('calls.csv', '')).toBe(true);
    expect(looksLikeRecords('week.TSV', '')).toBe(true);
    expect(looksLikeRecords('desk.yaml', 'arrival,queue')).toBe(false);
    expect(looksLikeRecords('export', BANK.slice(0, 4096))).toBe(true);
    expect(looksLikeRecords('export', 'interval_start,queue,offered,answered,aht_seconds\n')).toBe(true);
    expect(looksLikeRecords('scenario', 'name: One queue\nhorizon: { start: 2026-03-23T00:00:00Z, days: 7 }\n')).toBe(false);
    expect(looksLikeRecords('scenario', '{ "name": "x", "queue": 1 }')).toBe(false);
    expect(looksLikeRecords('notes', 'hello world')).toBe(false);
  });
});
