// Compiles a validated scenario into the engine's model: local-time demand curves become
// piecewise-constant UTC rate segments, languages × channels become queues, rosters become
// shift instances on the simulation clock, pools get the queues they serve. Everything the hot
// loop needs is a number or a typed array here.
import { compileDistribution, scaled, type Sampler } from './distributions';
import { resolvePattern } from '../scenario/patterns';
import type { CompiledRoster } from './availability';
import { compileRoster, expandShift, minimumAgents, type CostPremiums } from './roster';
import { CHANNELS, type Channel } from '../scenario/channels';
import { horizonLength } from '../scenario/horizon';
import type { AiPool, DemandStream, HumanPool, Scenario } from '../scenario/scenario';
import { offsetTimeline } from './timezones';

const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;
/** After the horizon the simulation runs on (arrivals uncounted) until every reported contact is
 * answered or has abandoned, at most this long (longer when an email target needs it); contacts
 * still waiting then are reported as such. */
export const DRAIN_LIMIT_SECONDS = 24 * 3600;
/** Defaults where `channels.<c>.serviceLevel` is not given (DESIGN: voice 20 s, chat 60 s,
 * email 24 h); voice's is the scenario's top-level `serviceLevel` (itself 80 % in 20 s by default). */
const CHAT_SERVICE_LEVEL = { seconds: 60, target: 0.8 };
const EMAIL_SERVICE_LEVEL = { seconds: 24 * 3600, target: 0.9 };

export const ROUTING_RULES = ['priority', 'longest-idle', 'random'] as const;
export type RoutingRule = (typeof ROUTING_RULES)[number];

export interface CompiledQueue {
  language: string;
  channel: Channel;
  slThresholdSeconds: number;
  slTarget: number;
  /** A free agent serves lower numbers first. */
  priority: number;
  maxWaiting: number;
  /** Human pools that serve this queue, in priority (scenario) order. */
  pools: Int32Array;
  /** Distinct positive acceptAfterSeconds of those pools: when a waiting contact becomes
   * eligible for an overflow pool. */
  overflowDelaysSeconds: Float64Array;
  /** The AI pool at the front door of this queue, or -1. */
  aiPool: number;
  /** Volume-weighted means over the queue's streams, for Erlang "required agents". */
  meanHandleSeconds: number;
  meanPatienceSeconds: number;
}

export interface CompiledStream {
  id: string;
  /** The scenario's demand stream this comes from (machine customers are a stream of their own). */
  demandId: string;
  queue: number;
  /** Arrival rate ratePerSecond[i] × the day's volume factor holds from segmentStartSeconds[i]
   * (simulation clock); segmentDay[i] indexes the daily factors. */
  segmentStartSeconds: Float64Array;
  ratePerSecond: Float64Array;
  segmentDay: Int32Array;
  dayCount: number;
  meanRatePerSecond: number;
  dailyVolumeCv: number;
  dailyVolume: Sampler;
  handle: Sampler;
  patience: Sampler;
  redialShare: number;
  redialDelay: Sampler;
}

export interface PoolCost {
  perHour: number;
  perProductiveHour: number;
  perContact: number;
  perHandledMinute: number;
  monthlyMinimum: number;
  copilotPerAgentHour: number;
  serviceLevelClause?: { target: number; penalty: number; bonusAbove?: number; bonus: number };
}

export interface CompiledPool {
  id: string;
  type: 'in-house' | 'outsourced';
  languages: string[];
  acceptAfterSeconds: number;
  /** Queues this pool may serve, by channel priority; queuePriority[i] is queues[i]'s. */
  queues: Int32Array;
  queuePriority: Int32Array;
  chatConcurrency: number;
  /** Multiplier on a contact's handle time, per queue (pool speed, copilot, second language). */
  handleFactorByQueue: Float64Array;
  roster: CompiledRoster;
  shrinkage: number;
  absenceRate: number;
  cost: PoolCost;
}

