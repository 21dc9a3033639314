// From one replication's tallies to the figures DESIGN.md defines (per interval, queue, pool,
// language, channel; costs under each pricing model; coverage gaps), and from many
// replications to the plain result object (means with 95% confidence intervals).
import { FigureAccumulator, type Estimate } from './confidence';
import { requiredAgents } from './erlang';
import type { CompiledModel } from './model';
import { Tallies, waitPercentile, WAIT_BINS } from './tallies';

export const SUMMARY_FIGURES = [
  'contacts', // at the front door, redials and recontacts included
  'customers', // contacts that were not a redial or recontact
  'aiConversations',
  'contained',
  'blocked',
  'offered',
  'answered',
  'abandoned',
  'serviceLevel',
  'pWait',
  'asaSeconds',
  'journeySeconds',
  'waitP50Seconds',
  'waitP90Seconds',
  'waitP99Seconds',
  'abandonRate',
  'waitingAtEnd',
  'costTotal',
  'costPerMonth', // costTotal scaled to an average month (30.44 days)
  'costPerContact',
  'gapHours',
] as const;
export const POOL_FIGURES = ['handled', 'contained', 'occupancy', 'agentsOnPhones', 'costTotal'] as const;
export const GROUP_FIGURES = [
  'contacts',
  'contained',
  'blocked',
  'offered',
  'answered',
  'abandoned',
  'serviceLevel',
  'asaSeconds',
  'abandonRate',
  'gapHours',
  'targetMetShare',
  'costTotal',
  'costPerContact',
] as const;
export const STAFFING_TYPES = ['in-house', 'outsourced', 'ai'] as const;
export const INTERVAL_FIGURES = [
  'offered',
  'answered',
  'abandoned',
  'contained',
  'serviceLevel',
  'asaSeconds',
  'abandonRate',
  'occupancy',
  'costTotal',
] as const;
/** Per interval × queue, means only (no interval): the coverage heatmap's cells. */
export const COVERAGE_FIGURES = ['offered', 'serviceLevel', 'asaSeconds', 'abandonRate', 'agentsOnPhones', 'gap', 'backlog', 'answered', 'abandoned'] as const;

export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];
export type PoolFigure = (typeof POOL_FIGURES)[number];
export type GroupFigure = (typeof GROUP_FIGURES)[number];
export type IntervalFigure = (typeof INTERVAL_FIGURES)[number];

export interface QueueCoverage {
  language: string;
  channel: string;
  thresholdSeconds: number;
  target: number;
  /** One value per interval: means over replications (null where undefined). */
  offered: number[];
  answered: number[];
  abandoned: number[];
  serviceLevel: (number | null)[];
  asaSeconds: (number | null)[];
  abandonRate: (number | null)[];
  /** Agents on the phones (after shrinkage and absence) in pools with the skill. */
  agentsOnPhones: number[];
  /** Agents Erlang A (Erlang C without patience; workload for email) says the target needs. */
  requiredAgents: number[];
  /** Share of replications in which the interval was a coverage gap. */
  gapShare: number[];
  backlog: number[];
}

export interface PoolResult {
  type: string;
  /** Human pools: contacts answered; AI pools: conversations. */
  handled: Estimate;
  costTotal: Estimate;
  /** Human pools. */
  occupancy?: Estimate;
  agentsOnPhones?: Estimate;
  /** AI pools. */
  contained?: Estimate;
}

export interface ScenarioResult {
  name: string;
  currency: string;
  seed: number;
  replications: number;
  /** Reported window, ISO date-times (UTC). */
  start: string;
  end: string;
  intervalMinutes: number;
  summary: Record<SummaryFigure, Estimate>;
  costByType: Record<(typeof STAFFING_TYPES)[number], Estimate>;
  pools: Record<string, PoolResult>;
  languages: Record<string, Record<GroupFigure, Estimate>>;
  channels: Record<string, Record<GroupFigure, Estimate>>;
  intervals: Array<{ start: string } & Record<IntervalFigure, Estimate>>;
  coverage: QueueCoverage[];
  /** Per human pool, agents on the phones in each interval (mean over replications). */
  staffing: Record<string, number[]>;
  /** Work done, summed over replications (warm-up and drain included). */
  simulated: { arrivals: number; events: number };
}

/** One replication's figures as flat arrays, in the order of the *_FIGURES lists. Plain data, so
 * it can cross a worker boundary. */
