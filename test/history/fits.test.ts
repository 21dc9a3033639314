// The estimators on their own: what each one must get right whatever the data.
import { describe, expect, it } from 'vitest';
import { fitHandleTime, fitLognormal, ksDistance } from '../../sim/history/fit-handle-time';
import { normalCdf } from '../../sim/model/distribution-functions';
import { fitPatience } from '../../sim/history/patience';
import { compileDistribution, sample } from '../../sim/model/distributions';
import { randomStream } from '../../sim/kernel/random';
import { arrivalLocal } from '../../sim/history/layouts';
import { instantOfLocal, isoWithOffset } from '../../sim/history/local-time';

describe('handle time', () => {
  it('keeps the empirical distribution’s mean when the tail is long (a few calls of an hour)', () => {
    const rng = randomStream(1, 0, 'handle');
    const spiky = compileDistribution({ dist: 'lognormal', mean: 200, cv: 1.2 });
    const values = Array.from({ length: 20_000 }, (_, i) => (i % 10 === 0 ? 3 : Math.round(sample(spiky, rng))) || 1);
    values.push(5300, 4800, 4100); // the longest calls of a month
    const fit = fitHandleTime(values);
    expect(fit.choice).toBe('empirical'); // the spike of 3-second calls is no lognormal
    const mean = compileDistribution(fit.chosen).meanSeconds;
    expect(Math.abs(mean / fit.meanSeconds - 1)).toBeLessThan(0.02);
    expect(fit.empiricalKs).toBeLessThan(fit.lognormal.ks);
  });

  it('fits the lognormal by maximum likelihood: log times e⁰, e² give μ = 1 and σ = 1 (not the sample sd √2)', () => {
    const fit = fitLognormal([1, Math.exp(2)]);
    expect(fit.mu).toBeCloseTo(1, 12);
    expect(fit.sigma).toBeCloseTo(1, 12);
    expect(fit.meanSeconds).toBeCloseTo(Math.exp(1.5), 9);
  });

  it('measures the Kolmogorov–Smirnov distance as the largest gap between the two curves', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
    // Uniform data on (0, 1] against the uniform CDF: the gap is one step of the ECDF.
    const data = Array.from({ length: 100 }, (_, i) => (i + 1) / 100);
    expect(ksDistance(data, (x) => Math.min(1, x), 0)).toBeCloseTo(0.01, 6);
    expect(ksDistance(data, (x) => Math.min(1, x / 2), 0)).toBeCloseTo(0.5, 6);
  });
});

describe('patience with censoring', () => {
  it('is total waiting time ÷ callers who hung up, however many were answered', () => {
    // Three hung up after 10, 20 and 30 s; seven were answered after 40 s each.
    const waits = [10, 20, 30].map((seconds) => ({ seconds, abandoned: true })).concat(Array.from({ length: 7 }, () => ({ seconds: 40, abandoned: false })));
    const fit = fitPatience(waits)!;
    expect(fit.meanSeconds).toBeCloseTo((10 + 20 + 30 + 7 * 40) / 3, 1);
    expect(fit.naiveMeanSeconds).toBe(20);
    expect(fit.censoredShare).toBeCloseTo(0.7, 10);
  });

  it('gives nothing when nobody hung up (no abandonment to fit)', () => {
    expect(fitPatience([{ seconds: 12, abandoned: false }])).toBeUndefined();
  });

  it('follows Kaplan–Meier closely when patience is exponential, and says so', () => {
    const rng = randomStream(2, 0, 'patience');
    const waits = Array.from({ length: 5000 }, () => {
      const patience = -Math.log(1 - rng()) * 120;
      const answerAfter = -Math.log(1 - rng()) * 60;
      return { seconds: Math.min(patience, answerAfter), abandoned: patience < answerAfter };
    });
    const fit = fitPatience(waits)!;
    expect(Math.abs(fit.meanSeconds - 120)).toBeLessThan(3 * fit.standardErrorSeconds);
    expect(fit.kaplanMeierGap).toBeLessThan(0.03);
  });
});

describe('the customers’ local clock', () => {
  const local = (text: string) => Date.parse(`${text}Z`);

  it('moves an instant with an offset onto the local wall clock, across a daylight-saving change', () => {
    // Berlin springs forward at 01:00 UTC on 29 March 2026: 00:30 UTC is 01:30 local, 01:30 UTC is 03:30.
    expect(arrivalLocal('2026-03-29T00:30:00Z', 'Europe/Berlin')).toBe(local('2026-03-29T01:30:00'));
    expect(arrivalLocal('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe(local('2026-03-29T03:30:00'));
    expect(arrivalLocal('2026-03-29 02:15', 'Europe/Berlin')).toBe(local('2026-03-29T02:15:00')); // local text stays as written
  });

  it('places local times back on the clock: the skipped hour an hour on, the repeated one at its second occurrence', () => {
    expect(new Date(instantOfLocal('Europe/Berlin', local('2026-03-29T01:30:00'))).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(new Date(instantOfLocal('Europe/Berlin', local('2026-03-29T02:30:00'))).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(instantOfLocal('Europe/Berlin', local('2026-10-25T02:30:00'))).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(isoWithOffset('Asia/Jerusalem', local('1999-01-01T00:00:00'))).toBe('1999-01-01T00:00:00+02:00');
  });
});
