// The shape of ContactCenters' Bilingual example (Buist & L'Ecuyer): English and Spanish calls,
// an English-only, a Spanish-only and a bilingual team that takes what the others leave, callers
// who hang up and some of them call again; one week, a thousand replications (about 5,000 call
// attempts each). Many short replications: what a planner's verification runs look like.
import type { ScenarioInput } from '../sim/scenario/scenario';

const call = (id: string, language: string, perHour: number) => ({
  id,
  language,
  volume: { perHour },
  handleTime: { dist: 'exponential', mean: 420 },
  patience: { dist: 'exponential', mean: 300 },
  redial: { share: 0.4, delay: { dist: 'exponential', mean: 600 } },
});

export function bilingualWeek(replications: number): ScenarioInput {
  return {
    name: 'Bilingual (ContactCenters-shaped)',
    horizon: { start: '2026-01-05T00:00:00Z', days: 7, warmupHours: 0 },
    intervalMinutes: 60,
    replications,
    demand: [call('english', 'en', 18), call('spanish', 'es', 12)],
    staffing: [
      { id: 'english', skills: ['en'], agents: 4 },
      { id: 'spanish', skills: ['es'], agents: 3 },
      { id: 'bilingual', skills: ['en', 'es'], agents: 2 },
    ],
  } as ScenarioInput;
}
