// The figures DESIGN.md defines (per interval, queue, pool, language, channel; costs under each
// pricing model): their layout in one replication's figures (computed from its tallies by
// replication-figures.ts), and the fold of many replications into the plain result object (means
// with 95% confidence intervals). Every service figure belongs to one channel and is measured
// against that channel's own threshold and target.
import { FigureAccumulator, type Estimate } from './confidence';
import { intervalLengthSeconds } from './costs';
import { HourlyCoverage, type HourFigure, type HourlyQueueCoverage } from './gap-hours';
import type { CompiledModel } from '../model/model';
import { expectedOfferedToPeople } from '../model/forecast';
import { agentsOnPhonesRequired, agentsScheduledRequired, requirementInputs } from './required-agents';

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
  'pWait', // voice and chat
  'asaSeconds', // voice and chat
  'journeySeconds',
  'waitP50Seconds',
  'waitP90Seconds',
  'waitP99Seconds',
  'abandonRate', // voice and chat: nobody hangs up on an email
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
 * reported as answeredWithinThresholdShare, and its ASA and abandon rate cover voice and chat only. */
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
  'abandonRate', // voice and chat
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

export function channelsOf(m: CompiledModel): string[] {
  return [...new Set(m.queues.map((q) => q.channel))];
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
  /** The hours × queues' tallies over replications (gap hours; a comparison reads them too). */
  readonly hours: HourlyCoverage;
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

  /** Replications folded so far. */
  get replications(): number {
    return this.count;
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

  result(): ScenarioResult {
    const m = this.m;
    const channels = channelsOf(m);
    const iso = (seconds: number) => new Date(m.clockZeroMs + seconds * 1000).toISOString();
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
      intervals: this.intervalsResult(channels),
      coverage: this.coverageResult(),
      staffing: Object.fromEntries(m.pools.map((p, k) => [p.id, zeroWhereNull(means(this.staffing, m.intervalCount, k, m.pools.length))])),
      occupancy: Object.fromEntries(m.pools.map((p, k) => [p.id, means(this.occupancy, m.intervalCount, k, m.pools.length)])),
      simulated: { arrivals: this.arrivals, events: this.events },
    };
  }

  /** A result per interval: tens of thousands of records for a quarter, built in plain loops. */
  private intervalsResult(channels: string[]): ScenarioResult['intervals'] {
    const m = this.m;
    const IW = INTERVAL_FIGURES.length + channels.length * INTERVAL_CHANNEL_FIGURES.length;
    const rows: ScenarioResult['intervals'] = [];
    for (let i = 0; i < m.intervalCount; i++) {
      const start = new Date(m.clockZeroMs + (m.reportStartSeconds + i * m.intervalSeconds) * 1000).toISOString();
      const row = record(INTERVAL_FIGURES, this.intervals, i * IW, { start }) as ScenarioResult['intervals'][number];
      row.channels = {};
      for (let k = 0; k < channels.length; k++) {
        row.channels[channels[k]] = record(INTERVAL_CHANNEL_FIGURES, this.intervals, i * IW + INTERVAL_FIGURES.length + k * INTERVAL_CHANNEL_FIGURES.length);
      }
      rows.push(row);
    }
    return rows;
  }

  private coverageResult(): QueueCoverage[] {
    const m = this.m;
    const Q = m.queues.length;
    const CF = COVERAGE_FIGURES.length;
    const busy = Float64Array.from({ length: m.pools.length * Q }, (_, k) => this.poolQueueBusy.meanOf(k) ?? 0);
    const hours = this.hours.queues();
    // Required agents follow the forecast, not the simulated offered: the same at any seed and
    // number of replications, and the same demand the planner sizes shifts for.
    const forecast = expectedOfferedToPeople(m);
    return m.queues.map((queue, q) => {
      const series = (f: number) => means(this.coverage, m.intervalCount, q * CF + f, Q * CF);
      const offered = zeroWhereNull(series(0));
      const inputs = requirementInputs(m, q, busy);
      // Rates rounded to 0.1 per hour: Erlang once per distinct rate.
      const rates = Array.from(forecast[q], (o, i) => Math.round(((o * 3600) / intervalLengthSeconds(m, i)) * 10) / 10);
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
        agentsOnPhones: zeroWhereNull(series(4)),
        requiredAgents: required,
        requiredScheduled: required.map((n) => agentsScheduledRequired(n, inputs)),
        backlog: zeroWhereNull(series(5)),
        answered: zeroWhereNull(series(6)),
        abandoned: zeroWhereNull(series(7)),
        hours: hours[q],
      };
    });
  }
}

const FRACTIONS = new Set(['serviceLevel', 'answeredWithinThresholdShare', 'pWait', 'abandonRate', 'occupancy', 'targetMetShare']);

/** Figures `offset`, `offset + 1`, … of `acc` by name (added to `out`). Every figure here is ≥ 0
 * and rates are ≤ 1: a Student-t interval from few replications can reach past those bounds, and
 * is cut at them. */
function record<K extends string>(names: readonly K[], acc: FigureAccumulator, offset: number, out: object = {}): Record<K, Estimate> {
  for (let i = 0; i < names.length; i++) {
    const e = acc.estimate(offset + i); // a fresh object: cut in place
    if (e.ci95) {
      e.ci95[0] = Math.max(0, e.ci95[0]);
      if (FRACTIONS.has(names[i])) e.ci95[1] = Math.min(1, e.ci95[1]);
    }
    (out as Record<K, Estimate>)[names[i]] = e;
  }
  return out as Record<K, Estimate>;
}

/** The means of figures `first`, `first + stride`, … (`count` of them): one per interval. */
function means(acc: FigureAccumulator, count: number, first: number, stride: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < count; i++) out.push(acc.meanOf(first + i * stride));
  return out;
}

function zeroWhereNull(xs: (number | null)[]): number[] {
  for (let i = 0; i < xs.length; i++) xs[i] ??= 0;
  return xs as number[];
}

/** A human pool's paid hours per week over the reported window (every scheduled agent-hour,
 * shrinkage included: it is paid). */
export function paidHoursPerWeek(m: CompiledModel, pool: number): number {
  const paidSeconds = m.pools[pool].roster.paidAgentSeconds.reduce((t, x) => t + x, 0);
  return (paidSeconds / 3600) * (WEEK_SECONDS / (m.reportEndSeconds - m.reportStartSeconds));
}
