// From one replication's tallies to the figures DESIGN.md defines (per interval, queue, pool,
// language, channel; costs under each pricing model), and from many replications to the plain
// result object (means with 95% confidence intervals). Every service figure belongs to one
// channel and is measured against that channel's own threshold and target.
import { FigureAccumulator, type Estimate } from './confidence';
import { intervalLengthSeconds, replicationCosts } from './costs';
import { HourlyCoverage, hourlyTallies, type HourFigure, type HourlyQueueCoverage } from './gap-hours';
import type { CompiledModel } from '../model/model';
import { agentsOnPhonesRequired, agentsScheduledRequired, requirementInputs } from './required-agents';
import { Tallies, waitPercentile, WAIT_BINS } from '../kernel/tallies';

/** Figures of one replication (their mean and CI over replications); hour figures (gaps) are
 * judged on the pooled replications and added by ResultBuilder. */
export const SUMMARY_FIGURES = [
  'contacts', // at the front door, redials and recontacts included
  'customers', // contacts that were not a redial or recontact
  'aiConversations',
  'contained', // gross AI resolutions
  'containedReturned', // AI resolutions that did not hold: the customer came back
  'containedNet',
  'blocked',
  'offered',
  'answered',
  'abandoned',
  'answeredWithinThresholdShare', // all channels, each against its own threshold: not a service level
  'pWait',
  'asaSeconds', // voice and chat
  'journeySeconds',
  'waitP50Seconds',
  'waitP90Seconds',
  'waitP99Seconds',
  'abandonRate',
  'waitingAtEnd',
  'costTotal',
  'costPerMonth', // costTotal scaled to an average month (30.44 days)
  'costPerContact', // ÷ contacts handled (answered + gross AI resolutions)
  'resolvedCustomers', // answered + net AI resolutions
  'costPerResolvedCustomer',
] as const;
export const POOL_FIGURES = ['handled', 'contained', 'occupancy', 'agentsOnPhones', 'costTotal'] as const;
/** Per language, channel and language × channel. `serviceLevel` is the channel's own service
 * level in channel and language × channel rows; a language row mixes channels, so there it is
 * reported as answeredWithinThresholdShare, and its ASA covers voice and chat only. */
export const GROUP_FIGURES = [
  'contacts',
  'contained',
  'containedReturned',
  'containedNet',
  'blocked',
  'offered',
  'answered',
  'abandoned',
  'serviceLevel',
  'asaSeconds',
  'abandonRate',
  'costTotal',
  'costPerContact',
  'resolvedCustomers',
  'costPerResolvedCustomer',
] as const;
export const STAFFING_TYPES = ['in-house', 'outsourced', 'ai'] as const;
export const INTERVAL_FIGURES = [
  'offered',
  'answered',
  'abandoned',
  'contained',
  'answeredWithinThresholdShare',
  'asaSeconds', // voice and chat
  'abandonRate',
  'occupancy',
  'costTotal',
] as const;
/** Per interval and channel. */
export const INTERVAL_CHANNEL_FIGURES = ['offered', 'answered', 'serviceLevel', 'asaSeconds', 'abandonRate'] as const;
/** Per interval × queue, means only (no interval): the coverage heatmap's cells. */
export const COVERAGE_FIGURES = ['offered', 'serviceLevel', 'asaSeconds', 'abandonRate', 'agentsOnPhones', 'backlog', 'answered', 'abandoned'] as const;

export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];
export type PoolFigure = (typeof POOL_FIGURES)[number];
export type GroupFigure = (typeof GROUP_FIGURES)[number];
export type IntervalFigure = (typeof INTERVAL_FIGURES)[number];
export type IntervalChannelFigure = (typeof INTERVAL_CHANNEL_FIGURES)[number];
export type { HourFigure } from './gap-hours';

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
  /** Agents on the phones the target needs (Erlang A; Erlang C without patience; workload for
   * email), with the handle time the queue's contacts actually get. */
  requiredAgents: number[];
  /** The same, scheduled: ÷ ((1 − shrinkage)(1 − absence)) of the serving pools. */
  requiredScheduled: number[];
  backlog: number[];
  /** Hour by hour of the horizon: the gap flags every gap figure adds up from. */
  hours: HourlyQueueCoverage;
}

