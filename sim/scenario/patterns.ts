// Daily and weekly demand curves: named profiles an analyst can start from, and custom weights.
// Weights are relative: only their shape matters; the stream's volume is spread over them.

export interface Pattern {
  /** 96 quarter-hour weights for a local day, 00:00 first. */
  quarterHourly: number[];
  /** 7 weekday weights, Monday first. */
  weekday: number[];
}

const WEEK_FLAT = [1, 1, 1, 1, 1, 1, 1];

/** Hourly shapes (local time) and weekday shapes of typical support operations. */
const NAMED: Record<string, { hourly: number[]; weekday: number[] }> = {
  flat: { hourly: Array(24).fill(1), weekday: WEEK_FLAT },
  // B2B / office hours: busy 08–18 on weekdays, a trickle outside, quiet weekends.
  'business-day': {
    hourly: [0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.2, 0.6, 1.4, 1.9, 2.0, 1.9, 1.6, 1.7, 1.8, 1.7, 1.5, 1.1, 0.6, 0.4, 0.3, 0.2, 0.1, 0.07],
    weekday: [1.1, 1.05, 1.0, 1.0, 0.95, 0.25, 0.15],
  },
  // Retail / services open 07–22, lighter weekends.
  'extended-day': {
    hourly: [0.1, 0.06, 0.04, 0.04, 0.05, 0.1, 0.4, 0.9, 1.4, 1.7, 1.8, 1.8, 1.6, 1.6, 1.6, 1.6, 1.5, 1.4, 1.3, 1.2, 1.0, 0.7, 0.4, 0.2],
    weekday: [1.05, 1.0, 1.0, 1.0, 1.0, 0.8, 0.6],
  },
  // Consumer apps, gaming, streaming: peak after work and on weekends.
  'evening-peak': {
    hourly: [0.2, 0.1, 0.06, 0.05, 0.05, 0.1, 0.3, 0.6, 0.8, 0.9, 1.0, 1.0, 1.1, 1.1, 1.0, 1.0, 1.1, 1.3, 1.7, 2.0, 2.1, 1.9, 1.3, 0.6],
    weekday: [0.9, 0.9, 0.9, 0.95, 1.0, 1.2, 1.15],
  },
  // Always-on consumer services (telecom, travel, banking): never empty, broad daytime plateau.
  '24x7-consumer': {
    hourly: [0.4, 0.3, 0.25, 0.2, 0.2, 0.3, 0.5, 0.8, 1.1, 1.3, 1.4, 1.4, 1.4, 1.4, 1.4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.0, 0.8, 0.6],
    weekday: [1, 1, 1, 1, 1, 1.05, 1.05],
  },
};

export const PATTERN_NAMES = Object.keys(NAMED) as [string, ...string[]];

export type PatternSpec =
  | string
  | { hourly?: number[]; quarterHourly?: number[]; weekday?: number[] };

export function resolvePattern(spec: PatternSpec): Pattern {
  if (typeof spec === 'string') {
    const named = NAMED[spec];
    return { quarterHourly: named.hourly.flatMap((w) => [w, w, w, w]), weekday: named.weekday };
  }
  const quarterHourly = spec.quarterHourly ?? (spec.hourly ?? Array(24).fill(1)).flatMap((w) => [w, w, w, w]);
  return { quarterHourly, weekday: spec.weekday ?? WEEK_FLAT };
}
