// The simulation's own log and exp: within one unit in the last place of the engine's, and the
// same bits on every engine because they use only +, −, ×, ÷.
import { describe, expect, it } from 'vitest';
import { exp, expm1, log, log1p } from '../sim/portable-math';
import { randomStream } from '../sim/random';

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

describe('portable log and exp', () => {
  const rng = randomStream(1, 0, 'math');
  const samples = (n: number, f: () => number) => Array.from({ length: n }, f);

  it('log agrees with Math.log to 1 ulp, from tiny to huge arguments', () => {
    const xs = [
      ...samples(20_000, () => rng()), // uniform draws: the simulation's main use
      ...samples(20_000, () => Math.exp((rng() - 0.5) * 1400)), // every exponent
      ...[1, 2, Math.E, 0.5, 1e-300, 5e-324, 1.7976931348623157e308, 1 + 1e-15, 1 - 1e-16],
    ];
    for (const x of xs) expect(Math.abs(ulps(log(x), Math.log(x))), String(x)).toBeLessThanOrEqual(1);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(1)).toBe(0);
  });

  it('exp agrees with Math.exp to 1 ulp over its whole range', () => {
    const xs = [...samples(40_000, () => (rng() - 0.5) * 1400), 0, 1e-30, -1e-30, 0.3, -0.3, 1, -1, 709.7, -745];
    for (const x of xs) {
      const [a, b] = [exp(x), Math.exp(x)];
      if (b === 0 || !Number.isFinite(b)) expect(a, String(x)).toBe(b);
      else expect(Math.abs(ulps(a, b)), String(x)).toBeLessThanOrEqual(1);
    }
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(800)).toBe(Infinity);
    expect(exp(-800)).toBe(0);
  });

  it('log1p and expm1 stay accurate near zero', () => {
    for (const x of [1e-20, -1e-12, 1e-8, 0.001, -0.5, 3, 50]) {
      expect(Math.abs(log1p(x) - Math.log1p(x))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(Math.log1p(x)));
      expect(Math.abs(expm1(x) - Math.expm1(x))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(Math.expm1(x)));
    }
  });
});
