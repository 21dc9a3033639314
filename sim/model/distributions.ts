// Durations (handle time, patience) as compiled samplers: plain numbers and typed arrays, no
// closures, so the engine's hot loop samples with one switch and no allocation.
import { exp, log } from '../kernel/portable-math';
import { exponential, normal } from '../kernel/variates';
import type { Distribution } from '../scenario/distribution-schema';
import type { Uniform } from '../kernel/random';


export const EXPONENTIAL = 0;
export const LOGNORMAL = 1;
export const DETERMINISTIC = 2;
export const NEVER = 3; // no abandonment: patience is infinite
export const UNIFORM = 4;
export const GAMMA = 5;
export const EMPIRICAL = 6; // observed values, resampled
export const HISTOGRAM = 7; // binned observations, uniform within a bin

/**
 * Every sampler has exactly these fields in this order (built by `make` only), so the engine's
 * `sample` call sites see one object shape. Fields a kind does not use are 0 or empty arrays.
 */
export interface Sampler {
  kind: number;
  meanSeconds: number;
  /** Lognormal: parameters of the underlying normal. */
  mu: number;
  sigma: number;
  /** Uniform: min and max − min. */
  low: number;
  width: number;
  /** Gamma: shape k, scale θ, and Marsaglia–Tsang's d = k' − 1/3 and c = 1/√(9d), where k' is
   * k, or k + 1 for k < 1 (boosted by U^(1/k), `invShape`). */
  shape: number;
  scale: number;
  d: number;
  c: number;
  invShape: number;
  /** Empirical: the observed values. Histogram: [from, upTo] of each bin with a positive count. */
  table: Float64Array;
  /** Histogram: cumulative counts of those bins (the last is the total). */
  weights: Float64Array;
}

const EMPTY = new Float64Array(0);

function make(kind: number, meanSeconds: number, fields: Partial<Omit<Sampler, 'kind' | 'meanSeconds'>> = {}): Sampler {
  return {
    kind,
    meanSeconds,
    mu: fields.mu ?? 0,
    sigma: fields.sigma ?? 0,
    low: fields.low ?? 0,
    width: fields.width ?? 0,
    shape: fields.shape ?? 0,
    scale: fields.scale ?? 0,
    d: fields.d ?? 0,
    c: fields.c ?? 0,
    invShape: fields.invShape ?? 0,
    table: fields.table ?? EMPTY,
    weights: fields.weights ?? EMPTY,
  };
}

function gammaSampler(mean: number, shape: number, scale: number): Sampler {
  const d = (shape < 1 ? shape + 1 : shape) - 1 / 3;
  return make(GAMMA, mean, { shape, scale, d, c: 1 / Math.sqrt(9 * d), invShape: 1 / shape });
}

export function compileDistribution(d: Distribution | undefined): Sampler {
  if (d === undefined) return make(NEVER, Infinity);
  switch (d.dist) {
    case 'exponential':
      return make(EXPONENTIAL, d.mean);
    case 'deterministic':
      return make(DETERMINISTIC, d.mean);
    case 'lognormal': {
      const sigma2 = log(1 + d.cv * d.cv);
      return make(LOGNORMAL, d.mean, { mu: log(d.mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) });
    }
    case 'uniform':
      return make(UNIFORM, (d.min + d.max) / 2, { low: d.min, width: d.max - d.min });
    case 'gamma': {
      const shape = 1 / (d.cv * d.cv);
      return gammaSampler(d.mean, shape, d.mean / shape);
    }
    case 'empirical': {
      if (d.values !== undefined) {
        const table = Float64Array.from(d.values);
        let sum = 0;
        for (const v of table) sum += v;
        return make(EMPIRICAL, sum / table.length, { table });
      }
      const bins = d.histogram ?? [];
      const edges: number[] = [];
      const cumulative: number[] = [];
      let lower = bins[0]?.from ?? 0;
      let total = 0;
      let weightedMidpoints = 0;
      for (const bin of bins) {
        if (bin.count > 0) {
          edges.push(lower, bin.upTo);
          total += bin.count;
          cumulative.push(total);
          weightedMidpoints += bin.count * ((lower + bin.upTo) / 2);
        }
        lower = bin.upTo;
      }
      return make(HISTOGRAM, weightedMidpoints / total, {
        table: Float64Array.from(edges),
        weights: Float64Array.from(cumulative),
      });
    }
  }
}

