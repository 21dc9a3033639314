// followsun plan: the least-cost head counts for the shifts a scenario leaves open (`agents:
// auto` or `{ min, max }`, and candidate starts by `startBetween`), meeting every language ×
// channel target in every hour with demand. Requirements come from Erlang A / C (requirements.ts),
// a mixed-integer programme chooses the head counts (programme.ts), then the plan is simulated;
// where an hour still misses its target, that hour's requirement is raised and the programme
// solved again, until the targets are met or the iterations run out.
import { compileRoster, expandShift, minimumAgents } from '../model/roster';
import type { ShiftSpec } from '../scenario/shift-schema';
import { AVERAGE_MONTH_SECONDS, type ScenarioResult } from '../stats/metrics';
import { compileScenario, costPremiums, type CompiledModel } from '../model/model';
import type { HumanPool, Scenario } from '../scenario/scenario';
import { openShifts, planTable, type Candidate, type PlannedShift } from './candidates';
import { sparseCoverage, type LpSolver, type Programme, type ProgrammeCandidate } from './programme';
import { programmeProblem } from './programme-size';
import { PlanRounds } from './rounds';
import { missText, queueMisses, reachableDemandHours, unmetRequirements } from './targets';
import { trim, TRIM_ROUNDS } from './trim';

export interface PlanIteration {
  iteration: number;
  /** 'correct': a simulate-and-correct round (the programme solved with the requirements raised
   * where the previous round missed); 'trim': after a round met the targets, a cheaper plan tried
   * (doubtful raises dropped, or an agent taken off shifts whose hours have slack), kept only when
   * its simulation, with the same seed and replications, still meets them. */
  phase?: 'correct' | 'trim';
  /** The programme's objective: what it expects the plan to cost over the whole simulated horizon
   * (fixed and open shifts, per-contact and minimum charges; not a week or a month, and not the
   * simulation's bill). A trim round that takes agents off without solving: the plan it started
   * from, less those agents' cost. */
  plannedCost: number;
  /** Simulated: language × channel hours with demand below target, and all such hours. */
  hoursBelowTarget: number;
  uncoveredHours: number;
  demandHours: number;
  /** Hours whose requirement was raised for the next iteration. */
  raisedHours: number;
  /** Trim rounds: agents taken off the plan the round started from (0 when it re-solved). */
  agentsRemoved?: number;
  /** The simulated cost a month (the verification's costPerMonth). */
  costPerMonth?: number;
  /** Did this round's simulation meet the targets (see PlanResult.met)? */
  met?: boolean;
  /** Rounds that met them: did the plan meet them with other random numbers too (seed
   * checkSeed(seed), same replications)? A round counts as meeting the targets only when it does;
   * a trim also needs its hours below target over the two runs within 85 % of those allowed. */
  heldWithOtherSeed?: boolean;
}

/** A language × channel that misses its target in the plan returned. */
export interface QueueMiss {
  /** "de/voice". */
  queue: string;
  /** Its hours with demand below target, where a pool can serve. */
  hoursBelowTarget: number;
  /** Its service level pooled over the hours a pool can serve (null: no demand there). */
  serviceLevel: number | null;
  target: number;
}

export interface PlanResult {
  /** Per pool with open shifts: every shift with its head count (candidates left at 0 dropped). */
  plan: Record<string, PlannedShift[]>;
  /** The scenario with every open head count decided. */
  scenario: Scenario;
  /** The planned scenario simulated with its replications. */
  verification: ScenarioResult;
  iterations: PlanIteration[];
  /** The round returned (an iteration's number): not always the last. The best round: one that
   * meets the targets (the cheapest such), otherwise the fewest hours below target, then the cheapest. */
  round: number;
  /** Targets the plan does not meet, and why: when not met, first each language × channel that
   * misses (hours below target, service level against target), then what no shift can reach. */
  unmet: string[];
  /** When not met: the language × channel misses, most hours below target first. */
  misses: QueueMiss[];
  /** The hours with demand some pool can serve, and the most of them allowed below target
   * (plan.belowTargetShare of them). */
  reachableDemandHours: number;
  allowedHoursBelowTarget: number;
  met: boolean;
}

export interface PlanOptions {
  /** Simulates a compiled model (the CLI passes its worker pool; tests and the app pass `simulate`). */
  simulate: (model: CompiledModel) => ScenarioResult | Promise<ScenarioResult>;
  maxIterations?: number;
  /** Each step of each round: solving, simulating, and 'checking' a plan that met the targets by
   * simulating it again with other random numbers; phase 'trim' for the rounds trying a cheaper plan. */
  onProgress?: (step: 'solving' | 'simulating' | 'checking', iteration: number, phase: 'correct' | 'trim') => void;
  /** Rounds at most trying a cheaper plan once one meets the targets (default TRIM_ROUNDS; 0: none). */
  trimRounds?: number;
  solverTimeLimitSeconds?: number;
  /** Solves each programme (default: HiGHS in this thread). */
  solve?: LpSolver;
  /** Solve a programme beyond PROGRAMME_LIMITS on purpose (the CLI's --allow-large-runs). */
  allowLargeProgramme?: boolean;
}

export async function plan(s: Scenario, options: PlanOptions): Promise<PlanResult> {
  const tooLarge = options.allowLargeProgramme ? undefined : programmeProblem(s);
  if (tooLarge) throw new Error(`${tooLarge.field}: ${tooLarge.message}`);
  const model = compileScenario(s);
  const candidates = openShifts(s);
  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  const rounds = new PlanRounds(s, model, candidates, buildProgramme(model, humans, candidates), options);

  const maxIterations = options.maxIterations ?? 8;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const round = await rounds.correct();
    if (round.met || rounds.lastIteration.raisedHours === 0) break;
  }
  await trim(rounds, rounds.best().met ? (options.trimRounds ?? TRIM_ROUNDS) : 0);

  const final = rounds.best();
  const { unreachable } = rounds;
  const reachableDemand = reachableDemandHours(final.result, unreachable);
  const misses = final.met ? [] : queueMisses(model, final.result, unreachable);
  return {
    plan: planTable(s, candidates, final.agents),
    scenario: final.scenario,
    verification: final.result,
    iterations: rounds.iterations,
    round: final.iteration,
    unmet: [...misses.map(missText), ...unmetRequirements(model, final.shortfall, unreachable, final.result)],
    misses,
    reachableDemandHours: reachableDemand,
    allowedHoursBelowTarget: s.plan.belowTargetShare * reachableDemand,
    met: final.met,
  };
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