export interface CompiledAiPool {
  id: string;
  containmentByQueue: Float64Array;
  handle: Sampler;
  maxConcurrent: number;
  /** Handle-time factor of a contact handed to a person (context passed on × harder cases). */
  escalatedHandleTimeFactor: number;
  recontactShare: number;
  recontactDelay: Sampler;
  outageStartSeconds: Float64Array;
  outageEndSeconds: Float64Array;
  costPerConversation: number;
  costPerResolution: number;
  /** False when the vendor does not bill resolutions that did not hold. */
  billReturnedResolutions: boolean;
}

export interface CompiledModel {
  name: string;
  currency: string;
  seed: number;
  replications: number;
  routing: number; // index into ROUTING_RULES
  /** Occupancy cap for required agents, as WFM calculators offer; undefined: none. */
  maxOccupancy?: number;
  /** Paid hours a week that make one FTE. */
  hoursPerFte: number;
  /** Epoch milliseconds of the simulation clock's zero: the horizon start minus the warm-up. */
  clockZeroMs: number;
  /** Reported window [reportStartSeconds, reportEndSeconds) on the simulation clock. */
  reportStartSeconds: number;
  reportEndSeconds: number;
  /** Hard end of the simulation, after the drain. */
  stopSeconds: number;
  intervalSeconds: number;
  intervalCount: number;
  languages: string[];
  queues: CompiledQueue[];
  streams: CompiledStream[];
  pools: CompiledPool[];
  aiPools: CompiledAiPool[];
  /** Things the analyst probably did not mean, such as a language nobody speaks. */
  warnings: string[];
}

export interface CompileOptions {
  seed?: number;
  replications?: number;
}

export function compileScenario(s: Scenario, options: CompileOptions = {}): CompiledModel {
  const warmupSeconds = s.horizon.warmupHours * 3600;
  const horizonSeconds = horizonLength(s);
  const intervalSeconds = s.intervalMinutes * 60;
  const clockZeroMs = Date.parse(s.horizon.start) - warmupSeconds * 1000;

  const channel = channelSettings(s);
  const usedChannels = new Set(s.demand.map((d) => d.channel));
  const longestThreshold = Math.max(...[...usedChannels].map((ch) => channel[ch].slThresholdSeconds));
  const stopSeconds = warmupSeconds + horizonSeconds + Math.max(DRAIN_LIMIT_SECONDS, 2 * longestThreshold);
  const window = {
    clockZeroMs,
    reportStartSeconds: warmupSeconds,
    reportEndSeconds: warmupSeconds + horizonSeconds,
    intervalSeconds,
    intervalCount: Math.ceil(horizonSeconds / intervalSeconds),
    stopSeconds,
  };

  const queueKeys: string[] = [];
  for (const d of s.demand) if (!queueKeys.includes(`${d.language}/${d.channel}`)) queueKeys.push(`${d.language}/${d.channel}`);
  const queueParts = queueKeys.map((key) => key.split('/') as [string, Channel]);
  const queueOf = (d: DemandStream) => queueKeys.indexOf(`${d.language}/${d.channel}`);

  const streams = s.demand.flatMap((d) => compileStreams(d, queueOf(d), clockZeroMs, stopSeconds));

  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  const ais = s.staffing.filter((p): p is AiPool => p.type === 'ai');
  const pools = humans.map((p) => compilePool(p, queueParts, channel, window));
  const aiPools = ais.map((p) => compileAiPool(p, queueParts, clockZeroMs));

  const queues: CompiledQueue[] = queueParts.map(([language, ch], q) => {
    const servingPools = pools.flatMap((p, i) => (p.queues.includes(q) ? [i] : []));
    const delays = new Set(servingPools.map((i) => pools[i].acceptAfterSeconds).filter((d) => d > 0));
    return {
      language,
      channel: ch,
      ...channel[ch],
      pools: Int32Array.from(servingPools),
      overflowDelaysSeconds: Float64Array.from([...delays].sort((a, b) => a - b)),
      aiPool: ais.findIndex((p) => p.skills.includes(language) && p.channels.includes(ch)),
      ...queueMeans(streams.filter((st) => st.queue === q)),
    };
  });

  const warnings = compileWarnings(s, queues, aiPools);

  return {
    name: s.name,
    currency: s.currency,
    seed: options.seed ?? s.seed,
    replications: options.replications ?? s.replications,
    routing: ROUTING_RULES.indexOf(s.routing),
    maxOccupancy: s.maxOccupancy,
    hoursPerFte: s.hoursPerFte,
    ...window,
    languages: [...new Set(queueParts.map(([language]) => language))],
    queues,
    streams,
    pools,
    aiPools,
    warnings,
  };
}

