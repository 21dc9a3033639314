// The discrete-event kernel: one replication of a compiled model, counted into Tallies.
//
// Hot-path rules: all state lives in typed arrays (struct of arrays), sized up front or grown
// by doubling, so no allocation happens per event. A contact occupies a slot from its arrival
// until it leaves (answered, abandoned, contained by the AI, blocked). Abandonment needs no
// event of its own: each contact's deadline (arrival + patience) is drawn on arrival and a
// contact whose deadline has passed is settled when it reaches the head of its FIFO queue (a
// "ghost" until then). Only contacts that will redial get an abandonment event, so that the
// redial starts on time. A ghost is no longer waiting, so a queue's capacity and its backlog
// count only contacts whose deadline is still ahead (see stillWaiting).
import { NEVER, sample } from '../model/distributions';
import { exponential } from './variates';
import { randomStream, type Uniform } from './random';
import type { CompiledModel } from '../model/model';
import { drawAvailability } from '../model/availability';
import { Tallies, waitBin, WAIT_BINS } from './tallies';
import { FreeAgents } from './free-agents';

// Event kinds, in the low 4 bits of an event's payload; the rest is an index.
const ARRIVAL = 0; // index: demand stream — a new contact
const SERVICE_END = 1; // index: slot
const OVERFLOW_CHECK = 2; // index: queue — its head may now be old enough for an overflow pool
const DRAIN_CHECK = 3; // after the horizon: settle ghosts so the run can end
const STAFF_CHANGE = 4; // index: pool — its head count on the phones changes
const ABANDON = 5; // index: slot, aux: serial — a contact who will redial hangs up
const RETURN = 6; // index: slot — a redial, or a falsely contained contact coming back
const AI_END = 7; // index: slot — a conversation with the AI agent ends
const INTERVAL_END = 8; // index: interval — ghosts settled (the backlog is read in run())
const KIND_BITS = 4;
const KIND_MASK = (1 << KIND_BITS) - 1;

// Slot states.
const FREE = 0;
const WAITING = 1;
const SERVING = 2;
const PENDING = 3; // scheduled to return, or talking to the AI
const SETTLED = 4; // abandoned and counted, still queued as a ghost

// Slot flags.
const WILL_REDIAL = 1; // hangs up → calls again
const REPEAT = 2; // a redial or a recontact: a contact, not a new customer
const CONTAINED = 4; // the AI resolves it (drawn when the conversation starts)
const RECONTACT = 8; // the AI's resolution will not hold: comes back
const LIVE = 16; // counted in qLive: in a capacity-limited queue, deadline not yet seen to pass

const PRIORITY = 0;
const LONGEST_IDLE = 1;
// 2: random

const DRAIN_CHECK_SECONDS = 60;
/** Tolerance when comparing a wait with acceptAfterSeconds: (t + d) - t may round below d. */
const EPSILON_SECONDS = 1e-7;
const NONE = -1;

/** Binary min-heap of (time, payload, aux) in parallel typed arrays. */
class EventHeap {
  times = new Float64Array(1024);
  payloads = new Int32Array(1024);
  aux = new Int32Array(1024);
  size = 0;

  push(time: number, payload: number, aux = 0): void {
    if (this.size === this.times.length) this.grow();
    const { times, payloads, aux: auxes } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (times[parent] <= time) break;
      times[i] = times[parent];
      payloads[i] = payloads[parent];
      auxes[i] = auxes[parent];
      i = parent;
    }
    times[i] = time;
    payloads[i] = payload;
    auxes[i] = aux;
  }

  /** Removes the earliest event; read times[0], payloads[0] and aux[0] first. */
  pop(): void {
    const { times, payloads, aux: auxes } = this;
    const n = --this.size;
    const time = times[n];
    const payload = payloads[n];
    const aux = auxes[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && times[child + 1] < times[child]) child++;
      if (times[child] >= time) break;
      times[i] = times[child];
      payloads[i] = payloads[child];
      auxes[i] = auxes[child];
      i = child;
    }
    times[i] = time;
    payloads[i] = payload;
    auxes[i] = aux;
  }

  private grow(): void {
    this.times = grown(this.times, new Float64Array(this.times.length * 2));
    this.payloads = grown(this.payloads, new Int32Array(this.payloads.length * 2));
    this.aux = grown(this.aux, new Int32Array(this.aux.length * 2));
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}

/** xs.map(f), but always built the same way: an array from Array.prototype.map has another map
 * (elements kind) once the caller is optimised, which deoptimised every method of the Kernel. */
function listOf<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i], i));
  return out;
}

/** The end of reporting interval i (the window's end for the last, which may be cut short);
 * Infinity past the last. */
