// Differences near zero in the case report and in `followsun compare`, as a reader meets them: a
// small change is written with the decimals that show its sign ("−0.04 pts"), never as a negative
// zero ("−0.0 pts"), and a confidence interval that ends just short of zero says so ("−0.2 to
// −0.02 s", not "−0.2 to −0.0 s", which reads as touching it).
import { describe, expect, it } from 'vitest';
import { delta, range } from '../../report/format';
import { followsun } from '../cli-in-process';

describe('a difference that one decimal would show as zero', () => {
  it('keeps its sign in two decimals, in percentage points and in seconds', () => {
    expect(delta(-0.0004, 'fraction')).toBe('−0.04 pts');
    expect(delta(0.0003, 'fraction')).toBe('+0.03 pts');
    expect(delta(-0.03, 'seconds')).toBe('−0.03 s');
    expect(delta(-0.00002, 'fraction')).toBe('−0.002 pts');
  });

  it('is otherwise written as before: one decimal, and ±0.0 for no change at all', () => {
    expect(delta(-0.0012, 'fraction')).toBe('−0.1 pts');
    expect(delta(0, 'fraction')).toBe('±0.0 pts');
    expect(delta(0.21, 'seconds')).toBe('+0.2 s');
    expect(delta(-45, 'seconds')).toBe('−45 s');
  });
});

describe('a difference smaller than its unit shows', () => {
  it('a fraction of a cent, of an hour or of a contact keeps its sign with the decimals that show it', () => {
    expect(delta(-0.003, 'money', 'EUR')).toBe('−0.003 EUR');
    expect(delta(0.0004, 'money', 'EUR')).toBe('+0.0004 EUR');
    expect(delta(-0.04, 'hours')).toBe('−0.04 h');
    expect(delta(-0.3, 'count')).toBe('−0.3');
    expect(delta(-1.2, 'count')).toBe('−1');
  });

  it('one too small even for that is "<", never a zero with a sign', () => {
    expect(delta(-0.000004, 'fraction')).toBe('−<0.001 pts');
    expect(delta(0.00001, 'money', 'EUR')).toBe('+<0.0001 EUR');
    expect(delta(0, 'money', 'EUR')).toBe('±0.00 EUR');
  });
});

describe('a 95% CI with a bound just short of zero', () => {
  it('gives that bound two decimals, in seconds as in percentage points', () => {
    expect(range([-0.21, -0.02], 'seconds')).toBe('−0.2 to −0.02 s');
    expect(range([-0.005, -0.00019], 'fraction')).toBe('−0.5 to −0.02');
  });

  it('leaves the other bounds as they were', () => {
    expect(range([1.16, 1.31], 'seconds')).toBe('1.2–1.3 s');
    expect(range([-0.2, 0.1], 'seconds')).toBe('−0.2 to 0.1 s');
    expect(range([84, 108], 'seconds', 96)).toBe('84–108 s');
  });
});

describe('followsun compare', () => {
  it('writes no difference or bound as a signed zero unless nothing changed at all', async () => {
    const o = await followsun('compare', 'scenarios/global-mix.yaml', 'scenarios/global-ai-hybrid.yaml');
    expect(o.status).toBe(0);
    const rows = o.stdout.split('\n').filter((line) => / \(.+ to .+\)/.test(line));
    expect(rows.length).toBeGreaterThan(5);
    // Some difference of these two examples is smaller than its figure's usual decimals show.
    expect(rows.some((row) => /[+−]0\.0\d/.test(row))).toBe(true);
    for (const row of rows.filter((r) => !r.endsWith('no change'))) expect(row).not.toMatch(/[+−]0(\.0+)?(?![\d.,])/);
  });

  it('writes no change at all as ±0, as the case report does, with unsigned bounds', async () => {
    const o = await followsun('compare', 'scenarios/global-mix.yaml', 'scenarios/global-mix.yaml');
    expect(o.status).toBe(0);
    const rows = o.stdout.split('\n').filter((line) => line.endsWith('no change'));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row).toMatch(/ ±0(\.0+)?( \S+)? \(0(\.0+)? to 0(\.0+)?\)/);
  });
});
