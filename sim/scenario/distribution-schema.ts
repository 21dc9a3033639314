// The scenario file's duration distributions (handle time, patience, delays): their schema,
// with messages that say what was expected. sim/model/distributions.ts turns them into samplers.
import * as z from 'zod';
import { distributionMean } from '../model/distributions';
import { LIMITS, nonNegative, positiveSeconds, seconds, shown } from './schema-parts';

/** The values of `dist`, in the order the schema lists them. */
export const DISTRIBUTION_NAMES = ['exponential', 'lognormal', 'deterministic', 'uniform', 'gamma', 'empirical'] as const;
export type DistributionName = (typeof DISTRIBUTION_NAMES)[number];

const unknownDist = `expected dist: ${DISTRIBUTION_NAMES.slice(0, -1).join(', ')} or ${DISTRIBUTION_NAMES.at(-1)}`;
const cvText = 'a coefficient of variation (standard deviation ÷ mean)';
const cv = z
  .number({ error: `expected ${cvText} > 0` })
  .positive({ error: `expected ${cvText} > 0`, abort: true })
  .min(LIMITS.cvMin, { error: `expected ${cvText} from ${LIMITS.cvMin} to ${LIMITS.cv} (use deterministic for no spread)` })
  .max(LIMITS.cv, { error: `expected ${cvText} from ${LIMITS.cvMin} to ${LIMITS.cv}` })
  .describe(
  'Coefficient of variation: standard deviation ÷ mean (0.6 for typical handle times).',
);
/** `dist`, the name of the shape, described for editors. */
const named = <N extends DistributionName>(name: N) => z.literal(name).describe(`Which distribution: ${DISTRIBUTION_NAMES.join(', ')}.`);
const mean = positiveSeconds('a mean in seconds').describe('Mean duration, in seconds.');

const uniform = z
  .strictObject({
    dist: named('uniform'),
    min: seconds('a shortest duration in seconds').describe('Shortest duration, in seconds.'),
    max: seconds('a longest duration in seconds').describe('Longest duration, in seconds (at least min).'),
  })
  .superRefine((u, ctx) => {
    if (u.max < u.min) ctx.addIssue({ code: 'custom', path: ['max'], message: `expected max ≥ min (${u.min})` });
  })
  .describe('Uniform between min and max seconds: every duration in the range equally likely.');

const histogramBin = z
  .strictObject(
    {
      from: seconds('a lower edge in seconds')
        .optional()
        .describe("Lower edge of the bin, in seconds; only needed on the first bin (default 0). Later bins start at the previous bin's upTo."),
      upTo: seconds('an upper edge in seconds').describe('Upper edge of the bin, in seconds; edges increase from bin to bin.'),
      count: nonNegative('a count of contacts', 1e12).describe('Contacts in the bin (a count or a share; only proportions matter).'),
    },
    { error: 'expected a bin { upTo: seconds, count: contacts }' },
  )
  .describe('One row of a duration histogram: count contacts took from the previous edge up to upTo seconds.');

const empirical = z
  .strictObject({
    dist: named('empirical'),
    values: z
      .array(seconds('an observed duration in seconds'), { error: 'expected a list of observed durations in seconds' })
      .min(1, { error: 'expected at least one observed duration' })
      .max(LIMITS.samples, { error: `expected at most ${shown(LIMITS.samples)} observed durations` })
      .optional()
      .describe('Observed durations in seconds; each draw is one of them, picked uniformly at random (a bootstrap).'),
    histogram: z
      .array(histogramBin, { error: 'expected a list of bins: [{ upTo: seconds, count: contacts }, …]' })
      .min(1, { error: 'expected at least one bin' })
      .max(LIMITS.samples, { error: `expected at most ${shown(LIMITS.samples)} bins` })
      .optional()
      .describe(
        "Binned durations, as exported by a contact-centre platform: a bin is drawn in proportion to its count, then a duration uniformly within it.",
      ),
  })
  .superRefine((e, ctx) => {
    if ((e.values === undefined) === (e.histogram === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          e.values === undefined
            ? 'expected values: [seconds, …] or histogram: [{ upTo: seconds, count: contacts }, …]'
            : 'expected either values or histogram, not both',
      });
      return;
    }
    if (e.histogram === undefined) return;
    // Refinements run even when a bin failed its own checks: look only at numbers.
    const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
    const bins = e.histogram.map((bin) => (typeof bin === 'object' && bin !== null ? bin : undefined));
    let edge = num(bins[0]?.from) ?? 0; // the highest edge so far
    let total = 0;
    bins.forEach((bin, i) => {
      const from = num(bin?.from);
      const upTo = num(bin?.upTo);
      const previous = num(bins[i - 1]?.upTo);
      if (i > 0 && from !== undefined && previous !== undefined && from !== previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['histogram', i, 'from'],
          message: `expected bins without gaps: from equal to the previous bin's upTo (${previous}), or omitted`,
        });
      }
      if (upTo !== undefined) {
        if (!(upTo > edge)) {
          ctx.addIssue({
            code: 'custom',
            path: ['histogram', i, 'upTo'],
            message:
              i === 0
                ? `expected an upTo above the first bin's lower edge (${edge})`
                : `expected edges in increasing order: an upTo above ${edge}`,
          });
        }
        edge = Math.max(edge, upTo);
      }
      total += Math.max(num(bin?.count) ?? 0, 0);
    });
    if (!(total > 0)) {
      ctx.addIssue({ code: 'custom', path: ['histogram'], message: 'expected at least one bin with a count above 0' });
    }
  })
  .describe(
    'Empirical: either observed values (resampled) or a histogram of bins { upTo, count } with increasing edges, the first from 0 or from `from`.',
  );

export const distribution = z.discriminatedUnion(
  'dist',
  [
    z
      .strictObject({ dist: named('exponential'), mean })
      .describe('Exponential: memoryless, coefficient of variation 1.'),
    z
      .strictObject({ dist: named('lognormal'), mean, cv })
      .describe('Lognormal with the given mean and coefficient of variation: typical of handle times.'),
    z
      .strictObject({ dist: named('deterministic'), mean: seconds('a duration in seconds').describe('The duration, in seconds.') })
      .describe('Always exactly `mean` seconds.'),
    uniform,
    z
      .strictObject({ dist: named('gamma'), mean, cv })
      .describe(
        'Gamma with the given mean and coefficient of variation (shape 1/cv²): cv 1 is exponential, cv 1/√k is Erlang-k.',
      ),
    empirical,
  ],
  { error: unknownDist },
);
export type Distribution = z.infer<typeof distribution>;

/** Where a distribution's mean is set, for messages about it. */
function meanField(d: Distribution): string {
  return d.dist === 'uniform' ? 'max' : d.dist === 'empirical' ? (d.values ? 'values' : 'histogram') : 'mean';
}

/** A handle time: as `distribution`, with a mean above 0 (a contact takes some time; a zero
 * would divide by zero in the agents-required figures and let a recontact loop spin in place). */
export const handleTimeDistribution = distribution.superRefine((d, ctx) => {
  const mean = distributionMean(d);
  if (Number.isFinite(mean) && mean < LIMITS.minHandleSeconds) {
    ctx.addIssue({
      code: 'custom',
      path: [meanField(d)],
      message: `expected a handle time above 0 (a mean of at least ${LIMITS.minHandleSeconds} seconds): a contact takes some time`,
    });
  }
});