function intervalEndSeconds(m: CompiledModel, i: number): number {
  return i < m.intervalCount ? Math.min(m.reportStartSeconds + (i + 1) * m.intervalSeconds, m.reportEndSeconds) : Infinity;
}

class Kernel {
  private now = 0;
  private readonly heap = new EventHeap();
  private readonly m: CompiledModel;
  private readonly t: Tallies;
  private readonly Q: number;

  // Contacts in the system, struct of arrays; a free list recycles slots.
  private cState = new Uint8Array(1024);
  private cFlags = new Uint8Array(1024);
  private cSerial = new Int32Array(1024);
  private cStream = new Int32Array(1024);
  private cQueue = new Int32Array(1024);
  private cInterval = new Int32Array(1024); // reporting interval of queue entry; -1 outside the window
  private cAgent = new Int32Array(1024);
  private cArrival = new Float64Array(1024); // when it joined the human queue
  private cDeadline = new Float64Array(1024);
  private cPatience = new Float64Array(1024);
  private cHandle = new Float64Array(1024); // the customer's need, before any factor
  private cFactor = new Float64Array(1024); // this attempt's factor (an escalation is harder)
  private cRedialDelay = new Float64Array(1024);
  private cReturnDelay = new Float64Array(1024); // a falsely contained contact comes back after
  private cAiSeconds = new Float64Array(1024); // time spent with the AI before a handoff
  private cStart = new Float64Array(1024);
  private cEnd = new Float64Array(1024);
  private freeSlots = new Int32Array(1024);
  private freeCount = 0;
  private slotCount = 0;

  // FIFO queues as power-of-two ring buffers of slots.
  private readonly qBuffer: Int32Array[];
  private readonly qHead: Int32Array;
  private readonly qSize: Int32Array;
  private readonly qThreshold: Float64Array;
  private readonly qMaxWaiting: Float64Array;
  // Capacity-limited queues only: contacts still waiting, and a heap of their deadlines (slot,
  // serial) that takes them off that count once past. Entries of contacts that left the queue
  // first are skipped when popped. Unlimited queues (the default) keep neither.
  private readonly qLive: Int32Array;
  private readonly qDeadlines: (EventHeap | null)[];
  private readonly qMayAbandon: Uint8Array; // some stream of the queue has finite patience
  private readonly qIsChat: Uint8Array;
  private countedWaiting = 0; // reported contacts still in a queue…
  private countedWithAi = 0; // …or still talking to the AI: the run cannot end before they are settled

  // Agents. Each pool's agents own a contiguous id range; offline agents sit on a stack, online
  // ones with room on the free lists.
  private readonly aPool: Int32Array;
  private readonly aLoad: Int32Array;
  private readonly free: FreeAgents;
  private readonly concurrency: Int32Array; // per pool: chats one agent handles at once
  private readonly acceptAfter: Float64Array;
  private readonly handleFactor: Float64Array; // pool * Q + queue
  private readonly offline: Int32Array[]; // per pool, a stack of offline agent ids
  private readonly offlineCount: Int32Array;
  private readonly online: Int32Array;
  private readonly pendingLeave: Int32Array;
  private readonly onlineSince: Float64Array;
  private readonly staffChangeSeconds: Float64Array[];
  private readonly staffAvailable: Int32Array[];
  private readonly staffCursor: Int32Array;

  // AI front doors.
  private readonly aiActive: Int32Array;

  // Demand streams: random streams per purpose, the rate-segment cursor, daily volume factors.
  private readonly arrivalRng: Uniform[];
  private readonly handleRng: Uniform[];
  private readonly patienceRng: Uniform[];
  private readonly redialRng: Uniform[];
  private readonly aiRng: Uniform[];
  private readonly routingRng: Uniform;
  private readonly segment: Int32Array;
  private readonly dayFactor: Float64Array[];

