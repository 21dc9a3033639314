// One replication's tallies → its figures (ReplicationFigures, defined in metrics.ts).
//
// Each block is a function of its own, one loop or two each: V8 compiles a hot loop's function
// on its own (on-stack replacement) and again when it is called hot, once per thread. As one
// 240-line function this cost 30–110 ms of compiling each time, 2 to 8 times per thread,
// which a second worker on a 2-core machine pays beside the simulation (issue 11).
import type { CompiledModel } from '../model/model';
import { waitPercentile, WAIT_BINS, type Tallies } from '../kernel/tallies';
import { intervalLengthSeconds, replicationCosts, type ReplicationCosts } from './costs';
import { hourlyTallies } from './gap-hours';
import {
  AVERAGE_MONTH_SECONDS,
  channelsOf,
  COVERAGE_FIGURES,
  GROUP_FIGURES,
  INTERVAL_CHANNEL_FIGURES,
  INTERVAL_FIGURES,
  POOL_FIGURES,
  STAFFING_TYPES,
  type ReplicationFigures,
} from './metrics';

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

function sum(a: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i];
  return total;
}

export function replicationFigures(m: CompiledModel, t: Tallies): ReplicationFigures {
  const channels = channelsOf(m);
  // Typed arrays, whose map is the same however they are built: an array from .map() gets another
  // once this function is optimised, and the figure functions given it were deoptimised.
  const queueChannel = Int32Array.from(m.queues, (q) => channels.indexOf(q.channel));
  const costs = replicationCosts(m, t);
  const { coverage, intervals } = intervalFigures(m, t, queueChannel, channels.length, costs.intervalCost);
  const { pools, costByType } = poolFigures(m, t, costs);
  const { staffing, occupancy } = staffingFigures(m, t);
  return {
    summary: summaryFigures(m, t, costByType),
    pools,
    languages: groupFigures(m, t, costs.queueCost, m.languages.length, Int32Array.from(m.queues, (q) => m.languages.indexOf(q.language)), true),
    channels: groupFigures(m, t, costs.queueCost, channels.length, queueChannel, false),
    queues: groupFigures(m, t, costs.queueCost, m.queues.length, Int32Array.from(m.queues, (_, q) => q), false),
    costByType,
    intervals,
    coverage,
    staffing,
    occupancy,
    hours: hourlyTallies(m, t),
    poolQueueBusy: Float64Array.from(t.poolQueueBusySeconds),
    arrivals: t.arrivals,
    events: t.events,
  };
}

/** Coverage per interval × queue, and per-interval rows with a block per channel. */
function intervalFigures(m: CompiledModel, t: Tallies, queueChannel: Int32Array, C: number, intervalCost: Float64Array) {
  const Q = t.queueCount;
  const P = t.poolCount;
  const I = m.intervalCount;
  const CF = COVERAGE_FIGURES.length;
  const coverage = new Float64Array(I * Q * CF);
  const IF = INTERVAL_FIGURES.length;
  const ICF = INTERVAL_CHANNEL_FIGURES.length;
  const rowWidth = IF + C * ICF;
  const intervals = new Float64Array(I * rowWidth);
  const byChannel = new Float64Array(C * 5); // offered, answered, within, waits, abandoned
  for (let i = 0; i < I; i++) {
    const length = intervalLengthSeconds(m, i);
    byChannel.fill(0);
    let o = 0, a = 0, ab = 0, w = 0, ws = 0, oRealtime = 0, aRealtime = 0, ct = 0;
    for (let q = 0; q < Q; q++) {
      const cell = i * Q + q;
      const queue = m.queues[q];
      let online = 0;
      for (let k = 0; k < queue.pools.length; k++) online += t.poolOnlineSeconds[i * P + queue.pools[k]];
      const offered = t.offered[cell];
      // Written in place: one interval × queue cell per row, for every replication.
      const at = cell * CF;
      coverage[at] = offered;
      coverage[at + 1] = ratio(t.answeredWithinThreshold[cell], offered);
      coverage[at + 2] = ratio(t.waitSecondsAnswered[cell], t.answered[cell]);
      coverage[at + 3] = ratio(t.abandoned[cell], offered);
      coverage[at + 4] = online / length;
      coverage[at + 5] = t.backlog[cell];
      coverage[at + 6] = t.answered[cell];
      coverage[at + 7] = t.abandoned[cell];
      const c = queueChannel[q] * 5;
      byChannel[c] += offered;
      byChannel[c + 1] += t.answered[cell];
      byChannel[c + 2] += t.answeredWithinThreshold[cell];
      byChannel[c + 3] += t.waitSecondsAnswered[cell];
      byChannel[c + 4] += t.abandoned[cell];
      o += offered;
      a += t.answered[cell];
      ab += t.abandoned[cell];
      w += t.answeredWithinThreshold[cell];
      if (queue.channel !== 'email') {
        ws += t.waitSecondsAnswered[cell];
        oRealtime += offered;
        aRealtime += t.answered[cell];
      }
      ct += t.contained[cell];
    }
    let busy = 0, online = 0;
    for (let p = 0; p < P; p++) {
      busy += t.poolBusySeconds[i * P + p];
      online += t.poolOnlineSeconds[i * P + p];
    }
    // Written element by element: an array literal per row was most of a short replication's garbage.
    const row = i * rowWidth;
    intervals[row] = o;
    intervals[row + 1] = a;
    intervals[row + 2] = ab;
    intervals[row + 3] = ct;
    intervals[row + 4] = ratio(w, o);
    intervals[row + 5] = ratio(ws, aRealtime);
    intervals[row + 6] = ratio(ab, oRealtime);
    intervals[row + 7] = ratio(busy, online);
    intervals[row + 8] = intervalCost[i];
    for (let c = 0; c < C; c++) {
      const from = c * 5;
      const co = byChannel[from];
      const ca = byChannel[from + 1];
      const at = row + IF + c * ICF;
      intervals[at] = co;
      intervals[at + 1] = ca;
      intervals[at + 2] = ratio(byChannel[from + 2], co);
      intervals[at + 3] = ratio(byChannel[from + 3], ca);
      intervals[at + 4] = ratio(byChannel[from + 4], co);
    }
  }
  return { coverage, intervals };
}