/** Each channel's routing priority, service-level threshold and target, and queue limit. */
function channelSettings(s: Scenario): Record<Channel, ChannelSettings> {
  return Object.fromEntries(
    CHANNELS.map((ch, i) => {
      const settings = s.channels[ch] ?? {};
      const sl = settings.serviceLevel;
      const fallback = ch === 'email' ? EMAIL_SERVICE_LEVEL : ch === 'chat' ? CHAT_SERVICE_LEVEL : s.serviceLevel;
      return [
        ch,
        {
          priority: settings.priority ?? i + 1,
          slThresholdSeconds: sl ? (sl.seconds ?? sl.hours! * 3600) : fallback.seconds,
          slTarget: sl ? sl.target : fallback.target,
          maxWaiting: settings.maxWaiting ?? Infinity,
        },
      ];
    }),
  ) as Record<Channel, ChannelSettings>;
}

type ChannelSettings = { priority: number; slThresholdSeconds: number; slTarget: number; maxWaiting: number };

/** What a run should say before it starts: queues nobody serves, open head counts simulated at
 * their minimum, skills no demand asks for (a language spelled differently serves nobody). */
function compileWarnings(s: Scenario, queues: CompiledQueue[], aiPools: CompiledAiPool[]): string[] {
  const warnings = queues.flatMap((q, qi) =>
    q.pools.length === 0 && (q.aiPool < 0 || aiPools[q.aiPool].containmentByQueue[qi] < 1)
      ? [`no staffing pool serves ${q.language}/${q.channel}: ${q.channel === 'email' ? 'those emails are never answered' : 'those contacts wait until they give up'}`]
      : [],
  );
  const open = s.staffing.filter((p): p is HumanPool => p.type !== 'ai').filter((p) => p.shifts?.some((sh) => typeof sh.agents !== 'number')).map((p) => p.id);
  if (open.length > 0) {
    warnings.push(`staffing ${open.join(', ')}: shifts with open head counts are simulated at their minimum; followsun plan decides them`);
  }
  const demanded = new Set(queues.map((q) => q.language));
  for (const p of s.staffing) {
    const languages = [...p.skills, ...(p.type === 'ai' ? [] : (p.secondarySkills?.languages ?? []))];
    const unused = languages.filter((l) => !demanded.has(l));
    if (unused.length > 0) {
      warnings.push(`staffing pool ${p.id}: no demand in ${unused.join(', ')} (languages with demand: ${[...demanded].join(', ')})`);
    }
  }
  return warnings;
}

/** A demand stream, split into its human and machine customers when it has machine customers. */
function compileStreams(d: DemandStream, queue: number, clockZeroMs: number, stopSeconds: number): CompiledStream[] {
  const handle = compileDistribution(d.handleTime);
  // Email is deferred work: nobody hangs up on an email.
  const patience = compileDistribution(d.channel === 'email' ? undefined : d.patience);
  const common = {
    demandId: d.id,
    queue,
    dailyVolumeCv: d.dailyVolumeCv,
    dailyVolume: compileDistribution(d.dailyVolumeCv > 0 ? { dist: 'gamma', mean: 1, cv: d.dailyVolumeCv } : undefined),
    redialShare: d.redial?.share ?? 0,
    redialDelay: compileDistribution(d.redial?.delay),
  };
  const mc = d.machineCustomers;
  const people = {
    id: d.id,
    ...common,
    ...rateSegments(d, mc ? 1 - mc.share : 1, clockZeroMs, stopSeconds),
    handle,
    patience,
  };
  if (!mc || mc.share === 0) return [people];
  const machines = {
    id: `${d.id}/machine`,
    ...common,
    ...rateSegments(d, mc.share * (1 + mc.volumeUplift), clockZeroMs, stopSeconds),
    handle: scaled(handle, mc.handleTimeFactor),
    patience: d.channel === 'email' ? patience : mc.patience ? compileDistribution(mc.patience) : patience,
  };
  return [people, machines];
}

