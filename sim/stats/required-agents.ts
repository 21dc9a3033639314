// The classic WFM "required" line per queue and interval, from Erlang A (Erlang C when nobody
// hangs up) for the queue's own target, with the handle time contacts actually get: the pools
// that serve the queue (their speed, second-language and copilot factors, weighted by the contacts
// each answered there) and the AI's escalation factor when contacts are handed over by an AI
// front door. Given on the phones and scheduled (grossed up for shrinkage and absence).
import { requiredAgents } from './erlang';
import type { CompiledModel, CompiledQueue } from '../model/model';

export interface QueueRequirementInputs {
  ahtSeconds: number;
  /** Chats one agent handles at once (1 for voice and email). */
  concurrency: number;
  /** Share of scheduled time on the phones: (1 − shrinkage)(1 − absence). */
  onPhonesShare: number;
}

/** What the queue's contacts get, from the model and the busy time each pool spent on each queue
 * (pool × queue, mean over replications). The handle time is the mean over the contacts, each
 * pool's weighted by the contacts it answered (its busy time × chat concurrency ÷ its handle-time
 * factor: a slow pool's busy time holds fewer contacts); concurrency and the share on the phones
 * over the agents, weighted by busy time (agent-seconds), the share harmonically so that
 * scheduled = Σ each pool's on the phones ÷ its own share. Pools that spent no time weigh equally. */
export function requirementInputs(m: CompiledModel, q: number, poolQueueBusySeconds: ArrayLike<number>): QueueRequirementInputs {
  const queue = m.queues[q];
  const Q = m.queues.length;
  const ai = queue.aiPool >= 0 ? m.aiPools[queue.aiPool].escalatedHandleTimeFactor : 1;
  const pools = queue.pools;
  if (pools.length === 0) return { ahtSeconds: queue.meanHandleSeconds * ai, concurrency: 1, onPhonesShare: 1 };
  const measured = pools.reduce((s, p) => s + poolQueueBusySeconds[p * Q + q], 0) > 0;
  let agentSeconds = 0, slotSeconds = 0, contacts = 0, scheduledSeconds = 0;
  for (const p of pools) {
    const pool = m.pools[p];
    const busy = measured ? poolQueueBusySeconds[p * Q + q] : 1;
    const slots = busy * (queue.channel === 'chat' ? pool.chatConcurrency : 1);
    agentSeconds += busy;
    slotSeconds += slots;
    contacts += slots / pool.handleFactorByQueue[q];
    scheduledSeconds += busy / ((1 - pool.shrinkage) * (1 - pool.absenceRate));
  }
  return {
    ahtSeconds: queue.meanHandleSeconds * ai * (slotSeconds / contacts),
    concurrency: slotSeconds / agentSeconds,
    onPhonesShare: agentSeconds / scheduledSeconds,
  };
}

/** Agents on the phones the queue's target needs at each of `ratesPerHour` offered; for email the
 * workload in agents. With `maxOccupancy`, at least enough agents to keep occupancy at or below it. */
export function agentsOnPhonesRequired(
  m: CompiledModel,
  q: number,
  inputs: QueueRequirementInputs,
  ratesPerHour: Iterable<number>,
): Map<number, number> {
  const queue = m.queues[q];
  if (queue.channel === 'email') {
    const required = new Map<number, number>();
    for (const rate of ratesPerHour) {
      const load = (rate * inputs.ahtSeconds) / 3600;
      required.set(rate, rate > 0 ? Math.ceil(load / (m.maxOccupancy ?? 1) - 1e-9) : 0);
    }
    return required;
  }
  const required = serversRequired(queue, ratesPerHour, inputs.ahtSeconds, m.maxOccupancy);
  for (const [rate, servers] of required) required.set(rate, servers > 0 ? Math.ceil(servers / inputs.concurrency - 1e-9) : 0);
  return required;
}

/** Servers (agents, or chat slots) Erlang A — Erlang C when nobody hangs up — says a live
 * queue's own target needs at each of `ratesPerHour` and `ahtSeconds`. The count never falls as
 * the rate rises, so the distinct rates, sorted, are split in halves: where the two ends of a run
 * need the same count, so does every rate between (the default scenario over 13 weeks: 100–750
 * distinct hourly rates per queue, 5–18 counts). Each search starts from the answer below. */
export function serversRequired(queue: CompiledQueue, ratesPerHour: Iterable<number>, ahtSeconds: number, maxOccupancy?: number): Map<number, number> {
  const required = new Map<number, number>();
  const rates: number[] = [];
  for (const rate of new Set(ratesPerHour)) {
    if (rate > 0) rates.push(rate);
    else required.set(rate, 0);
  }
  if (rates.length === 0) return required;
  rates.sort((a, b) => a - b);
  const servers = (ratePerHour: number, guess: number) =>
    requiredAgents(
      {
        ratePerHour,
        ahtSeconds,
        thresholdSeconds: queue.slThresholdSeconds,
        patienceSeconds: Number.isFinite(queue.meanPatienceSeconds) ? queue.meanPatienceSeconds : undefined,
        target: queue.slTarget,
        maxOccupancy,
      },
      guess,
    );
  const counts = new Int32Array(rates.length);
  const last = rates.length - 1;
  counts[0] = servers(rates[0], 0);
  counts[last] = last > 0 ? servers(rates[last], counts[0]) : counts[0];
  // Runs [lo, hi] whose ends are known, worked through without recursion.
  const runs: number[] = [0, last];
  while (runs.length > 0) {
    const hi = runs.pop()!;
    const lo = runs.pop()!;
    if (hi - lo < 2) continue;
    if (counts[lo] === counts[hi]) {
      counts.fill(counts[lo], lo + 1, hi);
      continue;
    }
    const mid = (lo + hi) >>> 1;
    counts[mid] = servers(rates[mid], counts[lo]);
    runs.push(lo, mid, mid, hi);
  }
  rates.forEach((rate, i) => required.set(rate, counts[i]));
  return required;
}

/** Agents to schedule so that `onPhones` are on the phones after shrinkage and absence. */
export function agentsScheduledRequired(onPhones: number, inputs: QueueRequirementInputs): number {
  return onPhones > 0 ? Math.ceil(onPhones / inputs.onPhonesShare - 1e-9) : 0;
}