/** Languages, channels or language × channel: `member[q]` is queue q's group. With `liveOnly` (a
 * language's channels), ASA and abandon rate are of its voice and chat. */
function groupFigures(m: CompiledModel, t: Tallies, queueCost: Float64Array, count: number, member: Int32Array, liveOnly: boolean): Float64Array {
  const Q = t.queueCount;
  const I = m.intervalCount;
  const GF = GROUP_FIGURES.length;
  const out = new Float64Array(count * GF);
  for (let g = 0; g < count; g++) {
    let contacts = 0, contained = 0, returned = 0, blocked = 0, offered = 0, answered = 0, abandoned = 0;
    let within = 0, waits = 0, waited = 0, liveOffered = 0, cost = 0;
    for (let q = 0; q < Q; q++) {
      if (member[q] !== g) continue;
      cost += queueCost[q];
      const live = !liveOnly || m.queues[q].channel !== 'email';
      for (let i = 0; i < I; i++) {
        const cell = i * Q + q;
        contacts += t.contacts[cell];
        contained += t.contained[cell];
        returned += t.containedReturned[cell];
        blocked += t.blocked[cell];
        offered += t.offered[cell];
        answered += t.answered[cell];
        abandoned += t.abandoned[cell];
        within += t.answeredWithinThreshold[cell];
        if (live) {
          waits += t.waitSecondsAnswered[cell];
          waited += t.answered[cell];
          liveOffered += t.offered[cell];
        }
      }
    }
    const resolved = answered + contained - returned;
    const at = g * GF;
    out[at] = contacts;
    out[at + 1] = contained;
    out[at + 2] = returned;
    out[at + 3] = contained - returned;
    out[at + 4] = blocked;
    out[at + 5] = offered;
    out[at + 6] = answered;
    out[at + 7] = abandoned;
    out[at + 8] = ratio(within, offered);
    out[at + 9] = ratio(waits, waited);
    out[at + 10] = ratio(abandoned, liveOffered);
    out[at + 11] = cost;
    out[at + 12] = ratio(cost, answered + contained);
    out[at + 13] = resolved;
    out[at + 14] = ratio(cost, resolved);
  }
  return out;
}

