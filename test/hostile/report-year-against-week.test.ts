// A case report's scenarios checked one by one, found by the fifth audit: each was checked with a
// run's estimate (about 1 GB for a year of 5-minute intervals, one queue), so such a scenario was
// refused below a 1.26 GB heap though a report keeps about 250 MB of it. Now checked as measured
// for a report (CASE_REPORT_BYTES in sim/scenario/work-estimate.ts): admitted where it fits, refused with the report's figure where not.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsunPeak, problemLines, tempDir } from '../hostile-support';

const dir = tempDir('report-year-against-week');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario of 5-minute intervals over `days`, a few contacts an hour in one queue; its path, relative to `dir`. */
function scenario(name: string, days: number): string {
  const path = `${name}.json`;
  const s = {
    name,
    intervalMinutes: 5,
    horizon: { start: '2026-01-05T00:00:00Z', days, warmupHours: 0 },
    replications: 2,
    demand: [{ id: 'calls', language: 'en', volume: { perHour: 2 }, handleTime: { dist: 'exponential', mean: 180 }, patience: { dist: 'exponential', mean: 120 } }],
    staffing: [{ id: 'team', skills: ['en'], agents: 2, cost: { perHour: 30 } }],
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, path), JSON.stringify(s, null, 2));
  return path;
}

describe('report of a year of 5-minute intervals against a week', () => {
  const year = scenario('year', 365);
  const week = scenario('week', 7);

  it('is written in a 512 MB heap (a run’s estimate of the year, about 1 GB, refused it)', () => {
    const o = followsunPeak(['report', year, week, '-o', 'year.html'], { cwd: dir, heapMb: 512 });
    expectHandled(o, 0);
    expect(existsSync(join(dir, 'year.html'))).toBe(true);
  }, 120_000);

  it('is refused in a 256 MB heap with what a report keeps of the year, not what a run would', () => {
    const o = followsunPeak(['report', year, week, '-o', 'small.html'], { cwd: dir, heapMb: 256 });
    expectHandled(o, 2);
    const lines = problemLines(o.stderr);
    expect(lines).toEqual([
      expect.stringMatching(
        /^year\.json: intervalMinutes: about (\d+) MB of memory \(most of it the per-interval tables of 105,120 intervals × 1 language × channel queue\), more than this process may use \(\d+ MB\); /,
      ),
    ]);
    const mb = Number(/about (\d+) MB/.exec(lines[0])![1]);
    expect(mb).toBeGreaterThan(200);
    expect(mb).toBeLessThan(400);
    expect(existsSync(join(dir, 'small.html'))).toBe(false);
  }, 120_000);
});
