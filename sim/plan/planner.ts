// followsun plan: the least-cost head counts for the shifts a scenario leaves open (`agents:
// auto` or `{ min, max }`, and candidate starts by `startBetween`), meeting every language ×
// channel target in every hour with demand. Requirements come from Erlang A / C (requirements.ts),
// a mixed-integer programme chooses the head counts (programme.ts), then the plan is simulated;
// where an hour still misses its target, that hour's requirement is raised and the programme
// solved again, until the targets are met or the iterations run out.
import { compileRoster, expandShift, minimumAgents, parseDays, parseTime } from '../model/roster';
import type { HeadCount, ShiftSpec } from '../scenario/shift-schema';
import { AVERAGE_MONTH_SECONDS, type ScenarioResult } from '../stats/metrics';
import { compileScenario, costPremiums, type CompiledModel } from '../model/model';
import type { HumanPool, Scenario } from '../scenario/scenario';
import { poolsOn, solveProgramme, sparseCoverage, type LpSolver, type Programme, type ProgrammeCandidate } from './programme';
import { queueRequirements } from './requirements';
import { horizonLength } from '../scenario/horizon';

export interface PlannedShift {
  days: string | string[];
  start: string;
  end: string;
  agents: number;
}

export interface PlanIteration {
  iteration: number;
  /** The programme's cost of the plan over the horizon (the bill it expects). */
  plannedCost: number;
  /** Simulated: language × channel hours with demand below target, and all such hours. */
  hoursBelowTarget: number;
  uncoveredHours: number;
  demandHours: number;
  /** Hours whose requirement was raised for the next iteration. */
  raisedHours: number;
}

export interface PlanResult {
  /** Per pool with open shifts: every shift with its head count (candidates left at 0 dropped). */
  plan: Record<string, PlannedShift[]>;
  /** The scenario with every open head count decided. */
  scenario: Scenario;
  /** The planned scenario simulated with its replications. */
  verification: ScenarioResult;
  iterations: PlanIteration[];
  /** Targets the plan cannot meet, and why. */
  unmet: string[];
  met: boolean;
}

export interface PlanOptions {
  /** Simulates a compiled model (the CLI passes its worker pool; tests and the app pass `simulate`). */
  simulate: (model: CompiledModel) => ScenarioResult | Promise<ScenarioResult>;
  maxIterations?: number;
  onProgress?: (step: string, iteration: number) => void;
  solverTimeLimitSeconds?: number;
  /** Solves each programme (default: HiGHS in this thread). */
  solve?: LpSolver;
  /** Solve a programme beyond PROGRAMME_LIMITS on purpose (the CLI's --allow-large-runs). */
  allowLargeProgramme?: boolean;
}

interface Candidate {
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

export async function plan(s: Scenario, options: PlanOptions): Promise<PlanResult> {
  const tooLarge = options.allowLargeProgramme ? undefined : programmeProblem(s);
  if (tooLarge) throw new Error(`${tooLarge.field}: ${tooLarge.message}`);
  const model = compileScenario(s);
  const candidates = openShifts(s);
  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  const programme = buildProgramme(model, humans, candidates);
  const raise = model.queues.map(() => new Float64Array(model.intervalCount));
  const maxOccupancy = s.plan.maxOccupancy ?? s.maxOccupancy;
  const iterations: PlanIteration[] = [];
  const raisedBefore = new Set<number>();
  const unreachable = unreachableHours(model, programme);
  const maxIterations = options.maxIterations ?? 8;
  let last: { scenario: Scenario; result: ScenarioResult; agents: number[]; unmet: string[]; met: boolean } | undefined;

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    options.onProgress?.('solving', iteration);
    const requirements = queueRequirements(model, maxOccupancy, raise);
    programme.queues = requirements.map((r, q) => ({
      live: model.queues[q].channel !== 'email',
      servers: r.servers,
      workSeconds: r.workSeconds,
      deadlineIntervals: r.deadlineIntervals,
      offered: r.offered,
      ahtSeconds: r.ahtSeconds,
    }));
    const solution = await solveProgramme(programme, { timeLimitSeconds: options.solverTimeLimitSeconds, solve: options.solve });
    const agents = solution.agents.map((x, k) => x + candidates[k].min);
    const planned = plannedScenario(s, candidates, agents);

    options.onProgress?.('simulating', iteration);
    const result = await options.simulate(compileScenario(planned));
    const raised = raiseWhereBelowTarget(model, result, requirements, unreachable, raise, raisedBefore);
    const s0 = result.summary;
    iterations.push({
      iteration,
      plannedCost: solution.cost,
      hoursBelowTarget: s0.hoursBelowTarget.mean ?? 0,
      uncoveredHours: s0.uncoveredHours.mean ?? 0,
      demandHours: s0.demandHours.mean ?? 0,
      raisedHours: raised,
    });
    const met = targetsMet(model, result, unreachable, s.plan.belowTargetShare);
    last = { scenario: planned, result, agents, unmet: unmetRequirements(model, solution.shortfall, unreachable), met };
    if (met || raised === 0) break;
  }
  const final = last!;
  return {
    plan: planTable(s, candidates, final.agents),
    scenario: final.scenario,
    verification: final.result,
    iterations,
    unmet: final.unmet,
    met: final.met,
  };
}