export interface ReplicationFigures {
  summary: Float64Array;
  pools: Float64Array; // (human pools, then AI pools) × POOL_FIGURES
  languages: Float64Array; // language × GROUP_FIGURES
  channels: Float64Array; // channel (in model.queues order of first use) × GROUP_FIGURES
  costByType: Float64Array;
  intervals: Float64Array; // interval × INTERVAL_FIGURES
  coverage: Float64Array; // (interval × queue) × COVERAGE_FIGURES
  staffing: Float64Array; // interval × human pool: agents on the phones
  arrivals: number;
  events: number;
}

const AVERAGE_MONTH_SECONDS = (365.25 / 12) * 86400;
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/** Seconds of interval i inside the reported window (the last one may be cut short). */
function intervalLengthSeconds(m: CompiledModel, i: number): number {
  const start = m.reportStartSeconds + i * m.intervalSeconds;
  return Math.min(m.intervalSeconds, m.reportEndSeconds - start);
}

export function channelsOf(m: CompiledModel): string[] {
  return [...new Set(m.queues.map((q) => q.channel))];
}

/** Cost per interval of each human pool under its pricing: hourly (with premiums), productive
 * hours, per contact, per handled minute, copilot; topped up to the monthly minimum (prorated
 * to the part of each calendar month the horizon covers) and adjusted by the service-level
 * clause (measured on the queues the pool serves, over the horizon). */
function humanPoolCosts(m: CompiledModel, t: Tallies): Float64Array[] {
  const I = m.intervalCount;
  const P = t.poolCount;
  const Q = t.queueCount;
  return m.pools.map((pool, p) => {
    const c = pool.cost;
    const cost = new Float64Array(I);
    for (let i = 0; i < I; i++) {
      const k = i * P + p;
      cost[i] =
        (c.perHour * pool.roster.premiumWeightedAgentSeconds[i]) / 3600 +
        (c.copilotPerAgentHour * pool.roster.paidAgentSeconds[i]) / 3600 +
        (c.perProductiveHour * t.poolOnlineSeconds[k]) / 3600 +
        c.perContact * t.poolHandled[k] +
        (c.perHandledMinute * t.poolHandledSeconds[k]) / 60;
    }
    if (c.monthlyMinimum > 0) {
      const months = new Map<string, number[]>();
      for (let i = 0; i < I; i++) {
        const month = new Date(m.clockZeroMs + (m.reportStartSeconds + i * m.intervalSeconds) * 1000).toISOString().slice(0, 7);
        if (!months.has(month)) months.set(month, []);
        months.get(month)!.push(i);
      }
      for (const [month, intervals] of months) {
        const [year, monthIndex] = month.split('-').map(Number);
        const daysInMonth = new Date(Date.UTC(year, monthIndex, 0)).getUTCDate();
        const covered = intervals.reduce((s, i) => s + intervalLengthSeconds(m, i), 0);
        const minimum = (c.monthlyMinimum * covered) / (daysInMonth * 86400);
        const usage = intervals.reduce((s, i) => s + cost[i], 0);
        if (usage < minimum) for (const i of intervals) cost[i] += ((minimum - usage) * intervalLengthSeconds(m, i)) / covered;
      }
    }
    const clause = c.serviceLevelClause;
    if (clause) {
      let within = 0, offered = 0;
      for (let i = 0; i < I; i++) {
        for (const q of pool.queues) {
          within += t.answeredWithinThreshold[i * Q + q];
          offered += t.offered[i * Q + q];
        }
      }
      const sl = ratio(within, offered);
      const factor = sl < clause.target ? 1 - clause.penalty : clause.bonusAbove !== undefined && sl >= clause.bonusAbove ? 1 + clause.bonus : 1;
      for (let i = 0; i < I; i++) cost[i] *= factor;
    }
    return cost;
  });
}

