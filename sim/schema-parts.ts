// Number fields with messages that say what was expected, shared by the scenario schema's parts.
import * as z from 'zod';

export const positive = (what: string) =>
  z.number({ error: `expected ${what} > 0` }).positive({ error: `expected ${what} > 0` });
export const nonNegative = (what: string) =>
  z.number({ error: `expected ${what} ≥ 0` }).min(0, { error: `expected ${what} ≥ 0` });
export const wholeNumber = (min: number) =>
  z
    .number({ error: `expected a whole number ≥ ${min}` })
    .int({ error: `expected a whole number ≥ ${min}` })
    .min(min, { error: `expected a whole number ≥ ${min}` });
export const fraction = z
  .number({ error: 'expected a fraction from 0 to 1 (0.8, not 80)' })
  .min(0, { error: 'expected a fraction from 0 to 1 (0.8, not 80)' })
  .max(1, { error: 'expected a fraction from 0 to 1 (0.8, not 80)' });
/** A share that must be above 0, such as an occupancy cap. */
export const positiveFraction = (what: string) =>
  z
    .number({ error: `expected ${what}: a fraction above 0, at most 1 (0.85, not 85)` })
    .gt(0, { error: `expected ${what}: a fraction above 0, at most 1 (0.85, not 85)` })
    .max(1, { error: `expected ${what}: a fraction above 0, at most 1 (0.85, not 85)` });