/** The mean of a distribution in seconds (NaN for a malformed one, Infinity for none). */
export function distributionMean(d: Distribution | undefined): number {
  if (d === undefined) return Infinity;
  switch (d.dist) {
    case 'exponential':
    case 'deterministic':
    case 'lognormal':
    case 'gamma':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'empirical': {
      if (d.values) return d.values.reduce((sum, v) => sum + v, 0) / d.values.length;
      let lower = d.histogram?.[0]?.from ?? 0;
      let total = 0;
      let weighted = 0;
      for (const bin of d.histogram ?? []) {
        if (bin.count > 0) {
          total += bin.count;
          weighted += bin.count * ((lower + bin.upTo) / 2);
        }
        lower = bin.upTo;
      }
      return total > 0 ? weighted / total : NaN;
    }
    default:
      return NaN;
  }
}

/** The shortest duration a distribution can draw, in seconds (0 for the continuous shapes that
 * reach down to 0; Infinity for none). */
export function shortestDuration(d: Distribution | undefined): number {
  if (d === undefined) return Infinity;
  switch (d.dist) {
    case 'deterministic':
      return d.mean;
    case 'uniform':
      return d.min;
    case 'empirical': {
      if (d.values) return d.values.reduce((min, v) => Math.min(min, v), Infinity);
      let lower = d.histogram?.[0]?.from ?? 0;
      for (const bin of d.histogram ?? []) {
        if (bin.count > 0) return lower;
        lower = bin.upTo;
      }
      return NaN;
    }
    default:
      return 0;
  }
}

/** The same distribution with every duration multiplied by `factor` (e.g. a handle-time factor). */
export function scaled(s: Sampler, factor: number): Sampler {
  if (!(factor >= 0 && factor < Infinity)) throw new RangeError(`expected a scale factor ≥ 0, got ${factor}`);
  switch (s.kind) {
    case NEVER:
      return make(NEVER, Infinity);
    case EXPONENTIAL:
    case DETERMINISTIC:
      return make(s.kind, s.meanSeconds * factor);
    case LOGNORMAL:
      return make(LOGNORMAL, s.meanSeconds * factor, { mu: s.mu + log(factor), sigma: s.sigma });
    case UNIFORM:
      return make(UNIFORM, s.meanSeconds * factor, { low: s.low * factor, width: s.width * factor });
    case GAMMA:
      return gammaSampler(s.meanSeconds * factor, s.shape, s.scale * factor);
    case EMPIRICAL:
    case HISTOGRAM:
      return make(s.kind, s.meanSeconds * factor, { table: s.table.map((v) => v * factor), weights: s.weights.slice() });
    default:
      throw new RangeError(`unknown sampler kind ${s.kind}`);
  }
}

export function sample(s: Sampler, rng: Uniform): number {
  switch (s.kind) {
    case EXPONENTIAL:
      return exponential(rng) * s.meanSeconds;
    case LOGNORMAL:
      return exp(s.mu + s.sigma * normal(rng));
    case DETERMINISTIC:
      return s.meanSeconds;
    case UNIFORM:
      return s.low + s.width * rng();
    case GAMMA: {
      // Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
      const d = s.d;
      const c = s.c;
      let x: number;
      let v: number;
      for (;;) {
        do {
          x = normal(rng);
          v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const u = 1 - rng(); // (0, 1]
        const x2 = x * x;
        if (u < 1 - 0.0331 * x2 * x2 || log(u) < 0.5 * x2 + d * (1 - v + log(v))) break;
      }
      const g = d * v * s.scale;
      return s.shape < 1 ? g * exp(log(1 - rng()) * s.invShape) : g;
    }
    case EMPIRICAL: {
      const n = s.table.length;
      return s.table[Math.min(Math.floor(rng() * n), n - 1)];
    }
    case HISTOGRAM: {
      // The first bin whose cumulative count exceeds u; bins with no count were left out.
      const w = s.weights;
      const u = rng() * w[w.length - 1];
      let lo = 0;
      let hi = w.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (w[mid] > u) hi = mid;
        else lo = mid + 1;
      }
      const from = s.table[2 * lo];
      return from + (s.table[2 * lo + 1] - from) * rng();
    }
    default:
      return Infinity;
  }
}