export function replicationFigures(m: CompiledModel, t: Tallies): ReplicationFigures {
  const Q = t.queueCount;
  const P = t.poolCount;
  const A = m.aiPools.length;
  const I = m.intervalCount;
  const intervalHours = m.intervalSeconds / 3600;
  const channels = channelsOf(m);
  const queueLanguage = m.queues.map((q) => m.languages.indexOf(q.language));
  const queueChannel = m.queues.map((q) => channels.indexOf(q.channel));

  // Costs: human pools per interval, AI pools from their conversations; then shared out to
  // queues (human pools by busy time per queue, AI pools by their own conversations).
  const poolCost = humanPoolCosts(m, t);
  const aiCost = new Float64Array(A);
  const queueCost = new Float64Array(Q);
  const intervalCost = new Float64Array(I);
  for (let p = 0; p < P; p++) {
    const total = poolCost[p].reduce((s, x) => s + x, 0);
    for (let i = 0; i < I; i++) intervalCost[i] += poolCost[p][i];
    const queues = m.pools[p].queues;
    let busy = 0;
    for (const q of queues) busy += t.poolQueueBusySeconds[p * Q + q];
    for (const q of queues) queueCost[q] += busy > 0 ? (total * t.poolQueueBusySeconds[p * Q + q]) / busy : total / queues.length;
  }
  for (let i = 0; i < I; i++) {
    for (let q = 0; q < Q; q++) {
      const ai = m.queues[q].aiPool;
      if (ai < 0) continue;
      const pool = m.aiPools[ai];
      const cell = i * Q + q;
      const c = pool.costPerConversation * t.aiConversations[cell] + pool.costPerResolution * t.contained[cell];
      aiCost[ai] += c;
      queueCost[q] += c;
      intervalCost[i] += c;
    }
  }

  // Coverage per interval × queue, gaps, and per-interval rows.
  const CF = COVERAGE_FIGURES.length;
  const coverage = new Float64Array(I * Q * CF);
  const IF = INTERVAL_FIGURES.length;
  const intervals = new Float64Array(I * IF);
  const languageGapIntervals = new Float64Array(m.languages.length);
  const languageDemandIntervals = new Float64Array(m.languages.length);
  const channelGapIntervals = new Float64Array(channels.length);
  const channelDemandIntervals = new Float64Array(channels.length);
  const languageGapNow = new Uint8Array(m.languages.length);
  const languageDemandNow = new Uint8Array(m.languages.length);
  const channelGapNow = new Uint8Array(channels.length);
  const channelDemandNow = new Uint8Array(channels.length);
  for (let i = 0; i < I; i++) {
    const length = intervalLengthSeconds(m, i);
    languageGapNow.fill(0);
    languageDemandNow.fill(0);
    channelGapNow.fill(0);
    channelDemandNow.fill(0);
    let o = 0, a = 0, ab = 0, w = 0, ws = 0, aRealtime = 0, ct = 0;
    for (let q = 0; q < Q; q++) {
      const cell = i * Q + q;
      const queue = m.queues[q];
      let online = 0;
      for (const p of queue.pools) online += t.poolOnlineSeconds[i * P + p];
      const agentsOnPhones = online / length;
      const offered = t.offered[cell];
      const sl = ratio(t.answeredWithinThreshold[cell], offered);
      const realtime = queue.channel !== 'email';
      const gap = offered > 0 && ((realtime && agentsOnPhones === 0) || sl < queue.slTarget) ? 1 : 0;
      const row = cell * CF;
      coverage[row + 0] = offered;
      coverage[row + 1] = sl;
      coverage[row + 2] = ratio(t.waitSecondsAnswered[cell], t.answered[cell]);
      coverage[row + 3] = ratio(t.abandoned[cell], offered);
      coverage[row + 4] = agentsOnPhones;
      coverage[row + 5] = gap;
      coverage[row + 6] = t.backlog[cell];
      coverage[row + 7] = t.answered[cell];
      coverage[row + 8] = t.abandoned[cell];
      if (offered > 0) {
        languageDemandNow[queueLanguage[q]] = 1;
        channelDemandNow[queueChannel[q]] = 1;
      }
      if (gap) {
        languageGapNow[queueLanguage[q]] = 1;
        channelGapNow[queueChannel[q]] = 1;
      }
      o += offered;
      a += t.answered[cell];
      ab += t.abandoned[cell];
      w += t.answeredWithinThreshold[cell];
      if (realtime) {
        ws += t.waitSecondsAnswered[cell];
        aRealtime += t.answered[cell];
      }
      ct += t.contained[cell];
    }
    for (let l = 0; l < languageGapNow.length; l++) {
      languageGapIntervals[l] += languageGapNow[l];
      languageDemandIntervals[l] += languageDemandNow[l];
    }
    for (let c = 0; c < channelGapNow.length; c++) {
      channelGapIntervals[c] += channelGapNow[c];
      channelDemandIntervals[c] += channelDemandNow[c];
    }
    let busy = 0, online = 0;
    for (let p = 0; p < P; p++) {
      busy += t.poolBusySeconds[i * P + p];
      online += t.poolOnlineSeconds[i * P + p];
    }
    intervals.set([o, a, ab, ct, ratio(w, o), ratio(ws, aRealtime), ratio(ab, o), ratio(busy, online), intervalCost[i]], i * IF);
  }

  // Languages and channels.
  const GF = GROUP_FIGURES.length;
  const group = (count: number, member: number[], gapIntervals: Float64Array, demandIntervals: Float64Array) => {
    const out = new Float64Array(count * GF);
    for (let g = 0; g < count; g++) {
      let contacts = 0, contained = 0, blocked = 0, offered = 0, answered = 0, abandoned = 0, within = 0, waits = 0, cost = 0;
      for (let q = 0; q < Q; q++) {
        if (member[q] !== g) continue;
        cost += queueCost[q];
        for (let i = 0; i < I; i++) {
          const cell = i * Q + q;
          contacts += t.contacts[cell];
          contained += t.contained[cell];
          blocked += t.blocked[cell];
          offered += t.offered[cell];
          answered += t.answered[cell];
          abandoned += t.abandoned[cell];
          within += t.answeredWithinThreshold[cell];
          waits += t.waitSecondsAnswered[cell];
        }
      }
      out.set(
        [
          contacts,
          contained,
          blocked,
          offered,
          answered,
          abandoned,
          ratio(within, offered),
          ratio(waits, answered),
          ratio(abandoned, offered),
          gapIntervals[g] * intervalHours,
          ratio(demandIntervals[g] - gapIntervals[g], demandIntervals[g]),
          cost,
          ratio(cost, answered + contained),
        ],
        g * GF,
      );
    }
    return out;
  };
  const languages = group(m.languages.length, queueLanguage, languageGapIntervals, languageDemandIntervals);
  const channelRows = group(channels.length, queueChannel, channelGapIntervals, channelDemandIntervals);

  // Pools: human pools, then AI pools.
  const PF = POOL_FIGURES.length;
  const pools = new Float64Array((P + A) * PF).fill(NaN);
  const costByType = new Float64Array(STAFFING_TYPES.length);
  for (let p = 0; p < P; p++) {
    let handled = 0, busy = 0, online = 0;
    for (let i = 0; i < I; i++) {
      handled += t.poolHandled[i * P + p];
      busy += t.poolBusySeconds[i * P + p];
      online += t.poolOnlineSeconds[i * P + p];
    }
    const cost = poolCost[p].reduce((s, x) => s + x, 0);
    const reportedSeconds = m.reportEndSeconds - m.reportStartSeconds;
    pools.set([handled, NaN, ratio(busy, online), online / reportedSeconds, cost], p * PF);
    costByType[STAFFING_TYPES.indexOf(m.pools[p].type)] += cost;
  }
  for (let ai = 0; ai < A; ai++) {
    let conversations = 0, contained = 0;
    for (let q = 0; q < Q; q++) {
      if (m.queues[q].aiPool !== ai) continue;
      for (let i = 0; i < I; i++) {
        conversations += t.aiConversations[i * Q + q];
        contained += t.contained[i * Q + q];
      }
    }
    pools.set([conversations, contained, NaN, NaN, aiCost[ai]], (P + ai) * PF);
    costByType[2] += aiCost[ai];
  }

  // Summary.
  const sum = (a: Float64Array) => a.reduce((s, x) => s + x, 0);
  // Waits are summarised over the real-time channels: an email's wait of hours says nothing
  // about a caller's (channels.email reports it).
  const realtimeWaits = new Float64Array(WAIT_BINS);
  let realtimeAnswered = 0, realtimeWaitSeconds = 0, realtimeJourneySeconds = 0;
  for (let q = 0; q < Q; q++) {
    if (m.queues[q].channel === 'email') continue;
    for (let b = 0; b < WAIT_BINS; b++) realtimeWaits[b] += t.waitHistogram[q * WAIT_BINS + b];
    for (let i = 0; i < I; i++) {
      realtimeAnswered += t.answered[i * Q + q];
      realtimeWaitSeconds += t.waitSecondsAnswered[i * Q + q];
      realtimeJourneySeconds += t.journeySecondsAnswered[i * Q + q];
    }
  }
  const contacts = sum(t.contacts);
  const offered = sum(t.offered);
  const answered = sum(t.answered);
  const abandoned = sum(t.abandoned);
  const contained = sum(t.contained);
  const costTotal = sum(costByType);
  const summary = Float64Array.from([
    contacts,
    contacts - sum(t.repeats),
    sum(t.aiConversations),
    contained,
    sum(t.blocked),
    offered,
    answered,
    abandoned,
    ratio(sum(t.answeredWithinThreshold), offered),
    ratio(sum(t.delayed), offered),
    ratio(realtimeWaitSeconds, realtimeAnswered),
    ratio(realtimeJourneySeconds, realtimeAnswered),
    waitPercentile(realtimeWaits, 0, 0.5),
    waitPercentile(realtimeWaits, 0, 0.9),
    waitPercentile(realtimeWaits, 0, 0.99),
    ratio(abandoned, offered),
    sum(t.waitingAtEnd),
    costTotal,
    (costTotal * AVERAGE_MONTH_SECONDS) / (m.reportEndSeconds - m.reportStartSeconds),
    ratio(costTotal, answered + contained),
    languageGapIntervals.reduce((s, x) => s + x, 0) * intervalHours,
  ]);
  const staffing = new Float64Array(I * P);
  for (let i = 0; i < I; i++) {
    const length = intervalLengthSeconds(m, i);
    for (let p = 0; p < P; p++) staffing[i * P + p] = t.poolOnlineSeconds[i * P + p] / length;
  }
  return { summary, pools, languages, channels: channelRows, costByType, intervals, coverage, staffing, arrivals: t.arrivals, events: t.events };
}