function queueMeans(streams: CompiledStream[]) {
  const total = streams.reduce((sum, st) => sum + st.meanRatePerSecond, 0);
  const mean = (f: (st: CompiledStream) => number) =>
    total > 0 ? streams.reduce((sum, st) => sum + (f(st) * st.meanRatePerSecond) / total, 0) : f(streams[0]);
  return { meanHandleSeconds: mean((st) => st.handle.meanSeconds), meanPatienceSeconds: mean((st) => st.patience.meanSeconds) };
}

function meanRatePerSecond(d: DemandStream): number {
  const v = d.volume;
  if (v.perHour !== undefined) return v.perHour / 3600;
  if (v.perDay !== undefined) return v.perDay / 86400;
  return v.perWeek! / (7 * 86400);
}

/** The stream's arrival rate as segments on the simulation clock, laid out quarter-hour by
 * quarter-hour in the customers' local time: on the autumn night the repeated hour gets
 * arrivals twice, on the spring night the skipped hour gets none. Segments are split per local
 * day when daily volumes vary at random. */
function rateSegments(d: DemandStream, share: number, clockZeroMs: number, stopSeconds: number) {
  const meanRate = meanRatePerSecond(d) * share;
  const perDay = d.dailyVolumeCv > 0;
  if (d.pattern === 'flat' && !perDay && d.specialDays.length === 0) {
    return {
      segmentStartSeconds: Float64Array.of(0),
      ratePerSecond: Float64Array.of(meanRate),
      segmentDay: Int32Array.of(0),
      dayCount: 1,
      meanRatePerSecond: meanRate,
    };
  }
  const { quarterHourly, weekday } = resolvePattern(d.pattern);
  const meanWeight = (weekday.reduce((a, w) => a + w, 0) * quarterHourly.reduce((a, w) => a + w, 0)) / (7 * 96);
  const special = new Map(d.specialDays.map((sd) => [Math.floor(Date.parse(`${sd.date}T00:00:00Z`) / DAY_MS), sd.factor]));
  const endMs = clockZeroMs + stopSeconds * 1000;
  const timeline = offsetTimeline(d.timezone, clockZeroMs, endMs);
  const starts: number[] = [];
  const rates: number[] = [];
  const days: number[] = [];
  let firstDay: number | undefined;
  let k = 0;
  for (let t = clockZeroMs; t < endMs; ) {
    const offsetMs = timeline.offsetMinutes[k] * 60_000;
    const nextChangeMs = timeline.changeAtMs[k + 1] ?? Infinity;
    const localMs = t + offsetMs;
    const day = Math.floor(localMs / DAY_MS);
    firstDay ??= day;
    const quarter = Math.floor((localMs - day * DAY_MS) / QUARTER_MS);
    const mondayFirst = (day + 3) % 7; // 1970-01-01 was a Thursday
    const weight = weekday[mondayFirst] * quarterHourly[quarter] * (special.get(day) ?? 1);
    const rate = meanWeight > 0 ? (meanRate * weight) / meanWeight : 0;
    const dayIndex = perDay ? day - firstDay : 0;
    if (rates.length === 0 || rates[rates.length - 1] !== rate || days[days.length - 1] !== dayIndex) {
      starts.push((t - clockZeroMs) / 1000);
      rates.push(rate);
      days.push(dayIndex);
    }
    const nextQuarterMs = (Math.floor(localMs / QUARTER_MS) + 1) * QUARTER_MS - offsetMs;
    t = Math.min(nextQuarterMs, nextChangeMs, endMs);
    if (t >= nextChangeMs) k++;
  }
  return {
    segmentStartSeconds: Float64Array.from(starts),
    ratePerSecond: Float64Array.from(rates),
    segmentDay: Int32Array.from(days),
    dayCount: days[days.length - 1] + 1,
    meanRatePerSecond: meanRate,
  };
}

