// What each queue needs, interval by interval, before anyone is rostered: from the forecast's
// contacts offered to people (model/forecast.ts), the servers Erlang A (Erlang C without
// patience) says the channel's target needs at the handle time contacts get after an AI
// handover. Servers are "standard" agents: a pool's own speed and chat concurrency are applied
// when the programme lets its agents count toward a queue. Email is work that must be done by
// its deadline, not a queue to answer at once.
import { serversRequired } from '../stats/required-agents';
import { expectedOfferedToPeople } from '../model/forecast';
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

/** Requirements per queue. `raise[q][i]` adds servers (live) or a share of work (email) where a
 * simulation showed the closed form falls short. */
export function queueRequirements(m: CompiledModel, maxOccupancy: number | undefined, raise?: Float64Array[]): QueueRequirement[] {
  const forecast = expectedOfferedToPeople(m);
  const intervalHours = m.intervalSeconds / 3600;
  return m.queues.map((queue, q) => {
    const ahtSeconds = queue.meanHandleSeconds * (queue.aiPool >= 0 ? m.aiPools[queue.aiPool].escalatedHandleTimeFactor : 1);
    const offered = forecast[q];
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