/** Folds replications (in replication order, for bit-identical results) into a result. */
export class ResultBuilder {
  private readonly summary = new FigureAccumulator(SUMMARY_FIGURES.length);
  private readonly pools: FigureAccumulator;
  private readonly languages: FigureAccumulator;
  private readonly channels: FigureAccumulator;
  private readonly costByType = new FigureAccumulator(STAFFING_TYPES.length);
  private readonly intervals: FigureAccumulator;
  private readonly coverage: FigureAccumulator;
  private readonly staffing: FigureAccumulator;
  private arrivals = 0;
  private events = 0;
  private count = 0;

  constructor(private readonly m: CompiledModel) {
    this.pools = new FigureAccumulator((m.pools.length + m.aiPools.length) * POOL_FIGURES.length);
    this.languages = new FigureAccumulator(m.languages.length * GROUP_FIGURES.length);
    this.channels = new FigureAccumulator(channelsOf(m).length * GROUP_FIGURES.length);
    this.intervals = new FigureAccumulator(m.intervalCount * INTERVAL_FIGURES.length);
    this.coverage = new FigureAccumulator(m.intervalCount * m.queues.length * COVERAGE_FIGURES.length);
    this.staffing = new FigureAccumulator(m.intervalCount * m.pools.length);
  }

  add(f: ReplicationFigures): void {
    this.summary.add(f.summary);
    this.pools.add(f.pools);
    this.languages.add(f.languages);
    this.channels.add(f.channels);
    this.costByType.add(f.costByType);
    this.intervals.add(f.intervals);
    this.coverage.add(f.coverage);
    this.staffing.add(f.staffing);
    this.arrivals += f.arrivals;
    this.events += f.events;
    this.count++;
  }

