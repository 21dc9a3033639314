// The open head counts a scenario leaves to the planner (one candidate per shift or candidate
// start), and a plan's head counts written back as a scenario and as a table per pool.
import { expandShift } from '../model/roster';
import type { HeadCount } from '../scenario/shift-schema';
import type { HumanPool, Scenario } from '../scenario/scenario';

export interface PlannedShift {
  days: string | string[];
  start: string;
  end: string;
  agents: number;
}

export interface Candidate {
  pool: number; // index among human pools (= model.pools)
  shift: number; // index in the pool's shifts as written
  days: string | string[];
  start: string;
  end: string;
  min: number;
  max?: number;
}

/** The open head counts of a scenario's pools: one candidate per shift (or per candidate start). */
export function openShifts(s: Scenario): Candidate[] {
  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  return humans.flatMap((p, pool) =>
    (p.shifts ?? []).flatMap((spec, shift) =>
      expandShift(spec).flatMap((c) =>
        typeof c.agents === 'number' ? [] : [{ pool, shift, days: c.days, start: c.start, end: c.end, ...range(c.agents) }],
      ),
    ),
  );
}

function range(agents: Exclude<HeadCount, number>): { min: number; max?: number } {
  return agents === 'auto' ? { min: 0 } : { min: agents.min, max: agents.max };
}

/** The scenario with every open head count decided: candidate shifts left at 0 are dropped. */
export function plannedScenario(s: Scenario, candidates: Candidate[], agents: number[]): Scenario {
  const decided = new Map<string, number>();
  candidates.forEach((c, k) => decided.set(`${c.pool}|${c.shift}|${c.start}`, agents[k]));
  let pool = -1;
  return {
    ...s,
    staffing: s.staffing.map((p) => {
      if (p.type === 'ai') return p;
      pool++;
      if (!p.shifts) return p;
      const index = pool;
      const shifts = p.shifts.flatMap((spec, shift) =>
        expandShift(spec).flatMap((c) => {
          const n = typeof c.agents === 'number' ? c.agents : (decided.get(`${index}|${shift}|${c.start}`) ?? 0);
          return typeof c.agents !== 'number' && n === 0 ? [] : [{ days: c.days, start: c.start, end: c.end, agents: n }];
        }),
      );
      // A pool whose every candidate stayed empty keeps one shift with nobody on it.
      return { ...p, shifts: shifts.length > 0 ? shifts : [{ days: 'daily', start: '00:00', end: '24:00', agents: 0 }] };
    }),
  };
}

/** Per pool, every shift with its head count (candidates left at 0 dropped). */
export function planTable(s: Scenario, candidates: Candidate[], agents: number[]): Record<string, PlannedShift[]> {
  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  const out: Record<string, PlannedShift[]> = {};
  candidates.forEach((c, k) => {
    const id = humans[c.pool].id;
    out[id] ??= [];
    if (agents[k] > 0) out[id].push({ days: c.days, start: c.start, end: c.end, agents: agents[k] });
  });
  return out;
}
