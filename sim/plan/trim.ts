// The trim phase: the correction rounds only ever add, so once a plan meets the targets, cheaper
// ones are tried (doubtful raises dropped, then agents taken off shifts with slack).
import type { ScenarioResult } from '../stats/metrics';
import { hourOf } from '../stats/gap-hours';
import type { CompiledModel } from '../model/model';
import type { Candidate } from './candidates';
import type { Programme } from './programme';
import type { PlanRounds, Round } from './rounds';

/** Rounds trying a cheaper plan after one meets the targets (each one simulation, and a solve
 * when it drops doubtful raises). */
export const TRIM_ROUNDS = 3;

/** Results a plan keeps at most, for the memory check before it starts: one per round —
 * `maxIterations` correction rounds and the trim rounds — and one more, the check seed's run
 * under way. */
export const planningRoundsAtMost = (maxIterations: number): number => maxIterations + TRIM_ROUNDS + 1;

/** Simulations a plan may run at most, for the work check before it starts: every round — the
 * `maxIterations` correction rounds and the trim rounds — simulates its plan with the file's seed
 * and, when that meets the targets, once more with the check seed (rounds.ts); any of them may. */
export const planningRunsAtMost = (maxIterations: number): number => 2 * (maxIterations + TRIM_ROUNDS);
/** A shift may lose an agent in a trim round when, in every hour it covers, each language ×
 * channel its pool serves is at or above target by this much (or has no demand). */
const TRIM_SLACK = 0.1;

/** Tries at most `budget` cheaper plans than the best round; each is kept among the rounds. */
export async function trim(rounds: PlanRounds, budget: number): Promise<void> {
  let current = rounds.best();
  if (budget > 0 && current.doubtful.some((d) => d.some((x) => x > 0))) {
    budget--;
    const round = await rounds.solveTrim(...withoutDoubtfulRaises(rounds.model, current));
    if (round.met && round.cost < current.cost) current = round;
  }
  await takeAgentsOff(rounds, current, budget);
}

/** The raises of `from` less those made for hours only possibly below target, in the hours whose
 * verified service level has slack (elsewhere the raise is needed), and the doubtful part kept. */
function withoutDoubtfulRaises(m: CompiledModel, from: Round): [Float64Array[], Float64Array[]] {
  const lowered = from.raise.map((r, q) =>
    r.map((x, i) => (hasSlack(m, from.result, q, hourOf(m, i)) ? x - from.doubtful[q][i] : x)),
  );
  const kept = from.doubtful.map((d, q) => d.map((x, i) => (lowered[q][i] === from.raise[q][i] ? x : 0)));
  return [lowered, kept];
}

/** Takes an agent off the slack shifts, round after round, while the budget lasts: a plan that
 * still meets the targets and costs less is the next one trimmed; otherwise fewer shifts are tried. */
async function takeAgentsOff(rounds: PlanRounds, current: Round, budget: number): Promise<void> {
  const { model, programme, candidates } = rounds;
  let take: number[] | undefined;
  while (budget > 0) {
    const from = current;
    const shifts = take ?? slackShifts(model, programme, candidates, from);
    if (shifts.length === 0) break;
    budget--;
    const round = await rounds.takeOff(from, shifts);
    if (round.met && round.cost < from.cost) {
      current = round;
      take = undefined;
    } else {
      // Keep the shifts whose hours stayed at or above target; at worst, the dearer half.
      const held = shifts.filter((k) => hoursOf(model, programme, k).every((h) => queuesOf(programme, candidates[k].pool).every((q) => round.result.coverage[q].hours.belowTarget[h] !== 1)));
      take = held.length < shifts.length ? held : shifts.slice(0, Math.floor(shifts.length / 2));
    }
  }
}

/** The open shifts (with agents above their minimum) that can lose one agent: in every hour they
 * cover, each language × channel their pool serves is at or above target by TRIM_SLACK, or has no
 * demand; no two of them share a language × channel hour. Dearest first. */
function slackShifts(m: CompiledModel, p: Programme, candidates: Candidate[], from: Round): number[] {
  const used = new Set<number>();
  const order = candidates.map((_, k) => k).filter((k) => from.agents[k] > candidates[k].min);
  order.sort((a, b) => p.candidates[b].cost - p.candidates[a].cost);
  const out: number[] = [];
  for (const k of order) {
    const queues = queuesOf(p, candidates[k].pool);
    const hours = hoursOf(m, p, k);
    const slack = queues.every((q) => hours.every((h) => hasSlack(m, from.result, q, h)));
    const keys = queues.flatMap((q) => hours.map((h) => q * 100_000 + h));
    if (!slack || keys.some((x) => used.has(x))) continue;
    keys.forEach((x) => used.add(x));
    out.push(k);
  }
  return out;
}

/** Hour h of queue q has no demand, or is at or above target by TRIM_SLACK. */
function hasSlack(m: CompiledModel, result: ScenarioResult, q: number, h: number): boolean {
  const row = result.coverage[q].hours;
  return !(row.offered[h] > 0) || (row.belowTarget[h] !== 1 && (row.serviceLevel[h] ?? 0) >= m.queues[q].slTarget + TRIM_SLACK);
}

function queuesOf(p: Programme, pool: number): number[] {
  return p.links.filter((l) => l.pool === pool).map((l) => l.queue);
}

/** Hours of the horizon a candidate shift covers. */
function hoursOf(m: CompiledModel, p: Programme, k: number): number[] {
  return [...new Set(Array.from(p.candidates[k].intervals, (i) => hourOf(m, i)))];
}
