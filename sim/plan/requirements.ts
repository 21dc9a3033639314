// What each queue needs, interval by interval, before anyone is rostered: the expected contacts
// offered to people (the scenario's arrival rates, less what an AI front door resolves, plus the
// recontacts of resolutions that do not hold), and from them the servers Erlang A (Erlang C
// without patience) says the channel's target needs at the handle time contacts get after an AI
// handover. Servers are "standard" agents: a pool's own speed and chat concurrency are applied
// when the programme lets its agents count toward a queue. Email is work that must be done by
// its deadline, not a queue to answer at once.
import { serversRequired } from '../stats/required-agents';
import type { CompiledModel } from '../model/model';

export interface QueueRequirement {
  /** Expected contacts offered to people per interval. */
  offered: Float64Array;
  /** Live channels: servers needed per interval (standard agents; chat: chat slots). */
  servers: Float64Array;
  /** Email: agent-seconds of work arriving per interval (standard speed). */
  workSeconds: Float64Array;
  /** Handle time a person spends on one contact at standard speed (after any AI handover). */
  ahtSeconds: number;
  /** Email: intervals within which the work must be done. */
  deadlineIntervals: number;
}

/** Expected arrivals at each queue's front door per reporting interval, from the rate segments. */
export function expectedArrivals(m: CompiledModel): Float64Array[] {
  const out = m.queues.map(() => new Float64Array(m.intervalCount));
  for (const s of m.streams) {
    const target = out[s.queue];
    const starts = s.segmentStartSeconds;
    for (let k = 0; k < starts.length; k++) {
      const rate = s.ratePerSecond[k];
      if (rate === 0) continue;
      const a = Math.max(starts[k], m.reportStartSeconds);
      const b = Math.min(k + 1 < starts.length ? starts[k + 1] : m.stopSeconds, m.reportEndSeconds);
      for (let t = a; t < b; ) {
        const i = Math.floor((t - m.reportStartSeconds) / m.intervalSeconds);
        const end = Math.min(b, m.reportStartSeconds + (i + 1) * m.intervalSeconds);
        target[i] += rate * (end - t);
        t = end;
      }
    }
  }
  return out;
}

/** Requirements per queue. `raise[q][i]` adds servers (live) or a share of work (email) where a
 * simulation showed the closed form falls short. */
export function queueRequirements(m: CompiledModel, maxOccupancy: number | undefined, raise?: Float64Array[]): QueueRequirement[] {
  const arrivals = expectedArrivals(m);
  const intervalHours = m.intervalSeconds / 3600;
  return m.queues.map((queue, q) => {
    const ai = queue.aiPool >= 0 ? m.aiPools[queue.aiPool] : undefined;
    const contained = ai ? ai.containmentByQueue[q] : 0;
    // Every resolution that does not hold comes back to the front door: 1 / (1 − c·r) contacts.
    const perArrival = ai ? (1 - contained) / (1 - contained * ai.recontactShare) : 1;
    const ahtSeconds = queue.meanHandleSeconds * (ai ? ai.escalatedHandleTimeFactor : 1);
    const offered = arrivals[q].map((a) => a * perArrival);
    const servers = new Float64Array(m.intervalCount);
    const workSeconds = new Float64Array(m.intervalCount);
    const rates = offered.map((o) => Math.round((o / intervalHours) * 100) / 100);
    const byRate = queue.channel === 'email' ? undefined : serversRequired(queue, rates.filter((_, i) => offered[i] > 0), ahtSeconds, maxOccupancy);
    for (let i = 0; i < m.intervalCount; i++) {
      const extra = raise?.[q][i] ?? 0;
      if (queue.channel === 'email') {
        workSeconds[i] = offered[i] * ahtSeconds * (1 + extra);
        continue;
      }
      if (!(offered[i] > 0)) continue;
      servers[i] = byRate!.get(rates[i])! + extra;
    }
    return {
      offered,
      servers,
      workSeconds,
      ahtSeconds,
      deadlineIntervals: Math.max(1, Math.floor(queue.slThresholdSeconds / m.intervalSeconds)),
    };
  });
}