/** Human pools, then AI pools; and cost per staffing type. */
function poolFigures(m: CompiledModel, t: Tallies, { poolCost, aiCost }: ReplicationCosts) {
  const Q = t.queueCount;
  const P = t.poolCount;
  const A = m.aiPools.length;
  const I = m.intervalCount;
  const PF = POOL_FIGURES.length;
  const pools = new Float64Array((P + A) * PF).fill(NaN);
  const costByType = new Float64Array(STAFFING_TYPES.length);
  const reportedSeconds = m.reportEndSeconds - m.reportStartSeconds;
  for (let p = 0; p < P; p++) {
    let handled = 0, busy = 0, online = 0;
    for (let i = 0; i < I; i++) {
      handled += t.poolHandled[i * P + p];
      busy += t.poolBusySeconds[i * P + p];
      online += t.poolOnlineSeconds[i * P + p];
    }
    const cost = sum(poolCost[p]);
    pools.set([handled, NaN, ratio(busy, online), online / reportedSeconds, cost], p * PF);
    costByType[STAFFING_TYPES.indexOf(m.pools[p].type)] += cost;
  }
  for (let ai = 0; ai < A; ai++) {
    let conversations = 0, contained = 0;
    for (let q = 0; q < Q; q++) {
      if (m.queues[q].aiPool !== ai) continue;
      for (let i = 0; i < I; i++) {
        conversations += t.aiConversations[i * Q + q];
        contained += t.contained[i * Q + q];
      }
    }
    pools.set([conversations, contained, NaN, NaN, aiCost[ai]], (P + ai) * PF);
    costByType[2] += aiCost[ai];
  }
  return { pools, costByType };
}

/** The summary. Waits, waiting at all and hanging up are summarised over the real-time channels:
 * an email's wait of hours says nothing about a caller's, and nobody hangs up on an email, so its
 * offered would only thin the abandon rate out (channels.email reports its own). */
function summaryFigures(m: CompiledModel, t: Tallies, costByType: Float64Array): Float64Array {
  const Q = t.queueCount;
  const I = m.intervalCount;
  const realtimeWaits = new Float64Array(WAIT_BINS);
  let realtimeOffered = 0, realtimeDelayed = 0, realtimeAbandoned = 0;
  let realtimeAnswered = 0, realtimeWaitSeconds = 0, realtimeJourneySeconds = 0;
  for (let q = 0; q < Q; q++) {
    if (m.queues[q].channel === 'email') continue;
    for (let b = 0; b < WAIT_BINS; b++) realtimeWaits[b] += t.waitHistogram[q * WAIT_BINS + b];
    for (let i = 0; i < I; i++) {
      realtimeOffered += t.offered[i * Q + q];
      realtimeDelayed += t.delayed[i * Q + q];
      realtimeAbandoned += t.abandoned[i * Q + q];
      realtimeAnswered += t.answered[i * Q + q];
      realtimeWaitSeconds += t.waitSecondsAnswered[i * Q + q];
      realtimeJourneySeconds += t.journeySecondsAnswered[i * Q + q];
    }
  }
  const contacts = sum(t.contacts);
  const offered = sum(t.offered);
  const answered = sum(t.answered);
  const abandoned = sum(t.abandoned);
  const contained = sum(t.contained);
  const returned = sum(t.containedReturned);
  const costTotal = sum(costByType);
  const resolved = answered + contained - returned;
  const reportedSeconds = m.reportEndSeconds - m.reportStartSeconds;
  return Float64Array.from([
    contacts,
    contacts - sum(t.repeats),
    sum(t.aiConversations),
    contained,
    returned,
    contained - returned,
    sum(t.blocked),
    offered,
    answered,
    abandoned,
    ratio(sum(t.answeredWithinThreshold), offered),
    ratio(realtimeDelayed, realtimeOffered),
    ratio(realtimeWaitSeconds, realtimeAnswered),
    ratio(realtimeJourneySeconds, realtimeAnswered),
    waitPercentile(realtimeWaits, 0, 0.5),
    waitPercentile(realtimeWaits, 0, 0.9),
    waitPercentile(realtimeWaits, 0, 0.99),
    ratio(realtimeAbandoned, realtimeOffered),
    sum(t.waitingAtEnd),
    costTotal,
    (costTotal * AVERAGE_MONTH_SECONDS) / reportedSeconds,
    ratio(costTotal, answered + contained),
    resolved,
    ratio(costTotal, resolved),
  ]);
}

/** Agents on the phones per interval × human pool, and how busy they were (NaN: nobody on). */
function staffingFigures(m: CompiledModel, t: Tallies) {
  const P = t.poolCount;
  const I = m.intervalCount;
  const staffing = new Float64Array(I * P);
  const occupancy = new Float64Array(I * P);
  for (let i = 0; i < I; i++) {
    const length = intervalLengthSeconds(m, i);
    for (let p = 0; p < P; p++) {
      staffing[i * P + p] = t.poolOnlineSeconds[i * P + p] / length;
      occupancy[i * P + p] = ratio(t.poolBusySeconds[i * P + p], t.poolOnlineSeconds[i * P + p]);
    }
  }
  return { staffing, occupancy };
}
