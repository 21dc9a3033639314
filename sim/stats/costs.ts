// What one replication costs, under each pool's pricing, and how the cost is shared out to the
// queues (language × channel) it served.
import type { CompiledModel } from '../model/model';
import { CHANNELS } from '../scenario/channels';
import type { Tallies } from '../kernel/tallies';

export interface ReplicationCosts {
  /** Per human pool, per reporting interval. */
  poolCost: Float64Array[];
  /** Per AI pool, over the run. */
  aiCost: Float64Array;
  /** Per queue: human pools' cost shared by busy time, plus its AI conversations' cost. */
  queueCost: Float64Array;
  intervalCost: Float64Array;
}

/** Seconds of interval i inside the reported window (the last one may be cut short). */
export function intervalLengthSeconds(m: CompiledModel, i: number): number {
  const start = m.reportStartSeconds + i * m.intervalSeconds;
  return Math.min(m.intervalSeconds, m.reportEndSeconds - start);
}

export function replicationCosts(m: CompiledModel, t: Tallies): ReplicationCosts {
  const Q = t.queueCount;
  const I = m.intervalCount;
  // Built by push, not .map(): see the Kernel's listOf.
  const poolCost: Float64Array[] = [];
  for (let p = 0; p < m.pools.length; p++) poolCost.push(humanPoolCost(m, t, p));
  const aiCost = new Float64Array(m.aiPools.length);
  const queueCost = new Float64Array(Q);
  const intervalCost = new Float64Array(I);
  poolCost.forEach((cost, p) => {
    const total = cost.reduce((s, x) => s + x, 0);
    for (let i = 0; i < I; i++) intervalCost[i] += cost[i];
    const queues = m.pools[p].queues;
    let busy = 0;
    for (const q of queues) busy += t.poolQueueBusySeconds[p * Q + q];
    for (const q of queues) queueCost[q] += busy > 0 ? (total * t.poolQueueBusySeconds[p * Q + q]) / busy : total / queues.length;
  });
  for (let i = 0; i < I; i++) {
    for (let q = 0; q < Q; q++) {
      const ai = m.queues[q].aiPool;
      if (ai < 0) continue;
      const pool = m.aiPools[ai];
      const cell = i * Q + q;
      const billedResolutions = pool.billReturnedResolutions ? t.contained[cell] : t.contained[cell] - t.containedReturned[cell];
      const c = pool.costPerConversation * t.aiConversations[cell] + pool.costPerResolution * billedResolutions;
      aiCost[ai] += c;
      queueCost[q] += c;
      intervalCost[i] += c;
    }
  }
  return { poolCost, aiCost, queueCost, intervalCost };
}

/** Cost per interval of human pool p: hourly (with premiums), productive hours, per contact, per
 * handled minute, copilot; topped up to the monthly minimum (prorated to the part of each
 * calendar month the horizon covers) and adjusted by the service-level clause. */
function humanPoolCost(m: CompiledModel, t: Tallies, p: number): Float64Array {
  const I = m.intervalCount;
  const P = t.poolCount;
  const pool = m.pools[p];
  const c = pool.cost;
  const cost = new Float64Array(I);
  for (let i = 0; i < I; i++) {
    const k = i * P + p;
    cost[i] =
      (c.perHour * pool.roster.premiumWeightedAgentSeconds[i]) / 3600 +
      (c.copilotPerAgentHour * pool.roster.paidAgentSeconds[i]) / 3600 +
      (c.perProductiveHour * t.poolOnlineSeconds[k]) / 3600 +
      c.perContact * t.poolHandled[k] +
      (c.perHandledMinute * t.poolHandledSeconds[k]) / 60;
  }
  if (c.monthlyMinimum > 0) topUpToMonthlyMinimum(m, cost, c.monthlyMinimum);
  const clause = c.serviceLevelClause;
  if (clause) {
    const sl = clauseServiceLevel(m, t, p);
    const factor = sl < clause.target ? 1 - clause.penalty : clause.bonusAbove !== undefined && sl >= clause.bonusAbove ? 1 + clause.bonus : 1;
    for (let i = 0; i < I; i++) cost[i] *= factor;
  }
  return cost;
}

/** The service level a partner's clause is judged on: per channel (each against its own
 * threshold; channels are never averaged together), contacts offered to the pool's queues in the
 * reporting intervals in which the pool has agents scheduled — not the in-house team's hours —
 * and the lowest of them, so that the clause is met only when every channel it serves meets it.
 * NaN (no adjustment) when nothing was offered then. */
export function clauseServiceLevel(m: CompiledModel, t: Tallies, p: number): number {
  const Q = t.queueCount;
  const pool = m.pools[p];
  const channelOf = Array.from(pool.queues, (q) => CHANNELS.indexOf(m.queues[q].channel));
  const within = new Float64Array(CHANNELS.length);
  const offered = new Float64Array(CHANNELS.length);
  for (let i = 0; i < m.intervalCount; i++) {
    if (!(pool.roster.paidAgentSeconds[i] > 0)) continue;
    for (let j = 0; j < pool.queues.length; j++) {
      const k = i * Q + pool.queues[j];
      within[channelOf[j]] += t.answeredWithinThreshold[k];
      offered[channelOf[j]] += t.offered[k];
    }
  }
  let lowest = NaN;
  for (let c = 0; c < CHANNELS.length; c++) {
    if (offered[c] === 0) continue;
    const sl = within[c] / offered[c];
    if (Number.isNaN(lowest) || sl < lowest) lowest = sl;
  }
  return lowest;
}

function topUpToMonthlyMinimum(m: CompiledModel, cost: Float64Array, monthlyMinimum: number): void {
  const months = new Map<string, number[]>();
  for (let i = 0; i < m.intervalCount; i++) {
    const month = new Date(m.clockZeroMs + (m.reportStartSeconds + i * m.intervalSeconds) * 1000).toISOString().slice(0, 7);
    if (!months.has(month)) months.set(month, []);
    months.get(month)!.push(i);
  }
  for (const [month, intervals] of months) {
    const [year, monthIndex] = month.split('-').map(Number);
    const daysInMonth = new Date(Date.UTC(year, monthIndex, 0)).getUTCDate();
    const covered = intervals.reduce((s, i) => s + intervalLengthSeconds(m, i), 0);
    const minimum = (monthlyMinimum * covered) / (daysInMonth * 86400);
    const usage = intervals.reduce((s, i) => s + cost[i], 0);
    if (usage < minimum) for (const i of intervals) cost[i] += ((minimum - usage) * intervalLengthSeconds(m, i)) / covered;
  }
}
