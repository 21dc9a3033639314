// What the forecast says each queue is offered, interval by interval, before anything is
// simulated: the scenario's arrival rates integrated over each reporting interval, less what an
// AI front door resolves, plus the recontacts of its resolutions that do not hold. The planner
// sizes shifts from it, and the result's "required agents" are computed from it, so that both
// follow the forecast and neither moves with the seed or the number of replications.
import type { CompiledModel } from './model';

/** Expected arrivals at each queue's front door per reporting interval, from the rate segments. */
function expectedArrivals(m: CompiledModel): Float64Array[] {
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

/** Contacts offered to people per contact arriving at queue q's front door: an AI front door
 * resolves a share c of them, and a share r of those resolutions come back, each to the front
 * door again: (1 − c) / (1 − c·r). */
function offeredToPeoplePerArrival(m: CompiledModel, q: number): number {
  const queue = m.queues[q];
  if (queue.aiPool < 0) return 1;
  const ai = m.aiPools[queue.aiPool];
  const contained = ai.containmentByQueue[q];
  return (1 - contained) / (1 - contained * ai.recontactShare);
}

/** Expected contacts offered to people per queue and reporting interval. */
export function expectedOfferedToPeople(m: CompiledModel): Float64Array[] {
  return expectedArrivals(m).map((arrivals, q) => {
    const perArrival = offeredToPeoplePerArrival(m, q);
    return arrivals.map((a) => a * perArrival);
  });
}
