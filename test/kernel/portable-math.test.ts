// The simulation's own log and exp: within one unit in the last place of the engine's, and the
// same bits on every engine because they use only +, −, ×, ÷.
import { describe, expect, it } from 'vitest';
import { exp, expm1, log, log1p } from '../../sim/kernel/portable-math';
import { randomStream } from '../../sim/kernel/random';
import { exponential as zigExponential, normal as zigNormal } from '../../sim/kernel/variates';

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

describe('ziggurat variates', () => {
  // Kolmogorov–Smirnov against the exact distribution: with n = 200,000 the 99.9% critical
  // value of the statistic is 1.95 / √n ≈ 0.0044.
  const n = 200_000;
  const critical = 1.95 / Math.sqrt(n);
  const ks = (draws: Float64Array, cdf: (x: number) => number) => {
    draws.sort();
    let d = 0;
    draws.forEach((x, i) => (d = Math.max(d, Math.abs(cdf(x) - i / n), Math.abs(cdf(x) - (i + 1) / n))));
    return d;
  };

  it('exponential draws follow 1 − e^−x, tail included', () => {
    const rng = randomStream(3, 0, 'zig-exp');
    const draws = Float64Array.from({ length: n }, () => zigExponential(rng));
    expect(ks(draws, (x) => 1 - Math.exp(-x))).toBeLessThan(critical);
    expect(draws[n - 1]).toBeGreaterThan(7.7); // the tail beyond the last layer is reached
  });

  it('normal draws follow Φ, both tails included', () => {
    const rng = randomStream(3, 0, 'zig-normal');
    const draws = Float64Array.from({ length: n }, () => zigNormal(rng));
    // Φ via the complementary error function (Abramowitz–Stegun 7.1.26 is too coarse here):
    // integrate the density numerically instead.
    const phi = (x: number) => 0.5 * (1 + erf(x / Math.SQRT2));
    expect(ks(draws, phi)).toBeLessThan(critical);
    expect(draws[0]).toBeLessThan(-3.44);
    expect(draws[n - 1]).toBeGreaterThan(3.44);
  });
});

/** erf by its Taylor series (|x| < 3) or continued fraction: accurate to ~1e-12. */
function erf(x: number): number {
  const sign = Math.sign(x);
  const a = Math.abs(x);
  if (a < 3) {
    let term = a;
    let sum = a;
    for (let k = 1; k < 200; k++) {
      term *= (-a * a) / k;
      sum += term / (2 * k + 1);
    }
    return (sign * 2 * sum) / Math.sqrt(Math.PI);
  }
  let f = 0;
  for (let k = 60; k >= 1; k--) f = k / 2 / (a + f);
  return sign * (1 - Math.exp(-a * a) / Math.sqrt(Math.PI) / (a + f));
}
