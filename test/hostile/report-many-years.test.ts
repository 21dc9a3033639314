// Case reports of many long scenarios, found by the fourth audit: every scenario's result is kept
// until the page is written, and 25 year-long scenarios of 5-minute intervals completed using
// 6.2 GB. The results' memory is now counted before anything runs, as measured for a report: what
// it admits runs within the heap, what it refuses is refused at once, naming the file.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsunPeak, longScenarioFiles, problemLines, tempDir } from '../hostile-support';

const dir = tempDir('report-many-years');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenarios = (folder: string, count: number, days: number) => longScenarioFiles(dir, folder, count, days);

/** A heap in which one year-long scenario passes the work check, but twelve do not fit together
 * (each keeps about 240 MB until the page is written). */
const HEAP_MB = 1536;

describe('report of many year-long scenarios of 5-minute intervals', () => {
  const years = scenarios('years', 12, 365);
  let fit = 0;

  it('is refused before anything runs, naming the first scenario beyond the memory', () => {
    const o = followsunPeak(['report', ...years, '-o', 'years.html'], { cwd: dir, heapMb: HEAP_MB });
    expectHandled(o, 2);
    const lines = problemLines(o.stderr);
    expect(lines).toEqual([
      expect.stringMatching(
        /^years\/s(\d\d)\.json: the results of this scenario with the (\d+) before it would take about [\d.]+ GB of memory until the report is written \(all 12: about 2\.\d GB\), more than this process may use \(1\.\d GB\); report fewer scenarios at once, lengthen intervalMinutes or shorten the horizon, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES$/,
      ),
    ]);
    const [, beyond, before] = /s(\d\d)\.json: the results of this scenario with the (\d+) before/.exec(lines[0])!;
    expect(Number(before)).toBe(Number(beyond) - 1);
    fit = Number(before);
    expect(fit).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(dir, 'years.html'))).toBe(false);
    // Nothing simulated: the scenarios read, not their results built.
    expect(o.peakMb).toBeLessThan(300);
  }, 120_000);

  it('as many as it admits are reported within the same heap', () => {
    expect(fit).toBeGreaterThan(0);
    const o = followsunPeak(['report', ...years.slice(0, fit), '-o', 'fit.html'], { cwd: dir, heapMb: HEAP_MB });
    expectHandled(o, 0);
    expect(existsSync(join(dir, 'fit.html'))).toBe(true);
  }, 180_000);
});

describe('report of 16 scenarios of 60 days of 5-minute intervals', () => {
  it('runs in a 1 GB heap (a run batch’s estimate of their results, 2.7 GB, refused them)', () => {
    const days = scenarios('days', 16, 60);
    const o = followsunPeak(['report', ...days, '-o', 'days.html'], { cwd: dir, heapMb: 1024 });
    expectHandled(o, 0);
    expect(existsSync(join(dir, 'days.html'))).toBe(true);
  }, 180_000);
});
