// The staffing problem as a mixed-integer programme, solved by HiGHS (WebAssembly: the same in
// Node and in a browser worker). Integer variables are the head counts of the candidate shifts;
// continuous ones allocate each pool's agents on the phones, interval by interval, to the queues
// it is skilled for, so an agent who speaks German and English counts once, for either. Every
// live queue's servers must be covered in every interval; email work must be done by its
// deadline (a backlog that may hold only the work of the last `deadline` intervals). A shortfall
// is allowed only at a prohibitive price, so that a requirement no pool can meet (no Japanese
// speaker at 03:00) is reported rather than making the programme infeasible.
//
// The cost is what the pools bill: paid hours with premiums, productive hours and copilot
// licences per candidate agent; per-contact and per-minute prices linearised by the contacts an
// allocated agent is expected to take; a monthly minimum as a floor under the pool's bill.

import type { Highs } from 'highs';

export interface ProgrammePool {
  /** Share of scheduled time on the phones: (1 − shrinkage)(1 − absence). */
  onPhonesShare: number;
  /** Scheduled agent-seconds per interval that are not the planner's to decide. */
  fixedAgentSeconds: Float64Array;
  /** What the fixed agents cost over the horizon (counts toward a monthly minimum). */
  fixedCost: number;
  perContact: number;
  perHandledMinute: number;
  /** Monthly minimum prorated to the horizon; 0 when none. */
  minimumCost: number;
  /** Most agents the planner may add to this pool's candidate shifts. */
  maxAgents?: number;
}

export interface ProgrammeCandidate {
  pool: number;
  /** The intervals this shift covers (ascending) and one agent's scheduled seconds in each
   * (`seconds[j]` in `intervals[j]`, every one > 0): sparse, so a programme's memory follows its
   * non-zeros rather than candidates × intervals. */
  intervals: Int32Array;
  seconds: Float64Array;
  /** What one agent on this shift costs over the horizon. */
  cost: number;
  max?: number;
}

export interface ProgrammeQueue {
  live: boolean;
  /** Live: servers per interval. */
  servers: Float64Array;
  /** Email: standard agent-seconds of work arriving per interval. */
  workSeconds: Float64Array;
  deadlineIntervals: number;
  offered: Float64Array;
  ahtSeconds: number;
}

export interface ProgrammeLink {
  pool: number;
  queue: number;
  /** Servers one agent of the pool is worth on this queue: chat concurrency ÷ handle-time factor. */
  efficiency: number;
  handleFactor: number;
}

export interface Programme {
  intervalSeconds: number;
  intervalCount: number;
  pools: ProgrammePool[];
  candidates: ProgrammeCandidate[];
  queues: ProgrammeQueue[];
  links: ProgrammeLink[];
}

export interface ProgrammeSolution {
  status: string;
  /** Head count of each candidate. */
  agents: number[];
  /** Per queue and interval: servers (live) or agent-seconds of work (email) the plan could not cover. */
  shortfall: Float64Array[];
  /** What the plan is expected to cost over the horizon (the pools' bills, before any shortfall). */
  cost: number;
}

/** One agent's scheduled seconds per interval as a candidate's sparse coverage: the intervals
 * with any, and those seconds. */
export function sparseCoverage(agentSeconds: Float64Array): { intervals: Int32Array; seconds: Float64Array } {
  let n = 0;
  for (const x of agentSeconds) if (x > 0) n++;
  const intervals = new Int32Array(n);
  const seconds = new Float64Array(n);
  n = 0;
  agentSeconds.forEach((x, i) => {
    if (!(x > 0)) return;
    intervals[n] = i;
    seconds[n++] = x;
  });
  return { intervals, seconds };
}

/** The programme's size: one integer variable per candidate shift, and one non-zero per interval
 * a candidate covers (its term in that interval's capacity row), at the reporting grain. What
 * `programmeEstimate` (programme-size.ts) predicts from the scenario before anything is built. */
