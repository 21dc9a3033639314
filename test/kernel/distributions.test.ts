// Duration distributions: each sampler reproduces the distribution an analyst wrote down, checked
// against theory with tolerances derived from the distribution's own moments (never from a run).
import { describe, expect, it } from 'vitest';
import { distribution, type Distribution } from '../../sim/scenario/distribution-schema';
import { compileDistribution, sample, scaled, type Sampler } from '../../sim/model/distributions';
import { randomStream } from '../../sim/kernel/random';

const DRAWS = 200_000;
/** Tolerance in standard errors. A correct sampler lands outside ±4 SE with probability 6e-5 per
 * check; with ~35 checks here, a change of seed would fail one about 0.2% of the time. */
const Z = 4;

const draw = (s: Sampler, n = DRAWS) => {
  const rng = randomStream(1, 0, 'test');
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sample(s, rng);
  return xs;
};

function sampleStats(xs: Float64Array) {
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const sd = Math.sqrt(ss / (xs.length - 1));
  return { mean, cv: sd / mean };
}

/** Raw moments E[X], E[X²], E[X³], E[X⁴] of a distribution, from its parameters. */
type RawMoments = [number, number, number, number];
const powers = (f: (j: number) => number): RawMoments => [f(1), f(2), f(3), f(4)];

/**
 * Mean and coefficient of variation with their standard errors for n draws. The cv's comes from
 * the delta method on (mean, variance): Var(cv̂) ≈ [cv⁴ + (μ₄ − σ⁴)/(4σ²μ²) − μ₃/μ³] / n.
 */
function theory([r1, r2, r3, r4]: RawMoments, n = DRAWS) {
  const mean = r1;
  const variance = r2 - r1 ** 2;
  const m3 = r3 - 3 * r1 * r2 + 2 * r1 ** 3;
  const m4 = r4 - 4 * r1 * r3 + 6 * r1 ** 2 * r2 - 3 * r1 ** 4;
  const sd = Math.sqrt(variance);
  const cv = sd / mean;
  return {
    mean,
    cv,
    meanSE: sd / Math.sqrt(n),
    cvSE: Math.sqrt((cv ** 4 + (m4 - variance ** 2) / (4 * variance * mean ** 2) - m3 / mean ** 3) / n),
  };
}

/** The 99.9th percentile of χ² with `df` degrees of freedom (Wilson–Hilferty, good to <1% for df ≥ 3). */
const chiSquare999 = (df: number) => df * (1 - 2 / (9 * df) + 3.0902 * Math.sqrt(2 / (9 * df))) ** 3;

function chiSquare(observed: number[], probabilities: number[], n: number): number {
  return observed.reduce((sum, o, i) => sum + (o - n * probabilities[i]) ** 2 / (n * probabilities[i]), 0);
}

