// Means with Student-t confidence intervals over independent replications, accumulated one
// replication at a time (Welford), so nothing per replication needs to be kept.

// Two-sided Student t quantiles for 1..30 degrees of freedom (standard tables).
const T_95 = [12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788,
  2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555,
  2.0518, 2.0484, 2.0452, 2.0423];
const T_99 = [63.6567, 9.9248, 5.8409, 4.6041, 4.0321, 3.7074, 3.4995, 3.3554, 3.2498, 3.1693, 3.1058, 3.0545,
  3.0123, 2.9768, 2.9467, 2.9208, 2.8982, 2.8784, 2.8609, 2.8453, 2.8314, 2.8188, 2.8073, 2.7969, 2.7874, 2.7787,
  2.7707, 2.7633, 2.7564, 2.75];

/** The two-sided Student t critical value for 95% or 99% confidence with `df` degrees of freedom. */
export function tCritical(confidence: 0.95 | 0.99, df: number): number {
  const table = confidence === 0.95 ? T_95 : T_99;
  if (df <= table.length) return table[Math.max(1, Math.floor(df)) - 1];
  // Cornish–Fisher expansion around the normal quantile: exact to 4 decimals beyond 30 df.
  const z = confidence === 0.95 ? 1.959964 : 2.575829;
  // Powers as products: ** may round differently between JavaScript engines.
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df);
}

/** A figure over replications: its mean and 95% confidence interval (null with fewer than two
 * replications, or no mean where no replication defined the figure, e.g. a service level with
 * nothing offered). */
export interface Estimate {
  mean: number | null;
  ci95: [number, number] | null;
}

/** A difference that is 0 in every paired replication (common random numbers): no change at all,
 * rather than one too small to tell from 0. */
export const unchanged = (d: Estimate): boolean => d.mean === 0 && d.ci95 !== null && d.ci95[0] === 0 && d.ci95[1] === 0;

/** Running mean and variance of `width` figures at once; NaN values (undefined figures) skipped. */
export class FigureAccumulator {
  private readonly count: Float64Array;
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;

  constructor(readonly width: number) {
    this.count = new Float64Array(width);
    this.mean = new Float64Array(width);
    this.m2 = new Float64Array(width);
  }

  add(values: ArrayLike<number>): void {
    const { count, mean, m2, width } = this;
    for (let i = 0; i < width; i++) {
      const x = values[i];
      if (x !== x) continue; // NaN
      const n = ++count[i];
      const delta = x - mean[i];
      const updated = (mean[i] += delta / n);
      m2[i] += delta * (x - updated);
    }
  }

  /** The mean of figure i (null where no replication defined it), without its interval: for the
   * series that show means only (a million of them for a quarter of a larger scenario). */
  meanOf(i: number): number | null {
    return this.count[i] === 0 ? null : this.mean[i];
  }

  estimate(i: number): Estimate {
    const n = this.count[i];
    if (n === 0) return { mean: null, ci95: null };
    const mean = this.mean[i];
    if (n < 2) return { mean, ci95: null };
    const half = this.halfWidth(i, 0.95);
    return { mean, ci95: [mean - half, mean + half] };
  }

  /** Half the width of the confidence interval of figure i (NaN with fewer than two values). */
  halfWidth(i: number, confidence: 0.95 | 0.99): number {
    const n = this.count[i];
    return n < 2 ? NaN : tCritical(confidence, n - 1) * Math.sqrt(this.m2[i] / (n - 1) / n);
  }
}
