// Records and interval tables the first audit (history-hostile-import.test.ts) did not try: lines
// ending in a lone carriage return by the million, years written with leading zeros or before
// 1970, queue names in other scripts. Each is read as written or refused in one line naming the
// file and line, within the time and memory budget of hostile-support.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { followsun } from './cli-in-process';
import { expectHandled, followsun as followsunBudget, problemLines, tempDir } from './hostile-support';

const dir = tempDir('hostile-records-2');
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