  constructor(model: CompiledModel, replication: number, tallies: Tallies) {
    this.m = model;
    this.t = tallies;
    const Q = (this.Q = model.queues.length);
    const P = model.pools.length;
    const seed = model.seed;
    this.qBuffer = listOf(model.queues, () => new Int32Array(256));
    this.qHead = new Int32Array(Q);
    this.qSize = new Int32Array(Q);
    this.qThreshold = Float64Array.from(model.queues, (q) => q.slThresholdSeconds);
    this.qMaxWaiting = Float64Array.from(model.queues, (q) => q.maxWaiting);
    this.qLive = new Int32Array(Q);
    this.qDeadlines = listOf(model.queues, (q) => (q.maxWaiting < Infinity ? new EventHeap() : null));
    this.qMayAbandon = new Uint8Array(Q);
    for (const st of model.streams) if (st.patience.kind !== NEVER) this.qMayAbandon[st.queue] = 1;
    this.qIsChat = Uint8Array.from(model.queues, (q) => (q.channel === 'chat' ? 1 : 0));

    // Staffing for this replication: absence is drawn per pool from its own stream.
    const availability = listOf(model.pools, (p) =>
      drawAvailability(p.roster, p.shrinkage, p.absenceRate, randomStream(seed, replication, 'pool', p.id, 'absence'), model),
    );
    this.staffChangeSeconds = listOf(availability, (a) => a.changeSeconds);
    this.staffAvailable = listOf(availability, (a) => a.available);
    this.staffCursor = new Int32Array(P);
    const sizes = listOf(availability, (a) => a.maxAvailable);
    const agentCount = sizes.reduce((n, s) => n + s, 0);
    this.aPool = new Int32Array(agentCount);
    this.aLoad = new Int32Array(agentCount);
    this.concurrency = Int32Array.from(model.pools, (p) => p.chatConcurrency);
    this.free = new FreeAgents(agentCount, this.concurrency);
    this.acceptAfter = Float64Array.from(model.pools, (p) => p.acceptAfterSeconds);
    this.handleFactor = new Float64Array(P * Q);
    model.pools.forEach((p, i) => this.handleFactor.set(p.handleFactorByQueue, i * Q));
    this.offline = listOf(sizes, (n) => new Int32Array(n));
    this.offlineCount = new Int32Array(P);
    this.online = new Int32Array(P);
    this.pendingLeave = new Int32Array(P);
    this.onlineSince = new Float64Array(P);
    let agent = 0;
    sizes.forEach((n, pool) => {
      for (let i = n - 1; i >= 0; i--) this.offline[pool][this.offlineCount[pool]++] = agent + i;
      for (let i = 0; i < n; i++) this.aPool[agent + i] = pool;
      agent += n;
    });

    this.aiActive = new Int32Array(model.aiPools.length);

    const streams = model.streams;
    this.arrivalRng = listOf(streams, (s) => randomStream(seed, replication, s.id, 'arrivals'));
    this.handleRng = listOf(streams, (s) => randomStream(seed, replication, s.id, 'handle'));
    this.patienceRng = listOf(streams, (s) => randomStream(seed, replication, s.id, 'patience'));
    this.redialRng = listOf(streams, (s) => randomStream(seed, replication, s.id, 'redial'));
    this.aiRng = listOf(streams, (s) => randomStream(seed, replication, s.id, 'ai'));
    this.routingRng = randomStream(seed, replication, 'routing');
    this.segment = new Int32Array(streams.length);
    this.dayFactor = listOf(streams, (s) => {
      const factors = new Float64Array(s.dayCount).fill(1);
      if (s.dailyVolumeCv > 0) {
        const rng = randomStream(seed, replication, s.id, 'daily-volume');
        for (let d = 0; d < factors.length; d++) factors[d] = sample(s.dailyVolume, rng);
      }
      return factors;
    });
  }

