// The distribution function F(x) = P(X ≤ x) of a compiled duration and its integral E[(x − X)⁺],
// in closed form for every kind: what the forecast (model/forecast.ts) needs to spread recontacts
// over the time they take to come back, with no random draws. Also the standard normal
// distribution function, which the history's lognormal fit judges its fit with.
import { exp, expm1, log } from '../kernel/portable-math';
import { DETERMINISTIC, EMPIRICAL, EXPONENTIAL, GAMMA, HISTOGRAM, LOGNORMAL, UNIFORM, type Sampler } from './distributions';


/** ln Γ(z) for z > 0 (Lanczos, g = 7, 9 terms: ~15 significant digits). */
function logGamma(z: number): number {
  if (z < 0.5) return logGamma(z + 1) - log(z);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const x = z - 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * log(2 * Math.PI) + (x + 0.5) * log(t) - t + log(a);
}

/** The regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x), each computed
 * directly where it is the smaller (series below a + 1, Lentz's continued fraction above), so
 * neither loses its precision to 1 − the other. */
function incompleteGamma(a: number, x: number, upper: boolean): number {
  if (!(x > 0)) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  const front = exp(a * log(x) - x - logGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    const p = Math.min(1, front * sum);
    return upper ? 1 - p : p;
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let n = 1; n < 1000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  const q = Math.min(1, front * h);
  return upper ? q : 1 - q;
}

/** The standard normal distribution function Φ(z) (erfc by the incomplete gamma function). */
export function normalCdf(z: number): number {
  const tail = 0.5 * incompleteGamma(0.5, (z * z) / 2, true);
  return z < 0 ? tail : 1 - tail;
}

/** Index of the first element of the sorted `xs` greater than x (xs.length if none). */
function firstAbove(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The distribution function F(x) = P(X ≤ x) of a compiled duration and its integral
 * ∫₀ˣ F(u) du = E[(x − X)⁺] (`shortfall`), in closed form for every kind. Built once per
 * distribution (an empirical table is sorted here), then evaluated as often as needed.
 */
export interface DistributionFunctions {
  cdf(x: number): number;
  shortfall(x: number): number;
}

export function distributionFunctions(s: Sampler): DistributionFunctions {
  const m = s.meanSeconds;
  switch (s.kind) {
    case EXPONENTIAL:
      return {
        cdf: (x) => (x > 0 ? -expm1(-x / m) : 0),
        shortfall: (x) => (x > 0 ? x + m * expm1(-x / m) : 0),
      };
    case DETERMINISTIC:
      return { cdf: (x) => (x >= m ? 1 : 0), shortfall: (x) => Math.max(0, x - m) };
    case UNIFORM: {
      const a = s.low;
      const w = s.width;
      if (w === 0) return { cdf: (x) => (x >= a ? 1 : 0), shortfall: (x) => Math.max(0, x - a) };
      return {
        cdf: (x) => Math.min(1, Math.max(0, (x - a) / w)),
        shortfall: (x) => (x <= a ? 0 : x >= a + w ? x - a - w / 2 : ((x - a) * (x - a)) / (2 * w)),
      };
    }
    case LOGNORMAL:
      // E[(x − X)⁺] = x Φ(z) − E[X] Φ(z − σ), z = (ln x − μ) / σ.
      return {
        cdf: (x) => (x > 0 ? normalCdf((log(x) - s.mu) / s.sigma) : 0),
        shortfall: (x) => {
          if (!(x > 0)) return 0;
          const z = (log(x) - s.mu) / s.sigma;
          return Math.max(0, x * normalCdf(z) - m * normalCdf(z - s.sigma));
        },
      };
    case GAMMA:
      // E[(x − X)⁺] = x P(k, x/θ) − kθ P(k + 1, x/θ).
      return {
        cdf: (x) => incompleteGamma(s.shape, x / s.scale, false),
        shortfall: (x) => (x > 0 ? Math.max(0, x * incompleteGamma(s.shape, x / s.scale, false) - m * incompleteGamma(s.shape + 1, x / s.scale, false)) : 0),
      };
    case EMPIRICAL: {
      const values = Float64Array.from(s.table).sort();
      const below = new Float64Array(values.length + 1); // below[j]: sum of the j smallest
      for (let j = 0; j < values.length; j++) below[j + 1] = below[j] + values[j];
      const n = values.length;
      return {
        cdf: (x) => firstAbove(values, x) / n,
        shortfall: (x) => {
          const j = firstAbove(values, x);
          return (j * x - below[j]) / n;
        },
      };
    }
    case HISTOGRAM: {
      // Bin b is [from, upTo] with probability p_b, uniform within it.
      const bins = s.weights.length;
      const total = s.weights[bins - 1];
      const upTo = new Float64Array(bins);
      const mass = new Float64Array(bins + 1); // mass[b]: probability of the bins before b
      const moment = new Float64Array(bins + 1); // moment[b]: Σ p × midpoint of the bins before b
      for (let b = 0; b < bins; b++) {
        const p = (s.weights[b] - (b > 0 ? s.weights[b - 1] : 0)) / total;
        upTo[b] = s.table[2 * b + 1];
        mass[b + 1] = mass[b] + p;
        moment[b + 1] = moment[b] + (p * (s.table[2 * b] + s.table[2 * b + 1])) / 2;
      }
      /** The bin x falls in (before its end), or `bins` past the last. */
      const binOf = (x: number) => firstAbove(upTo, x);
      return {
        cdf: (x) => {
          const b = binOf(x);
          if (b === bins) return 1;
          const from = s.table[2 * b];
          const inBin = x <= from ? 0 : (x - from) / (upTo[b] - from);
          return Math.min(1, mass[b] + (mass[b + 1] - mass[b]) * inBin);
        },
        shortfall: (x) => {
          const b = binOf(x);
          let sum = x * mass[b] - moment[b];
          if (b < bins) {
            const from = s.table[2 * b];
            if (x > from) sum += ((mass[b + 1] - mass[b]) * (x - from) * (x - from)) / (2 * (upTo[b] - from));
          }
          return Math.max(0, sum);
        },
      };
    }
    default:
      // NEVER: the duration never ends.
      return { cdf: () => 0, shortfall: () => 0 };
  }
}