export function programmeSize(p: Pick<Programme, 'candidates'>): { variables: number; nonZeros: number } {
  return { variables: p.candidates.length, nonZeros: p.candidates.reduce((n, c) => n + c.intervals.length, 0) };
}

/** Price of one uncovered server-interval: far above any agent's cost, so only what no pool can
 * cover is left short. */
const SHORTFALL_PRICE = 1e6;
/** What queue q's interval i was left short is the variable s{q}_{i}: the only names with this start. */
const SHORTFALL_PREFIX = 's';

export type HighsResult = { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };

/** When a solve may end. */
export interface SolveSettings {
  timeLimitSeconds: number;
  /** Ends once no plan can bill less than the best found by more than this share of its bill. */
  billGap: number;
  /** Columns named with this prefix are penalties (what was left short), not part of the bill. */
  penaltyPrefix: string;
}

/** Solves a programme given as CPLEX LP text: by default HiGHS in this thread; the CLI passes one
 * that runs it in a worker thread, so that Ctrl-C is heard during a solve. */
export type LpSolver = (text: string, settings: SolveSettings) => Promise<HighsResult>;
let highs: Promise<Highs> | undefined;

/** HiGHS in this thread, loaded once, on first use (3.5 MB of WebAssembly the app's first paint
 * need not pay for).
 *
 * The gap is judged on the bill, not on HiGHS's objective: a demand no pool can serve (nobody
 * speaks Japanese at 03:00) is a shortfall priced at SHORTFALL_PRICE a server, which can make the
 * objective a thousand times the bill, and HiGHS's relative gap with it. With its own 1 % gap on
 * the default scenario (127 server-hours nobody can staff, a bill of 0.18 million), HiGHS could
 * accept any plan within 1.27 million of the best bound; on the in-house example it stopped at a
 * plan 6.7 % dearer than the one it finds when the gap is on the bill. */
export const solveWithHighs: LpSolver = async (text, settings) => {
  highs ??= import('highs').then((m) => m.default());
  const solver = await highs;
  const model = solver.createModel({ format: 'lp', data: text });
  try {
    // HiGHS's own gap only as a backstop: ours is the one that ends the search.
    model.options.set({ output_flag: false, mip_rel_gap: 1e-9, time_limit: settings.timeLimitSeconds });
    const { colCost, numCols } = model.getLp();
    const names = Array.from({ length: numCols }, (_, j) => model.getColName(j));
    const penalty = names.map((n) => n.startsWith(settings.penaltyPrefix));
    let bill = Infinity;
    const { mipImprovingSolution, mipInterrupt } = solver.constants.callbackType;
    model.run({
      [mipImprovingSolution]: (e) => {
        const x = e.data.mip_solution;
        if (!x || e.data.objective_function_value === undefined) return;
        let penalties = 0;
        for (let j = 0; j < numCols; j++) if (penalty[j]) penalties += colCost[j] * x[j];
        bill = e.data.objective_function_value - penalties;
      },
      [mipInterrupt]: (e) => {
        const { mip_primal_bound: found, mip_dual_bound: bound } = e.data;
        if (Number.isFinite(bill) && found !== undefined && bound !== undefined && found - bound <= settings.billGap * Math.max(1, bill)) e.interrupt();
      },
    });
    const status = model.getModelStatus();
    const { colValue } = model.getSolution();
    const Columns: HighsResult['Columns'] = {};
    names.forEach((n, j) => (Columns[n] = { Primal: colValue[j] }));
    return { Status: statusName(solver, status), ObjectiveValue: model.getObjectiveValue(), Columns };
  } finally {
    model.dispose();
  }
};

/** HiGHS's model status in the words its one-shot API used; stopped at our gap is optimal to it. */
function statusName(solver: Highs, status: number): string {
  const s = solver.constants.modelStatus;
  if (status === s.optimal || status === s.interrupted) return 'Optimal';
  if (status === s.timeLimit) return 'Time limit reached';
  return Object.entries(s).find(([, v]) => v === status)?.[0] ?? `status ${status}`;
}

