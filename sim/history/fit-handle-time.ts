// Handle time per queue: a lognormal fitted by maximum likelihood (the mean and sd of log
// times), or the empirical distribution when the lognormal does not fit. The fit is judged by
// the Kolmogorov–Smirnov distance D: the largest gap between the fitted and the observed
// cumulative distribution (0.03 = at some duration the fit is 3 points of probability off).
// Exports round to whole seconds, so the fitted distribution is compared with a half-second
// continuity correction.
import type { Distribution } from '../scenario/distribution-schema';
import { normalCdf } from '../model/distribution-functions';

/** The lognormal is kept when D is at most this: beyond it, its shape misleads (a spike of very
 * short calls, a second mode) and the empirical histogram is used instead. */
export const LOGNORMAL_KS_LIMIT = 0.05;

export interface HandleTimeFit {
  n: number;
  chosen: Distribution;
  choice: 'lognormal' | 'empirical';
  lognormal: { meanSeconds: number; cv: number; ks: number };
  empiricalKs: number;
  meanSeconds: number;
}

/** KS distance between sorted data (whole seconds or finer) and a CDF, with continuity correction. */
export function ksDistance(sorted: number[], cdf: (x: number) => number, step = 0.5): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && sorted[j] === sorted[i]) j++;
    const x = sorted[i];
    d = Math.max(d, Math.abs(cdf(x + step) - j / n), Math.abs(cdf(Math.max(0, x - step)) - i / n));
    i = j;
  }
  return d;
}

export function fitLognormal(values: number[]): { mu: number; sigma: number; meanSeconds: number; cv: number } {
  const logs = values.map(Math.log);
  const mu = logs.reduce((a, b) => a + b, 0) / logs.length;
  // Divided by n, not n − 1: the maximum-likelihood estimate the fit is named for.
  const sigma = Math.sqrt(logs.reduce((s, l) => s + (l - mu) ** 2, 0) / logs.length);
  return { mu, sigma, meanSeconds: Math.exp(mu + (sigma * sigma) / 2), cv: Math.sqrt(Math.expm1(sigma * sigma)) };
}

/** Cumulative shares at the bins' upper edges: every 2.5%, then ever finer into the tail, where
 * a wide bin drawn uniformly would inflate the mean (the bank's longest call is 88 minutes: a
 * last bin from the 97.5th percentile to it would add a quarter to the mean handle time). */
const LEVELS = [...Array.from({ length: 39 }, (_, k) => (k + 1) / 40), 0.985, 0.99, 0.995, 0.998, 0.999, 0.9995, 0.9999, 1];

/** Bins at the quantiles of the data (edges at whole observed values), as a histogram. */
function quantileHistogram(sorted: number[]): { upTo: number; count: number }[] {
  const n = sorted.length;
  const edges = [0];
  for (const level of LEVELS) {
    const e = sorted[Math.min(n - 1, Math.max(0, Math.ceil(level * n) - 1))];
    if (e > edges[edges.length - 1]) edges.push(e);
  }
  const bins = edges.slice(1).map((upTo) => ({ upTo, count: 0 }));
  let b = 0;
  for (const x of sorted) {
    while (b < bins.length - 1 && x > bins[b].upTo) b++;
    bins[b].count++;
  }
  return bins;
}

function histogramCdf(bins: { from?: number; upTo: number; count: number }[]): (x: number) => number {
  const total = bins.reduce((s, b) => s + b.count, 0);
  return (x) => {
    let below = 0;
    let from = 0;
    for (const b of bins) {
      from = b.from ?? from;
      if (x >= b.upTo) below += b.count;
      else {
        if (x > from) below += (b.count * (x - from)) / (b.upTo - from);
        break;
      }
      from = b.upTo;
    }
    return below / total;
  };
}

/** Handle times in seconds (> 0) of one queue's answered contacts. */
export function fitHandleTime(values: number[]): HandleTimeFit {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('no handle times above 0 s to fit');
  const ln = fitLognormal(sorted);
  const ks = ksDistance(sorted, (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - ln.mu) / ln.sigma)));
  const histogram = quantileHistogram(sorted);
  const empiricalKs = ksDistance(sorted, histogramCdf(histogram), 0);
  const meanSeconds = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const lognormal = { meanSeconds: Math.round(ln.meanSeconds * 10) / 10, cv: Math.round(Math.max(ln.cv, 0.001) * 1000) / 1000, ks };
  const useLognormal = ks <= LOGNORMAL_KS_LIMIT || sorted.length < 30;
  return {
    n: sorted.length,
    choice: useLognormal ? 'lognormal' : 'empirical',
    chosen: useLognormal ? { dist: 'lognormal', mean: lognormal.meanSeconds, cv: lognormal.cv } : { dist: 'empirical', histogram },
    lognormal,
    empiricalKs,
    meanSeconds,
  };
}