function countUnreachableWithDemand(result: ScenarioResult, unreachable: Set<number>[]): number {
  let n = 0;
  result.coverage.forEach((row, q) => unreachable[q].forEach((h) => (row.hours.offered[h] > 0 ? n++ : 0)));
  return n;
}

/** Raises the requirement of every hour below target, returning how many: one more server the
 * first time; again only when the miss is beyond doubt (its interval wholly below target), by a
 * step that grows with the miss (agents blending voice with chats are busier than a static split
 * of their time suggests). A plan exactly at target misses about half its hours by chance, and
 * would otherwise climb on noise. */
function raiseWhereBelowTarget(
  m: CompiledModel,
  result: ScenarioResult,
  requirements: ReturnType<typeof queueRequirements>,
  unreachable: Set<number>[],
  raise: Float64Array[],
  raisedBefore: Set<number>,
): number {
  let raised = 0;
  result.coverage.forEach((row, q) => {
    row.hours.belowTarget.forEach((below, h) => {
      if (!below || unreachable[q].has(h)) return;
      const key = q * 100_000 + h;
      const surely = row.hours.surelyBelowTarget[h] === 1;
      if (raisedBefore.has(key) && !surely) return;
      raisedBefore.add(key);
      raised++;
      const shortBy = m.queues[q].slTarget - (row.hours.serviceLevel[h] ?? 0);
      for (const i of intervalsOfHour(m, h)) {
        if (m.queues[q].channel === 'email') raise[q][i] += 0.25;
        else raise[q][i] += surely ? Math.max(1, Math.round(2 * shortBy * requirements[q].servers[i])) : 1;
      }
    });
  });
  return raised;
}

/** Met: at most `belowTargetShare` of the reachable hours with demand below target, and each
 * queue's service level over the hours some pool can serve at or above its target. */
function targetsMet(m: CompiledModel, result: ScenarioResult, unreachable: Set<number>[], belowTargetShare: number): boolean {
  const s = result.summary;
  const reachableDemand = (s.demandHours.mean ?? 0) - countUnreachableWithDemand(result, unreachable);
  if ((s.hoursBelowTarget.mean ?? 0) > belowTargetShare * reachableDemand) return false;
  return m.queues.every((queue, q) => {
    const hours = result.coverage[q].hours;
    let within = 0;
    let offered = 0;
    hours.offered.forEach((o, h) => {
      if (unreachable[q].has(h) || !(o > 0)) return;
      within += o * (hours.serviceLevel[h] ?? 0);
      offered += o;
    });
    return offered === 0 || within / offered >= queue.slTarget;
  });
}

/** Reporting intervals inside hour h of the horizon. */
function intervalsOfHour(m: CompiledModel, h: number): number[] {
  const perHour = 3600 / m.intervalSeconds;
  return Array.from({ length: perHour }, (_, k) => h * perHour + k).filter((i) => i < m.intervalCount);
}

/** Per queue, the hours in which no pool that speaks its language can have anyone on the phones. */
function unreachableHours(m: CompiledModel, p: Programme): Set<number>[] {
  const on = poolsOn(p);
  return m.queues.map((_, q) => {
    const hours = new Set<number>();
    const pools = p.links.filter((l) => l.queue === q).map((l) => l.pool);
    for (let i = 0; i < m.intervalCount; i++) {
      if (!pools.some((pool) => on[pool][i])) hours.add(Math.floor((i * m.intervalSeconds) / 3600));
    }
    return hours;
  });
}

