// The planner's programme size, estimated from the scenario alone, and the refusal when it is
// beyond what one round solves in reasonable time and memory.
import { expandShift, parseDays, parseTime } from '../model/roster';
import type { ShiftSpec } from '../scenario/shift-schema';
import type { Scenario } from '../scenario/scenario';
import { horizonLength } from '../scenario/horizon';

/** The most candidate shifts (integer variables) and non-zeros (intervals candidates cover, at
 * the reporting grain) a programme may have (README, Limits). Measured on a shared 2-core
 * machine, one round: the examples have 36–82 candidates and 3,800–5,600 non-zeros (the default
 * solves in 10–14 s); 1,920 candidates with 600,000 non-zeros (20 shifts starting every 15
 * minutes, a week of 5-minute intervals) take 12 s to solve, 18 s and 290 MB in all; 4,800
 * with 6 million (28 days) take 44 s (past the solver's time limit) and 660 MB; 19,200, 85 s and 1.2 GB. */
export const PROGRAMME_LIMITS = { variables: 2_000, nonZeros: 1_000_000 };

export interface ProgrammeEstimate {
  /** Candidate shifts: one integer variable each. */
  variables: number;
  /** Intervals the candidates cover over the reported horizon (a term each in the capacity
   * rows); undefined when the variables alone are beyond the limit (not counted further). */
  nonZeros?: number;
  /** The shift that adds most, as a field path (`staffing[0].shifts[2].every` when it gives
   * candidate starts), and what it adds. */
  largest?: { field: string; variables: number; nonZeros?: number };
}

/** The programme's size from the scenario alone, before any roster is compiled: candidates per
 * shift spec from its start range and step, and per candidate the intervals its shifts touch on
 * the days of the reported horizon it is worked (local time taken as UTC: a time zone or a
 * daylight-saving change moves it by an interval a shift at most). Bounded work: non-zeros are
 * counted only when the candidates are within the limit. */
export function programmeEstimate(s: Scenario): ProgrammeEstimate {
  const specs: { field: string; spec: ShiftSpec; count: number }[] = [];
  s.staffing.forEach((p, pi) => {
    if (p.type === 'ai') return;
    (p.shifts ?? []).forEach((spec, k) => {
      if (typeof spec.agents === 'number') return;
      const count = spec.startBetween ? candidateStarts(spec) : 1;
      specs.push({ field: `staffing[${pi}].shifts[${k}]${spec.startBetween ? (spec.every !== undefined ? '.every' : '.startBetween') : ''}`, spec, count });
    });
  });
  const variables = specs.reduce((n, x) => n + x.count, 0);
  const most = specs.reduce<(typeof specs)[number] | undefined>((a, x) => (a && a.count >= x.count ? a : x), undefined);
  if (variables > PROGRAMME_LIMITS.variables) return { variables, largest: most && { field: most.field, variables: most.count } };

  const startMs = Date.parse(s.horizon.start);
  const horizonSeconds = horizonLength(s);
  const dt = s.intervalMinutes * 60;
  const daysWorked = new Map<number, number>(); // weekday mask → days of the horizon it works
  const worked = (mask: number) => {
    let n = daysWorked.get(mask);
    if (n === undefined) {
      n = 0;
      for (let d = 0; d * 86400 < horizonSeconds; d++) if (mask & (1 << ((Math.floor(startMs / 86_400_000) + d + 3) % 7))) n++;
      daysWorked.set(mask, n);
    }
    return n;
  };
  let nonZeros = 0;
  let largest: ProgrammeEstimate['largest'];
  for (const { field, spec, count } of specs) {
    let own = 0;
    const offset = (((startMs / 1000) % 86400) + 86400) % 86400; // horizon start's time of day
    for (const c of expandShift(spec)) {
      const start = parseTime(c.start, false)! * 60;
      let end = parseTime(c.end, true)! * 60;
      if (end <= start) end += 86400;
      const a = (((start - offset) % 86400) + 86400) % 86400; // from the horizon's start, in its first day
      const intervals = Math.min(Math.ceil((a + end - start) / dt) - Math.floor(a / dt), Math.ceil(horizonSeconds / dt));
      own += intervals * worked(parseDays(c.days) ?? 0);
    }
    nonZeros += own;
    if (!largest || own > largest.nonZeros!) largest = { field, variables: count, nonZeros: own };
  }
  return { variables, nonZeros, largest };
}

/** Candidate starts a `startBetween` range gives, counted without listing them. */
function candidateStarts(spec: ShiftSpec): number {
  const from = parseTime(spec.startBetween![0], false)!;
  const to = parseTime(spec.startBetween![1], false)!;
  return to < from ? 0 : Math.floor((to - from) / (spec.every ?? 60)) + 1;
}

/** The refusal when a scenario's programme is beyond PROGRAMME_LIMITS: the field that adds most,
 * and the estimate; undefined when within them. */
export function programmeProblem(s: Scenario): { field: string; message: string } | undefined {
  const e = programmeEstimate(s);
  const L = PROGRAMME_LIMITS;
  const count = (n: number) => n.toLocaleString('en-US');
  const tooMany = e.variables > L.variables;
  if (!tooMany && (e.nonZeros ?? 0) <= L.nonZeros) return undefined;
  const size = tooMany
    ? `${count(e.variables)} candidate shifts to decide (limit ${count(L.variables)})`
    : `${count(e.nonZeros!)} shift-intervals to cover (limit ${count(L.nonZeros)}; ${count(e.variables)} candidate shifts)`;
  const own = e.largest ? `, ${count(e.largest.variables)} of them from this shift` : '';
  return {
    field: e.largest?.field ?? 'staffing',
    message: `the planner's programme would be too large to solve: about ${size}${tooMany ? own : ''}; give fewer candidate starts (a larger every, a narrower startBetween), fewer open shifts or a shorter horizon (README, Limits)`,
  };
}
