// The discrete-event kernel: one replication of a compiled model, counted into Tallies.
//
// Hot-path rules: all state lives in typed arrays (struct of arrays), sized up front or grown
// by doubling, so no allocation happens per event. Contacts occupy a slot only while they
// wait in a queue. Abandonment has no event of its own: each contact's deadline (arrival +
// patience) is drawn on arrival and a contact whose deadline has passed is settled as
// abandoned when it reaches the head of its FIFO queue (a "ghost" until then).
import { sample } from './distributions';
import { randomStream, type Uniform } from './random';
import type { CompiledModel } from './model';
import { Tallies, waitBin, WAIT_BINS } from './tallies';

// Event kinds, in the low 3 bits of an event's payload; the rest is an index.
const ARRIVAL = 0; // index: demand stream
const SERVICE_END = 1; // index: agent
const OVERFLOW_CHECK = 2; // index: queue — its head may now be old enough for an overflow pool
const DRAIN_CHECK = 3; // after the horizon: settle ghosts so the run can end
const KIND_BITS = 3;
const KIND_MASK = (1 << KIND_BITS) - 1;

const PRIORITY = 0;
const LONGEST_IDLE = 1;
// 2: random

const DRAIN_CHECK_SECONDS = 60;
/** Tolerance when comparing a wait with acceptAfterSeconds: (t + d) - t may round below d. */
const EPSILON_SECONDS = 1e-7;

/** Binary min-heap of (time, payload) in two parallel typed arrays. */
class EventHeap {
  times = new Float64Array(1024);
  payloads = new Int32Array(1024);
  size = 0;