  result(): ScenarioResult {
    const m = this.m;
    const iso = (seconds: number) => new Date(m.clockZeroMs + seconds * 1000).toISOString();
    const record = <K extends string>(names: readonly K[], acc: FigureAccumulator, offset: number) =>
      Object.fromEntries(names.map((name, i) => [name, bounded(name, acc.estimate(offset + i))])) as Record<K, Estimate>;
    const poolRecord = (index: number, type: string) => {
      const all = record(POOL_FIGURES, this.pools, index * POOL_FIGURES.length);
      const keep = type === 'ai' ? ['handled', 'contained', 'costTotal'] : ['handled', 'occupancy', 'agentsOnPhones', 'costTotal'];
      return { type, ...Object.fromEntries(keep.map((k) => [k, all[k as PoolFigure]])) } as PoolResult;
    };
    return {
      name: m.name,
      currency: m.currency,
      seed: m.seed,
      replications: this.count,
      start: iso(m.reportStartSeconds),
      end: iso(m.reportEndSeconds),
      intervalMinutes: m.intervalSeconds / 60,
      summary: record(SUMMARY_FIGURES, this.summary, 0),
      costByType: record(STAFFING_TYPES, this.costByType, 0),
      pools: Object.fromEntries([
        ...m.pools.map((p, i) => [p.id, poolRecord(i, p.type)]),
        ...m.aiPools.map((p, i) => [p.id, poolRecord(m.pools.length + i, 'ai')]),
      ]),
      languages: Object.fromEntries(
        m.languages.map((l, i) => [l, record(GROUP_FIGURES, this.languages, i * GROUP_FIGURES.length)]),
      ),
      channels: Object.fromEntries(
        channelsOf(m).map((c, i) => [c, record(GROUP_FIGURES, this.channels, i * GROUP_FIGURES.length)]),
      ),
      intervals: Array.from({ length: m.intervalCount }, (_, i) => ({
        start: iso(m.reportStartSeconds + i * m.intervalSeconds),
        ...record(INTERVAL_FIGURES, this.intervals, i * INTERVAL_FIGURES.length),
      })),
      coverage: this.coverageResult(),
      staffing: Object.fromEntries(
        m.pools.map((p, k) => [
          p.id,
          Array.from({ length: m.intervalCount }, (_, i) => this.staffing.estimate(i * m.pools.length + k).mean ?? 0),
        ]),
      ),
      simulated: { arrivals: this.arrivals, events: this.events },
    };
  }