function parse(input: unknown): Distribution {
  const result = distribution.safeParse(input);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

// Handle times as a contact centre would write them.
const lognormalMu = (mean: number, cv: number) => Math.log(mean) - Math.log(1 + cv * cv) / 2;
const lognormalSigma2 = (cv: number) => Math.log(1 + cv * cv);
const gammaMoments = (mean: number, cv: number): RawMoments => {
  const k = 1 / cv ** 2;
  const theta = mean / k;
  return powers((j) => {
    let m = 1;
    for (let i = 0; i < j; i++) m *= theta * (k + i);
    return m;
  });
};

const OBSERVED = [95, 140, 140, 180, 260, 410, 720];
/** An average-handle-time histogram pasted from a platform export; one bin had no contacts. */
const PASTED_HISTOGRAM = [
  { upTo: 30, count: 120 },
  { upTo: 60, count: 340 },
  { upTo: 120, count: 610 },
  { upTo: 180, count: 480 },
  { upTo: 300, count: 520 },
  { upTo: 600, count: 310 },
  { upTo: 900, count: 0 },
  { upTo: 1800, count: 45 },
];
const histogramMoments = (bins: { from?: number; upTo: number; count: number }[]): RawMoments => {
  const total = bins.reduce((t, b) => t + b.count, 0);
  return powers((j) => {
    let lower = bins[0].from ?? 0;
    let m = 0;
    for (const b of bins) {
      m += (b.count * (b.upTo ** (j + 1) - lower ** (j + 1))) / ((j + 1) * (b.upTo - lower));
      lower = b.upTo;
    }
    return m / total;
  });
};

const CASES: { name: string; input: Distribution; moments: RawMoments }[] = [
  {
    name: 'an exponential handle time of 180 s',
    input: { dist: 'exponential', mean: 180 },
    moments: powers((j) => [1, 1, 2, 6, 24][j] * 180 ** j),
  },
  {
    name: 'a lognormal handle time of 300 s with cv 0.6',
    input: { dist: 'lognormal', mean: 300, cv: 0.6 },
    moments: powers((j) => Math.exp(j * lognormalMu(300, 0.6) + (j * j * lognormalSigma2(0.6)) / 2)),
  },
  {
    name: 'a uniform after-call delay of 60 to 240 s',
    input: { dist: 'uniform', min: 60, max: 240 },
    moments: powers((j) => (240 ** (j + 1) - 60 ** (j + 1)) / ((j + 1) * 180)),
  },
  {
    name: 'a gamma handle time of 240 s with cv 0.5 (Erlang-4)',
    input: { dist: 'gamma', mean: 240, cv: 0.5 },
    moments: gammaMoments(240, 0.5),
  },
  {
    name: 'a gamma handle time with cv 1 (exponential)',
    input: { dist: 'gamma', mean: 200, cv: 1 },
    moments: gammaMoments(200, 1),
  },
  {
    name: 'a gamma patience of 90 s with cv 1.6 (shape below 1, boosted)',
    input: { dist: 'gamma', mean: 90, cv: 1.6 },
    moments: gammaMoments(90, 1.6),
  },
  {
    name: 'observed handle times, resampled',
    input: { dist: 'empirical', values: OBSERVED },
    moments: powers((j) => OBSERVED.reduce((s, v) => s + v ** j, 0) / OBSERVED.length),
  },
  {
    name: 'a pasted handle-time histogram',
    input: { dist: 'empirical', histogram: PASTED_HISTOGRAM },
    moments: histogramMoments(PASTED_HISTOGRAM),
  },
  {
    name: 'a histogram whose first bin starts at 10 s',
    input: {
      dist: 'empirical',
      histogram: [
        { from: 10, upTo: 20, count: 3 },
        { upTo: 40, count: 5 },
        { upTo: 100, count: 2 },
      ],
    },
    moments: histogramMoments([
      { from: 10, upTo: 20, count: 3 },
      { upTo: 40, count: 5 },
      { upTo: 100, count: 2 },
    ]),
  },
];

describe('each distribution reproduces its mean and coefficient of variation (200,000 draws)', () => {
  for (const { name, input, moments } of CASES) it(name, () => {
    const sampler = compileDistribution(parse(input));
    const expected = theory(moments);
    expect(sampler.meanSeconds).toBeCloseTo(expected.mean, 9);

    const xs = draw(sampler);
    for (const x of xs) {
      if (!(x >= 0 && Number.isFinite(x))) throw new Error(`drew ${x}`);
    }
    const { mean, cv } = sampleStats(xs);
    expect(Math.abs(mean - expected.mean)).toBeLessThan(Z * expected.meanSE);
    expect(Math.abs(cv - expected.cv)).toBeLessThan(Z * expected.cvSE);
  });

  it('a deterministic duration is always exactly its mean', () => {
    const sampler = compileDistribution(parse({ dist: 'deterministic', mean: 45 }));
    expect(sampler.meanSeconds).toBe(45);
    expect(new Set(draw(sampler, 1000))).toEqual(new Set([45]));
  });

  it('no patience means the customer never abandons', () => {
    const never = compileDistribution(undefined);
    expect(never.meanSeconds).toBe(Infinity);
    expect(new Set(draw(never, 1000))).toEqual(new Set([Infinity]));
    expect(scaled(never, 2).meanSeconds).toBe(Infinity);
  });
});

describe('shapes of the distributions beyond their first two moments', () => {
  it('an Erlang-4 handle time follows its distribution function (Kolmogorov–Smirnov)', () => {
    const mean = 240;
    const theta = mean / 4;
    const cdf = (x: number) => {
      const y = x / theta;
      return 1 - Math.exp(-y) * (1 + y + y ** 2 / 2 + y ** 3 / 6);
    };
    const xs = draw(compileDistribution({ dist: 'gamma', mean, cv: 0.5 })).sort();
    let d = 0;
    xs.forEach((x, i) => {
      const f = cdf(x);
      d = Math.max(d, (i + 1) / xs.length - f, f - i / xs.length);
    });
    // Critical value of the KS statistic at the 0.1% level: 1.95 / √n.
    expect(d).toBeLessThan(1.95 / Math.sqrt(xs.length));
  });

  it('a uniform delay stays within [min, max] and is spread evenly across it', () => {
    const xs = draw(compileDistribution({ dist: 'uniform', min: 60, max: 240 }));
    const tenths = new Array<number>(10).fill(0);
    for (const x of xs) {
      if (!(x >= 60 && x <= 240)) throw new Error(`drew ${x}, outside [60, 240]`);
      tenths[Math.min(Math.floor((x - 60) / 18), 9)]++;
    }
    const chi2 = chiSquare(tenths, new Array(10).fill(0.1), xs.length);
    expect(chi2).toBeLessThan(chiSquare999(9));
  });

  it('observed values are resampled: only listed values, each as often as it was observed', () => {
    const xs = draw(compileDistribution({ dist: 'empirical', values: OBSERVED }));
    const distinct = [...new Set(OBSERVED)];
    const counts = new Map<number, number>(distinct.map((v) => [v, 0]));
    for (const x of xs) {
      const c = counts.get(x);
      if (c === undefined) throw new Error(`drew ${x}, which was never observed`);
      counts.set(x, c + 1);
    }
    const probabilities = distinct.map((v) => OBSERVED.filter((o) => o === v).length / OBSERVED.length);
    const chi2 = chiSquare([...counts.values()], probabilities, xs.length);
    expect(chi2).toBeLessThan(chiSquare999(distinct.length - 1));
  });

  it('a single observed value behaves as a fixed duration', () => {
    const sampler = compileDistribution({ dist: 'empirical', values: [75] });
    expect(sampler.meanSeconds).toBe(75);
    expect(new Set(draw(sampler, 1000))).toEqual(new Set([75]));
  });

  it('a pasted handle-time histogram is reproduced bin by bin', () => {
    const xs = draw(compileDistribution({ dist: 'empirical', histogram: PASTED_HISTOGRAM }));
    const upper = PASTED_HISTOGRAM.map((b) => b.upTo);
    const observed = new Array<number>(upper.length).fill(0);
    for (const x of xs) {
      const bin = upper.findIndex((edge) => x < edge);
      if (bin < 0) throw new Error(`drew ${x}, beyond the last edge`);
      observed[bin]++;
    }
    // The empty 600–900 s bin is never drawn; the others follow their counts (χ² on 6 df).
    expect(observed[6]).toBe(0);
    const total = PASTED_HISTOGRAM.reduce((t, b) => t + b.count, 0);
    const used = PASTED_HISTOGRAM.map((b, i) => [b.count / total, observed[i]]).filter(([p]) => p > 0);
    const chi2 = chiSquare(
      used.map(([, o]) => o),
      used.map(([p]) => p),
      xs.length,
    );
    expect(chi2).toBeLessThan(chiSquare999(used.length - 1));
  });

  it('within a histogram bin, durations are spread evenly between its edges', () => {
    const xs = draw(compileDistribution({ dist: 'empirical', histogram: PASTED_HISTOGRAM }));
    const inBin = xs.filter((x) => x >= 300 && x < 600);
    const { mean } = sampleStats(inBin);
    // Uniform on [300, 600): mean 450, standard deviation 300/√12.
    expect(Math.abs(mean - 450)).toBeLessThan((Z * 300) / Math.sqrt(12 * inBin.length));
  });

  it('a histogram with a from on the first bin never draws below it', () => {
    const xs = draw(
      compileDistribution({ dist: 'empirical', histogram: [{ from: 10, upTo: 20, count: 1 }, { upTo: 30, count: 1 }] }),
      10_000,
    );
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThan(30);
  });

  it('the mean used for staffing is computed exactly from the data', () => {
    expect(compileDistribution({ dist: 'empirical', values: [100, 200, 600] }).meanSeconds).toBe(300);
    // Bins 0–60 (1 contact) and 60–300 (3 contacts): (30 + 3 × 180) / 4 = 142.5.
    const bins = [{ upTo: 60, count: 1 }, { upTo: 300, count: 3 }];
    expect(compileDistribution({ dist: 'empirical', histogram: bins }).meanSeconds).toBe(142.5);
    expect(compileDistribution({ dist: 'uniform', min: 30, max: 90 }).meanSeconds).toBe(60);
    expect(compileDistribution({ dist: 'gamma', mean: 240, cv: 0.5 }).meanSeconds).toBe(240);
  });
});

describe('extreme but valid parameters never produce NaN or negative durations', () => {
  const extremes: Distribution[] = [
    { dist: 'gamma', mean: 300, cv: 5 },
    { dist: 'gamma', mean: 300, cv: 0.05 },
    { dist: 'lognormal', mean: 300, cv: 5 },
    { dist: 'uniform', min: 0, max: 0 },
    { dist: 'deterministic', mean: 0 },
    { dist: 'empirical', values: [0] },
    { dist: 'empirical', histogram: [{ upTo: 1e-3, count: 1e-9 }] },
  ];
  it.each(extremes.map((d) => [JSON.stringify(d), d] as const))('%s', (_, input) => {
    for (const x of draw(compileDistribution(parse(input)), 50_000)) {
      if (!(x >= 0 && Number.isFinite(x))) throw new Error(`drew ${x}`);
    }
  });
});

describe('a handle-time factor scales every duration', () => {
  const kinds = [...CASES, { name: 'a deterministic duration', input: { dist: 'deterministic', mean: 45 } as Distribution }];
  for (const { name, input } of kinds) {
    it(name, () => {
      const base = compileDistribution(input);
      for (const factor of [0.8, 1.25]) {
        const faster = scaled(base, factor);
        expect(faster.meanSeconds).toBe(base.meanSeconds * factor);
        // Same random numbers, every draw multiplied by the factor.
        const a = draw(base, 20_000);
        const b = draw(faster, 20_000);
        for (let i = 0; i < a.length; i++) {
          if (Math.abs(b[i] - factor * a[i]) > 1e-12 * factor * a[i]) {
            throw new Error(`draw ${i}: ${b[i]} is not ${factor} × ${a[i]}`);
          }
        }
      }
    });
  }

  it('scaling leaves the original sampler untouched', () => {
    const base = compileDistribution({ dist: 'empirical', histogram: PASTED_HISTOGRAM });
    const edges = base.table.slice();
    scaled(base, 2);
    expect(base.table).toEqual(edges);
  });

  it('a negative or non-finite factor is refused', () => {
    const base = compileDistribution({ dist: 'exponential', mean: 180 });
    expect(() => scaled(base, -1)).toThrow(RangeError);
    expect(() => scaled(base, NaN)).toThrow(RangeError);
  });
});

describe('every sampler has the same shape, so the engine’s sampling stays monomorphic', () => {
  it('same fields in the same order, typed arrays where tables go', () => {
    const samplers = [
      ...CASES.map(({ input }) => compileDistribution(input)),
      compileDistribution({ dist: 'deterministic', mean: 45 }),
      compileDistribution(undefined),
      ...CASES.map(({ input }) => scaled(compileDistribution(input), 1.1)),
    ];
    const keys = Object.keys(samplers[0]);
    for (const s of samplers) {
      expect(Object.keys(s)).toEqual(keys);
      expect(s.table).toBeInstanceOf(Float64Array);
      expect(s.weights).toBeInstanceOf(Float64Array);
    }
  });
});

describe('a wrongly written distribution is reported with the field and what was expected', () => {
  const problem = (input: unknown) => {
    const result = distribution.safeParse(input);
    expect(result.success).toBe(false);
    return result.error!.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  };

  it.each<[string, unknown, string, string]>([
    [
      'a gamma handle time without spread (cv 0)',
      { dist: 'gamma', mean: 300, cv: 0 },
      'cv',
      'expected a coefficient of variation (standard deviation ÷ mean) > 0',
    ],
    ['a uniform range written backwards', { dist: 'uniform', min: 240, max: 60 }, 'max', 'expected max ≥ min (240)'],
    ['a negative uniform minimum', { dist: 'uniform', min: -5, max: 60 }, 'min', 'expected a shortest duration in seconds ≥ 0'],
    ['an empty list of observed values', { dist: 'empirical', values: [] }, 'values', 'expected at least one observed duration'],
    ['a negative observed value', { dist: 'empirical', values: [120, -3] }, 'values.1', 'expected an observed duration in seconds ≥ 0'],
    [
      'histogram edges pasted out of order',
      { dist: 'empirical', histogram: [{ upTo: 30, count: 4 }, { upTo: 90, count: 9 }, { upTo: 60, count: 7 }] },
      'histogram.2.upTo',
      'expected edges in increasing order: an upTo above 90',
    ],
    [
      'a first bin that ends before its from',
      { dist: 'empirical', histogram: [{ from: 30, upTo: 20, count: 4 }] },
      'histogram.0.upTo',
      "expected an upTo above the first bin's lower edge (30)",
    ],
    [
      'a gap between bins',
      { dist: 'empirical', histogram: [{ upTo: 30, count: 4 }, { from: 40, upTo: 90, count: 9 }] },
      'histogram.1.from',
      "expected bins without gaps: from equal to the previous bin's upTo (30), or omitted",
    ],
    [
      'a histogram with no contacts in it',
      { dist: 'empirical', histogram: [{ upTo: 30, count: 0 }, { upTo: 60, count: 0 }] },
      'histogram',
      'expected at least one bin with a count above 0',
    ],
    ['a negative bin count', { dist: 'empirical', histogram: [{ upTo: 30, count: -1 }] }, 'histogram.0.count', 'expected a count of contacts ≥ 0'],
    [
      'an empirical distribution with neither values nor histogram',
      { dist: 'empirical' },
      '',
      'expected values: [seconds, …] or histogram: [{ upTo: seconds, count: contacts }, …]',
    ],
    [
      'an empirical distribution with both',
      { dist: 'empirical', values: [60], histogram: [{ upTo: 30, count: 1 }] },
      '',
      'expected either values or histogram, not both',
    ],
    [
      'a distribution that does not exist',
      { dist: 'weibull', mean: 300 },
      'dist',
      'expected dist: exponential, lognormal, deterministic, uniform, gamma or empirical',
    ],
  ])('%s', (_, input, path, message) => {
    expect(problem(input)).toContainEqual({ path, message });
  });

  it('a histogram with edges out of order reports only the offending bin', () => {
    const issues = problem({
      dist: 'empirical',
      histogram: [{ upTo: 30, count: 4 }, { upTo: 90, count: 9 }, { upTo: 60, count: 7 }, { upTo: 120, count: 2 }],
    });
    expect(issues.map((i) => i.path)).toEqual(['histogram.2.upTo']);
  });

  it('contiguous bins may repeat their from, as some exports do', () => {
    expect(
      distribution.safeParse({
        dist: 'empirical',
        histogram: [{ from: 0, upTo: 30, count: 4 }, { from: 30, upTo: 60, count: 9 }],
      }).success,
    ).toBe(true);
  });
});
