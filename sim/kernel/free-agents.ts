// Agents with room for more work, per pool and load. An online agent with spare capacity is on
// exactly one list: its pool's list for its load (chats in hand; a call or an email takes the
// whole agent), in order of arrival on it, so the head of the load-0 list is the pool's
// longest-idle agent. Doubly linked through typed arrays: no allocation per event.

const NONE = -1;

export class FreeAgents {
  /** Per agent: the list it is on (pool × maxConcurrency + load), or -1 (full, offline, or leaving). */
  readonly list: Int32Array;
  /** Per agent: when it joined its list (seconds on the simulation clock). */
  readonly since: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly count: Int32Array;
  private readonly maxConcurrency: number;

  /** `concurrency` per pool: chats one agent handles at once. */
  constructor(
    agentCount: number,
    private readonly concurrency: Int32Array,
  ) {
    this.list = new Int32Array(agentCount).fill(NONE);
    this.since = new Float64Array(agentCount);
    this.prev = new Int32Array(agentCount);
    this.next = new Int32Array(agentCount);
    this.maxConcurrency = Math.max(1, ...concurrency);
    const lists = concurrency.length * this.maxConcurrency;
    this.head = new Int32Array(lists).fill(NONE);
    this.tail = new Int32Array(lists).fill(NONE);
    this.count = new Int32Array(lists);
  }

  /** The pool's best agent for a contact: for a chat the most loaded with room (chats fill agents
   * who already chat, keeping whole agents free for calls and email), otherwise a fully idle
   * one; the one longest in that state. -1 if none. */
  best(pool: number, chat: boolean): number {
    const base = pool * this.maxConcurrency;
    if (chat) {
      for (let load = this.concurrency[pool] - 1; load >= 0; load--) if (this.count[base + load] > 0) return this.head[base + load];
      return NONE;
    }
    return this.count[base] > 0 ? this.head[base] : NONE;
  }

  /** How many of the pool's agents could take a chat (`chat`) or a whole-agent contact now. */
  withRoom(pool: number, chat: boolean): number {
    const base = pool * this.maxConcurrency;
    if (!chat) return this.count[base];
    let n = 0;
    for (let load = 0; load < this.concurrency[pool]; load++) n += this.count[base + load];
    return n;
  }

  /** The pool's most recently idle agent (the first to send home), or -1. */
  newestIdle(pool: number): number {
    const list = pool * this.maxConcurrency;
    return this.count[list] > 0 ? this.tail[list] : NONE;
  }

  remove(a: number): void {
    const list = this.list[a];
    if (list < 0) return;
    const prev = this.prev[a];
    const next = this.next[a];
    if (prev >= 0) this.next[prev] = next;
    else this.head[list] = next;
    if (next >= 0) this.prev[next] = prev;
    else this.tail[list] = prev;
    this.count[list]--;
    this.list[a] = NONE;
  }

  /** Puts agent a of `pool`, carrying `load`, at the end of its list at time `now`; an agent
   * with no room is put on none. */
  add(a: number, pool: number, load: number, now: number): void {
    if (load >= this.concurrency[pool]) return;
    const list = pool * this.maxConcurrency + load;
    const tail = this.tail[list];
    this.prev[a] = tail;
    this.next[a] = NONE;
    if (tail >= 0) this.next[tail] = a;
    else this.head[list] = a;
    this.tail[list] = a;
    this.count[list]++;
    this.list[a] = list;
    this.since[a] = now;
  }
}
