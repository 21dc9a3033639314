// Hostile and careless records files given to `followsun import`: no row may vanish or merge
// silently, every refusal is one line naming the file, line and column (or the flag), and the
// work stays proportional to the rows.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';
import { expectHandled, followsun as followsunBudget, problemLines, tempDir } from '../hostile-support';
import { dsvRows, readRecords, readRows } from '../../sim/history/records';
import { intervalLayout } from '../../sim/history/intervals';
import { genericLayout } from '../../sim/history/layouts';

const dir = tempDir('hostile-import');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'arrival,queue,outcome,wait_seconds,handle_seconds,agent';
/** n generic rows, a minute apart from Monday 2 March 2026 09:00, on `queue`. */
const rows = (n: number, queue = 'en', from = 0) =>
  Array.from({ length: n }, (_, i) => {
    const m = 9 * 60 + from + i;
    return `2026-03-02 ${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00,${queue},answered,12,300,a${i % 5}`;
  });
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('quoted cells', () => {
  it('refuses an unterminated quote, naming the line it starts on, and writes nothing', async () => {
    const lines = [HEADER, ...rows(4), '"unterminated,en,answered,1,2,a', ...rows(2000, 'en', 5)];
    const file = write('broken.csv', lines.join('\n') + '\n');
    const out = join(dir, 'broken.yaml');
    const r = await followsun('import', file, '--out', out);
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/broken\.csv:6: column 1: a quoted cell starts here and is never closed/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('names a row after a cell spanning lines by its physical line', () => {
    const text = [HEADER, rows(1)[0].replace(/a0$/, '"a\n0"'), ...rows(2, 'en', 1), rows(1, 'en', 3)[0].replace(',12,', ',xx,')].join('\n') + '\n';
    const read = readRecords(text, 'ml.csv', genericLayout('UTC'));
    expect(read.records.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(read.records[0].agent).toBe('a\n0');
    expect(read.rejected['malformed wait_seconds'].firstLine).toBe(6);
  });

  it('reads CSV as before: "" inside quotes, CRLF and lone CR line ends, a trailing delimiter', () => {
    const parse = (text: string) => [...dsvRows(text, ',', 'x.csv')].map((r) => [r.line, ...r.cells]);
    expect(parse('a,"b ""q"", c",d\r\ne,f,\rg')).toEqual([
      [1, 'a', 'b "q", c', 'd'],
      [2, 'e', 'f', ''],
      [3, 'g'],
    ]);
    expect(parse('"x\r\ny",z\nw\n')).toEqual([
      [1, 'x\r\ny', 'z'],
      [3, 'w'],
    ]);
  });
});

describe('queue names', () => {
  it('keeps billing-support and billing-sales two queues, and says what each became', async () => {
    const text = [HEADER, ...rows(300, 'billing-support'), ...rows(300, 'billing-sales', 300).map((r) => r.replace(',300,', ',60,'))].join('\n') + '\n';
    const out = join(dir, 'billing.yaml');
    const r = await followsun('import', write('billing.csv', text), '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const support = /"billing-support" → (und-\w+)/.exec(r.stdout)?.[1];
    const sales = /"billing-sales" → (und-\w+)/.exec(r.stdout)?.[1];
    expect(support).toBeDefined();
    expect(sales).toBeDefined();
    expect(support).not.toBe(sales);
    const read = readRecords(text, 'billing.csv', genericLayout('UTC'));
    expect(new Set(read.records.map((c) => c.queue))).toEqual(new Set([support, sales]));
    // The same name becomes the same queue in another file (an import and a later back-test).
    const other = readRecords([HEADER, ...rows(3, 'billing-sales')].join('\n'), 'other.csv', genericLayout('UTC'));
    expect(other.records[0].queue).toBe(sales);
  });
});

describe('columns', () => {
  it('refuses a field read from two columns, naming both', async () => {
    const dup = write('dup.csv', [`${HEADER},arrival`, ...rows(3).map((r) => `${r},2026-03-02 10:00:00`)].join('\n'));
    const r1 = await followsun('import', dup, '--out', join(dir, 'dup.yaml'));
    expect(r1.status).toBe(2);
    expect(problemLines(r1.stderr)).toEqual([expect.stringMatching(/dup\.csv:1: column 1 'arrival' and column 7 'arrival' are both read as arrival/)]);
    const plain = write('plain.csv', [HEADER, ...rows(3)].join('\n'));
    const r2 = await followsun('import', plain, '--map', 'agent=arrival', '--out', join(dir, 'map.yaml'));
    expect(r2.status).toBe(2);
    expect(problemLines(r2.stderr)).toEqual([expect.stringMatching(/plain\.csv:1: column 1 'arrival' and column 6 'agent' \(--map agent=arrival\) are both read as arrival/)]);
    const r3 = await followsun('import', plain, '--map', 'agent=queue', '--map', 'agent=arrival', '--out', join(dir, 'map.yaml'));
    expect(r3.status).toBe(2);
    expect(r3.stderr).toMatch(/--map: column 'agent' is mapped twice/);
    expect(existsSync(join(dir, 'dup.yaml')) || existsSync(join(dir, 'map.yaml'))).toBe(false);
  });

  it('says a needed column is there but mapped onto another field, rather than listing a header that has it', async () => {
    const plain = write('mapped-away.csv', [HEADER, ...rows(3)].join('\n'));
    const r = await followsun('import', plain, '--map', 'arrival=queue', '--out', join(dir, 'mapped-away.yaml'));
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/mapped-away\.csv:1: the generic layout needs the column arrival; column 'arrival' is read as queue \(--map arrival=queue\)/)]);
  });

  it('names semicolons as the separator, not missing columns that --map could name', async () => {
    const semi = write('semi.csv', [HEADER, ...rows(3)].join('\n').replaceAll(',', ';'));
    const r = await followsun('import', semi, '--out', join(dir, 'semi.yaml'));
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/semi\.csv:1: the columns are separated by semicolons: expected commas \(CSV\) or tabs \(TSV\)/)]);
    expect(existsSync(join(dir, 'semi.yaml'))).toBe(false);
  });

  it('names the bank column missing from a bank log, not the generic layout’s', async () => {
    const bank = 'vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_exit\tvru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver';
    const row = 'AA0101\t33118\t27997683\t2\tPS\t990101\t6:55:26\t6\t6:55:26\t6:55:43\t17\tAGENT\t6:55:43\t6:56:37\t54\tMICHAL';
    const file = write('no-entry.tsv', `${bank}\n${row}\n`);
    const r = await followsun('import', file, '--out', join(dir, 'no-entry.yaml'));
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/no-entry\.tsv:1: the bank \(Anonymous Bank call log\) layout needs the column vru_entry;/)]);
  });

  it('refuses a header of too many columns in a short message', async () => {
    const wide = write('wide.csv', Array.from({ length: 200_000 }, (_, i) => `column-${i}-${'x'.repeat(50)}`).join(',') + '\n');
    const r = await followsun('import', wide, '--out', join(dir, 'wide.yaml'));
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/wide\.csv:1: 200,000 columns in the header: at most 1,000/);
    expect(r.stderr.length).toBeLessThan(500);
    const long = write('long.csv', `${'y'.repeat(1_000_000)},queue\n`);
    const r2 = await followsun('import', long, '--out', join(dir, 'long.yaml'));
    expect(r2.status).toBe(2);
    expect(r2.stderr.length).toBeLessThan(1000);
  });
});