/** Solves at a grain of at most an hour (shorter reporting intervals are merged: requirements
 * take the busier part, coverage and work add up), which keeps a week's programme small enough
 * to solve in seconds — unless the shifts are too short for it (grainFactor); the shortfall is
 * given back per reporting interval. */
export async function solveProgramme(p: Programme, options: SolveOptions = {}): Promise<ProgrammeSolution> {
  const factor = grainFactor(p);
  const coarse = factor > 1 ? coarsened(p, factor) : p;
  const solution = await solveAtGrain(coarse, options);
  if (factor === 1) return solution;
  return { ...solution, shortfall: solution.shortfall.map((row) => Float64Array.from({ length: p.intervalCount }, (_, i) => row[Math.floor(i / factor)])) };
}

/** Merging intervals into hours takes a shift's agents in an hour it covers only in part as spread
 * over that hour: near enough for the last half hour of an 8.5-hour shift, wrong for half-hour
 * shifts, where two that follow each other read as one covering the hour twice (an hour of calls
 * with shifts 14:00–14:30 and 14:30–15:00 was planned 10 agents and none), and for a fixed roster
 * of half-hour shifts, whose 10 agents on 14:00–14:30 read as 5 all hour (an open shift
 * 14:00–15:00 beside them was planned none). Beyond this share of the agents' time (candidates'
 * and fixed) in such hours, the programme keeps the reporting grain. */
const MOST_TIME_IN_PART_HOURS = 0.25;

/** Reporting intervals merged per solved interval: those in an hour, unless too much of the
 * agents' time falls in hours they cover only in part. */
function grainFactor(p: Programme): number {
  const factor = Math.max(1, Math.floor(3600 / p.intervalSeconds));
  if (factor === 1) return 1;
  let partSeconds = 0;
  let allSeconds = 0;
  /** Adds the time of `seconds` (one per listed interval, ascending): an hour's is whole when every
   * interval of the hour is listed with the same seconds. */
  const tally = (intervals: ArrayLike<number>, seconds: ArrayLike<number>) => {
    for (let j = 0; j < intervals.length; ) {
      const hour = Math.floor(intervals[j] / factor);
      const inHour = Math.min(factor, p.intervalCount - hour * factor);
      let k = j;
      let sum = 0;
      let even = true;
      while (k < intervals.length && Math.floor(intervals[k] / factor) === hour) {
        even &&= seconds[k] === seconds[j];
        sum += seconds[k++];
      }
      allSeconds += sum;
      if (k - j < inHour || !even) partSeconds += sum;
      j = k;
    }
  };
  for (const c of p.candidates) tally(c.intervals, c.seconds);
  for (const pool of p.pools) {
    const fixed = sparseCoverage(pool.fixedAgentSeconds);
    tally(fixed.intervals, fixed.seconds);
  }
  return partSeconds > MOST_TIME_IN_PART_HOURS * allSeconds ? 1 : factor;
}

function coarsened(p: Programme, factor: number): Programme {
  const count = Math.ceil(p.intervalCount / factor);
  const fold = (a: Float64Array, how: 'sum' | 'max') => {
    const out = new Float64Array(count);
    a.forEach((x, i) => {
      const k = Math.floor(i / factor);
      out[k] = how === 'sum' ? out[k] + x : Math.max(out[k], x);
    });
    return out;
  };
  return {
    intervalSeconds: p.intervalSeconds * factor,
    intervalCount: count,
    pools: p.pools.map((pool) => ({ ...pool, fixedAgentSeconds: fold(pool.fixedAgentSeconds, 'sum') })),
    candidates: p.candidates.map((c) => ({ ...c, ...foldSparse(c, factor) })),
    queues: p.queues.map((q) => ({
      ...q,
      servers: fold(q.servers, 'max'),
      workSeconds: fold(q.workSeconds, 'sum'),
      offered: fold(q.offered, 'sum'),
      deadlineIntervals: Math.max(1, Math.floor(q.deadlineIntervals / factor)),
    })),
    links: p.links,
  };
}