/** Targets left short by the programme, grouped per queue, with the reason. */
function unmetRequirements(m: CompiledModel, shortfall: Float64Array[], unreachable: Set<number>[]): string[] {
  const out: string[] = [];
  m.queues.forEach((queue, q) => {
    let noPool = 0;
    let capped = 0;
    shortfall[q].forEach((x, i) => {
      if (!(x > 1e-6)) return;
      if (unreachable[q].has(Math.floor((i * m.intervalSeconds) / 3600))) noPool++;
      else capped++;
    });
    const hours = (n: number) => `${Number(((n * m.intervalSeconds) / 3600).toFixed(1))} h`;
    const name = `${queue.language}/${queue.channel}`;
    if (noPool > 0) out.push(`${name}: no pool that speaks ${queue.language} works ${queue.channel} at those times (${hours(noPool)} with demand)`);
    if (capped > 0) out.push(`${name}: the candidate shifts and head-count limits (max, maxAgents) leave ${hours(capped)} short`);
  });
  return out;
}

/** The programme a scenario's open shifts make, before any requirement is set (its queues
 * empty): for checking its size against programmeEstimate. */
export function programmeOf(s: Scenario): Programme {
  return buildProgramme(compileScenario(s), s.staffing.filter((p): p is HumanPool => p.type !== 'ai'), openShifts(s));
}

function buildProgramme(m: CompiledModel, humans: HumanPool[], candidates: Candidate[]): Programme {
  const reportedSeconds = m.reportEndSeconds - m.reportStartSeconds;
  const window = m;
  const rosterOf = (pool: HumanPool, shift: { days: string | string[]; start: string; end: string }) => {
    return compileRoster(pool.timezone, [{ ...shift, agents: 1 }], undefined, costPremiums(pool), window);
  };
  const costOf = (pool: HumanPool, onPhonesShare: number, paid: Float64Array, weighted: Float64Array) => {
    const sum = (a: Float64Array) => a.reduce((t, x) => t + x, 0);
    const c = pool.cost;
    return (c.perHour * sum(weighted) + (pool.copilot?.costPerAgentHour ?? 0) * sum(paid) + c.perProductiveHour * onPhonesShare * sum(paid)) / 3600;
  };
  const pools = m.pools.map((cp, p) => {
    const pool = humans[p];
    const onPhonesShare = (1 - cp.shrinkage) * (1 - cp.absenceRate);
    const fixedHeadCount = (pool.shifts ?? []).reduce((n, spec) => n + fixedAgents(spec), 0);
    return {
      onPhonesShare,
      fixedAgentSeconds: cp.roster.paidAgentSeconds,
      fixedCost: costOf(pool, onPhonesShare, cp.roster.paidAgentSeconds, cp.roster.premiumWeightedAgentSeconds),
      perContact: cp.cost.perContact,
      perHandledMinute: cp.cost.perHandledMinute,
      minimumCost: (cp.cost.monthlyMinimum * reportedSeconds) / AVERAGE_MONTH_SECONDS,
      maxAgents: pool.maxAgents !== undefined ? Math.max(0, pool.maxAgents - fixedHeadCount) : undefined,
    };
  });
  const programmeCandidates: ProgrammeCandidate[] = candidates.map((c) => {
    const pool = humans[c.pool];
    const roster = rosterOf(pool, c);
    // A partner billed only per contact charges nothing for head count: a cent an hour keeps
    // the planner from rostering agents it does not need.
    const paidHours = roster.paidAgentSeconds.reduce((t, x) => t + x, 0) / 3600;
    return {
      pool: c.pool,
      ...sparseCoverage(roster.paidAgentSeconds),
      cost: Math.max(costOf(pool, pools[c.pool].onPhonesShare, roster.paidAgentSeconds, roster.premiumWeightedAgentSeconds), 0.01 * paidHours),
      max: c.max !== undefined ? c.max - c.min : undefined,
    };
  });
  const links = m.pools.flatMap((cp, p) =>
    Array.from(cp.queues, (q) => ({
      pool: p,
      queue: q,
      efficiency: (m.queues[q].channel === 'chat' ? cp.chatConcurrency : 1) / cp.handleFactorByQueue[q],
      handleFactor: cp.handleFactorByQueue[q],
    })),
  );
  return { intervalSeconds: m.intervalSeconds, intervalCount: m.intervalCount, pools, candidates: programmeCandidates, queues: [], links };
}

/** Head count a shift spec has whatever the planner decides (its minimum), for maxAgents. */
function fixedAgents(spec: ShiftSpec): number {
  return expandShift(spec).reduce((n, c) => n + minimumAgents(c.agents), 0);
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

function planTable(s: Scenario, candidates: Candidate[], agents: number[]): Record<string, PlannedShift[]> {
  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  const out: Record<string, PlannedShift[]> = {};
  candidates.forEach((c, k) => {
    const id = humans[c.pool].id;
    out[id] ??= [];
    if (agents[k] > 0) out[id].push({ days: c.days, start: c.start, end: c.end, agents: agents[k] });
  });
  return out;
}
