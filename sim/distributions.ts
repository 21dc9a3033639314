// Durations (handle time, patience) as compiled samplers: plain numbers, no closures, so the
// engine's hot loop samples with one switch and no allocation.
import * as z from 'zod';
import { nonNegative, positive } from './schema-parts';
import type { Uniform } from './random';

export const distribution = z.discriminatedUnion(
  'dist',
  [
    z
      .strictObject({ dist: z.literal('exponential'), mean: positive('a mean in seconds') })
      .describe('Exponential: memoryless, coefficient of variation 1.'),
    z
      .strictObject({
        dist: z.literal('lognormal'),
        mean: positive('a mean in seconds'),
        cv: positive('a coefficient of variation (standard deviation ÷ mean)'),
      })
      .describe('Lognormal with the given mean and coefficient of variation: typical of handle times.'),
    z
      .strictObject({ dist: z.literal('deterministic'), mean: nonNegative('a duration in seconds') })
      .describe('Always exactly `mean` seconds.'),
  ],
  { error: 'expected dist: exponential, lognormal or deterministic' },
);
export type Distribution = z.infer<typeof distribution>;

export const EXPONENTIAL = 0;
export const LOGNORMAL = 1;
export const DETERMINISTIC = 2;
export const NEVER = 3; // no abandonment: patience is infinite

export interface Sampler {
  kind: number;
  meanSeconds: number;
  /** Lognormal: parameters of the underlying normal. */
  mu: number;
  sigma: number;
}

export function compileDistribution(d: Distribution | undefined): Sampler {
  if (d === undefined) return { kind: NEVER, meanSeconds: Infinity, mu: 0, sigma: 0 };
  switch (d.dist) {
    case 'exponential':
      return { kind: EXPONENTIAL, meanSeconds: d.mean, mu: 0, sigma: 0 };
    case 'deterministic':
      return { kind: DETERMINISTIC, meanSeconds: d.mean, mu: 0, sigma: 0 };
    case 'lognormal': {
      const sigma2 = Math.log(1 + d.cv * d.cv);
      return { kind: LOGNORMAL, meanSeconds: d.mean, mu: Math.log(d.mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
    }
  }
}

export function sample(s: Sampler, rng: Uniform): number {
  switch (s.kind) {
    case EXPONENTIAL:
      return -Math.log(1 - rng()) * s.meanSeconds;
    case LOGNORMAL: {
      // Box–Muller; the second normal is discarded to keep samplers stateless.
      const r = Math.sqrt(-2 * Math.log(1 - rng()));
      return Math.exp(s.mu + s.sigma * r * Math.cos(2 * Math.PI * rng()));
    }
    case DETERMINISTIC:
      return s.meanSeconds;
    default:
      return Infinity;
  }
}
