// Command-line values the first audit (hostile-flags.test.ts) did not try: plan's rounds by the
// billion, whole numbers beyond what a double holds exactly, numbers in exponent notation. Each is
// refused with one line naming the flag and what it takes.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHandled, followsunMany, oneQueue, problemLines, tempDir, type Outcome } from './hostile-support';

const dir = tempDir('hostile-flags-2');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [what, arguments, the one problem line]. */
const CASES: [string, string[], RegExp][] = [
  // A billion rounds were refused as a scenario of 540 trillion contacts, naming the demand.
  ['plan --max-iterations 99999999999', ['plan', 'open.json', '--max-iterations', '99999999999'], /^followsun: --max-iterations: expected at most 100 simulate-and-correct rounds .*, got 99999999999$/],
  ['plan --max-iterations 101', ['plan', 'open.json', '--max-iterations', '101'], /^followsun: --max-iterations: expected at most 100 /],
  // The rounds were "points" of a sweep, their memory '--vary'.
  ['plan of a year of 5-minute intervals', ['plan', 'open-year.json'], /^open-year\.json: intervalMinutes: about .* of memory \(most of it the per-interval tables of 105,120 intervals × 1 language × channel queue × 12 planning rounds\)/],
];

describe('hostile command lines (2)', () => {
  let outcomes: Outcome[];
  beforeAll(() => {
    const open = oneQueue();
    delete open.staffing[0].agents;
    open.staffing[0].shifts = [{ days: 'daily', start: '00:00', end: '24:00', agents: 'auto' }];
    writeFileSync(join(dir, 'open.json'), JSON.stringify(open));
    writeFileSync(join(dir, 'open-year.json'), JSON.stringify({ ...open, horizon: { start: '2026-03-23T00:00:00Z', days: 365 }, intervalMinutes: 5 }));
    outcomes = followsunMany(CASES.map(([, args]) => ({ args, cwd: dir })));
  });

  it.each(CASES.map((c, i) => [c[0], i] as const))('%s', (_, i) => {
    const o = outcomes[i];
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual([expect.stringMatching(CASES[i][2])]);
  });
});
