// The reported horizon's length, given in a scenario as days or hours. Kept free of the schema
// library, so that the simulation's workers can use it too.
import type { Scenario } from './scenario';

/** Seconds from the horizon's start to its end (warm-up not included). */
export const horizonLength = (s: Pick<Scenario, 'horizon'>): number =>
  s.horizon.days !== undefined ? s.horizon.days * 86400 : s.horizon.hours! * 3600;
