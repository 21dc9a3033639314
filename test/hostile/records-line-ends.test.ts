// Records and interval tables the first audit (test/history/hostile-import.test.ts) did not try: lines
// ending in a lone carriage return by the million, years written with leading zeros or before
// 1970, queue names in other scripts. Each is read as written or refused in one line naming the
// file and line, within the time and memory budget of hostile-support.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { followsun } from '../cli-in-process';
import { expectHandled, followsun as followsunBudget, problemLines, tempDir } from '../hostile-support';
import { readRecords } from '../../sim/history/records';
import { genericLayout } from '../../sim/history/layouts';

const dir = tempDir('records-line-ends');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'arrival,queue,outcome,wait_seconds,handle_seconds,agent';
/** n generic rows, a minute apart from 09:00 of `day`, on `queue`. */
const rows = (n: number, queue = 'en', day = '2026-03-02') =>
  Array.from({ length: n }, (_, i) => {
    const m = 9 * 60 + i;
    return `${day} ${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00,${queue},answered,12,300,a${i % 5}`;
  });
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('lines ending in a lone carriage return', () => {
  it('three million blank ones are counted as lines, and the file refused as too long, not read for hours', () => {
    // Each row searched the rest of the text for a \n: quadratic, and the import never ended.
    const file = write('blank-cr.csv', `${HEADER}\r${'\r'.repeat(3_000_000)}${rows(3).join('\n')}\n`);
    const r = followsunBudget(['import', file, '--out', join(dir, 'blank-cr.yaml')]);
    expectHandled(r, 2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/blank-cr\.csv: more than 2,000,000 rows/)]);
  });

  it('rows of an old Mac export (lone \\r) are read as rows: 100,000 are imported, 2,000,001 refused', () => {
    const few = write('mac.csv', `${HEADER}\r${rows(100_000 / 100).flatMap((r) => Array(100).fill(r)).join('\r')}\r`);
    const ok = followsunBudget(['import', few, '--out', join(dir, 'mac.yaml')]);
    expectHandled(ok, 0);
    expect(ok.stdout).toMatch(/100000 rows read: 100000 contacts offered to a queue/);
    const many = write('mac-many.csv', `${HEADER}\r${`${rows(1)[0]}\r`.repeat(2_000_001)}`);
    const refused = followsunBudget(['import', many, '--out', join(dir, 'mac-many.yaml')]);
    expectHandled(refused, 2);
    expect(problemLines(refused.stderr)).toEqual([expect.stringMatching(/mac-many\.csv: more than 2,000,000 rows/)]);
  });
});

describe('years and fields that roll over', () => {
  it('reads a year written 0026 as the year 26, not 1926, and refuses records before 1970 naming the line, not the scenario it did not write', async () => {
    const out = join(dir, 'year.yaml');
    const r = await followsun('import', write('year.csv', [HEADER, ...rows(30, 'en', '0026-03-02')].join('\n') + '\n'), '--out', out);
    expect(r.status).toBe(2);
    expect(problemLines(r.stderr)).toEqual([expect.stringMatching(/^\S*year\.csv:2: a record of 0026-03-02: expected dates from 1970-01-01 on; a mistyped year\?/)]);
    expect(r.stderr).not.toMatch(/year\.yaml/);
    // Records of 1969 fitted a scenario without demand (days and hours count from 1970).
    const table = ['interval_start,queue,offered,answered,aht_seconds', '1969-12-29 09:00,en,10,9,300', '1969-12-29 09:30,en,10,9,300'].join('\n');
    const b = await followsun('import', write('iv-1969.csv', `${table}\n`), '--out', out);
    expect(b.status).toBe(2);
    expect(problemLines(b.stderr)).toEqual([expect.stringMatching(/iv-1969\.csv:2: a record of 1969-12-29: expected dates from 1970-01-01 on/)]);
  });

  it('leaves out a month 13, a month 00 and minute 75 instead of reading them as the next January, last December and 10:15', async () => {
    const bad = ['2026-13-03 09:00:00', '2026-00-03 09:00:00', '2026-03-02 09:75:00', '2026-03-02 09:05:60'].map((t) => `${t},en,answered,12,300,a1`);
    const r = await followsun('import', write('roll.csv', [HEADER, ...rows(30), ...bad].join('\n') + '\n'), '--out', join(dir, 'roll.yaml'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/34 rows read: 30 contacts offered to a queue, 0 hung up before reaching one \(in the IVR\), 4 left out/);
    expect(r.stdout).toMatch(/4 {2}malformed arrival \(first on line 32: expected a time such as 2026-03-02 09:15:00 or 2026-03-02T08:15:00Z, got "2026-13-03 09:00:00"\)/);
  });
});

describe('queue names in other scripts', () => {
  it('are queues of their own, named alike in every file, not malformed rows or one queue', async () => {
    const text = [HEADER, ...rows(30, 'Поддержка 24'), ...rows(30, 'Продажи 24', '2026-03-03'), ...rows(30, 'サポート', '2026-03-04')].join('\n') + '\n';
    const r = await followsun('import', write('scripts.csv', text), '--out', join(dir, 'scripts.yaml'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/90 rows read: 90 contacts offered to a queue/);
    const codes = ['Поддержка 24', 'Продажи 24', 'サポート'].map((name) => new RegExp(`${JSON.stringify(name)} → (und-\\w+)`).exec(r.stdout)?.[1]);
    expect(codes.every((c) => c !== undefined)).toBe(true);
    expect(new Set(codes).size).toBe(3);
    // A later file with one of them (a back-test's records) names it as the import did.
    const later = readRecords([HEADER, ...rows(3, 'Продажи 24')].join('\n'), 'later.csv', genericLayout('UTC'));
    expect(later.records[0].queue).toBe(codes[1]);
  });
});

describe('--map of columns named as an object\'s own properties', () => {
  it('reads columns named constructor, toString and __proto__ (they were "mapped twice (to function Object() …)")', async () => {
    const header = 'constructor,queue,outcome,wait_seconds,handle_seconds,toString';
    const r = await followsun('import', write('props.csv', [header, ...rows(30)].join('\n') + '\n'), '--map', 'constructor=arrival', '--map', 'toString=agent', '--out', join(dir, 'props.yaml'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/30 rows read: 30 contacts offered to a queue/);
    const proto = await followsun('import', write('proto.csv', [header.replace('toString', '__proto__'), ...rows(30)].join('\n') + '\n'), '--map', 'constructor=arrival', '--map', '__proto__=agent', '--out', join(dir, 'proto.yaml'));
    expect(proto.status, proto.stderr).toBe(0);
    expect(({} as Record<string, unknown>).agent).toBeUndefined();
  });
});