/** A candidate's coverage at a coarser grain: the seconds of each run of `factor` intervals
 * added up in the same order as over a full-length array (the zeros in between add nothing). */
function foldSparse(c: ProgrammeCandidate, factor: number): { intervals: Int32Array; seconds: Float64Array } {
  const intervals: number[] = [];
  const seconds: number[] = [];
  c.intervals.forEach((i, j) => {
    const k = Math.floor(i / factor);
    if (intervals.length > 0 && intervals[intervals.length - 1] === k) seconds[seconds.length - 1] += c.seconds[j];
    else {
      intervals.push(k);
      seconds.push(0 + c.seconds[j]);
    }
  });
  return { intervals: Int32Array.from(intervals), seconds: Float64Array.from(seconds) };
}

export interface SolveOptions {
  timeLimitSeconds?: number;
  /** SolveSettings.billGap (default 1 %). */
  billGap?: number;
  solve?: LpSolver;
}

async function solveAtGrain(p: Programme, options: SolveOptions): Promise<ProgrammeSolution> {
  const { text, shortfallNames } = programmeText(p);
  const settings: SolveSettings = {
    timeLimitSeconds: options.timeLimitSeconds ?? 40,
    billGap: options.billGap ?? 0.01,
    penaltyPrefix: SHORTFALL_PREFIX,
  };
  const r = await (options.solve ?? solveWithHighs)(text, settings);
  if (r.Status !== 'Optimal' && r.Status !== 'Time limit reached') throw new Error(`the solver found no plan: ${r.Status}`);
  const value = (name: string) => r.Columns[name]?.Primal ?? 0;
  const shortfall = shortfallNames.map((names) => Float64Array.from(names, (n) => (n ? value(n) : 0)));
  // The bill alone: the objective less the price put on what was left short.
  let penalty = 0;
  shortfall.forEach((row, q) => row.forEach((x) => (penalty += x * (p.queues[q].live ? SHORTFALL_PRICE : SHORTFALL_PRICE / Math.max(1, p.queues[q].ahtSeconds)))));
  return {
    status: r.Status,
    agents: p.candidates.map((_, k) => Math.round(value(`x${k}`))),
    shortfall,
    cost: r.ObjectiveValue - penalty,
  };
}

/** Per pool and interval, 1 when anyone can be on the phones: a fixed agent, or a candidate
 * shift that covers it. */
export function poolsOn(p: Programme): Uint8Array[] {
  const on = p.pools.map((pool) => Uint8Array.from(pool.fixedAgentSeconds, (s) => (s > 0 ? 1 : 0)));
  p.candidates.forEach((c) => c.intervals.forEach((i) => (on[c.pool][i] = 1)));
  return on;
}

/** A linear programme written out in CPLEX LP format, one term per line (no line-length limits
 * to meet). */
class LpText {
  readonly objective: string[] = [];
  readonly rows: string[] = [];
  readonly bounds: string[] = [];
  readonly integers: string[] = [];

  static num(x: number): string {
    return Number(x.toPrecision(12)).toString();
  }

  static term(coefficient: number, name: string): string {
    return `${coefficient < 0 ? '-' : '+'} ${LpText.num(Math.abs(coefficient))} ${name}`;
  }

  row(name: string, terms: string[], sense: '>=' | '<=', rhs: number): void {
    this.rows.push(` ${name}:`, ...terms.map((t) => `  ${t}`), `  ${sense} ${LpText.num(rhs)}`);
  }

  text(): string {
    return [
      'Minimize',
      ' cost:',
      ...(this.objective.length > 0 ? this.objective.map((t) => `  ${t}`) : ['  0 x_none']),
      'Subject To',
      ...this.rows,
      'Bounds',
      ...this.bounds,
      ...(this.integers.length > 0 ? ['General', ...this.integers.map((n) => ` ${n}`)] : []),
      'End',
    ].join('\n');
  }
}

