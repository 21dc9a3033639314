// What the forecast says each queue is offered, interval by interval, before anything is
// simulated: the scenario's arrival rates integrated over each reporting interval, less what an
// AI front door resolves, plus the recontacts of its resolutions that do not hold. The planner
// sizes shifts from it, and the result's "required agents" are computed from it, so that both
// follow the forecast and neither moves with the seed or the number of replications.
//
// The AI front door takes a contact only when it is up and has a conversation slot free, as the
// engine does (kernel/engine.ts frontDoor): a contact that arrives during an outage, or finds all
// `maxConcurrent` slots taken, goes straight to people, with no containment. A conversation under
// way when an outage starts runs to its end, so only the arrival time counts. Slots: the front
// door with c slots and no queue is a loss system, M/G/c/c, so a contact finds every slot taken
// with Erlang B's probability B(c, load) whatever the conversations' length distribution, the
// load being the interval's arrivals at the AI while it is up × the mean conversation time.
// A recontact is a contact at the front door again; it is counted in the interval of the contact
// it follows (as before outages and slots were forecast), meeting the front door as it was then.
import { erlangB } from '../stats/erlang';
import type { CompiledAiPool, CompiledModel } from './model';

/** Outage windows [start, end) on the simulation clock, overlaps merged, in time order. */
function downWindows(ai: CompiledAiPool): Float64Array {
  const order = Array.from(ai.outageStartSeconds.keys()).sort((a, b) => ai.outageStartSeconds[a] - ai.outageStartSeconds[b]);
  const merged: number[] = [];
  for (const k of order) {
    const start = ai.outageStartSeconds[k];
    const end = ai.outageEndSeconds[k];
    if (!(end > start)) continue;
    if (merged.length > 0 && start <= merged[merged.length - 1]) merged[merged.length - 1] = Math.max(merged[merged.length - 1], end);
    else merged.push(start, end);
  }
  return Float64Array.from(merged);
}

/** Seconds of [a, b) inside `windows` (pairs of start, end in time order). */
function secondsDown(windows: Float64Array, a: number, b: number): number {
  // The first window that ends after a (merged windows end in time order too).
  let lo = 0;
  let hi = windows.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (windows[2 * mid + 1] <= a) lo = mid + 1;
    else hi = mid;
  }
  let down = 0;
  for (let w = 2 * lo; w < windows.length && windows[w] < b; w += 2) {
    const from = Math.max(a, windows[w]);
    const to = Math.min(b, windows[w + 1]);
    if (to > from) down += to - from;
  }
  return down;
}

/** Expected arrivals at each queue's front door per reporting interval, from the rate segments:
 * `up` while the queue's AI front door is up (or the queue has none), `down` during its outages. */
function expectedArrivals(m: CompiledModel, windows: Float64Array[]): { up: Float64Array[]; down: Float64Array[] } {
  const up = m.queues.map(() => new Float64Array(m.intervalCount));
  const down = m.queues.map(() => new Float64Array(m.intervalCount));
  for (const s of m.streams) {
    const ai = m.queues[s.queue].aiPool;
    const outages = ai >= 0 ? windows[ai] : undefined;
    const starts = s.segmentStartSeconds;
    for (let k = 0; k < starts.length; k++) {
      const rate = s.ratePerSecond[k];
      if (rate === 0) continue;
      const a = Math.max(starts[k], m.reportStartSeconds);
      const b = Math.min(k + 1 < starts.length ? starts[k + 1] : m.stopSeconds, m.reportEndSeconds);
      for (let t = a; t < b; ) {
        const i = Math.floor((t - m.reportStartSeconds) / m.intervalSeconds);
        const end = Math.min(b, m.reportStartSeconds + (i + 1) * m.intervalSeconds);
        const off = outages && outages.length > 0 ? secondsDown(outages, t, end) : 0;
        if (off === 0) up[s.queue][i] += rate * (end - t);
        else {
          down[s.queue][i] += rate * off;
          up[s.queue][i] += rate * (end - t - off);
        }
        t = end;
      }
    }
  }
  return { up, down };
}

/** Erlang B, taken as 0 where the slots exceed the load by 10 standard deviations and 20 more
 * (B < 1e-24 there): `maxConcurrent` may be millions, and the recursion is one step a slot. */