  push(time: number, payload: number): void {
    if (this.size === this.times.length) this.grow();
    const times = this.times;
    const payloads = this.payloads;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] <= time) break;
      times[i] = times[parent];
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  /** Removes the earliest event; read its time and payload from times[0]/payloads[0] first. */
  pop(): void {
    const times = this.times;
    const payloads = this.payloads;
    const n = --this.size;
    const time = times[n];
    const payload = payloads[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && times[child + 1] < times[child]) child++;
      if (times[child] >= time) break;
      times[i] = times[child];
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = time;
    payloads[i] = payload;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const payloads = new Int32Array(this.payloads.length * 2);
    payloads.set(this.payloads);
    this.payloads = payloads;
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function grownFloat64(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}

function grownInt32(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}

class Kernel {
  private now = 0;
  private readonly heap = new EventHeap();
  private readonly m: CompiledModel;
  private readonly t: Tallies;

  // Waiting contacts, struct of arrays; a free list recycles slots.
  private cArrival = new Float64Array(1024);
  private cDeadline = new Float64Array(1024);
  private cHandle = new Float64Array(1024);
  private cInterval = new Int32Array(1024); // -1: arrived outside the reported window
  private freeSlots = new Int32Array(1024);
  private freeCount = 0;
  private slotCount = 0;

  // FIFO queues as power-of-two ring buffers of contact slots.
  private readonly qBuffer: Int32Array[];
  private readonly qHead: Int32Array;
  private readonly qSize: Int32Array;
  private readonly qThreshold: Float64Array;
  private countedWaiting = 0;

  // Agents and, per pool, a FIFO ring of idle agents (its head has been idle longest).
  private readonly aPool: Int32Array;
  private readonly aBusyStart: Float64Array;
  private readonly aBusyEnd: Float64Array;
  private readonly aIdleSince: Float64Array;
  private readonly idleBuffer: Int32Array[];
  private readonly idleHead: Int32Array;
  private readonly idleCount: Int32Array;
  private readonly acceptAfter: Float64Array;

  // Demand streams: their random streams and where their rate-segment cursor stands.
  private readonly arrivalRng: Uniform[];
  private readonly handleRng: Uniform[];
  private readonly patienceRng: Uniform[];
  private readonly routingRng: Uniform;
  private readonly segment: Int32Array;

  constructor(model: CompiledModel, replication: number, tallies: Tallies) {
    this.m = model;
    this.t = tallies;
    const Q = model.queues.length;
    this.qBuffer = model.queues.map(() => new Int32Array(256));
    this.qHead = new Int32Array(Q);
    this.qSize = new Int32Array(Q);
    this.qThreshold = Float64Array.from(model.queues, (q) => q.slThresholdSeconds);

    const agentCount = model.pools.reduce((n, p) => n + p.agents, 0);
    this.aPool = new Int32Array(agentCount);
    this.aBusyStart = new Float64Array(agentCount);
    this.aBusyEnd = new Float64Array(agentCount);
    this.aIdleSince = new Float64Array(agentCount);
    this.idleBuffer = model.pools.map((p) => new Int32Array(nextPowerOfTwo(Math.max(1, p.agents))));
    this.idleHead = new Int32Array(model.pools.length);
    this.idleCount = new Int32Array(model.pools.length);
    this.acceptAfter = Float64Array.from(model.pools, (p) => p.acceptAfterSeconds);
    let agent = 0;
    model.pools.forEach((p, pool) => {
      for (let i = 0; i < p.agents; i++, agent++) {
        this.aPool[agent] = pool;
        this.pushIdle(pool, agent);
      }
    });

    const seed = model.seed;
    this.arrivalRng = model.streams.map((s) => randomStream(seed, replication, s.id, 'arrivals'));
    this.handleRng = model.streams.map((s) => randomStream(seed, replication, s.id, 'handle'));
    this.patienceRng = model.streams.map((s) => randomStream(seed, replication, s.id, 'patience'));
    this.routingRng = randomStream(seed, replication, 'routing');
    this.segment = new Int32Array(model.streams.length);
  }

  run(): void {
    const m = this.m;
    const heap = this.heap;
    for (let s = 0; s < m.streams.length; s++) this.scheduleArrival(s, 0);
    heap.push(m.reportEndSeconds, DRAIN_CHECK);
    const stop = m.stopSeconds;
    const reportEnd = m.reportEndSeconds;
    let events = 0;
    while (heap.size > 0) {
      const time = heap.times[0];
      if (time > stop) break;
      const payload = heap.payloads[0];
      heap.pop();
      this.now = time;
      events++;
      const index = payload >> KIND_BITS;
      switch (payload & KIND_MASK) {
        case ARRIVAL:
          this.arrive(index);
          break;
        case SERVICE_END:
          this.finishService(index);
          break;
        case OVERFLOW_CHECK:
          this.checkOverflow(index);
          break;
        case DRAIN_CHECK:
          for (let q = 0; q < this.qSize.length; q++) this.settleGhosts(q);
          if (this.countedWaiting > 0) heap.push(time + DRAIN_CHECK_SECONDS, DRAIN_CHECK);
          break;
      }
      if (this.countedWaiting === 0 && time >= reportEnd) break;
    }
    if (this.now < stop && heap.size > 0 && heap.times[0] > stop) this.now = stop;
    this.t.events += events;
    this.finish();
  }

  // --- arrivals -------------------------------------------------------------------------

  private scheduleArrival(s: number, from: number): void {
    const stream = this.m.streams[s];
    const starts = stream.segmentStartSeconds;
    const rates = stream.ratePerSecond;
    // Non-homogeneous Poisson process: spend one unit-exponential of "rate × time" across the
    // piecewise-constant segments.
    let work = -Math.log(1 - this.arrivalRng[s]());
    let k = this.segment[s];
    let t = from;
    for (;;) {
      const end = k + 1 < starts.length ? starts[k + 1] : Infinity;
      const rate = rates[k];
      if (rate > 0) {
        const dt = work / rate;
        if (t + dt < end) {
          this.segment[s] = k;
          if (t + dt <= this.m.stopSeconds) this.heap.push(t + dt, (s << KIND_BITS) | ARRIVAL);
          return;
        }
        work -= rate * (end - t);
      }
      if (end === Infinity || end > this.m.stopSeconds) return;
      t = end;
      k++;
    }
  }

  private arrive(s: number): void {
    const m = this.m;
    const now = this.now;
    const stream = m.streams[s];
    const q = stream.queue;
    const handle = sample(stream.handle, this.handleRng[s]);
    const patience = sample(stream.patience, this.patienceRng[s]);
    this.t.arrivals++;
    let interval = -1;
    if (now >= m.reportStartSeconds && now < m.reportEndSeconds) {
      interval = Math.floor((now - m.reportStartSeconds) / m.intervalSeconds);
      this.t.offered[interval * this.t.queueCount + q]++;
    }
    const agent = this.pickAgent(q, 0);
    if (agent >= 0) {
      this.startService(agent, now, handle, q, interval);
    } else {
      if (interval >= 0) {
        this.t.delayed[interval * this.t.queueCount + q]++;
        this.countedWaiting++;
      }
      this.enqueue(q, now, now + patience, handle, interval);
      const delays = m.queues[q].overflowDelaysSeconds;
      for (let i = 0; i < delays.length; i++) {
        if (delays[i] < patience) this.heap.push(now + delays[i], (q << KIND_BITS) | OVERFLOW_CHECK);
      }
    }
    this.scheduleArrival(s, now);
  }

  // --- routing --------------------------------------------------------------------------

  /** Takes an idle agent who may serve queue q for a contact that has waited `waited` seconds,
   * by the scenario's routing rule; -1 if there is none. */
  private pickAgent(q: number, waited: number): number {
    const pools = this.m.queues[q].pools;
    const idleCount = this.idleCount;
    const acceptAfter = this.acceptAfter;
    const rule = this.m.routing;
    const waitedPlus = waited + EPSILON_SECONDS;
    if (rule === PRIORITY) {
      for (let i = 0; i < pools.length; i++) {
        const p = pools[i];
        if (idleCount[p] > 0 && acceptAfter[p] <= waitedPlus) return this.takeIdle(p);
      }
      return -1;
    }
    if (rule === LONGEST_IDLE) {
      let best = -1;
      let bestSince = Infinity;
      for (let i = 0; i < pools.length; i++) {
        const p = pools[i];
        if (idleCount[p] > 0 && acceptAfter[p] <= waitedPlus) {
          const since = this.aIdleSince[this.idleBuffer[p][this.idleHead[p]]];
          if (since < bestSince) {
            best = p;
            bestSince = since;
          }
        }
      }
      return best < 0 ? -1 : this.takeIdle(best);
    }
    // Random: every eligible idle agent equally likely.
    let total = 0;
    for (let i = 0; i < pools.length; i++) {
      const p = pools[i];
      if (acceptAfter[p] <= waitedPlus) total += idleCount[p];
    }
    if (total === 0) return -1;
    let r = Math.floor(this.routingRng() * total);
    for (let i = 0; i < pools.length; i++) {
      const p = pools[i];
      if (acceptAfter[p] <= waitedPlus) {
        if (r < idleCount[p]) return this.takeIdle(p);
        r -= idleCount[p];
      }
    }
    return -1;
  }

  private takeIdle(pool: number): number {
    const buffer = this.idleBuffer[pool];
    const head = this.idleHead[pool];
    this.idleHead[pool] = (head + 1) & (buffer.length - 1);
    this.idleCount[pool]--;
    return buffer[head];
  }

  private pushIdle(pool: number, agent: number): void {
    const buffer = this.idleBuffer[pool];
    buffer[(this.idleHead[pool] + this.idleCount[pool]) & (buffer.length - 1)] = agent;
    this.idleCount[pool]++;
    this.aIdleSince[agent] = this.now;
  }

  // --- service --------------------------------------------------------------------------

  private startService(agent: number, arrival: number, handle: number, q: number, interval: number): void {
    const now = this.now;
    if (interval >= 0) {
      const t = this.t;
      const wait = now - arrival;
      const cell = interval * t.queueCount + q;
      t.answered[cell]++;
      t.waitSecondsAnswered[cell] += wait;
      if (wait <= this.qThreshold[q]) t.answeredWithinThreshold[cell]++;
      t.waitHistogram[q * WAIT_BINS + waitBin(wait)]++;
      t.poolHandled[interval * t.poolCount + this.aPool[agent]]++;
    }
    const end = now + handle;
    this.aBusyStart[agent] = now;
    this.aBusyEnd[agent] = end;
    this.heap.push(end, (agent << KIND_BITS) | SERVICE_END);
  }

  /** A freed agent takes the longest-waiting contact it may serve, or becomes idle. */
  private finishService(agent: number): void {
    const pool = this.aPool[agent];
    this.t.addBusy(pool, this.aBusyStart[agent], this.now);
    const queues = this.m.pools[pool].queues;
    const latestArrival = this.now - this.acceptAfter[pool] + EPSILON_SECONDS;
    let bestQueue = -1;
    let bestArrival = Infinity;
    for (let i = 0; i < queues.length; i++) {
      const q = queues[i];
      this.settleGhosts(q);
      if (this.qSize[q] > 0) {
        const arrival = this.cArrival[this.qBuffer[q][this.qHead[q]]];
        if (arrival <= latestArrival && arrival < bestArrival) {
          bestQueue = q;
          bestArrival = arrival;
        }
      }
    }
    if (bestQueue >= 0) this.serveHead(bestQueue, agent);
    else this.pushIdle(pool, agent);
  }

  private checkOverflow(q: number): void {
    this.settleGhosts(q);
    if (this.qSize[q] === 0) return;
    const waited = this.now - this.cArrival[this.qBuffer[q][this.qHead[q]]];
    const agent = this.pickAgent(q, waited);
    if (agent >= 0) this.serveHead(q, agent);
  }

  // --- queues ---------------------------------------------------------------------------

  private enqueue(q: number, arrival: number, deadline: number, handle: number, interval: number): void {
    let c: number;
    if (this.freeCount > 0) c = this.freeSlots[--this.freeCount];
    else {
      if (this.slotCount === this.cArrival.length) this.growSlots();
      c = this.slotCount++;
    }
    this.cArrival[c] = arrival;
    this.cDeadline[c] = deadline;
    this.cHandle[c] = handle;
    this.cInterval[c] = interval;
    let buffer = this.qBuffer[q];
    if (this.qSize[q] === buffer.length) buffer = this.growQueue(q);
    buffer[(this.qHead[q] + this.qSize[q]) & (buffer.length - 1)] = c;
    this.qSize[q]++;
  }

  private dequeue(q: number): number {
    const buffer = this.qBuffer[q];
    const c = buffer[this.qHead[q]];
    this.qHead[q] = (this.qHead[q] + 1) & (buffer.length - 1);
    this.qSize[q]--;
    this.freeSlots[this.freeCount++] = c;
    if (this.cInterval[c] >= 0) this.countedWaiting--;
    return c;
  }

  private serveHead(q: number, agent: number): void {
    const c = this.dequeue(q);
    this.startService(agent, this.cArrival[c], this.cHandle[c], q, this.cInterval[c]);
  }

  /** Settles contacts at the head of queue q whose patience ran out before now. */
  private settleGhosts(q: number): void {
    const now = this.now;
    while (this.qSize[q] > 0) {
      const c = this.qBuffer[q][this.qHead[q]];
      if (this.cDeadline[c] > now) return;
      this.dequeue(q);
      const interval = this.cInterval[c];
      if (interval >= 0) this.t.abandoned[interval * this.t.queueCount + q]++;
    }
  }

  private growSlots(): void {
    const n = this.cArrival.length * 2;
    this.cArrival = grownFloat64(this.cArrival, n);
    this.cDeadline = grownFloat64(this.cDeadline, n);
    this.cHandle = grownFloat64(this.cHandle, n);
    this.cInterval = grownInt32(this.cInterval, n);
    this.freeSlots = grownInt32(this.freeSlots, n);
  }

  private growQueue(q: number): Int32Array {
    const old = this.qBuffer[q];
    const buffer = new Int32Array(old.length * 2);
    for (let i = 0; i < this.qSize[q]; i++) buffer[i] = old[(this.qHead[q] + i) & (old.length - 1)];
    this.qBuffer[q] = buffer;
    this.qHead[q] = 0;
    return buffer;
  }

  // --- end of run -----------------------------------------------------------------------

  /** Counts busy time still running and settles every reported contact still in a queue. */
  private finish(): void {
    for (let a = 0; a < this.aPool.length; a++) {
      if (this.aBusyEnd[a] > this.now) this.t.addBusy(this.aPool[a], this.aBusyStart[a], this.aBusyEnd[a]);
    }
    for (let q = 0; q < this.qSize.length; q++) {
      this.settleGhosts(q);
      while (this.qSize[q] > 0) {
        const c = this.dequeue(q);
        const interval = this.cInterval[c];
        if (interval < 0) continue;
        if (this.cDeadline[c] <= this.now) this.t.abandoned[interval * this.t.queueCount + q]++;
        else this.t.waitingAtEnd[q]++;
      }
    }
  }
}

/** Runs replication `replication` (0-based) of the model and returns its tallies. */
export function simulateReplication(model: CompiledModel, replication: number): Tallies {
  const tallies = new Tallies(model);
  new Kernel(model, replication, tallies).run();
  return tallies;
}