describe('queues beyond what one pool serves', () => {
  it('refuses 101 queues against the records, not the scenario file it did not write', async () => {
    const file = write('queues.csv', [HEADER, ...Array.from({ length: 101 }, (_, q) => rows(1, `line-${q}`, q)[0])].join('\n') + '\n');
    const out = join(dir, 'queues.yaml');
    const r = await followsun('import', file, '--out', out);
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/queues\.csv:102: queue "und-line100" is the 101st of 101 queues: expected at most 100/)]);
    expect(r.stderr).not.toMatch(/queues\.yaml/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('numbers', () => {
  it('leaves out seconds and counts written in hex or binary (Number() read 0x10 as 16 s)', () => {
    const text = [HEADER, ...rows(3), rows(1, 'en', 3)[0].replace(',300,', ',0x10,'), rows(1, 'en', 4)[0].replace(',12,', ',0b11,'), rows(1, 'en', 5)[0].replace(',300,', ',2.5e2,')].join('\n');
    const read = readRecords(text, 'hex.csv', genericLayout('UTC'));
    expect(read.records.map((r) => r.handleSeconds)).toEqual([300, 300, 300, 250]);
    expect(read.rejected['malformed handle_seconds']).toMatchObject({ count: 1, firstLine: 5, detail: 'expected seconds, got "0x10"' });
    expect(read.rejected['malformed wait_seconds']).toMatchObject({ count: 1, firstLine: 6 });
    const table = ['interval_start,queue,offered,answered,aht_seconds', '2026-03-02 09:00:00,en,0x10,9,360', '2026-03-02 09:30:00,en,10,9,360'].join('\n');
    const intervals = readRows(table, 'iv.csv', intervalLayout('UTC'));
    expect(intervals.records).toHaveLength(1);
    expect(Object.keys(intervals.rejected)).toEqual([expect.stringMatching(/offered/)]);
  });
});

describe('a back-test of many replications', () => {
  it('is refused when the replications kept for the bands would not fit in memory, before simulating', () => {
    const records = fileURLToPath(new URL('../fixtures/anonymous-bank-1999-01-small-queues.tsv', import.meta.url));
    const scenario = join(dir, 'small-queues.yaml');
    expectHandled(followsunBudget(['import', records, '--out', scenario]), 0);
    // A month of half hours: 10,000 replications keep about 1.7 GB, beyond the 512 MB budget.
    const r = followsunBudget(['backtest', scenario, records, '--replications', '10000']);
    expectHandled(r, 2);
    expect(problemLines(r.stderr)).toEqual([
      expect.stringMatching(/small-queues\.yaml: --replications: about 1\.\d GB of memory to keep 10,000 replications' figures over 1,488 intervals for the 95% bands, more than this process may use/),
    ]);
    expect(r.stdout).toBe('');
  });
});

describe('dates', () => {
  it('refuses records spanning more than three years (a mistyped year), naming both lines, before fitting and writing', async () => {
    const typo = rows(1)[0].replace('2026-03-02', '9999-03-02');
    const file = write('year.csv', [HEADER, ...rows(20), typo, rows(1)[0].replace('2026-03-02', '1900-03-02')].join('\n') + '\n');
    const out = join(dir, 'year.yaml');
    const r = await followsun('import', file, '--out', out);
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([
      expect.stringMatching(/^\S*year\.csv: the records run from 1900-03-02 \(line 23\) to 9999-03-02 \(line 22\), 2,958,100 days: expected at most 1,096 \(three years/),
    ]);
    expect(existsSync(out)).toBe(false);
    const b = await followsun('backtest', file, '--train-until', '2026-03-02');
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/year\.csv: the records run from 1900-03-02/);
  });
});

describe('interval tables', () => {
  const IV = 'interval_start,queue,offered,answered,aht_seconds,agents';
  /** n half-hourly rows from Monday 2 March 2026. */
  const intervals = (n: number, agents: (i: number) => number | string, queue = 'en', offered: number | string = 10) =>
    Array.from({ length: n }, (_, i) => {
      const t = new Date(Date.UTC(2026, 2, 2) + i * 30 * 60_000).toISOString().slice(0, 19).replace('T', ' ');
      return `${t},${queue},${offered},${Number(offered) > 0 ? 9 : 0},360,${agents(i)}`;
    });

  it('imports 2,000 rows of 100,000 agents within the budget (the work follows the rows, not the seats)', () => {
    const file = write('ivB.csv', [IV, ...intervals(2000, () => 100_000)].join('\n') + '\n');
    const out = join(dir, 'ivB.yaml');
    const r = followsunBudget(['import', file, '--out', out]);
    expectHandled(r, 0);
    expect(r.stdout).toMatch(/2000 rows read: 2000 interval rows/);
    expect(r.stdout).toMatch(/100000 at most/);
    expect(existsSync(out)).toBe(true);
  });

  it('leaves out a row met again, figures and all, however its start is written (the table appended twice)', () => {
    const once = intervals(4, () => 3);
    const again = once.map((row) => row.replace(/:00,/, ','));
    const read = readRows([IV, ...once, ...again].join('\n'), 'twice.csv', intervalLayout('UTC'));
    expect(read.records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(read.records.reduce((n, r) => n + r.offered, 0)).toBe(40);
    expect(read.rejected).toEqual({ 'a repeat of an earlier row (the same queue, interval and figures)': { count: 4, firstLine: 6, detail: 'as line 2' } });
    // The same queue and interval with other figures (a second site) still adds up.
    const sites = readRows([IV, ...once, ...intervals(4, () => 2)].join('\n'), 'sites.csv', intervalLayout('UTC'));
    expect(sites.records).toHaveLength(8);
    expect(sites.rejected).toEqual({});
  });

  it('leaves out a row above 100,000 agents, and refuses an interval whose queues add up to more', async () => {
    const one = write('iv-over.csv', [IV, ...intervals(200, (i) => (i === 7 ? 100_001 : 20))].join('\n') + '\n');
    const r = await followsun('import', one, '--out', join(dir, 'iv-over.yaml'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/1 {2}agents above 100,000 \(the most a pool can have\) \(first on line 9: got 100001\)/);
    const two = write('iv-sum.csv', [IV, ...intervals(100, () => 60_000), ...intervals(100, () => 60_000, 'de')].join('\n') + '\n');
    const r2 = await followsun('import', two, '--out', join(dir, 'iv-sum.yaml'));
    expect(r2.status).toBe(2);
    expect(problemLines(r2.stderr)).toEqual([expect.stringMatching(/iv-sum\.csv:2: column agents: the queues' agents of this interval add up to 120,000: expected at most 100,000/)]);
  });
});

describe("the import's own inputs against the scenario's limits", () => {
  const IV = 'interval_start,queue,offered,answered,aht_seconds';
  const table = (n: number, offered: number, minutes = 30) =>
    Array.from({ length: n }, (_, i) => `${new Date(Date.UTC(2026, 2, 2) + i * minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ')},en,${offered},${offered},0.0000001`);

  it('reports offered 1e15 once, against the CSV, not the scenario it would have written', async () => {
    const out = join(dir, 'ivh.yaml');
    const r = await followsun('import', write('iv-huge.csv', [IV, ...table(200, 1e15)].join('\n') + '\n'), '--out', out);
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/iv-huge\.csv: no usable row in 200 rows: 200 offered above 1,000,000 .*first on line 2/)]);
    expect(r.stderr).not.toMatch(/ivh\.yaml/);
    // Within the hourly bound per row, above it for 5-minute intervals: the line and column.
    const r2 = await followsun('import', write('iv-5min.csv', [IV, ...table(200, 900_000, 5)].join('\n') + '\n'), '--out', out);
    expect(problemLines(r2.stderr)).toEqual([expect.stringMatching(/iv-5min\.csv:2: column offered: 900,000 contacts in a 5-minute interval of one queue: expected at most 83,333/)]);
    expect(existsSync(out)).toBe(false);
  });

  it('leaves out contact times beyond 30 days, and refuses an empty --name as the flag', async () => {
    const text = [HEADER, ...rows(50), '2026-03-02 11:00:00,en,answered,12,1e12,a1', '2026-03-02 11:01:00,en,abandoned,1e13,0,'].join('\n') + '\n';
    const file = write('long-times.csv', text);
    const r = await followsun('import', file, '--out', join(dir, 'long-times.yaml'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/handle_seconds above 2,592,000 s \(30 days\) \(first on line 52/);
    expect(r.stdout).toMatch(/wait_seconds above 2,592,000 s \(30 days\) \(first on line 53/);
    const r2 = await followsun('import', file, '--name', '', '--out', join(dir, 'm2.yaml'));
    expect(r2.status).toBe(2);
    expect(problemLines(r2.stderr)).toEqual(['followsun: --name: expected a name for the scenario, got an empty one']);
  });
});