function compilePool(
  p: HumanPool,
  queueParts: [string, Channel][],
  channel: Record<Channel, { priority: number }>,
  window: Parameters<typeof compileRoster>[4],
): CompiledPool {
  const secondary = p.secondarySkills?.languages ?? [];
  const served = queueParts
    .map(([language, ch], q) => ({ q, language, ch }))
    .filter(({ language, ch }) => (p.skills.includes(language) || secondary.includes(language)) && p.channels.includes(ch))
    .sort((a, b) => channel[a.ch].priority - channel[b.ch].priority || a.q - b.q);
  const baseFactor = p.handleTimeFactor * (p.copilot?.handleTimeFactor ?? 1);
  const handleFactorByQueue = new Float64Array(queueParts.length).fill(baseFactor);
  for (const { q, language } of served) {
    if (!p.skills.includes(language)) handleFactorByQueue[q] = baseFactor * p.secondarySkills!.handleTimeFactor;
  }
  const c = p.cost;
  return {
    id: p.id,
    type: p.type,
    languages: [...p.skills, ...secondary],
    acceptAfterSeconds: p.acceptAfterSeconds,
    queues: Int32Array.from(served, (x) => x.q),
    queuePriority: Int32Array.from(served, (x) => channel[x.ch].priority),
    chatConcurrency: p.chatConcurrency,
    handleFactorByQueue,
    roster: compileRoster(
      p.timezone,
      p.shifts?.flatMap(expandShift).map((c) => ({ ...c, agents: minimumAgents(c.agents) })),
      p.agents,
      costPremiums(p),
      window,
    ),
    shrinkage: p.shrinkage,
    absenceRate: p.absence,
    cost: {
      perHour: c.perHour,
      perProductiveHour: c.perProductiveHour,
      perContact: c.perContact,
      perHandledMinute: c.perHandledMinute,
      monthlyMinimum: c.monthlyMinimum,
      copilotPerAgentHour: p.copilot?.costPerAgentHour ?? 0,
      serviceLevelClause: c.serviceLevelClause,
    },
  };
}

/** A pool's night and weekend premiums, as the roster weighs paid time by them. */
export function costPremiums(p: HumanPool): CostPremiums {
  const c = p.cost;
  return { nightShare: c.nightPremium, nightFrom: c.night.from, nightTo: c.night.to, weekendShare: c.weekendPremium };
}

function compileAiPool(p: AiPool, queueParts: [string, Channel][], clockZeroMs: number): CompiledAiPool {
  const containmentByQueue = Float64Array.from(queueParts, ([language, ch]) =>
    p.skills.includes(language) && p.channels.includes(ch)
      ? (p.containment[`${language}/${ch}`] ?? p.containment[language] ?? p.containment.default ?? 0)
      : 0,
  );
  const outageStart = p.outages.map((o) => (Date.parse(o.start) - clockZeroMs) / 1000);
  return {
    id: p.id,
    containmentByQueue,
    handle: compileDistribution(p.handleTime),
    maxConcurrent: p.maxConcurrent ?? Infinity,
    escalatedHandleTimeFactor: p.handoffHandleTimeFactor * p.escalatedHandleTimeFactor,
    recontactShare: p.recontact?.share ?? 0,
    recontactDelay: compileDistribution(p.recontact?.delay),
    outageStartSeconds: Float64Array.from(outageStart),
    outageEndSeconds: Float64Array.from(p.outages, (o, i) => outageStart[i] + o.hours * 3600),
    costPerConversation: p.cost.perConversation,
    costPerResolution: p.cost.perResolution,
    billReturnedResolutions: p.cost.billReturnedResolutions,
  };
}
