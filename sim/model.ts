// Compiles a validated scenario into the engine's model: local-time demand curves become
// piecewise-constant UTC rate segments, languages × channels become queues, pools get the list
// of queues they serve. Everything the hot loop needs is a number or a typed array here.
import { compileDistribution, type Sampler } from './distributions';
import type { Channel, DemandStream, Scenario } from './scenario';
import { offsetTimeline } from './timezones';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** After the horizon the simulation runs on (arrivals uncounted) until every reported contact is
 * answered or has abandoned, at most this long; contacts still waiting then are reported as such. */
export const DRAIN_LIMIT_SECONDS = 24 * 3600;

export const ROUTING_RULES = ['priority', 'longest-idle', 'random'] as const;
export type RoutingRule = (typeof ROUTING_RULES)[number];

export interface CompiledQueue {
  language: string;
  channel: Channel;
  slThresholdSeconds: number;
  /** Pools that serve this queue, in priority (scenario) order. */
  pools: Int32Array;
  /** Distinct positive acceptAfterSeconds of those pools: when a waiting contact becomes
   * eligible for an overflow pool. */
  overflowDelaysSeconds: Float64Array;
}

export interface CompiledStream {
  id: string;
  queue: number;
  /** Arrival rate ratePerSecond[i] holds from segmentStartSeconds[i] (simulation clock). */
  segmentStartSeconds: Float64Array;
  ratePerSecond: Float64Array;
  handle: Sampler;
  patience: Sampler;
}

export interface CompiledPool {
  id: string;
  type: string;
  agents: number;
  acceptAfterSeconds: number;
  /** Queues this pool may serve. */
  queues: Int32Array;
  costPerHour: number;
}

export interface CompiledModel {
  name: string;
  currency: string;
  seed: number;
  replications: number;
  routing: number; // index into ROUTING_RULES
  serviceLevelTarget: number;
  /** Epoch milliseconds of the simulation clock's zero: the horizon start minus the warm-up. */
  clockZeroMs: number;
  /** Reported window [reportStartSeconds, reportEndSeconds) on the simulation clock. */
  reportStartSeconds: number;
  reportEndSeconds: number;
  /** Hard end of the simulation, after the drain. */
  stopSeconds: number;
  intervalSeconds: number;
  intervalCount: number;
  queues: CompiledQueue[];
  streams: CompiledStream[];
  pools: CompiledPool[];
}

export interface CompileOptions {
  seed?: number;
  replications?: number;
}

export function compileScenario(s: Scenario, options: CompileOptions = {}): CompiledModel {
  const warmupSeconds = s.horizon.warmupHours * 3600;
  const horizonSeconds = s.horizon.days !== undefined ? s.horizon.days * 86400 : s.horizon.hours! * 3600;
  const intervalSeconds = s.intervalMinutes * 60;
  const clockZeroMs = Date.parse(s.horizon.start) - warmupSeconds * 1000;
  const stopSeconds = warmupSeconds + horizonSeconds + DRAIN_LIMIT_SECONDS;

  const queueKeys: string[] = [];
  const queueOf = (d: DemandStream) => {
    const key = `${d.language}/${d.channel}`;
    if (!queueKeys.includes(key)) queueKeys.push(key);
    return queueKeys.indexOf(key);
  };
  const streams: CompiledStream[] = s.demand.map((d) => ({
    id: d.id,
    queue: queueOf(d),
    ...rateSegments(d, clockZeroMs, stopSeconds),
    handle: compileDistribution(d.handleTime),
    patience: compileDistribution(d.patience),
  }));

  const queueParts = queueKeys.map((key) => key.split('/') as [string, Channel]);
  const serves = (p: Scenario['staffing'][number], [language, channel]: [string, Channel]) =>
    p.skills.includes(language) && p.channels.includes(channel);
  const pools: CompiledPool[] = s.staffing.map((p) => ({
    id: p.id,
    type: p.type,
    agents: p.agents,
    acceptAfterSeconds: p.acceptAfterSeconds,
    queues: Int32Array.from(queueParts.flatMap((q, i) => (serves(p, q) ? [i] : []))),
    costPerHour: p.cost.perHour,
  }));
  const queues: CompiledQueue[] = queueParts.map(([language, channel], q) => {
    const servingPools = pools.flatMap((p, i) => (p.queues.includes(q) ? [i] : []));
    const delays = new Set(servingPools.map((i) => pools[i].acceptAfterSeconds).filter((d) => d > 0));
    return {
      language,
      channel,
      slThresholdSeconds: s.serviceLevel.seconds,
      pools: Int32Array.from(servingPools),
      overflowDelaysSeconds: Float64Array.from([...delays].sort((a, b) => a - b)),
    };
  });

  return {
    name: s.name,
    currency: s.currency,
    seed: options.seed ?? s.seed,
    replications: options.replications ?? s.replications,
    routing: ROUTING_RULES.indexOf(s.routing),
    serviceLevelTarget: s.serviceLevel.target,
    clockZeroMs,
    reportStartSeconds: warmupSeconds,
    reportEndSeconds: warmupSeconds + horizonSeconds,
    stopSeconds,
    intervalSeconds,
    intervalCount: Math.ceil(horizonSeconds / intervalSeconds),
    queues,
    streams,
    pools,
  };
}