const { term } = LpText;

/** The items' indices grouped by key (0 … count − 1), in order: each row family reads only its own. */
function indices<T>(items: T[], key: (x: T) => number, count: number): number[][] {
  const out = Array.from({ length: count }, () => [] as number[]);
  items.forEach((x, j) => out[key(x)].push(j));
  return out;
}

/** The programme in CPLEX LP format; `shortfallNames[q][i]`: the variable of what queue q's
 * interval i was left short (null where it cannot be). */
export function programmeText(p: Programme): { text: string; shortfallNames: (string | null)[][] } {
  const lp = new LpText();
  // When each pool can have anyone on the phones at all.
  const poolOn = poolsOn(p);
  // Head counts: x{k}, agents on candidate shift k, each a term of its pool's bill.
  const poolCostTerms: string[][] = p.pools.map(() => []);
  p.candidates.forEach((c, k) => {
    lp.integers.push(`x${k}`);
    lp.bounds.push(c.max !== undefined ? ` 0 <= x${k} <= ${c.max}` : ` x${k} >= 0`);
    poolCostTerms[c.pool].push(term(c.cost, `x${k}`));
  });
  const linkNames = allocation(p, poolOn, poolCostTerms);
  const poolCandidates = indices(p.candidates, (c) => c.pool, p.pools.length);
  capacityRows(p, lp, poolOn, linkNames, poolCandidates);
  const shortfallNames = queueRows(p, lp, linkNames);
  poolRows(p, lp, poolCandidates, poolCostTerms);
  return { text: lp.text(), shortfallNames };
}

/** Allocation: y{l}_{i}, agents of link l's pool on link l's queue in interval i, named where the
 * pool can be on the phones and the queue has work; each adds its per-contact price to its pool's bill. */
function allocation(p: Programme, poolOn: Uint8Array[], poolCostTerms: string[][]): (string | null)[][] {
  const linkNames = p.links.map(() => new Array<string | null>(p.intervalCount).fill(null));
  p.links.forEach((l, li) => {
    const q = p.queues[l.queue];
    for (let i = 0; i < p.intervalCount; i++) {
      if (!poolOn[l.pool][i]) continue;
      if (q.live && !(q.servers[i] > 0)) continue;
      const name = `y${li}_${i}`;
      linkNames[li][i] = name;
      const pool = p.pools[l.pool];
      const perContact = pool.perContact + (pool.perHandledMinute * q.ahtSeconds * l.handleFactor) / 60;
      if (perContact > 0) {
        // Contacts an allocated agent takes: its share of the servers times the offered, or the
        // work it does divided by the handle time.
        const contacts = q.live ? (q.offered[i] * l.efficiency) / q.servers[i] : (l.efficiency * p.intervalSeconds) / q.ahtSeconds;
        poolCostTerms[l.pool].push(term(perContact * contacts, name));
      }
    }
  });
  return linkNames;
}

/** Pool capacity: allocated agents ≤ agents on the phones, interval by interval. */
function capacityRows(p: Programme, lp: LpText, poolOn: Uint8Array[], linkNames: (string | null)[][], poolCandidates: number[][]): void {
  const dt = p.intervalSeconds;
  const poolLinks = indices(p.links, (l) => l.pool, p.pools.length);
  p.pools.forEach((pool, pi) => {
    // The pool's candidates by interval, in candidate order: the capacity row's terms.
    const covering = new Map<number, number[]>(); // interval → [k, j, k, j, …]
    for (const k of poolCandidates[pi]) {
      p.candidates[k].intervals.forEach((i, j) => {
        const list = covering.get(i);
        if (list) list.push(k, j);
        else covering.set(i, [k, j]);
      });
    }
    for (let i = 0; i < p.intervalCount; i++) {
      if (!poolOn[pi][i]) continue;
      const terms = poolLinks[pi].flatMap((li) => (linkNames[li][i] ? [term(1, linkNames[li][i]!)] : []));
      if (terms.length === 0) continue;
      const list = covering.get(i) ?? [];
      for (let n = 0; n < list.length; n += 2) {
        const k = list[n];
        terms.push(term((-pool.onPhonesShare * p.candidates[k].seconds[list[n + 1]]) / dt, `x${k}`));
      }
      lp.row(`cap${pi}_${i}`, terms, '<=', (pool.onPhonesShare * pool.fixedAgentSeconds[i]) / dt);
    }
  });
}