export interface PoolResult {
  type: string;
  /** Human pools: contacts answered; AI pools: conversations. */
  handled: Estimate;
  costTotal: Estimate;
  /** Human pools. */
  occupancy?: Estimate;
  agentsOnPhones?: Estimate;
  /** Human pools: paid (scheduled) hours per week of the reported window, and those in FTEs
   * (÷ the scenario's hoursPerFte). Set by the roster, the same in every replication. */
  paidHoursPerWeek?: number;
  ftes?: number;
  /** AI pools. */
  contained?: Estimate;
}

export type GroupResult = Record<Exclude<GroupFigure, 'serviceLevel'> | HourFigure, Estimate>;
export type ChannelResult = GroupResult & { serviceLevel: Estimate };
export type LanguageResult = GroupResult & { answeredWithinThresholdShare: Estimate };

export interface ScenarioResult {
  name: string;
  currency: string;
  seed: number;
  replications: number;
  /** Reported window, ISO date-times (UTC). */
  start: string;
  end: string;
  intervalMinutes: number;
  /** Each channel's service-level threshold and target. */
  channelTargets: Record<string, { thresholdSeconds: number; target: number }>;
  summary: Record<SummaryFigure | HourFigure, Estimate>;
  costByType: Record<(typeof STAFFING_TYPES)[number], Estimate>;
  pools: Record<string, PoolResult>;
  languages: Record<string, LanguageResult>;
  channels: Record<string, ChannelResult>;
  /** Per language × channel, keyed "<language>/<channel>". */
  queues: Record<string, ChannelResult>;
  intervals: Array<{ start: string; channels: Record<string, Record<IntervalChannelFigure, Estimate>> } & Record<IntervalFigure, Estimate>>;
  coverage: QueueCoverage[];
  /** Per human pool, agents on the phones in each interval (mean over replications). */
  staffing: Record<string, number[]>;
  /** Per human pool, its occupancy in each interval (busy ÷ on the phones, mean over the
   * replications with someone on the phones; null when nobody was): where burnout peaks show. */
  occupancy: Record<string, (number | null)[]>;
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
  queues: Float64Array; // queue × GROUP_FIGURES
  costByType: Float64Array;
  intervals: Float64Array; // interval × (INTERVAL_FIGURES, then channel × INTERVAL_CHANNEL_FIGURES)
  coverage: Float64Array; // (interval × queue) × COVERAGE_FIGURES
  staffing: Float64Array; // interval × human pool: agents on the phones
  occupancy: Float64Array; // interval × human pool: busy ÷ on the phones (NaN: nobody on)
  hours: Float64Array; // hour × queue × (offered, within threshold, agent-seconds with the skill)
  poolQueueBusy: Float64Array; // human pool × queue: busy agent-seconds
  arrivals: number;
  events: number;
}

/** An average month (30.44 days): what costPerMonth, monthly minimums and plans scale to. */
export const AVERAGE_MONTH_SECONDS = (365.25 / 12) * 86400;
const WEEK_SECONDS = 7 * 86400;
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

export function channelsOf(m: CompiledModel): string[] {
  return [...new Set(m.queues.map((q) => q.channel))];
}