function meanRatePerSecond(d: DemandStream): number {
  const v = d.volume;
  if (v.perHour !== undefined) return v.perHour / 3600;
  if (v.perDay !== undefined) return v.perDay / 86400;
  return v.perWeek! / (7 * 86400);
}

/** The stream's arrival rate as segments on the simulation clock. A pattern is laid out in the
 * customers' local time: on the autumn night the repeated hour gets arrivals twice, on the
 * spring night the skipped hour gets none. */
function rateSegments(d: DemandStream, clockZeroMs: number, stopSeconds: number) {
  const meanRate = meanRatePerSecond(d);
  if (d.pattern === 'flat') {
    return { segmentStartSeconds: Float64Array.of(0), ratePerSecond: Float64Array.of(meanRate) };
  }
  const hourly = d.pattern.hourly;
  const weekday = d.pattern.weekday ?? [1, 1, 1, 1, 1, 1, 1];
  const meanWeight = weekday.reduce((sum, w) => sum + w, 0) * hourly.reduce((sum, w) => sum + w, 0) / 168;
  const endMs = clockZeroMs + stopSeconds * 1000;
  const timeline = offsetTimeline(d.timezone, clockZeroMs, endMs);
  const starts: number[] = [];
  const rates: number[] = [];
  let k = 0;
  for (let t = clockZeroMs; t < endMs; ) {
    const offsetMs = timeline.offsetMinutes[k] * 60_000;
    const nextChangeMs = timeline.changeAtMs[k + 1] ?? Infinity;
    const localMs = t + offsetMs;
    const day = Math.floor(localMs / DAY_MS);
    const hour = Math.floor((localMs - day * DAY_MS) / HOUR_MS);
    const mondayFirst = (day + 3) % 7; // 1970-01-01 was a Thursday
    const weight = weekday[mondayFirst] * hourly[hour];
    const rate = meanWeight > 0 ? (meanRate * weight) / meanWeight : 0;
    if (rates.length === 0 || rates[rates.length - 1] !== rate) {
      starts.push((t - clockZeroMs) / 1000);
      rates.push(rate);
    }
    const nextLocalHourMs = (Math.floor(localMs / HOUR_MS) + 1) * HOUR_MS - offsetMs;
    t = Math.min(nextLocalHourMs, nextChangeMs, endMs);
    if (t >= nextChangeMs) k++;
  }
  return { segmentStartSeconds: Float64Array.from(starts), ratePerSecond: Float64Array.from(rates) };
}