/** Queues: live cover per interval; email as a backlog with a deadline. Each may be left short
 * (s{q}_{i}) at a price far above any agent's; returns those variables' names. */
function queueRows(p: Programme, lp: LpText, linkNames: (string | null)[][]): (string | null)[][] {
  const I = p.intervalCount;
  const dt = p.intervalSeconds;
  const queueLinks = indices(p.links, (l) => l.queue, p.queues.length);
  const shortfallNames = p.queues.map(() => new Array<string | null>(I).fill(null));
  p.queues.forEach((q, qi) => {
    const served = (i: number) => queueLinks[qi].flatMap((li) => (linkNames[li][i] ? [{ l: p.links[li], name: linkNames[li][i]! }] : []));
    if (q.live) {
      for (let i = 0; i < I; i++) {
        if (!(q.servers[i] > 0)) continue;
        const s = `${SHORTFALL_PREFIX}${qi}_${i}`;
        shortfallNames[qi][i] = s;
        lp.objective.push(term(SHORTFALL_PRICE, s));
        lp.row(`cover${qi}_${i}`, [...served(i).map(({ l, name }) => term(l.efficiency, name)), term(1, s)], '>=', q.servers[i]);
      }
      return;
    }
    let recent = 0; // work of the last `deadline` intervals: all the backlog may hold
    for (let i = 0; i < I; i++) {
      recent += q.workSeconds[i] - (i >= q.deadlineIntervals ? q.workSeconds[i - q.deadlineIntervals] : 0);
      const b = `b${qi}_${i}`;
      const s = `${SHORTFALL_PREFIX}${qi}_${i}`;
      shortfallNames[qi][i] = s;
      lp.objective.push(term(SHORTFALL_PRICE / Math.max(1, q.ahtSeconds), s));
      // backlog_i ≥ backlog_{i−1} + work_i − done_i
      lp.row(
        `work${qi}_${i}`,
        [term(1, b), ...(i > 0 ? [term(-1, `b${qi}_${i - 1}`)] : []), ...served(i).map(({ l, name }) => term(l.efficiency * dt, name))],
        '>=',
        q.workSeconds[i],
      );
      // backlog_i ≤ recent work (+ shortfall)
      lp.row(`due${qi}_${i}`, [term(1, b), term(-1, s)], '<=', Math.max(0, recent));
    }
  });
  return shortfallNames;
}

/** Pools: head-count caps; the bill, with its monthly minimum as a floor. */
function poolRows(p: Programme, lp: LpText, poolCandidates: number[][], poolCostTerms: string[][]): void {
  p.pools.forEach((pool, pi) => {
    const own = poolCandidates[pi].map((k) => term(1, `x${k}`));
    if (pool.maxAgents !== undefined && own.length > 0) lp.row(`head${pi}`, own, '<=', pool.maxAgents);
    if (poolCostTerms[pi].length === 0) return;
    if (pool.minimumCost > pool.fixedCost) {
      const u = `u${pi}`;
      lp.objective.push(term(1, u));
      lp.bounds.push(` ${u} >= ${LpText.num(pool.minimumCost - pool.fixedCost)}`);
      lp.row(`bill${pi}`, [term(1, u), ...poolCostTerms[pi].map((t) => (t.startsWith('+') ? `-${t.slice(1)}` : `+${t.slice(1)}`))], '>=', 0);
    } else {
      lp.objective.push(...poolCostTerms[pi]);
    }
  });
}