export function replicationFigures(m: CompiledModel, t: Tallies): ReplicationFigures {
  const Q = t.queueCount;
  const P = t.poolCount;
  const A = m.aiPools.length;
  const I = m.intervalCount;
  const channels = channelsOf(m);
  const C = channels.length;
  const queueLanguage = m.queues.map((q) => m.languages.indexOf(q.language));
  const queueChannel = m.queues.map((q) => channels.indexOf(q.channel));
  const { poolCost, aiCost, queueCost, intervalCost } = replicationCosts(m, t);

  // Coverage per interval × queue, and per-interval rows with a block per channel.
  const CF = COVERAGE_FIGURES.length;
  const coverage = new Float64Array(I * Q * CF);
  const IF = INTERVAL_FIGURES.length;
  const ICF = INTERVAL_CHANNEL_FIGURES.length;
  const rowWidth = IF + C * ICF;
  const intervals = new Float64Array(I * rowWidth);
  const byChannel = new Float64Array(C * 5); // offered, answered, within, waits, abandoned
  for (let i = 0; i < I; i++) {
    const length = intervalLengthSeconds(m, i);
    byChannel.fill(0);
    let o = 0, a = 0, ab = 0, w = 0, ws = 0, aRealtime = 0, ct = 0;
    for (let q = 0; q < Q; q++) {
      const cell = i * Q + q;
      const queue = m.queues[q];
      let online = 0;
      for (const p of queue.pools) online += t.poolOnlineSeconds[i * P + p];
      const offered = t.offered[cell];
      // Written in place: one interval × queue cell per row, for every replication.
      const at = cell * CF;
      coverage[at] = offered;
      coverage[at + 1] = ratio(t.answeredWithinThreshold[cell], offered);
      coverage[at + 2] = ratio(t.waitSecondsAnswered[cell], t.answered[cell]);
      coverage[at + 3] = ratio(t.abandoned[cell], offered);
      coverage[at + 4] = online / length;
      coverage[at + 5] = t.backlog[cell];
      coverage[at + 6] = t.answered[cell];
      coverage[at + 7] = t.abandoned[cell];
      const c = queueChannel[q] * 5;
      byChannel[c] += offered;
      byChannel[c + 1] += t.answered[cell];
      byChannel[c + 2] += t.answeredWithinThreshold[cell];
      byChannel[c + 3] += t.waitSecondsAnswered[cell];
      byChannel[c + 4] += t.abandoned[cell];
      o += offered;
      a += t.answered[cell];
      ab += t.abandoned[cell];
      w += t.answeredWithinThreshold[cell];
      if (queue.channel !== 'email') {
        ws += t.waitSecondsAnswered[cell];
        aRealtime += t.answered[cell];
      }
      ct += t.contained[cell];
    }
    let busy = 0, online = 0;
    for (let p = 0; p < P; p++) {
      busy += t.poolBusySeconds[i * P + p];
      online += t.poolOnlineSeconds[i * P + p];
    }
    // Written element by element: an array literal per row was most of a short replication's garbage.
    const row = i * rowWidth;
    intervals[row] = o;
    intervals[row + 1] = a;
    intervals[row + 2] = ab;
    intervals[row + 3] = ct;
    intervals[row + 4] = ratio(w, o);
    intervals[row + 5] = ratio(ws, aRealtime);
    intervals[row + 6] = ratio(ab, o);
    intervals[row + 7] = ratio(busy, online);
    intervals[row + 8] = intervalCost[i];
    for (let c = 0; c < C; c++) {
      const from = c * 5;
      const co = byChannel[from];
      const ca = byChannel[from + 1];
      const at = row + IF + c * ICF;
      intervals[at] = co;
      intervals[at + 1] = ca;
      intervals[at + 2] = ratio(byChannel[from + 2], co);
      intervals[at + 3] = ratio(byChannel[from + 3], ca);
      intervals[at + 4] = ratio(byChannel[from + 4], co);
    }
  }

  // Languages, channels and language × channel.
  const GF = GROUP_FIGURES.length;
  const group = (count: number, member: number[], liveWaitsOnly: boolean) => {
    const out = new Float64Array(count * GF);
    for (let g = 0; g < count; g++) {
      let contacts = 0, contained = 0, returned = 0, blocked = 0, offered = 0, answered = 0, abandoned = 0;
      let within = 0, waits = 0, waited = 0, cost = 0;
      for (let q = 0; q < Q; q++) {
        if (member[q] !== g) continue;
        cost += queueCost[q];
        const live = !liveWaitsOnly || m.queues[q].channel !== 'email';
        for (let i = 0; i < I; i++) {
          const cell = i * Q + q;
          contacts += t.contacts[cell];
          contained += t.contained[cell];
          returned += t.containedReturned[cell];
          blocked += t.blocked[cell];
          offered += t.offered[cell];
          answered += t.answered[cell];
          abandoned += t.abandoned[cell];
          within += t.answeredWithinThreshold[cell];
          if (live) {
            waits += t.waitSecondsAnswered[cell];
            waited += t.answered[cell];
          }
        }
      }
      const resolved = answered + contained - returned;
      out.set(
        [
          contacts,
          contained,
          returned,
          contained - returned,
          blocked,
          offered,
          answered,
          abandoned,
          ratio(within, offered),
          ratio(waits, waited),
          ratio(abandoned, offered),
          cost,
          ratio(cost, answered + contained),
          resolved,
          ratio(cost, resolved),
        ],
        g * GF,
      );
    }
    return out;
  };
  const languages = group(m.languages.length, queueLanguage, true);
  const channelRows = group(C, queueChannel, false);
  const queueRows = group(Q, m.queues.map((_, q) => q), false);

  // Pools: human pools, then AI pools.
  const PF = POOL_FIGURES.length;
  const pools = new Float64Array((P + A) * PF).fill(NaN);
  const costByType = new Float64Array(STAFFING_TYPES.length);
  const reportedSeconds = m.reportEndSeconds - m.reportStartSeconds;
  for (let p = 0; p < P; p++) {
    let handled = 0, busy = 0, online = 0;
    for (let i = 0; i < I; i++) {
      handled += t.poolHandled[i * P + p];
      busy += t.poolBusySeconds[i * P + p];
      online += t.poolOnlineSeconds[i * P + p];
    }
    const cost = poolCost[p].reduce((s, x) => s + x, 0);
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

  // Summary. Waits are summarised over the real-time channels: an email's wait of hours says
  // nothing about a caller's (channels.email reports it).
  const sum = (a: Float64Array) => {
    let total = 0;
    for (let i = 0; i < a.length; i++) total += a[i];
    return total;
  };
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
  const returned = sum(t.containedReturned);
  const costTotal = sum(costByType);
  const resolved = answered + contained - returned;
  const summary = Float64Array.from([
    contacts,
    contacts - sum(t.repeats),
    sum(t.aiConversations),
    contained,
    returned,
    contained - returned,
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
    (costTotal * AVERAGE_MONTH_SECONDS) / reportedSeconds,
    ratio(costTotal, answered + contained),
    resolved,
    ratio(costTotal, resolved),
  ]);
  const staffing = new Float64Array(I * P);
  const occupancy = new Float64Array(I * P);
  for (let i = 0; i < I; i++) {
    const length = intervalLengthSeconds(m, i);
    for (let p = 0; p < P; p++) {
      staffing[i * P + p] = t.poolOnlineSeconds[i * P + p] / length;
      occupancy[i * P + p] = ratio(t.poolBusySeconds[i * P + p], t.poolOnlineSeconds[i * P + p]);
    }
  }
  return {
    summary,
    pools,
    languages,
    channels: channelRows,
    queues: queueRows,
    costByType,
    intervals,
    coverage,
    staffing,
    occupancy,
    hours: hourlyTallies(m, t),
    poolQueueBusy: Float64Array.from(t.poolQueueBusySeconds),
    arrivals: t.arrivals,
    events: t.events,
  };
}

/** Folds replications (in replication order, for bit-identical results) into a result. */
export class ResultBuilder {
  private readonly summary = new FigureAccumulator(SUMMARY_FIGURES.length);
  private readonly pools: FigureAccumulator;
  private readonly languages: FigureAccumulator;
  private readonly channels: FigureAccumulator;
  private readonly queues: FigureAccumulator;
  private readonly costByType = new FigureAccumulator(STAFFING_TYPES.length);
  private readonly intervals: FigureAccumulator;
  private readonly coverage: FigureAccumulator;
  private readonly staffing: FigureAccumulator;
  private readonly occupancy: FigureAccumulator;
  private readonly poolQueueBusy: FigureAccumulator;
  private readonly hours: HourlyCoverage;
  private arrivals = 0;
  private events = 0;
  private count = 0;

  constructor(private readonly m: CompiledModel) {
    const channels = channelsOf(m).length;
    this.pools = new FigureAccumulator((m.pools.length + m.aiPools.length) * POOL_FIGURES.length);
    this.languages = new FigureAccumulator(m.languages.length * GROUP_FIGURES.length);
    this.channels = new FigureAccumulator(channels * GROUP_FIGURES.length);
    this.queues = new FigureAccumulator(m.queues.length * GROUP_FIGURES.length);
    this.intervals = new FigureAccumulator(m.intervalCount * (INTERVAL_FIGURES.length + channels * INTERVAL_CHANNEL_FIGURES.length));
    this.coverage = new FigureAccumulator(m.intervalCount * m.queues.length * COVERAGE_FIGURES.length);
    this.staffing = new FigureAccumulator(m.intervalCount * m.pools.length);
    this.occupancy = new FigureAccumulator(m.intervalCount * m.pools.length);
    this.poolQueueBusy = new FigureAccumulator(m.pools.length * m.queues.length);
    this.hours = new HourlyCoverage(m);
  }

  add(f: ReplicationFigures): void {
    this.summary.add(f.summary);
    this.pools.add(f.pools);
    this.languages.add(f.languages);
    this.channels.add(f.channels);
    this.queues.add(f.queues);
    this.costByType.add(f.costByType);
    this.intervals.add(f.intervals);
    this.coverage.add(f.coverage);
    this.staffing.add(f.staffing);
    this.occupancy.add(f.occupancy);
    this.poolQueueBusy.add(f.poolQueueBusy);
    this.hours.add(f.hours);
    this.arrivals += f.arrivals;
    this.events += f.events;
    this.count++;
  }

  /** The hour figures (gaps) over the given queues, or all. */
  hourFigures(queues?: number[]): Record<HourFigure, Estimate> {
    return this.hours.figures(queues);
  }

  result(): ScenarioResult {
    const m = this.m;
    const channels = channelsOf(m);
    const iso = (seconds: number) => new Date(m.clockZeroMs + seconds * 1000).toISOString();
    const record = <K extends string>(names: readonly K[], acc: FigureAccumulator, offset: number) =>
      Object.fromEntries(names.map((name, i) => [name, bounded(name, acc.estimate(offset + i))])) as Record<K, Estimate>;
    const poolRecord = (index: number, type: string) => {
      const all = record(POOL_FIGURES, this.pools, index * POOL_FIGURES.length);
      const keep = type === 'ai' ? ['handled', 'contained', 'costTotal'] : ['handled', 'occupancy', 'agentsOnPhones', 'costTotal'];
      const result = { type, ...Object.fromEntries(keep.map((k) => [k, all[k as PoolFigure]])) } as PoolResult;
      if (type !== 'ai') {
        result.paidHoursPerWeek = paidHoursPerWeek(m, index);
        result.ftes = result.paidHoursPerWeek / m.hoursPerFte;
      }
      return result;
    };
    const queuesWhere = (keep: (q: CompiledModel['queues'][number]) => boolean) =>
      m.queues.flatMap((q, i) => (keep(q) ? [i] : []));
    const groupRecord = (acc: FigureAccumulator, index: number, queues: number[]) => ({
      ...record(GROUP_FIGURES, acc, index * GROUP_FIGURES.length),
      ...this.hours.figures(queues),
    });
    const IW = INTERVAL_FIGURES.length + channels.length * INTERVAL_CHANNEL_FIGURES.length;
    return {
      name: m.name,
      currency: m.currency,
      seed: m.seed,
      replications: this.count,
      start: iso(m.reportStartSeconds),
      end: iso(m.reportEndSeconds),
      intervalMinutes: m.intervalSeconds / 60,
      channelTargets: Object.fromEntries(
        channels.map((c) => {
          const q = m.queues.find((x) => x.channel === c)!;
          return [c, { thresholdSeconds: q.slThresholdSeconds, target: q.slTarget }];
        }),
      ),
      summary: { ...record(SUMMARY_FIGURES, this.summary, 0), ...this.hours.figures() },
      costByType: record(STAFFING_TYPES, this.costByType, 0),
      pools: Object.fromEntries([
        ...m.pools.map((p, i) => [p.id, poolRecord(i, p.type)]),
        ...m.aiPools.map((p, i) => [p.id, poolRecord(m.pools.length + i, 'ai')]),
      ]),
      languages: Object.fromEntries(
        m.languages.map((l, i) => {
          const { serviceLevel, ...rest } = groupRecord(this.languages, i, queuesWhere((q) => q.language === l));
          return [l, { ...rest, answeredWithinThresholdShare: serviceLevel }];
        }),
      ),
      channels: Object.fromEntries(channels.map((c, i) => [c, groupRecord(this.channels, i, queuesWhere((q) => q.channel === c))])),
      queues: Object.fromEntries(m.queues.map((q, i) => [`${q.language}/${q.channel}`, groupRecord(this.queues, i, [i])])),
      intervals: Array.from({ length: m.intervalCount }, (_, i) => ({
        start: iso(m.reportStartSeconds + i * m.intervalSeconds),
        ...record(INTERVAL_FIGURES, this.intervals, i * IW),
        channels: Object.fromEntries(
          channels.map((c, k) => [c, record(INTERVAL_CHANNEL_FIGURES, this.intervals, i * IW + INTERVAL_FIGURES.length + k * INTERVAL_CHANNEL_FIGURES.length)]),
        ),
      })),
      coverage: this.coverageResult(),
      staffing: Object.fromEntries(
        m.pools.map((p, k) => [
          p.id,
          Array.from({ length: m.intervalCount }, (_, i) => this.staffing.estimate(i * m.pools.length + k).mean ?? 0),
        ]),
      ),
      occupancy: Object.fromEntries(
        m.pools.map((p, k) => [p.id, Array.from({ length: m.intervalCount }, (_, i) => this.occupancy.estimate(i * m.pools.length + k).mean)]),
      ),
      simulated: { arrivals: this.arrivals, events: this.events },
    };
  }

  private coverageResult(): QueueCoverage[] {
    const m = this.m;
    const Q = m.queues.length;
    const CF = COVERAGE_FIGURES.length;
    const busy = Float64Array.from({ length: m.pools.length * Q }, (_, k) => this.poolQueueBusy.estimate(k).mean ?? 0);
    const hours = this.hours.queues();
    return m.queues.map((queue, q) => {
      const series = (f: number) =>
        Array.from({ length: m.intervalCount }, (_, i) => this.coverage.estimate((i * Q + q) * CF + f).mean);
      const offered = series(0).map((x) => x ?? 0);
      const inputs = requirementInputs(m, q, busy);
      // Rates rounded to 0.1 per hour: Erlang once per distinct rate, and no requirement flicker
      // from the last digits of a mean.
      const rates = offered.map((o, i) => Math.round(((o * 3600) / intervalLengthSeconds(m, i)) * 10) / 10);
      const byRate = agentsOnPhonesRequired(m, q, inputs, rates);
      const required = rates.map((rate) => byRate.get(rate)!);
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
        requiredAgents: required,
        requiredScheduled: required.map((n) => agentsScheduledRequired(n, inputs)),
        backlog: series(5).map((x) => x ?? 0),
        answered: series(6).map((x) => x ?? 0),
        abandoned: series(7).map((x) => x ?? 0),
        hours: hours[q],
      };
    });
  }
}

const FRACTIONS = new Set(['serviceLevel', 'answeredWithinThresholdShare', 'pWait', 'abandonRate', 'occupancy', 'targetMetShare']);

/** Every figure here is ≥ 0 and rates are ≤ 1: a Student-t interval from few replications can
 * reach past those bounds, and is cut at them. */
function bounded(name: string, e: Estimate): Estimate {
  if (!e.ci95) return e;
  const high = FRACTIONS.has(name) ? Math.min(1, e.ci95[1]) : e.ci95[1];
  return { mean: e.mean, ci95: [Math.max(0, e.ci95[0]), high] };
}

/** A human pool's paid hours per week over the reported window (every scheduled agent-hour,
 * shrinkage included: it is paid). */
export function paidHoursPerWeek(m: CompiledModel, pool: number): number {
  const paidSeconds = m.pools[pool].roster.paidAgentSeconds.reduce((t, x) => t + x, 0);
  return (paidSeconds / 3600) * (WEEK_SECONDS / (m.reportEndSeconds - m.reportStartSeconds));
}
