// Judging a simulated plan against its targets: which hours no pool can serve, whether the targets
// are met, what misses and why, and where the next correction round raises the requirement.
import type { ScenarioResult } from '../stats/metrics';
import { hourOf } from '../stats/gap-hours';
import type { CompiledModel } from '../model/model';
import { poolsOn, type Programme } from './programme';
import type { QueueRequirement } from './requirements';
import type { QueueMiss } from './planner';

/** Per queue, the hours in which no pool that speaks its language can have anyone on the phones. */
export function unreachableHours(m: CompiledModel, p: Programme): Set<number>[] {
  const on = poolsOn(p);
  return m.queues.map((_, q) => {
    const hours = new Set<number>();
    const pools = p.links.filter((l) => l.queue === q).map((l) => l.pool);
    for (let i = 0; i < m.intervalCount; i++) {
      if (!pools.some((pool) => on[pool][i])) hours.add(hourOf(m, i));
    }
    return hours;
  });
}

/** Met: at most `belowTargetShare` of the reachable hours with demand below target, and each
 * queue's service level over the hours some pool can serve at or above its target. */
export function targetsMet(m: CompiledModel, result: ScenarioResult, unreachable: Set<number>[], belowTargetShare: number): boolean {
  if ((result.summary.hoursBelowTarget.mean ?? 0) > belowTargetShare * reachableDemandHours(result, unreachable)) return false;
  return m.queues.every((queue, q) => {
    const { serviceLevel } = reachableService(result, q, unreachable);
    return serviceLevel === null || serviceLevel >= queue.slTarget;
  });
}

/** A queue over the hours with demand some pool can serve: its service level (pooled by offered;
 * null without demand there) and its hours below target. */
function reachableService(result: ScenarioResult, q: number, unreachable: Set<number>[]): { serviceLevel: number | null; below: number } {
  const hours = result.coverage[q].hours;
  let within = 0;
  let offered = 0;
  let below = 0;
  hours.offered.forEach((o, h) => {
    if (unreachable[q].has(h) || !(o > 0)) return;
    within += o * (hours.serviceLevel[h] ?? 0);
    offered += o;
    below += hours.belowTarget[h];
  });
  return { serviceLevel: offered > 0 ? within / offered : null, below };
}

/** Hours with demand some pool can serve, over every language × channel. */
export function reachableDemandHours(result: ScenarioResult, unreachable: Set<number>[]): number {
  return (result.summary.demandHours.mean ?? 0) - countUnreachableWithDemand(result, unreachable);
}

function countUnreachableWithDemand(result: ScenarioResult, unreachable: Set<number>[]): number {
  let n = 0;
  result.coverage.forEach((row, q) => unreachable[q].forEach((h) => (row.hours.offered[h] > 0 ? n++ : 0)));
  return n;
}

/** Each language × channel with hours below target, or its service level over the hours a pool
 * can serve below its target; most hours below target first. */
export function queueMisses(m: CompiledModel, result: ScenarioResult, unreachable: Set<number>[]): QueueMiss[] {
  const out: QueueMiss[] = [];
  m.queues.forEach((queue, q) => {
    const { serviceLevel, below } = reachableService(result, q, unreachable);
    if (below > 0 || (serviceLevel !== null && serviceLevel < queue.slTarget)) {
      out.push({ queue: `${queue.language}/${queue.channel}`, hoursBelowTarget: below, serviceLevel, target: queue.slTarget });
    }
  });
  return out.sort((a, b) => b.hoursBelowTarget - a.hoursBelowTarget || a.queue.localeCompare(b.queue));
}

const percent = (x: number) => `${Number((x * 100).toFixed(1))} %`;

export function missText(x: QueueMiss): string {
  const sl = x.serviceLevel === null ? 'no demand' : `service level ${percent(x.serviceLevel)}`;
  return `${x.queue}: ${x.hoursBelowTarget} h below target; ${sl} over the hours a pool can serve, target ${percent(x.target)}`;
}

/** Targets no plan of these shifts can meet, per queue, with the reason: the hours no pool can
 * serve, counted in the verification as the table counts them (hours with demand and nobody on:
 * uncovered; hours with demand only part of which a pool can serve), and the intervals the
 * candidate shifts and head-count limits leave short in the programme. */
export function unmetRequirements(m: CompiledModel, shortfall: Float64Array[], unreachable: Set<number>[], result: ScenarioResult): string[] {
  const out: string[] = [];
  m.queues.forEach((queue, q) => {
    let capped = 0;
    shortfall[q].forEach((x, i) => {
      if (x > 1e-6 && !unreachable[q].has(hourOf(m, i))) capped++;
    });
    const row = result.coverage[q].hours;
    let uncovered = 0;
    let part = 0;
    unreachable[q].forEach((h) => {
      if (!(row.offered[h] > 0)) return;
      if (row.uncovered[h] === 1) uncovered++;
      else part++;
    });
    const hours = (n: number) => `${Number(((n * m.intervalSeconds) / 3600).toFixed(1))} h`;
    const name = `${queue.language}/${queue.channel}`;
    if (uncovered + part > 0) {
      const counts = [uncovered > 0 ? `${uncovered} h with demand and nobody on (uncovered hours)` : '', part > 0 ? `${part} h with demand only partly servable` : ''];
      out.push(`${name}: no pool that speaks ${queue.language} works ${queue.channel} at those times: ${counts.filter(Boolean).join(', ')}`);
    }
    if (capped > 0) out.push(`${name}: the candidate shifts and head-count limits (max, maxAgents) leave ${hours(capped)} short`);
  });
  return out;
}

/** Raises the requirement of every hour below target, returning how many: one more server the
 * first time; again only when the miss is beyond doubt (its interval wholly below target), by a
 * step that grows with the miss (agents blending voice with chats are busier than a static split
 * of their time suggests). A plan exactly at target misses about half its hours by chance, and
 * would otherwise climb on noise. */
export function raiseWhereBelowTarget(
  m: CompiledModel,
  result: ScenarioResult,
  requirements: QueueRequirement[],
  unreachable: Set<number>[],
  raise: Float64Array[],
  doubtful: Float64Array[],
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
        const step = m.queues[q].channel === 'email' ? 0.25 : surely ? Math.max(1, Math.round(2 * shortBy * requirements[q].servers[i])) : 1;
        raise[q][i] += step;
        if (!surely) doubtful[q][i] += step;
      }
    });
  });
  return raised;
}

/** Reporting intervals inside hour h of the horizon. */
function intervalsOfHour(m: CompiledModel, h: number): number[] {
  const perHour = 3600 / m.intervalSeconds;
  return Array.from({ length: perHour }, (_, k) => h * perHour + k).filter((i) => i < m.intervalCount);
}
