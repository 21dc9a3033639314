// Command-line values the first audit (flags.test.ts) did not try: plan's rounds by the
// billion, whole numbers beyond what a double holds exactly, numbers in exponent notation. Each is
// refused with one line naming the flag and what it takes.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHandled, followsunMany, oneQueue, problemLines, tempDir, type Outcome } from '../hostile-support';

const dir = tempDir('flags-more');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [what, arguments, the one problem line]. */
const CASES: [string, string[], RegExp][] = [
  // A billion rounds were refused as a scenario of 540 trillion contacts, naming the demand.
  ['plan --max-iterations 99999999999', ['plan', 'open.json', '--max-iterations', '99999999999'], /^followsun: --max-iterations: expected at most 10,000 simulate-and-correct rounds .*, got 99999999999$/],
  ['plan --max-iterations 10001', ['plan', 'open.json', '--max-iterations', '10001'], /^followsun: --max-iterations: expected at most 10,000 /],
  // Rounds within the bound: their work is counted, as rounds ("× 1,004 points" of a sweep before).
  ['plan --max-iterations 1000 of a week of 5-minute intervals', ['plan', 'open-week.json', '--max-iterations', '1000'], /^open-week\.json:1: intervalMinutes: about .* of memory \(most of it the per-interval tables of 2,016 intervals × 1 language × channel queue × 1,004 planning rounds\)/],
  // The rounds were "points" of a sweep, their memory '--vary'.
  ['plan of a year of 5-minute intervals', ['plan', 'open-year.json'], /^open-year\.json:1: intervalMinutes: about .* of memory \(most of it the per-interval tables of 105,120 intervals × 1 language × channel queue × 12 planning rounds\)/],
  // "expected a whole number ≥ 0, got 9007199254740993", which it is.
  ['run --seed 9007199254740993', ['run', 'open.json', '--seed', '9007199254740993'], /^followsun: --seed: expected a whole number from 0 to 9,007,199,254,740,991, got 9007199254740993$/],
  // "expected a number > 0, got 1e9", which it is.
  ['erlang --sl 1e9', ['erlang', '--rate', '100', '--aht', '180', '--agents', '5', '--sl', '1e9'], /^followsun: --sl: expected a number > 0, written in plain digits, got 1e9$/],
  ['run --seed 1e3', ['run', 'open.json', '--seed', '1e3'], /^followsun: --seed: expected a whole number ≥ 0, written in plain digits, got 1e3$/],
  ['erlang --target 8e-1', ['erlang', '--rate', '100', '--aht', '180', '--target', '8e-1'], /^followsun: --target: expected a fraction between 0 and 1 \(0\.8, not 80\), written in plain digits, got 8e-1$/],
  ['run --seed abc (not a number at all)', ['run', 'open.json', '--seed', 'abc'], /^followsun: --seed: expected a whole number ≥ 0, got abc$/],
  // The scenario's name field refuses it: that problem named the scenario file never written.
  ['import --name with an escape sequence', ['import', 'records.csv', '--name', 'Q\u001b[8m', '--out', 'named.yaml'], /^followsun: --name: expected a name on one line, without control characters, got "Q\\u001b\[8m"$/],
];

describe('hostile command lines (2)', () => {
  let outcomes: Outcome[];
  beforeAll(() => {
    const open = oneQueue();
    delete open.staffing[0].agents;
    open.staffing[0].shifts = [{ days: 'daily', start: '00:00', end: '24:00', agents: 'auto' }];
    writeFileSync(join(dir, 'open.json'), JSON.stringify(open));
    writeFileSync(join(dir, 'open-year.json'), JSON.stringify({ ...open, horizon: { start: '2026-03-23T00:00:00Z', days: 365 }, intervalMinutes: 5 }));
    writeFileSync(join(dir, 'open-week.json'), JSON.stringify({ ...open, horizon: { start: '2026-03-23T00:00:00Z', days: 7 }, intervalMinutes: 5 }));
    const rows = Array.from({ length: 30 }, (_, i) => `2026-03-02 09:${String(i).padStart(2, '0')}:00,en,answered,12,300,a${i % 3}`);
    writeFileSync(join(dir, 'records.csv'), ['arrival,queue,outcome,wait_seconds,handle_seconds,agent', ...rows].join('\n') + '\n');
    outcomes = followsunMany(CASES.map(([, args]) => ({ args, cwd: dir })));
  });

  it.each(CASES.map((c, i) => [c[0], i] as const))('%s', (_, i) => {
    const o = outcomes[i];
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual([expect.stringMatching(CASES[i][2])]);
  });
});
