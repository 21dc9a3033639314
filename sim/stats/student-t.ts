// Student's t quantiles for any confidence, where the gap-hours ranges need them: a range that
// holds for hundreds of hours at once asks for one-in-a-million tails (Bonferroni), beyond the
// 95 % and 99 % tables of confidence.ts. The upper tail comes from the regularized incomplete beta
// function, P(T > t) = ½ I_x(ν/2, ½) with x = ν / (ν + t²), computed directly (never as 1 − CDF)
// so that tiny tails keep their precision; the quantile is found by bisection on log t.

/** ln Γ(z) for z > 0 (Lanczos, g = 7, 9 terms: ~15 significant digits). */
function logGamma(z: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of I_x(a, b) (modified Lentz), for x < (a + 1) / (a + b + 2). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? tiny : d;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T > t) for t ≥ 0 and ν degrees of freedom. */
export function studentUpperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The t with P(T > t) = `tail` (0 < tail < ½) for ν = `df` degrees of freedom: the critical
 * value of a two-sided interval of confidence 1 − 2·tail. */
export function studentQuantileUpper(tail: number, df: number): number {
  if (!(tail > 0 && tail < 0.5) || !(df >= 1)) throw new RangeError(`expected a tail in (0, ½) and df ≥ 1, got ${tail}, ${df}`);
  // log t between −20 and 60 (t up to 1e26: a tail of 1e-26 with one degree of freedom).
  let lo = -20;
  let hi = 60;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (studentUpperTail(Math.exp(mid), df) > tail) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}
