// Contact records written from a scenario: the contacts of one replication of its demand (its
// rate curves in the customers' local time, daily volume factors, handle times and patience,
// drawn with followsun's own samplers), served first come, first served by the scenario's first
// pool at a constant head count (`agents: N`). The export a centre would have made had the
// scenario been true: for round-trip tests of the import, and for demos.
//
// With one pool of N identical agents and FIFO, who is answered when is exact without an event
// list: a contact is answered when the earliest agent is free, if that comes before its patience
// runs out; one who hangs up frees no agent. (The engine serves several queues by priority
// instead: with one queue the two agree.)
import type { Scenario } from '../scenario/scenario';
import { compileScenario } from '../model/model';
import { sample } from '../model/distributions';
import { exponential } from '../kernel/variates';
import { randomStream } from '../kernel/random';
import type { ContactRecord } from './records';
import { localMsOfInstant } from './local-time';

export function syntheticRecords(scenario: Scenario, replication = 0): ContactRecord[] {
  const pool = scenario.staffing[0];
  if (!pool || pool.type === 'ai' || pool.agents === undefined) throw new Error('synthetic records need a first pool with agents: N (around the clock)');
  const model = compileScenario(scenario);
  const zone = scenario.demand[0].timezone;
  const arrivals: { seconds: number; stream: number }[] = [];
  model.streams.forEach((st, k) => {
    const rng = randomStream(model.seed, replication, 'synthetic', st.id, 'arrivals');
    const dayFactor = Array.from({ length: st.dayCount }, () => (st.dailyVolumeCv > 0 ? sample(st.dailyVolume, rng) : 1));
    for (let i = 0; i < st.segmentStartSeconds.length; i++) {
      const from = Math.max(st.segmentStartSeconds[i], model.reportStartSeconds);
      const to = Math.min(st.segmentStartSeconds[i + 1] ?? model.reportEndSeconds, model.reportEndSeconds);
      const rate = st.ratePerSecond[i] * dayFactor[st.segmentDay[i]];
      if (to <= from || rate <= 0) continue;
      // Memoryless: a gap that runs past the segment's end is drawn again from its end.
      for (let t = from + exponential(rng) / rate; t < to; t += exponential(rng) / rate) arrivals.push({ seconds: t, stream: k });
    }
  });
  arrivals.sort((a, b) => a.seconds - b.seconds);
  const free = new Float64Array(pool.agents); // when each agent is next free, simulation seconds
  const rngs = model.streams.map((st) => ({
    handle: randomStream(model.seed, replication, 'synthetic', st.id, 'handle'),
    patience: randomStream(model.seed, replication, 'synthetic', st.id, 'patience'),
  }));
  return arrivals.map(({ seconds, stream }, n) => {
    const st = model.streams[stream];
    const handle = sample(st.handle, rngs[stream].handle);
    const patience = sample(st.patience, rngs[stream].patience);
    let agent = 0;
    for (let a = 1; a < free.length; a++) if (free[a] < free[agent]) agent = a;
    const start = free.length > 0 ? Math.max(seconds, free[agent]) : Infinity;
    const answered = start - seconds <= patience;
    if (answered) free[agent] = start + handle;
    // Whole seconds, as exports write them; a contact keeps its arrival to the millisecond.
    return {
      line: n + 2,
      queue: model.queues[st.queue].language,
      arrivalLocalMs: Math.round(localMsOfInstant(zone, model.clockZeroMs + seconds * 1000)),
      answered,
      waitSeconds: Math.round(answered ? start - seconds : patience),
      handleSeconds: answered ? Math.max(1, Math.round(handle)) : 0,
      agent: answered ? `agent-${agent + 1}` : undefined,
    };
  });
}

/** Records as a file in the generic layout (CSV), local times without offset. */
export function genericCsv(records: ContactRecord[]): string {
  const rows = records.map((r) =>
    [new Date(r.arrivalLocalMs).toISOString().slice(0, 19).replace('T', ' '), r.queue, r.answered ? 'answered' : 'abandoned', r.waitSeconds, r.handleSeconds, r.agent ?? ''].join(','),
  );
  return `arrival,queue,outcome,wait_seconds,handle_seconds,agent\n${rows.join('\n')}\n`;
}
