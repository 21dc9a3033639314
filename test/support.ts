// Shared builders for tests: scenarios written the way an analyst would, in a few lines.
import { compileScenario, type CompileOptions } from '../sim/model/model';
import { validateScenario, type ScenarioInput } from '../sim/scenario/scenario';
import { simulate } from '../sim/simulate';

export interface QueueCase {
  ratePerHour: number;
  ahtSeconds: number;
  agents: number;
  patienceSeconds?: number;
  thresholdSeconds?: number;
  hours: number;
  warmupHours?: number;
  replications: number;
  seed?: number;
}

/** One flat stream of exponential contacts and one pool around the clock: M/M/n or M/M/n+M. */
export function queueScenario(c: QueueCase): ScenarioInput {
  return {
    name: `M/M/${c.agents}${c.patienceSeconds ? '+M' : ''}`,
    horizon: { start: '2026-03-23T00:00:00Z', hours: c.hours, warmupHours: c.warmupHours ?? 24 },
    intervalMinutes: 60,
    serviceLevel: { seconds: c.thresholdSeconds ?? 20, target: 0.8 },
    seed: c.seed ?? 7,
    replications: c.replications,
    demand: [
      {
        id: 'calls',
        language: 'en',
        volume: { perHour: c.ratePerHour },
        handleTime: { dist: 'exponential', mean: c.ahtSeconds },
        ...(c.patienceSeconds ? { patience: { dist: 'exponential', mean: c.patienceSeconds } } : {}),
      },
    ],
    staffing: [{ id: 'team', skills: ['en'], agents: c.agents }],
  };
}

/** A one-language desk of callers in its own time zone on a business-day pattern, staffed around
 * the clock: the shape the history tests turn into records, fit and replay. */
export function localDesk(o: { city: string; zone: string; language: string; start: string; days: number; perWeek: number; agents: number; seed: number }): ScenarioInput {
  return {
    name: `${o.city} desk`,
    horizon: { start: o.start, days: o.days, warmupHours: 0 },
    seed: o.seed,
    demand: [
      {
        id: o.language,
        language: o.language,
        timezone: o.zone,
        volume: { perWeek: o.perWeek },
        pattern: 'business-day',
        handleTime: { dist: 'lognormal', mean: 200, cv: 1 },
        patience: { dist: 'exponential', mean: 150 },
      },
    ],
    staffing: [{ id: 'desk', skills: [o.language], agents: o.agents }],
  };
}

export function run(input: ScenarioInput, options?: CompileOptions) {
  return simulate(compileScenario(validateScenario(input, 'test.yaml'), options));
}