  private coverageResult(): QueueCoverage[] {
    const m = this.m;
    const Q = m.queues.length;
    const CF = COVERAGE_FIGURES.length;
    const required = new Map<string, number>();
    return m.queues.map((queue, q) => {
      const series = (f: number) =>
        Array.from({ length: m.intervalCount }, (_, i) => this.coverage.estimate((i * Q + q) * CF + f).mean);
      const offered = series(0).map((x) => x ?? 0);
      const concurrency = queue.pools.length > 0 ? m.pools[queue.pools[0]].chatConcurrency : 1;
      return {
        language: queue.language,
        channel: queue.channel,
        thresholdSeconds: queue.slThresholdSeconds,
        target: queue.slTarget,
        offered,
        serviceLevel: series(1),
        asaSeconds: series(2),
        abandonRate: series(3),
        agentsOnPhones: series(4).map((x) => x ?? 0),
        requiredAgents: offered.map((o, i) => {
          const ratePerHour = Math.round((o * 3600) / intervalLengthOf(m, i) * 10) / 10;
          const key = `${q}|${ratePerHour}`;
          if (!required.has(key)) required.set(key, agentsRequired(queue, ratePerHour, concurrency));
          return required.get(key)!;
        }),
        gapShare: series(5).map((x) => x ?? 0),
        backlog: series(6).map((x) => x ?? 0),
        answered: series(7).map((x) => x ?? 0),
        abandoned: series(8).map((x) => x ?? 0),
      };
    });
  }
}

const FRACTIONS = new Set(['serviceLevel', 'pWait', 'abandonRate', 'occupancy', 'targetMetShare']);

/** Every figure here is ≥ 0 and rates are ≤ 1: a Student-t interval from few replications can
 * reach past those bounds, and is cut at them. */
function bounded(name: string, e: Estimate): Estimate {
  if (!e.ci95) return e;
  const high = FRACTIONS.has(name) ? Math.min(1, e.ci95[1]) : e.ci95[1];
  return { mean: e.mean, ci95: [Math.max(0, e.ci95[0]), high] };
}

function intervalLengthOf(m: CompiledModel, i: number) {
  return intervalLengthSeconds(m, i);
}

/** The classic WFM "required" line: Erlang A for the queue's target (Erlang C when nobody hangs
 * up), divided by chat concurrency; for email, the workload in agents. */
function agentsRequired(queue: CompiledModel['queues'][number], ratePerHour: number, concurrency: number): number {
  if (ratePerHour <= 0) return 0;
  if (queue.channel === 'email') return Math.ceil((ratePerHour * queue.meanHandleSeconds) / 3600);
  const agents = requiredAgents({
    ratePerHour,
    ahtSeconds: queue.meanHandleSeconds,
    thresholdSeconds: queue.slThresholdSeconds,
    patienceSeconds: Number.isFinite(queue.meanPatienceSeconds) ? queue.meanPatienceSeconds : undefined,
    target: queue.slTarget,
  });
  return Math.ceil(agents / concurrency);
}
