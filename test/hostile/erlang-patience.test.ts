// Command-line values within every flag's own limit whose work grew past them together: Erlang A
// over a queue of hundreds of billions of patient callers (33 s for one --target search).
import { describe, expect, it } from 'vitest';
import { expectHandled, followsun, problemLines } from '../hostile-support';

describe('erlang with more patient callers than the formulas sum', () => {
  it('--patience beyond a million contacts arriving within it is refused, naming the flag, the limit and the most it takes', () => {
    const o = followsun(['erlang', '--rate', '359996400', '--aht', '1', '--target', '0.99', '--patience', '2592000']);
    expectHandled(o, 2);
    expect(problemLines(o.stderr)).toEqual([
      'followsun: --patience: about 259,197,408,000 contacts arrive within one mean patience (--rate × --patience ÷ 3600), beyond the 1,000,000 followsun computes Erlang A for; at this rate, expected at most 10 seconds, got 2592000',
    ]);
  }, 120_000);

  it('at the limit, the agents required are still computed', () => {
    const o = followsun(['erlang', '--rate', '360000000', '--aht', '1', '--patience', '10', '--target', '0.99', '--json']);
    expectHandled(o, 0);
    expect(JSON.parse(o.stdout).agents).toBe(99_000);
  }, 120_000);
});