function blocking(slots: number, load: number): number {
  if (!(load > 0)) return 0;
  if (slots > load + 10 * Math.sqrt(load) + 20) return 0;
  return erlangB(slots, load);
}

/** The B with B = g(B), g falling in B (more blocking, fewer resolutions to come back, less
 * load): B − g(B) rises from −g(0) at 0 to ≥ 0 at g(0), so regula falsi (Illinois) in [0, g(0)]. */
function fixedPoint(g: (b: number) => number): number {
  const g0 = g(0);
  if (g0 === 0) return 0;
  let lo = 0;
  let fLo = -g0;
  let hi = g0;
  let fHi = hi - g(hi);
  if (fHi <= 0) return hi;
  let side = 0;
  for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
    const x = (lo * fHi - hi * fLo) / (fHi - fLo);
    const fx = x - g(x);
    if (fx === 0) return x;
    if (fx < 0) {
      lo = x;
      fLo = fx;
      if (side < 0) fHi /= 2;
      side = -1;
    } else {
      hi = x;
      fHi = fx;
      if (side > 0) fLo /= 2;
      side = 1;
    }
  }
  return (lo + hi) / 2;
}

/** Contacts offered to people per contact arriving at queue q's front door while the AI is up: a
 * share B finds every slot taken and goes to people; of the rest the AI resolves a share c, and a
 * share r of those resolutions come back, each to the front door again:
 * (1 − c(1 − B)) / (1 − c·r·(1 − B)); without slots to fill, (1 − c) / (1 − c·r). */
function offeredToPeoplePerArrival(m: CompiledModel, q: number, blocked: number): number {
  const queue = m.queues[q];
  if (queue.aiPool < 0) return 1;
  const ai = m.aiPools[queue.aiPool];
  const contained = ai.containmentByQueue[q];
  if (blocked === 0) return (1 - contained) / (1 - contained * ai.recontactShare);
  const taken = contained * (1 - blocked);
  return (1 - taken) / (1 - taken * ai.recontactShare);
}

/** Share of the contacts arriving at each AI pool while it is up that find every slot taken,
 * per reporting interval (all 0 without `maxConcurrent`). Every queue behind the pool shares its
 * slots; the load counts the recontacts, which themselves depend on how many get through. */
function blockedShares(m: CompiledModel, up: Float64Array[], windows: Float64Array[]): Float64Array[] {
  return m.aiPools.map((ai, p) => {
    const blocked = new Float64Array(m.intervalCount);
    if (!Number.isFinite(ai.maxConcurrent)) return blocked;
    const queues = m.queues.flatMap((queue, q) => (queue.aiPool === p ? [q] : []));
    const conversationSeconds = ai.handle.meanSeconds;
    for (let i = 0; i < m.intervalCount; i++) {
      const start = m.reportStartSeconds + i * m.intervalSeconds;
      const end = Math.min(start + m.intervalSeconds, m.reportEndSeconds);
      const upSeconds = end - start - secondsDown(windows[p], start, end);
      if (!(upSeconds > 0)) continue;
      // Erlangs offered to the slots when a share b of arrivals is turned away.
      const load = (b: number) => {
        let arrivals = 0;
        for (const q of queues) arrivals += up[q][i] / (1 - ai.containmentByQueue[q] * ai.recontactShare * (1 - b));
        return (arrivals / upSeconds) * conversationSeconds;
      };
      blocked[i] = ai.recontactShare > 0 ? fixedPoint((b) => blocking(ai.maxConcurrent, load(b))) : blocking(ai.maxConcurrent, load(0));
    }
    return blocked;
  });
}

/** Expected contacts offered to people per queue and reporting interval. */
export function expectedOfferedToPeople(m: CompiledModel): Float64Array[] {
  const windows = m.aiPools.map(downWindows);
  const { up, down } = expectedArrivals(m, windows);
  const blocked = blockedShares(m, up, windows);
  return up.map((arrivals, q) => {
    const ai = m.queues[q].aiPool;
    return arrivals.map((a, i) => down[q][i] + a * offeredToPeoplePerArrival(m, q, ai >= 0 ? blocked[ai][i] : 0));
  });
}