  run(): void {
    const m = this.m;
    const heap = this.heap;
    for (let p = 0; p < m.pools.length; p++) heap.push(0, (p << KIND_BITS) | STAFF_CHANGE);
    for (let s = 0; s < m.streams.length; s++) this.scheduleArrival(s, 0);
    heap.push(m.reportEndSeconds, DRAIN_CHECK);
    if (m.intervalCount > 0) heap.push(m.reportStartSeconds + m.intervalSeconds, INTERVAL_END);
    const stop = m.stopSeconds;
    const reportEnd = m.reportEndSeconds;
    // An interval's backlog is what waits at its end, taken before any event at that time or later:
    // a shift starting on the boundary takes the queue only after it, and an event at the window's
    // end may empty the queue and end the run (DRAIN_CHECK is always one). Reading settles nothing,
    // so what follows is unchanged; INTERVAL_END still settles the ghosts in its turn.
    let snapshotInterval = 0;
    let nextSnapshot = intervalEndSeconds(m, 0);
    let events = 0;
    while (heap.size > 0) {
      const time = heap.times[0];
      while (time >= nextSnapshot) {
        this.now = nextSnapshot;
        for (let q = 0; q < this.Q; q++) this.t.backlog[snapshotInterval * this.Q + q] = this.stillWaiting(q);
        nextSnapshot = intervalEndSeconds(m, ++snapshotInterval);
      }
      if (time > stop) break;
      const payload = heap.payloads[0];
      const aux = heap.aux[0];
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
          for (let q = 0; q < this.Q; q++) this.settleGhosts(q);
          if (this.countedWaiting > 0 || this.countedWithAi > 0) heap.push(time + DRAIN_CHECK_SECONDS, DRAIN_CHECK);
          break;
        case STAFF_CHANGE:
          this.changeStaff(index);
          break;
        case ABANDON:
          if (this.cSerial[index] === aux && this.cState[index] === WAITING) this.abandon(index);
          break;
        case RETURN:
          this.frontDoor(index);
          break;
        case AI_END:
          this.finishAi(index);
          break;
        case INTERVAL_END:
          this.settleAtIntervalEnd(index);
          break;
      }
      if (this.countedWaiting === 0 && this.countedWithAi === 0 && time >= reportEnd) break;
    }
    if (heap.size > 0 && heap.times[0] > stop) this.now = stop;
    this.t.events += events;
    this.finish();
  }

  // --- arrivals and the front door --------------------------------------------------------

  private scheduleArrival(s: number, from: number): void {
    const stream = this.m.streams[s];
    const starts = stream.segmentStartSeconds;
    const rates = stream.ratePerSecond;
    const days = stream.segmentDay;
    const factors = this.dayFactor[s];
    // Non-homogeneous Poisson process: spend one unit-exponential of "rate × time" across the
    // piecewise-constant segments.
    let work = exponential(this.arrivalRng[s]);
    let k = this.segment[s];
    let t = from;
    for (;;) {
      const end = k + 1 < starts.length ? starts[k + 1] : Infinity;
      const rate = rates[k] * factors[days[k]];
      if (rate > 0) {
        const dt = work / rate;
        if (t + dt < end) {
          this.segment[s] = k;
          if (t + dt <= this.m.stopSeconds) this.heap.push(t + dt, (s << KIND_BITS) | ARRIVAL);
          return;
        }
        work -= rate * (end - t);
      }
      if (end > this.m.stopSeconds) return;
      t = end;
      k++;
    }
  }

  private arrive(s: number): void {
    const stream = this.m.streams[s];
    const c = this.allocate();
    this.cStream[c] = s;
    this.cQueue[c] = stream.queue;
    this.cHandle[c] = sample(stream.handle, this.handleRng[s]);
    this.cPatience[c] = sample(stream.patience, this.patienceRng[s]);
    this.cAiSeconds[c] = 0;
    let flags = 0;
    if (stream.redialShare > 0) {
      const rng = this.redialRng[s];
      if (rng() < stream.redialShare) flags |= WILL_REDIAL;
      this.cRedialDelay[c] = sample(stream.redialDelay, rng);
    }
    this.cFlags[c] = flags;
    this.t.arrivals++;
    this.frontDoor(c);
    this.scheduleArrival(s, this.now);
  }

  /** A contact (new, redialling or coming back) meets the AI agent if one covers its queue and
   * is up and has room; otherwise it goes to the human queue. */
  private frontDoor(c: number): void {
    const m = this.m;
    const now = this.now;
    const s = this.cStream[c];
    const q = this.cQueue[c];
    const interval = this.intervalAt(now);
    this.cFactor[c] = 1;
    if (interval >= 0) {
      const cell = interval * this.Q + q;
      this.t.contacts[cell]++;
      if (this.cFlags[c] & REPEAT) this.t.repeats[cell]++;
    }
    const ai = m.queues[q].aiPool;
    if (ai >= 0 && this.aiActive[ai] < m.aiPools[ai].maxConcurrent && !this.inOutage(ai, now)) {
      const pool = m.aiPools[ai];
      const rng = this.aiRng[s];
      let flags = this.cFlags[c] & ~(CONTAINED | RECONTACT);
      if (rng() < pool.containmentByQueue[q]) {
        flags |= CONTAINED;
        if (rng() < pool.recontactShare) flags |= RECONTACT;
      }
      this.cFlags[c] = flags;
      const seconds = sample(pool.handle, rng);
      if (flags & RECONTACT) this.cReturnDelay[c] = sample(pool.recontactDelay, rng);
      this.aiActive[ai]++;
      this.cState[c] = PENDING;
      this.cInterval[c] = interval;
      this.cStart[c] = now;
      if (interval >= 0) {
        this.t.aiConversations[interval * this.Q + q]++;
        this.countedWithAi++;
      }
      this.heap.push(now + seconds, (c << KIND_BITS) | AI_END);
      return;
    }
    this.joinQueue(c, q, interval);
  }

  private inOutage(ai: number, now: number): boolean {
    const pool = this.m.aiPools[ai];
    for (let i = 0; i < pool.outageStartSeconds.length; i++) {
      if (now >= pool.outageStartSeconds[i] && now < pool.outageEndSeconds[i]) return true;
    }
    return false;
  }

  private finishAi(c: number): void {
    const m = this.m;
    const q = this.cQueue[c];
    const ai = m.queues[q].aiPool;
    const pool = m.aiPools[ai];
    this.aiActive[ai]--;
    const flags = this.cFlags[c];
    const interval = this.cInterval[c];
    if (interval >= 0) this.countedWithAi--;
    if (flags & CONTAINED) {
      if (interval >= 0) {
        this.t.contained[interval * this.Q + q]++;
        if (flags & RECONTACT) this.t.containedReturned[interval * this.Q + q]++;
      }
      if (flags & RECONTACT) {
        this.cFlags[c] = flags | REPEAT;
        this.heap.push(this.now + this.cReturnDelay[c], (c << KIND_BITS) | RETURN);
      } else {
        this.release(c);
      }
      return;
    }
    // Handed to a person: context is passed on, but escalated contacts are the harder ones.
    this.cFactor[c] = pool.escalatedHandleTimeFactor;
    this.cAiSeconds[c] += this.now - this.cStart[c];
    // Counted in the interval it arrived in, as every contact is: one that came in during the
    // warm-up stays out, one handed over after the horizon's end still counts.
    this.joinQueue(c, q, this.cInterval[c]);
  }

  private joinQueue(c: number, q: number, interval: number): void {
    const now = this.now;
    const cell = interval * this.Q + q;
    this.cInterval[c] = interval;
    this.cArrival[c] = now;
    this.cDeadline[c] = now + this.cPatience[c];
    const agent = this.pickAgent(q, 0);
    if (agent >= 0) {
      if (interval >= 0) this.t.offered[cell]++;
      this.startService(agent, c, q);
      return;
    }
    this.settleGhosts(q);
    const maxWaiting = this.qMaxWaiting[q];
    if (maxWaiting < Infinity && this.stillWaiting(q) >= maxWaiting) {
      if (interval >= 0) this.t.blocked[cell]++;
      this.release(c);
      return;
    }
    if (interval >= 0) {
      this.t.offered[cell]++;
      this.t.delayed[cell]++;
      this.countedWaiting++;
    }
    this.enqueue(q, c);
    const patience = this.cPatience[c];
    const delays = this.m.queues[q].overflowDelaysSeconds;
    for (let i = 0; i < delays.length; i++) {
      if (delays[i] < patience) this.heap.push(now + delays[i], (q << KIND_BITS) | OVERFLOW_CHECK);
    }
    if (this.cFlags[c] & WILL_REDIAL && patience < Infinity) {
      this.heap.push(now + patience, (c << KIND_BITS) | ABANDON, this.cSerial[c]);
    }
  }

  private intervalAt(time: number): number {
    const m = this.m;
    return time >= m.reportStartSeconds && time < m.reportEndSeconds
      ? Math.floor((time - m.reportStartSeconds) / m.intervalSeconds)
      : -1;
  }

  // --- routing --------------------------------------------------------------------------

  /** Units of an agent's capacity a contact of queue q takes in pool p: a chat takes one of
   * `concurrency`; voice and email take the whole agent. */
  private units(q: number, p: number): number {
    return this.qIsChat[q] ? 1 : this.concurrency[p];
  }

  /** An agent who may serve queue q for a contact that has waited `waited` seconds, by the
   * scenario's routing rule; -1 if there is none. */
  private pickAgent(q: number, waited: number): number {
    const pools = this.m.queues[q].pools;
    const acceptAfter = this.acceptAfter;
    const rule = this.m.routing;
    const waitedPlus = waited + EPSILON_SECONDS;
    const chat = this.qIsChat[q] === 1;
    if (rule === PRIORITY) {
      for (let i = 0; i < pools.length; i++) {
        const p = pools[i];
        if (acceptAfter[p] <= waitedPlus) {
          const a = this.free.best(p, chat);
          if (a >= 0) return a;
        }
      }
      return NONE;
    }
    if (rule === LONGEST_IDLE) {
      let best = NONE;
      for (let i = 0; i < pools.length; i++) {
        const p = pools[i];
        if (acceptAfter[p] > waitedPlus) continue;
        const a = this.free.best(p, chat);
        if (a < 0) continue;
        if (best < 0) best = a;
        else {
          const load = this.aLoad[a] / this.concurrency[p];
          const bestLoad = this.aLoad[best] / this.concurrency[this.aPool[best]];
          const fuller = chat ? load > bestLoad : load < bestLoad;
          if (fuller || (load === bestLoad && this.free.since[a] < this.free.since[best])) best = a;
        }
      }
      return best;
    }
    // Random: every eligible agent with room equally likely.
    let total = 0;
    for (let i = 0; i < pools.length; i++) {
      const p = pools[i];
      if (acceptAfter[p] <= waitedPlus) total += this.free.withRoom(p, chat);
    }
    if (total === 0) return NONE;
    let r = Math.floor(this.routingRng() * total);
    for (let i = 0; i < pools.length; i++) {
      const p = pools[i];
      if (acceptAfter[p] > waitedPlus) continue;
      const n = this.free.withRoom(p, chat);
      if (r < n) return this.free.best(p, chat);
      r -= n;
    }
    return NONE;
  }

  /** Puts an online agent on the free list for its load, or on none when it is full. */
  private relist(a: number): void {
    this.free.add(a, this.aPool[a], this.aLoad[a], this.now);
  }

  // --- service --------------------------------------------------------------------------

  private startService(agent: number, c: number, q: number): void {
    const now = this.now;
    const t = this.t;
    const p = this.aPool[agent];
    const duration = this.cHandle[c] * this.cFactor[c] * this.handleFactor[p * this.Q + q];
    const units = this.units(q, p);
    const interval = this.cInterval[c];
    if (interval >= 0) {
      const wait = now - this.cArrival[c];
      const cell = interval * this.Q + q;
      t.answered[cell]++;
      t.waitSecondsAnswered[cell] += wait;
      t.journeySecondsAnswered[cell] += wait + this.cAiSeconds[c];
      if (wait <= this.qThreshold[q]) t.answeredWithinThreshold[cell]++;
      t.waitHistogram[q * WAIT_BINS + waitBin(wait)]++;
      t.poolHandled[interval * t.poolCount + p]++;
      t.poolHandledSeconds[interval * t.poolCount + p] += duration;
      t.poolQueueBusySeconds[p * this.Q + q] += (duration * units) / this.concurrency[p];
    }
    this.free.remove(agent);
    this.aLoad[agent] += units;
    this.relist(agent);
    this.cState[c] = SERVING;
    this.cAgent[c] = agent;
    this.cStart[c] = now;
    this.cEnd[c] = now + duration;
    this.heap.push(now + duration, (c << KIND_BITS) | SERVICE_END);
  }

  private finishService(c: number): void {
    const agent = this.cAgent[c];
    const p = this.aPool[agent];
    const q = this.cQueue[c];
    const units = this.units(q, p);
    this.t.addPoolTime(this.t.poolBusySeconds, p, this.cStart[c], this.now, units / this.concurrency[p]);
    this.release(c);
    this.free.remove(agent);
    this.aLoad[agent] -= units;
    if (this.pendingLeave[p] > 0) {
      // The pool is shrinking: this agent finishes what it has and takes nothing new.
      if (this.aLoad[agent] === 0) {
        this.pendingLeave[p]--;
        this.goOffline(agent);
      }
      return;
    }
    this.findWork(agent);
  }

  /** An agent with room takes the longest-waiting contacts it may serve, channel by channel in
   * priority order (email only when no real-time contact waits), then waits on its list. */
  private findWork(agent: number): void {
    const p = this.aPool[agent];
    const pool = this.m.pools[p];
    const queues = pool.queues;
    const priorities = pool.queuePriority;
    const latestArrival = this.now - this.acceptAfter[p] + EPSILON_SECONDS;
    for (;;) {
      const room = this.concurrency[p] - this.aLoad[agent];
      let bestQueue = NONE;
      let bestArrival = Infinity;
      for (let i = 0; i < queues.length; i++) {
        if (bestQueue >= 0 && priorities[i] !== priorities[i - 1]) break; // found in a higher group
        const q = queues[i];
        if (this.units(q, p) > room) continue;
        this.settleGhosts(q);
        if (this.qSize[q] === 0) continue;
        const arrival = this.cArrival[this.qBuffer[q][this.qHead[q]]];
        if (arrival <= latestArrival && arrival < bestArrival) {
          bestQueue = q;
          bestArrival = arrival;
        }
      }
      if (bestQueue < 0) break;
      this.startService(agent, this.dequeue(bestQueue), bestQueue);
      if (this.aLoad[agent] >= this.concurrency[p]) return;
    }
    if (this.free.list[agent] < 0) this.relist(agent);
  }

  private checkOverflow(q: number): void {
    this.settleGhosts(q);
    if (this.qSize[q] === 0) return;
    const waited = this.now - this.cArrival[this.qBuffer[q][this.qHead[q]]];
    const agent = this.pickAgent(q, waited);
    if (agent >= 0) this.startService(agent, this.dequeue(q), q);
  }

  // --- staffing changes -------------------------------------------------------------------

  private changeStaff(p: number): void {
    const k = this.staffCursor[p]++;
    const target = this.staffAvailable[p][k];
    const times = this.staffChangeSeconds[p];
    if (k + 1 < times.length && times[k + 1] <= this.m.stopSeconds) {
      this.heap.push(times[k + 1], (p << KIND_BITS) | STAFF_CHANGE);
    }
    let change = target - (this.online[p] - this.pendingLeave[p]);
    if (change > 0) {
      const cancelled = Math.min(change, this.pendingLeave[p]);
      this.pendingLeave[p] -= cancelled;
      change -= cancelled;
      for (; change > 0; change--) {
        const agent = this.offline[p][--this.offlineCount[p]];
        this.countOnline(p, 1);
        this.aLoad[agent] = 0;
        this.findWork(agent);
      }
    } else {
      // Idle agents leave first (the most recently idle); busy ones when they are done.
      for (let agent = this.free.newestIdle(p); change < 0 && agent >= 0; change++, agent = this.free.newestIdle(p)) {
        this.free.remove(agent);
        this.goOffline(agent);
      }
      this.pendingLeave[p] -= change;
    }
  }

  private goOffline(agent: number): void {
    const p = this.aPool[agent];
    this.countOnline(p, -1);
    this.offline[p][this.offlineCount[p]++] = agent;
  }

  private countOnline(p: number, change: number): void {
    this.t.addPoolTime(this.t.poolOnlineSeconds, p, this.onlineSince[p], this.now, this.online[p]);
    this.online[p] += change;
    this.onlineSince[p] = this.now;
  }

  // --- queues ---------------------------------------------------------------------------

  private allocate(): number {
    let c: number;
    if (this.freeCount > 0) c = this.freeSlots[--this.freeCount];
    else {
      if (this.slotCount === this.cState.length) this.growSlots();
      c = this.slotCount++;
    }
    this.cSerial[c]++;
    this.cState[c] = PENDING;
    return c;
  }

  private release(c: number): void {
    this.cState[c] = FREE;
    this.freeSlots[this.freeCount++] = c;
  }

  private enqueue(q: number, c: number): void {
    let buffer = this.qBuffer[q];
    if (this.qSize[q] === buffer.length) buffer = this.growQueue(q);
    buffer[(this.qHead[q] + this.qSize[q]) & (buffer.length - 1)] = c;
    this.qSize[q]++;
    this.cState[c] = WAITING;
    const deadlines = this.qDeadlines[q];
    if (deadlines !== null) {
      this.cFlags[c] |= LIVE;
      this.qLive[q]++;
      if (this.cDeadline[c] < Infinity) deadlines.push(this.cDeadline[c], c, this.cSerial[c]);
    }
  }

  /** Contacts in queue q whose patience has not run out (the ghosts behind the head excluded). */
  private stillWaiting(q: number): number {
    const now = this.now;
    const deadlines = this.qDeadlines[q];
    if (deadlines !== null) {
      while (deadlines.size > 0 && deadlines.times[0] <= now) {
        const c = deadlines.payloads[0];
        if (this.cSerial[c] === deadlines.aux[0] && this.cFlags[c] & LIVE) {
          this.cFlags[c] &= ~LIVE;
          this.qLive[q]--;
        }
        deadlines.pop();
      }
      return this.qLive[q];
    }
    if (!this.qMayAbandon[q]) return this.qSize[q];
    // Unlimited queues need this only once per interval, for the backlog: a scan will do.
    const buffer = this.qBuffer[q];
    const mask = buffer.length - 1;
    let n = 0;
    for (let i = 0, k = this.qHead[q]; i < this.qSize[q]; i++, k = (k + 1) & mask) if (this.cDeadline[buffer[k]] > now) n++;
    return n;
  }

  /** Takes the head of queue q (the caller serves or settles it). */
  private dequeue(q: number): number {
    const buffer = this.qBuffer[q];
    const c = buffer[this.qHead[q]];
    this.qHead[q] = (this.qHead[q] + 1) & (buffer.length - 1);
    this.qSize[q]--;
    if (this.cInterval[c] >= 0 && this.cState[c] === WAITING) this.countedWaiting--;
    if (this.cFlags[c] & LIVE) {
      this.cFlags[c] &= ~LIVE;
      this.qLive[q]--;
    }
    return c;
  }

  /** A waiting contact hangs up: counted now; a redialler calls again after its delay. It stays
   * in the queue as a settled ghost until it reaches the head. */
  private abandon(c: number): void {
    const interval = this.cInterval[c];
    const q = this.cQueue[c];
    if (interval >= 0) {
      this.t.abandoned[interval * this.Q + q]++;
      this.countedWaiting--;
    }
    this.cState[c] = SETTLED;
    if (this.cFlags[c] & WILL_REDIAL) {
      const redial = this.allocate();
      this.cStream[redial] = this.cStream[c];
      this.cQueue[redial] = this.cQueue[c];
      this.cHandle[redial] = this.cHandle[c]; // the same customer with the same need
      this.cPatience[redial] = this.cPatience[c];
      this.cAiSeconds[redial] = this.cAiSeconds[c];
      // Whether this redial, if it is abandoned too, leads to yet another attempt.
      const stream = this.m.streams[this.cStream[c]];
      const rng = this.redialRng[this.cStream[c]];
      this.cFlags[redial] = (rng() < stream.redialShare ? WILL_REDIAL : 0) | REPEAT;
      this.cRedialDelay[redial] = sample(stream.redialDelay, rng);
      const at = Math.max(this.now, this.cDeadline[c] + this.cRedialDelay[c]);
      this.heap.push(at, (redial << KIND_BITS) | RETURN);
    }
  }

  /** Settles contacts at the head of queue q whose patience ran out before now. */
  private settleGhosts(q: number): void {
    const now = this.now;
    while (this.qSize[q] > 0) {
      const c = this.qBuffer[q][this.qHead[q]];
      if (this.cDeadline[c] > now) return;
      if (this.cState[c] === WAITING) this.abandon(c);
      this.dequeue(q);
      this.release(c);
    }
  }

  /** The ghosts settled at an interval's end (its backlog was read in run(), before this). */
  private settleAtIntervalEnd(interval: number): void {
    for (let q = 0; q < this.Q; q++) this.settleGhosts(q);
    if (interval + 1 < this.m.intervalCount) {
      this.heap.push(this.m.reportStartSeconds + (interval + 2) * this.m.intervalSeconds, ((interval + 1) << KIND_BITS) | INTERVAL_END);
    }
  }

  private growSlots(): void {
    const n = this.cState.length * 2;
    this.cState = grown(this.cState, new Uint8Array(n));
    this.cFlags = grown(this.cFlags, new Uint8Array(n));
    this.cSerial = grown(this.cSerial, new Int32Array(n));
    this.cStream = grown(this.cStream, new Int32Array(n));
    this.cQueue = grown(this.cQueue, new Int32Array(n));
    this.cInterval = grown(this.cInterval, new Int32Array(n));
    this.cAgent = grown(this.cAgent, new Int32Array(n));
    this.cArrival = grown(this.cArrival, new Float64Array(n));
    this.cDeadline = grown(this.cDeadline, new Float64Array(n));
    this.cPatience = grown(this.cPatience, new Float64Array(n));
    this.cHandle = grown(this.cHandle, new Float64Array(n));
    this.cFactor = grown(this.cFactor, new Float64Array(n));
    this.cRedialDelay = grown(this.cRedialDelay, new Float64Array(n));
    this.cReturnDelay = grown(this.cReturnDelay, new Float64Array(n));
    this.cAiSeconds = grown(this.cAiSeconds, new Float64Array(n));
    this.cStart = grown(this.cStart, new Float64Array(n));
    this.cEnd = grown(this.cEnd, new Float64Array(n));
    this.freeSlots = grown(this.freeSlots, new Int32Array(n));
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

  /** Counts busy and online time still running and settles every reported contact still in a
   * queue: abandoned if its patience has run out, otherwise still waiting. */
  private finish(): void {
    for (let c = 0; c < this.slotCount; c++) {
      if (this.cState[c] !== SERVING) continue;
      const p = this.aPool[this.cAgent[c]];
      const q = this.cQueue[c];
      this.t.addPoolTime(this.t.poolBusySeconds, p, this.cStart[c], this.cEnd[c], this.units(q, p) / this.concurrency[p]);
    }
    for (let p = 0; p < this.m.pools.length; p++) this.countOnline(p, 0);
    for (let q = 0; q < this.Q; q++) {
      this.settleGhosts(q);
      while (this.qSize[q] > 0) {
        const c = this.dequeue(q);
        const interval = this.cInterval[c];
        if (interval >= 0 && this.cState[c] === WAITING) {
          if (this.cDeadline[c] <= this.now) this.t.abandoned[interval * this.Q + q]++;
          else this.t.waitingAtEnd[q]++;
        }
        this.release(c);
      }
    }
  }
}

/** Runs replication `replication` (0-based) of the model and returns its tallies: `into`, zeroed
 * first (tallies reused between replications), or new ones. */
export function simulateReplication(model: CompiledModel, replication: number, into?: Tallies): Tallies {
  const tallies = into ?? new Tallies(model);
  into?.reset();
  new Kernel(model, replication, tallies).run();
  return tallies;
}
