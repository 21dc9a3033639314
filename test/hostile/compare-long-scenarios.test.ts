// Comparisons of many long scenarios, found by the fifth audit: compare counted what its scenarios
// keep until the end with a run's estimate (about 9.8 KB an interval for one queue, 4x what a
// comparison keeps), so it refused 16 sixty-day scenarios that fit in a 1 GB heap, and a year of
// 5-minute intervals on its own below a 1.26 GB heap. Now counted as measured for a comparison
// (the same as a report's; with --json, the document's text besides): what it admits runs within
// the heap, what it refuses is refused at once, the first line naming the first scenario beyond.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectHandled, followsunPeak, longScenarioFiles, problemLines, tempDir } from '../hostile-support';

const dir = tempDir('compare-long-scenarios');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenarios = (folder: string, count: number, days: number) => longScenarioFiles(dir, folder, count, days);

/** The lines of a comparison refused for its memory (as compare words it, test/hostile/batch-memory.test.ts: the
 * first names the first scenario beyond, with those before it; then one for each scenario after
 * it); the number of scenarios before the first one named. */
function refusedBefore(stderr: string, count: number): number {
  const lines = problemLines(stderr);
  const [, beyond, before] = /^days\/s(\d\d)\.json: with the (\d+) scenarios before it in this comparison/.exec(lines[0] ?? '') ?? [];
  expect(Number(before), stderr).toBe(Number(beyond) - 1);
  expect(lines).toEqual(
    Array.from({ length: count - Number(before) }, (_, k) =>
      expect.stringMatching(
        new RegExp(
          `^days/s${String(Number(beyond) + k).padStart(2, '0')}\\.json: with the ${before} scenarios before it in this comparison, about [\\d.]+ (MB|GB) of memory, ` +
            'more than this process may use \\(\\d+ MB\\); compare fewer scenarios at once, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES$',
        ),
      ),
    ),
  );
  return Number(before);
}

const HEAP_MB = 1024;

describe('compare of many scenarios of 60 days of 5-minute intervals, in a 1 GB heap', () => {
  const days = scenarios('days', 24, 60);

  it('16 are compared (a run’s estimate of their results, 2.7 GB, refused them)', () => {
    const o = followsunPeak(['compare', ...days.slice(0, 16)], { cwd: dir, heapMb: HEAP_MB });
    expectHandled(o, 0);
    expect(o.stdout).toMatch(/^Comparing against Scenario 1 \(days\/s01\.json\)/);
  }, 120_000);

  let fit = 0;
  it('24 are refused before anything runs, the first line naming the first scenario beyond', () => {
    const o = followsunPeak(['compare', ...days], { cwd: dir, heapMb: HEAP_MB });
    expectHandled(o, 2);
    fit = refusedBefore(o.stderr, 24);
    expect(fit).toBeGreaterThanOrEqual(16);
    expect(fit).toBeLessThan(24);
    expect(o.stdout).toBe('');
    // Nothing simulated: the scenarios read, not their results built.
    expect(o.peakMb).toBeLessThan(300);
  }, 120_000);

  it('as many as it admits are compared within the same heap', () => {
    expect(fit).toBeGreaterThan(0);
    const o = followsunPeak(['compare', ...days.slice(0, fit)], { cwd: dir, heapMb: HEAP_MB });
    expectHandled(o, 0);
    expect(o.stdout).toMatch(/^Comparing against/);
  }, 120_000);

  let fitJson = 0;
  it('with --json, the document’s text counted besides: 8 refused before anything runs, the first line naming the first beyond', () => {
    const o = followsunPeak(['compare', ...days.slice(0, 8), '--json'], { cwd: dir, heapMb: HEAP_MB });
    expectHandled(o, 2);
    fitJson = refusedBefore(o.stderr, 8);
    expect(fitJson).toBeGreaterThanOrEqual(2);
    expect(o.peakMb).toBeLessThan(300);
  }, 120_000);

  it('with --json, as many as it admits are printed within the same heap', () => {
    expect(fitJson).toBeGreaterThan(0);
    const o = followsunPeak(['compare', ...days.slice(0, fitJson), '--json'], { cwd: dir, heapMb: HEAP_MB });
    expectHandled(o, 0);
    expect((JSON.parse(o.stdout) as { scenarios: unknown[] }).scenarios).toHaveLength(fitJson);
  }, 120_000);
});

describe('compare of a year of 5-minute intervals', () => {
  it('with a week-long variant, in a 512 MB heap (a run’s estimate, about 1 GB, refused it)', () => {
    const [year] = scenarios('year', 1, 365);
    const [week] = scenarios('week', 1, 7);
    const o = followsunPeak(['compare', year, week], { cwd: dir, heapMb: 512 });
    expectHandled(o, 0);
    expect(o.stdout).toMatch(/^Comparing against Scenario 1 \(year\/s01\.json\)/);
  }, 120_000);
});
