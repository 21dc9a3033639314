// The Anonymous Bank's January 1999 call log (Technion SEE Center, Avi Mandelbaum; slices in
// test/fixtures, see its README): every odd row accounted for, a valid fitted scenario, and a
// back-test of the last week after fitting on the first three, through the command line.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_ROWS, readRecords, RecordsError } from '../../sim/history/records';
import { bankLayout, genericLayout } from '../../sim/history/layouts';
import { parseScenario } from '../../sim/scenario/scenario';
import { followsun } from '../cli-in-process';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const WEEK = join(FIXTURES, 'anonymous-bank-1999-01-week1.tsv');
const SMALL_QUEUES = join(FIXTURES, 'anonymous-bank-1999-01-small-queues.tsv');
const dir = mkdtempSync(join(tmpdir(), 'followsun-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the first week of January 1999, read with the bank layout', () => {
  const text = readFileSync(WEEK, 'utf8');
  const read = readRecords(text, 'week1.tsv', bankLayout);
  const dataRows = text.trimEnd().split('\n').length - 1;

  it('accounts for every row: offered, hung up in the IVR, or left out by kind', () => {
    const rejected = Object.values(read.rejected).reduce((s, t) => s + t.count, 0);
    expect(read.rowsRead).toBe(dataRows);
    expect(read.records.length + read.notOffered.count + rejected).toBe(read.rowsRead);
  });

  it('counts the warts of the source by kind, each with the first line it is on', () => {
    const header = text.split('\n')[0].split('\t');
    const column = (name: string) => header.indexOf(name);
    const rows = text.trimEnd().split('\n').slice(1).map((l) => l.split('\t'));
    const phantoms = rows.filter((r) => r[column('outcome')] === 'PHANTOM').length;
    expect(phantoms).toBeGreaterThan(0);
    expect(read.rejected['PHANTOM (not a real call, to ignore)'].count).toBe(phantoms);
    expect(read.rejected['unknown service type']).toMatchObject({ count: 1, detail: 'type "AA"' });
    const line = read.rejected['unknown service type'].firstLine;
    expect(text.split('\n')[line - 1].split('\t')[column('type')]).toBe('AA');
    expect(read.notes['served across midnight (ser_time kept)'].count).toBeGreaterThan(0);
    expect(read.notes['answered with no agent named (its handle time counted as busy time; no agent added to the staffing)'].count).toBeGreaterThan(0);
    // A caller who hung up in the IVR, never queued, is not an abandoned call (the AA row is one,
    // counted as an unknown type).
    const ivr = rows.filter((r) => r[column('outcome')] === 'HANG' && r[column('q_start')] === '0:00:00' && r[column('type')] !== 'AA').length;
    expect(read.notOffered.count).toBe(ivr);
  });

  it('imports to a scenario that followsun run accepts, with every type as a queue', async () => {
    const out = join(dir, 'week1.yaml');
    const o = await followsun('import', WEEK, '--out', out);
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    expect(o.stdout).toMatch(/9487 rows read: \d+ contacts offered to a queue, \d+ hung up before reaching one \(in the IVR\), \d+ left out/);
    const scenario = parseScenario(readFileSync(out, 'utf8'), out);
    expect(new Set(scenario.demand.map((d) => d.language))).toEqual(new Set(['he-PS', 'en-PE', 'he-NE', 'he-NW', 'he-IN', 'he-TT']));
    expect(scenario.demand.every((d) => d.timezone === 'Asia/Jerusalem' && d.patience?.dist === 'exponential')).toBe(true);
    expect(scenario.horizon.start).toBe('1999-01-01T00:00:00+02:00');
    const run = await followsun('run', out, '--replications', '2', '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).scenarios[0].summary.offered.mean).toBeGreaterThan(5000);
  });

  it('quotes the shifts\' clock times, which YAML 1.1 readers take for numbers (10:00 as 600)', async () => {
    const out = join(dir, 'week1-clock.yaml');
    expect((await followsun('import', WEEK, '--out', out)).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/start: "1\d:\d\d", end: "\d\d:\d\d"/);
    expect(text).not.toMatch(/(start|end): \d{1,2}:\d\d/);
  });

  it('writes JSON when --out ends in .json, as plan does (it wrote YAML text into scenario.json)', async () => {
    const json = join(dir, 'week1.json');
    const o = await followsun('import', WEEK, '--out', json);
    expect(o.status).toBe(0);
    const yaml = join(dir, 'week1-twin.yaml');
    expect((await followsun('import', WEEK, '--out', yaml)).status).toBe(0);
    const text = readFileSync(json, 'utf8');
    expect(() => JSON.parse(text)).not.toThrow();
    expect(parseScenario(text, 'week1.json')).toEqual(parseScenario(readFileSync(yaml, 'utf8'), 'week1-twin.yaml'));
  });

  it('tells no trend from one week, where each weekday is seen once (it printed 0.0% a week ± 0.0)', async () => {
    const o = await followsun('import', WEEK, '--out', join(dir, 'week1-trend.yaml'));
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('Trend: too few ordinary days for a trend;');
    expect(o.stdout).not.toMatch(/drifted/);
  });
});

describe('the same week exported twice into one file', () => {
  it('leaves the second copy of each call out, naming the row it repeats, so that the demand is not doubled', () => {
    const text = readFileSync(WEEK, 'utf8').trimEnd();
    const once = readRecords(text, 'week1.tsv', bankLayout);
    const twice = readRecords(`${text}\n${text.split('\n').slice(1).join('\n')}\n`, 'twice.tsv', bankLayout);
    expect(twice.records).toEqual(once.records);
    expect(twice.notOffered.count).toBe(once.notOffered.count);
    expect(twice.rejected['a repeat of an earlier row (the same vru+line, call_id, date, vru_entry)']).toEqual({ count: 9487, firstLine: 9489, detail: 'as line 2' });
  });
});

describe('malformed records', () => {
  it('name the file, the line and what was expected, and are counted rather than fatal', () => {
    const csv = 'arrival,queue,outcome,wait_seconds,handle_seconds\n2026-01-05 09:00:00,en,answered,12,300\nyesterday,en,answered,12,300\n2026-01-05 09:01:00,en,answered,-3,300\n';
    const read = readRecords(csv, 'calls.csv', genericLayout('UTC'));
    expect(read.records.length).toBe(1);
    expect(read.rejected['malformed arrival']).toMatchObject({ count: 1, firstLine: 3 });
    expect(read.rejected['malformed arrival'].detail).toContain('expected a time such as 2026-03-02 09:15:00');
    expect(read.rejected['negative time in the queue']).toMatchObject({ count: 1, firstLine: 4 });
  });

  it('reads exports as platforms write them: Windows line ends, quoted fields with commas, a semicolon-free CSV', () => {
    const csv =
      'arrival,queue,outcome,wait_seconds,handle_seconds,agent\r\n' +
      '2026-01-05 09:00:00,"Sales, EN",answered,12,300,"Doe, Jane"\r\n' +
      '2026-01-05 09:01:00,"Sales, EN",abandoned,40,,\r\n';
    const read = readRecords(csv, 'export.csv', genericLayout('UTC'));
    expect(read.rejected).toEqual({});
    expect(read.records.map((r) => [r.queue, r.answered, r.waitSeconds, r.agent])).toEqual([
      ['und-SalesEN', true, 12, 'Doe, Jane'],
      ['und-SalesEN', false, 40, undefined],
    ]);
  });

  it('a file of more rows than the limit is refused before it is parsed', () => {
    const many = `arrival,queue,outcome,wait_seconds,handle_seconds\n${'\n'.repeat(MAX_RECORD_ROWS + 1)}`;
    expect(() => readRecords(many, 'huge.csv', genericLayout('UTC'))).toThrow(/huge\.csv: more than 2,000,000 rows \(split the file by month\)/);
  });

  it('a missing column is an error naming the file and the columns it has', () => {
    expect(() => readRecords('when,queue\n2026-01-05 09:00,en\n', 'calls.csv', genericLayout('UTC'))).toThrow(RecordsError);
    expect(() => readRecords('when,queue\n2026-01-05 09:00,en\n', 'calls.csv', genericLayout('UTC'))).toThrow(/calls\.csv:1: the generic layout needs the columns arrival, outcome, wait_seconds, handle_seconds; the header has when, queue/);
  });

  it('--map reads another export’s columns as the generic fields', async () => {
    const file = join(dir, 'platform.csv');
    const rows = Array.from({ length: 60 }, (_, i) => `2026-01-0${5 + (i % 3)}T${String(8 + (i % 9)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z,sales,${i % 7 ? 'answered' : 'abandoned'},${i % 40},${i % 7 ? 120 + i : 0},A${i % 4}`);
    writeFileSync(file, `Start,Skill,Result,Wait,Talk,Agent\n${rows.join('\n')}\n`);
    const map = ['Start=arrival', 'Skill=queue', 'Result=outcome', 'Wait=wait_seconds', 'Talk=handle_seconds', 'Agent=agent'].flatMap((m) => ['--map', m]);
    const out = join(dir, 'platform.yaml');
    const o = await followsun('import', file, ...map, '--timezone', 'Europe/Berlin', '--out', out);
    expect(o.stderr).toBe('');
    expect(o.status).toBe(0);
    const scenario = parseScenario(readFileSync(out, 'utf8'), out);
    expect(scenario.demand[0].language).toBe('und-sales');
    expect(scenario.demand[0].timezone).toBe('Europe/Berlin');
    const bad = await followsun('import', file, '--map', 'Start=start_time', '--out', out);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("unknown field 'start_time'");
    const misspelt = await followsun('import', file, '--map', 'Start=arival', '--out', out);
    expect(misspelt.status).toBe(2);
    expect(misspelt.stderr).toContain("unknown field 'arival', did you mean arrival?");
  });
});

describe('fit on the first three weeks of January, back-test the last', () => {
  it('prints each figure’s bias, errors and share of hours inside the band', async () => {
    const report = join(dir, 'backtest.html');
    const text = await followsun('backtest', SMALL_QUEUES, '--train-until', '1999-01-25', '--replications', '10', '--report', report);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Back-test 1999-01-25 to 1999-01-31 (local time Asia/Jerusalem)');
    expect(text.stdout).toContain('Out of sample: fitted on 1999-01-01 to 1999-01-24');
    for (const figure of ['Contacts offered', 'Abandon rate', 'Average speed of answer (s)', 'Service level', 'Occupancy']) {
      expect(text.stdout).toMatch(new RegExp(`${figure.replace(/[()]/g, '\\$&')}\\s+[+−-]?\\d`));
    }
    const html = readFileSync(report, 'utf8');
    expect(html.match(/<svg class="chart backtest"/g)?.length).toBe(6); // a chart per figure, hour by hour (one week)
    expect(html).toContain('Patience: exponential, maximum likelihood with answered calls as right-censored'); // how it was fitted

    const json = await followsun('backtest', SMALL_QUEUES, '--train-until', '1999-01-25', '--replications', '10', '--json');
    const result = JSON.parse(json.stdout);
    for (const figure of ['offered', 'abandonRate', 'asaSeconds', 'serviceLevel', 'occupancy']) {
      const f = result.figures[figure];
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['bias', 'mae', 'mape', 'insideBand']));
      expect(f.mae).toBeGreaterThanOrEqual(Math.abs(f.bias));
      expect(f.insideBand).toBeGreaterThanOrEqual(0);
      expect(f.insideBand).toBeLessThanOrEqual(1);
    }
    // Every hour of the week with a contact offered is compared (89, counted by an independent
    // Python script over the slice), and hours closed in the records and every replication are not.
    expect(result.figures.offered.points).toBeGreaterThanOrEqual(89);
    expect(result.figures.offered.points).toBeLessThan(7 * 24);
  });

  it('refuses a scenario of other queues or another time zone, saying which', async () => {
    const other = fileURLToPath(new URL('../../scenarios/global-in-house.yaml', import.meta.url));
    const o = await followsun('backtest', other, SMALL_QUEUES);
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(/the records are in Asia\/Jerusalem local time, the scenario's demand in .*America/);
  });

  it('refuses a date with nothing to fit on, naming the file', async () => {
    const o = await followsun('backtest', SMALL_QUEUES, '--train-until', '1998-12-01');
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(/anonymous-bank-1999-01-small-queues\.tsv: no records before 1998-12-01 to fit on/);
  });
});
