// How much work a scenario asks for, estimated from the file before anything is compiled or
// simulated: contacts and events over all replications (and sweep points), the memory of the
// per-interval tables, the model and the contacts in the system at once, and the peak load the
// agents-required figures are computed for. Beyond a documented limit a run is refused with one
// line naming the field and the estimate; contacts and events may be allowed on purpose
// (--allow-large-runs), memory and the peak load may not (they would crash the run, not only
// make it long). Pure: no Node APIs, so the web app can ask before starting a run.
import { distributionMean, shortestDuration } from '../model/distributions';
import type { Distribution } from './distribution-schema';
import { DRAIN_LIMIT_SECONDS } from '../model/model';
import { resolvePattern } from './patterns';
import { type AiPool, type Channel, type DemandStream, type HumanPool, type Scenario } from './scenario';
import { LIMITS, shown } from './schema-parts';
import { horizonLength } from './horizon';

export const WORK_LIMITS = {
  /** Contacts simulated over all replications (and sweep points): at 1.5–2.5 million contacts
   * a second on one core, about ten minutes. */
  contacts: 1_000_000_000,
  /** Events processed (arrivals, ends of service, abandonments…), about three per contact. */
  events: 4_000_000_000,
  /** Contacts beyond which a run is refused even with --allow-large-runs: half a day and more on
   * one core, and with redial or recontact loops a sign that the run would never end. */
  contactsEvenIfAllowed: 100_000_000_000,
  /** Agents busy at once in one language × channel at its peak (see LIMITS). */
  peakLoadErlangs: LIMITS.peakLoadErlangs,
  /** Points of a sweep grid (before sharding). */
  gridPoints: 1_000_000,
  /** Share of the JavaScript heap an estimate may fill. */
  heapShare: 0.8,
  /** The JSON document of one result: a JavaScript string holds at most about 512 MB. */
  jsonBytes: 400 * 2 ** 20,
} as const;

/** Measured (README "How it works"): the result of one reporting interval, with its builders. */
const BYTES = {
  perInterval: 6_000,
  perIntervalChannel: 2_000,
  perIntervalQueue: 1_500,
  perIntervalPool: 300,
  perHourQueue: 300,
  /** One contact slot in the kernel (17 typed arrays, grown by doubling) and its queue entry. */
  perSlot: 240,
  /** One agent in the kernel. */
  perAgent: 64,
  /** One rate segment of a demand stream, one shift instance of a roster. */
  perSegment: 24,
  perShiftInstance: 64,
  /** The tallies of one replication, per interval × queue and interval × pool. */
  perTallyCell: 15 * 8,
  /** A sweep point kept for the output: its values and figures. */
  perSweepPoint: 2_000,
  /** The JSON text of a result, per interval, per interval × channel and per interval × queue. */
  jsonPerInterval: 1_500,
  jsonPerIntervalChannel: 600,
  jsonPerIntervalQueue: 400,
} as const;

/** What a comparison (`compare`) or case report (`report`) keeps of each scenario until the end
 * (its result, built with the others' at the end, and its builders): less than a run's, which
 * also becomes JSON. Measured in peak RSS, n = 2 vs 4 scenarios, 2 replications: a year of
 * 5-minute intervals took 240 MB with one queue in a report (243 in a comparison), 337 MB with
 * three languages (329 in a comparison), 346 MB with two channels, 271 MB with three pools; three
 * years of hourly intervals with three queues, 105 MB. */
const CASE_REPORT_BYTES = {
  perInterval: 1_200,
  perIntervalChannel: 600,
  perIntervalQueue: 500,
  perIntervalPool: 160,
  perHourQueue: 200,
  /** compare --json builds its document's text at the end: per byte of the estimated JSON
   * (jsonBytes), measured in peak RSS, 60 days of 5-minute intervals, n = 2 vs 8 scenarios:
   * 144 MB a scenario with --json, 40 MB without, for 43 MB of estimated JSON (36 MB written). */
  perJsonByte: 2.5,
} as const;

export interface WorkInputs {
  /** Replications, when a flag overrides the file's. */
  replications?: number;
  /** Where the replications come from, for the message: '--replications' or the field. */
  replicationsSource?: string;
  /** Grid points run with this scenario (a sweep), default 1; or rounds (the planner). */
  points?: number;
  /** What the points are, and the flag that sets them, for the messages: default a sweep's
   * points and --vary (the planner's are rounds, set by --max-iterations). */
  pointsNoun?: string;
  pointsFlag?: string;
  /** Simulations with the replications, when not one per point (the planner: up to two a round,
   * with the file's seed and a check seed, while it keeps a result per round); default points.
   * Contacts and events are counted over them, memory over the points. */
  runs?: number;
  /** What the runs are, for the messages; default pointsNoun. */
  runsNoun?: string;
  /** Only the summary of each point is kept (a sweep), not the per-interval result. */
  summaryOnly?: boolean;
  /** Bytes each point needs besides (a sweep: its copy of the scenario). */
  pointBytes?: number;
  /** The scenario is one of a comparison (`compare`, `report`): it keeps its result as a
   * comparison does (CASE_REPORT_BYTES), not as a run does; JSON is made only with `json`
   * (compare --json), its text built at the end. */
  comparison?: { json: boolean };
}

interface Part {
  /** A field path such as demand[0].volume.perHour, or a command-line flag (--vary). */
  field: string;
  amount: number;
  /** What the amount is made of, for the message. */
  detail: string;
  /** What to change, for the message. */
  hint?: string;
}

export interface WorkEstimate {
  replications: number;
  points: number;
  /** What the points are (points, planning rounds). */
  pointsNoun: string;
  /** Simulations with the replications (contacts and events are over them), and what they are. */
  runs: number;
  runsNoun: string;
  simulatedHours: number;
  contactsPerReplication: number;
  /** Over all replications and runs. */
  contacts: number;
  events: number;
  /** The largest contributions to contacts per replication, by demand stream. */
  contactParts: Part[];
  /** Bytes the main thread needs (result tables, models, one replication's kernel). */
  memoryBytes: number;
  /** Of those, what stays once the scenario is simulated (its result tables and models): a batch
   * keeps them for every scenario until the end. */
  keptBytes: number;
  memoryParts: Part[];
  /** Bytes a worker thread needs for one replication (the kernel and the models it is given). */
  workerMemoryBytes: number;
  /** The JSON text of the result (0 for a sweep, which keeps only the summary). */
  jsonBytes: number;
  jsonDetail: string;
  jsonField: string;
  peakLoad?: Part & { queue: string };
}

/** The estimate for one scenario (see WorkInputs for a sweep). */
export function estimateWork(s: Scenario, inputs: WorkInputs = {}): WorkEstimate {
  const replications = inputs.replications ?? s.replications;
  const points = inputs.points ?? 1;
  const runs = inputs.runs ?? points;
  const horizonSeconds = horizonLength(s);
  const simulatedSeconds = s.horizon.warmupHours * 3600 + horizonSeconds + DRAIN_LIMIT_SECONDS;
  const streams = streamContacts(s, simulatedSeconds);
  const contactsPerReplication = streams.reduce((n, st) => n + st.contacts, 0);
  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  const intervals = Math.ceil(horizonSeconds / (s.intervalMinutes * 60));
  const events = (contactsPerReplication * 2.5 + intervals + simulatedSeconds / 60 + humans.length * simulatedSeconds / 1800) * replications * runs;
  const memory = memoryEstimate(s, inputs, streams, simulatedSeconds, intervals);
  return {
    replications,
    points,
    pointsNoun: inputs.pointsNoun ?? 'points',
    runs,
    runsNoun: inputs.runsNoun ?? inputs.pointsNoun ?? 'points',
    simulatedHours: simulatedSeconds / 3600,
    contactsPerReplication,
    contacts: contactsPerReplication * replications * runs,
    events,
    contactParts: streams.map((st) => st.part).sort((a, b) => b.amount - a.amount),
    ...memory,
    peakLoad: peakLoad(humans, s.staffing.filter((p): p is AiPool => p.type === 'ai'), streams),
  };
}

/** Each demand stream's contacts in one replication — customers, times their redials and AI
 * conversations — and the field to change when they are too many. */
function streamContacts(s: Scenario, simulatedSeconds: number) {
  return s.demand.map((d, i) => {
    const perSecond = ratePerSecond(d);
    const volumeShare = d.machineCustomers ? 1 - d.machineCustomers.share + d.machineCustomers.share * (1 + d.machineCustomers.volumeUplift) : 1;
    const specialExtra = d.specialDays.reduce((sum, sd) => sum + Math.max(0, sd.factor - 1), 0) * 86400;
    const customers = perSecond * volumeShare * (simulatedSeconds + Math.min(specialExtra, LIMITS.factor * simulatedSeconds));
    const redial = redialAttempts(d, simulatedSeconds);
    const ai = aiConversations(d, s.staffing, simulatedSeconds);
    const contacts = customers * redial.attempts * ai.attempts;
    const volumeField = `demand[${i}].volume.${Object.keys(d.volume)[0] ?? 'perHour'}`;
    const [field, why, hint] =
      redial.attempts >= 10 && redial.attempts >= ai.attempts
        ? [`demand[${i}].redial.share`, ` × ${shown(round(redial.attempts))} attempts per customer (redials)`, 'lower the share below 1 or give the redial delay a length']
        : ai.attempts >= 10
          ? [ai.field, ` × ${shown(round(ai.attempts))} conversations per customer (recontacts)`, 'lower the share or containment below 1, or lengthen the delay']
          : [volumeField, '', 'lower it or shorten the horizon'];
    return {
      d,
      contacts,
      part: {
        field,
        amount: contacts,
        detail: `${shown(round(perSecond * 3600))} an hour over ${shown(round(simulatedSeconds / 3600))} simulated hours${why}`,
        hint,
      },
      redialAttempts: redial.attempts,
      aiAttempts: ai.attempts,
    };
  });
}

/** Memory: the result tables, the demand curves and rosters, the agents and the contacts in the
 * system at once (the kernel), and the JSON a run would print — each part with the field to change. */
function memoryEstimate(
  s: Scenario,
  inputs: WorkInputs,
  streams: ReturnType<typeof streamContacts>,
  simulatedSeconds: number,
  intervals: number,
): Pick<WorkEstimate, 'memoryBytes' | 'keptBytes' | 'memoryParts' | 'workerMemoryBytes' | 'jsonBytes' | 'jsonDetail' | 'jsonField'> {
  const points = inputs.points ?? 1;
  const noun = inputs.pointsNoun ?? 'points';
  const flag = inputs.pointsFlag ?? '--vary';
  const Q = new Set(s.demand.map((d) => `${d.language}/${d.channel}`)).size;
  const channels = new Set(s.demand.map((d) => d.channel)).size;
  const humans = s.staffing.filter((p): p is HumanPool => p.type !== 'ai');
  const ais = s.staffing.filter((p): p is AiPool => p.type === 'ai');
  const hours = Math.ceil(horizonLength(s) / 3600);
  const jsonBytes =
    inputs.summaryOnly || (inputs.comparison && !inputs.comparison.json)
      ? 0
      : intervals * (BYTES.jsonPerInterval + channels * BYTES.jsonPerIntervalChannel + Q * BYTES.jsonPerIntervalQueue);
  // The result tables, at what a run or a comparison keeps of them.
  const tableBytes = (b: typeof BYTES | typeof CASE_REPORT_BYTES) =>
    intervals * (b.perInterval + channels * b.perIntervalChannel + Q * b.perIntervalQueue + humans.length * b.perIntervalPool) + hours * Q * b.perHourQueue;
  const resultBytes = inputs.summaryOnly
    ? BYTES.perSweepPoint
    : inputs.comparison
      ? tableBytes(CASE_REPORT_BYTES) + jsonBytes * CASE_REPORT_BYTES.perJsonByte
      : tableBytes(BYTES);
  const segmentsPerStream = (d: DemandStream) =>
    d.pattern === 'flat' && d.dailyVolumeCv === 0 && d.specialDays.length === 0 ? 1 : Math.ceil(simulatedSeconds / 900) + 4;
  const modelBytes =
    s.demand.reduce((n, d) => n + segmentsPerStream(d) * (d.machineCustomers ? 2 : 1), 0) * BYTES.perSegment +
    humans.reduce((n, p) => n + (p.shifts?.length ?? 1) * Math.ceil(simulatedSeconds / 86400 + 1), 0) * BYTES.perShiftInstance;
  const agents = humans.reduce((n, p) => n + headCount(p), 0);
  const slots = streams.reduce((n, st) => n + inSystem(st.d, st.contacts, simulatedSeconds, humans, ais), 0);
  const kernelBytes = slots * BYTES.perSlot + agents * BYTES.perAgent + intervals * (Q + humans.length) * BYTES.perTallyCell;
  const memoryParts: Part[] = [
    {
      field: s.intervalMinutes < 60 ? 'intervalMinutes' : s.horizon.days !== undefined ? 'horizon.days' : 'horizon.hours',
      amount: resultBytes * points,
      detail: `the per-interval tables of ${shown(intervals)} intervals × ${Q} language × channel queue${Q === 1 ? '' : 's'}${points > 1 ? ` × ${shown(points)} ${noun}` : ''}`,
    },
    { field: points > 1 ? flag : 'demand', amount: modelBytes * points, detail: `the demand curves and rosters${points > 1 ? ` of ${shown(points)} ${noun}` : ''}` },
    {
      field: biggestPoolField(s),
      amount: agents * BYTES.perAgent,
      detail: `${shown(agents)} agents`,
    },
    {
      field: streams.length > 0 ? waitingField(streams) : 'demand',
      amount: slots * BYTES.perSlot,
      detail: `about ${shown(round(slots))} contacts in the system at once`,
    },
  ];
  const pointBytes = inputs.pointBytes ?? 0;
  if (pointBytes > 0) memoryParts.push({ field: flag, amount: pointBytes * points, detail: `the scenarios of ${shown(points)} ${noun}` });
  memoryParts.sort((a, b) => b.amount - a.amount);
  return {
    memoryBytes: resultBytes * points + modelBytes * points + pointBytes * points + kernelBytes,
    keptBytes: resultBytes * points + modelBytes * points + pointBytes * points,
    memoryParts,
    workerMemoryBytes: modelBytes * points + kernelBytes,
    jsonBytes,
    jsonDetail: `${shown(intervals)} intervals × ${Q} language × channel queue${Q === 1 ? '' : 's'}`,
    jsonField: memoryParts.find((p) => p.detail.startsWith('the per-interval'))!.field,
  };
}

export interface WorkCheck {
  /** The estimate is beyond a limit --allow-large-runs lifts. */
  large: boolean;
  /** One line per problem, each starting with the file and naming the field. */
  problems: string[];
}

/**
 * Checks an estimate against the limits. `where(field)` starts a problem's line (file, line and
 * field, as the schema's problems do); `heapBytes` is what this process may use (the JavaScript
 * heap limit); `allowLargeRuns` lifts the contacts and events limits only.
 */
export function checkWork(
  e: WorkEstimate,
  where: (field: string) => string,
  options: { allowLargeRuns?: boolean; heapBytes?: number; replicationsSource?: string },
): WorkCheck {
  const problems: string[] = [];
  let large = false;
  const source = options.replicationsSource ?? 'replications';
  const beyondAll = e.contacts > WORK_LIMITS.contactsEvenIfAllowed;
  const limitText = (limit: number) => `above the limit of ${big(limit)}${beyondAll ? ' (even with --allow-large-runs)' : ''}`;
  const allow = (hint: string) => (beyondAll ? hint : `${hint}, or pass --allow-large-runs if you mean it`);
  if (e.peakLoad && e.peakLoad.amount > WORK_LIMITS.peakLoadErlangs) {
    problems.push(
      `${where(e.peakLoad.field)}: a peak load of about ${shown(round(e.peakLoad.amount))} agents busy at once in ${e.peakLoad.queue} ` +
        `(${e.peakLoad.detail}), beyond the ${shown(WORK_LIMITS.peakLoadErlangs)} followsun computes agents required for`,
    );
  }
  if (problems.length === 0 && (e.contacts > WORK_LIMITS.contacts || e.events > WORK_LIMITS.events)) {
    large = true;
    const beyond = e.contacts > WORK_LIMITS.contactsEvenIfAllowed;
    if (!options.allowLargeRuns || beyond) {
      const what = e.contacts > WORK_LIMITS.contacts ? 'contacts' : 'events';
      const amount = what === 'contacts' ? e.contacts : e.events;
      const perReplication = (what === 'contacts' ? e.contactsPerReplication : e.events / e.replications / e.runs) * e.runs;
      const limit = beyond ? WORK_LIMITS.contactsEvenIfAllowed : WORK_LIMITS[what];
      const times = `${shown(e.replications)} replication${e.replications === 1 ? '' : 's'}${e.runs > 1 ? ` of ${shown(e.runs)} ${e.runsNoun}` : ''}`;
      if (perReplication * 2 <= limit || e.contactParts.length === 0) {
        problems.push(
          `${where(source)}: about ${big(amount)} ${what} to simulate (${times} × about ${big(perReplication / e.runs)} each), ` +
            `${limitText(limit)}; ${allow('use fewer replications')}`,
        );
      } else {
        const part = e.contactParts[0];
        problems.push(
          `${where(part.field)}: about ${big(amount)} ${what} to simulate (${part.detail}; ${times}), ` +
            `${limitText(limit)}; ${allow(part.hint ?? 'lower it')}`,
        );
      }
    }
  }
  if (problems.length === 0 && e.jsonBytes > WORK_LIMITS.jsonBytes) {
    problems.push(
      `${where(e.jsonField)}: the result would be about ${bytes(e.jsonBytes)} of JSON (${e.jsonDetail}), ` +
        `more than one document can hold (${bytes(WORK_LIMITS.jsonBytes)}); shorten the horizon or lengthen intervalMinutes`,
    );
  }
  if (problems.length === 0 && options.heapBytes !== undefined && e.memoryBytes > memoryBudget(options.heapBytes)) {
    const part = e.memoryParts[0];
    problems.push(
      `${where(part.field)}: about ${bytes(e.memoryBytes)} of memory (most of it ${part.detail}), ` +
        `more than this process may use (${bytes(memoryBudget(options.heapBytes))}); ` +
        `shorten the horizon or lengthen intervalMinutes, or give Node more with NODE_OPTIONS=--max-old-space-size=MEGABYTES`,
    );
  }
  return { large, problems };
}

/** What a run may keep in memory: a share of the heap V8 allows (the rest is its own). */
export function memoryBudget(heapBytes: number): number {
  return heapBytes * WORK_LIMITS.heapShare;
}

// --- parts ------------------------------------------------------------------------------------

function ratePerSecond(d: DemandStream): number {
  const v = d.volume;
  if (v.perHour !== undefined) return v.perHour / 3600;
  if (v.perDay !== undefined) return v.perDay / 86400;
  return (v.perWeek ?? 0) / (7 * 86400);
}

const patiencesOf = (d: DemandStream): (Distribution | undefined)[] =>
  d.channel === 'email' ? [undefined] : [d.patience, ...(d.machineCustomers && d.machineCustomers.share > 0 ? [d.machineCustomers.patience ?? d.patience] : [])];

/** Attempts per customer when every attempt is abandoned (the worst case): 1/(1 − share), at
 * most one per shortest cycle (patience + delay) over the simulated time. */
function redialAttempts(d: DemandStream, simulatedSeconds: number): { attempts: number } {
  const r = d.redial;
  const patiences = patiencesOf(d).filter((p): p is Distribution => p !== undefined);
  if (!r || r.share === 0 || patiences.length === 0) return { attempts: 1 };
  const shortestPatience = Math.min(...patiences.map(shortestDuration));
  const cycle = shortestPatience + distributionMean(r.delay);
  const byTime = cycle > 0 ? 1 + simulatedSeconds / cycle : Infinity;
  return { attempts: Math.min(r.share < 1 ? 1 / (1 - r.share) : Infinity, byTime) };
}

/** Conversations with the AI per customer when its resolutions do not hold: 1/(1 − containment ×
 * recontact share), at most one per cycle (conversation + delay) over the simulated time. */
function aiConversations(d: DemandStream, staffing: Scenario['staffing'], simulatedSeconds: number): { attempts: number; field: string } {
  const index = staffing.findIndex((p) => p.type === 'ai' && p.skills.includes(d.language) && (p.channels as Channel[]).includes(d.channel));
  if (index < 0) return { attempts: 1, field: '' };
  const pool = staffing[index] as AiPool;
  const containment = pool.containment[`${d.language}/${d.channel}`] ?? pool.containment[d.language] ?? pool.containment.default ?? 0;
  const p = containment * (pool.recontact?.share ?? 0);
  const cycle = distributionMean(pool.handleTime) + (pool.recontact ? distributionMean(pool.recontact.delay) : 0);
  const byTime = cycle > 0 ? 1 + simulatedSeconds / cycle : Infinity;
  return { attempts: Math.min(p < 1 ? 1 / (1 - p) : Infinity, byTime), field: `staffing[${index}].recontact.share` };
}

function headCount(p: HumanPool): number {
  if (p.agents !== undefined) return p.agents;
  return (p.shifts ?? []).reduce((n, sh) => {
    const a = sh.agents;
    return n + (typeof a === 'number' ? a : a === 'auto' ? 0 : Math.max(a.min, a.max ?? 0));
  }, 0);
}

function biggestPoolField(s: Scenario): string {
  let best = -1;
  let field = 'staffing';
  s.staffing.forEach((p, i) => {
    if (p.type === 'ai') return;
    const n = headCount(p);
    if (n > best) [best, field] = [n, `staffing[${i}].${p.agents !== undefined ? 'agents' : 'shifts'}`];
  });
  return field;
}

/** Contacts of a stream in the system at once: those that wait, talk or come back. Without
 * anyone to serve them and without patience (or email), every one of them stays. */
function inSystem(d: DemandStream, contacts: number, simulatedSeconds: number, humans: HumanPool[], ais: AiPool[]): number {
  const served = humans.some(
    (p) => (p.skills.includes(d.language) || (p.secondarySkills?.languages ?? []).includes(d.language)) && (p.channels as Channel[]).includes(d.channel),
  );
  const patiences = patiencesOf(d);
  const rate = contacts / simulatedSeconds;
  const ai = ais.find((p) => p.skills.includes(d.language) && (p.channels as Channel[]).includes(d.channel));
  const aiSeconds = ai ? distributionMean(ai.handleTime) + (ai.recontact ? distributionMean(ai.recontact.delay) : 0) : 0;
  const redialSeconds = d.redial ? distributionMean(d.redial.delay) : 0;
  if (!served && patiences.some((p) => p === undefined)) return contacts;
  const waitSeconds = served
    ? Math.max(...patiences.map((p) => (p === undefined ? 3600 : Math.min(distributionMean(p), 3600))))
    : Math.max(...patiences.map((p) => distributionMean(p)));
  return Math.min(contacts, rate * (waitSeconds + distributionMean(d.handleTime) + aiSeconds + redialSeconds) + 1000);
}

function waitingField(streams: { d: DemandStream; contacts: number }[]): string {
  let best = 0;
  streams.forEach((st, i) => {
    if (st.contacts > streams[best].contacts) best = i;
  });
  const d = streams[best].d;
  return d.patience === undefined && d.channel !== 'email' ? `demand[${best}].patience` : `demand[${best}].volume`;
}

/** The highest offered load (agents busy at once) of a language × channel: its streams at their
 * peak quarter hour and weekday, on the biggest special day, with daily noise, redials and
 * recontacts, at the slowest serving pool's handle time. */
function peakLoad(
  humans: HumanPool[],
  ais: AiPool[],
  streams: { d: DemandStream; redialAttempts: number; aiAttempts: number }[],
): (Part & { queue: string }) | undefined {
  const byQueue = new Map<string, { erlangs: number; rate: number; handle: number; top: { index: number; erlangs: number; field: string } }>();
  streams.forEach((st, i) => {
    const d = st.d;
    const key = `${d.language}/${d.channel}`;
    const pattern = resolvePattern(d.pattern);
    const peakOf = (w: number[]) => {
      const mean = w.reduce((a, x) => a + x, 0) / w.length;
      return mean > 0 ? Math.max(...w) / mean : 0;
    };
    const special = Math.max(1, ...d.specialDays.map((sd) => sd.factor));
    const noise = 1 + 3 * d.dailyVolumeCv;
    const mc = d.machineCustomers;
    const share = mc ? 1 - mc.share + mc.share * (1 + mc.volumeUplift) : 1;
    const perHour =
      ratePerSecond(d) * 3600 * share * peakOf(pattern.quarterHourly) * peakOf(pattern.weekday) * special * noise * Math.min(st.redialAttempts, 100) * Math.min(st.aiAttempts, 100);
    const factors = humans
      .filter((p) => (p.skills.includes(d.language) || (p.secondarySkills?.languages ?? []).includes(d.language)) && (p.channels as Channel[]).includes(d.channel))
      .map((p) => p.handleTimeFactor * (p.copilot?.handleTimeFactor ?? 1) * (p.skills.includes(d.language) ? 1 : (p.secondarySkills?.handleTimeFactor ?? 1)));
    const ai = ais.find((p) => p.skills.includes(d.language) && (p.channels as Channel[]).includes(d.channel));
    const handle =
      distributionMean(d.handleTime) * Math.max(1, mc?.handleTimeFactor ?? 1) * Math.max(1, ...factors) * (ai ? ai.handoffHandleTimeFactor * ai.escalatedHandleTimeFactor : 1);
    const erlangs = (perHour / 3600) * handle;
    const field = handle > 86400 ? `demand[${i}].handleTime` : `demand[${i}].volume.${Object.keys(d.volume)[0] ?? 'perHour'}`;
    const q = byQueue.get(key) ?? { erlangs: 0, rate: 0, handle: 0, top: { index: i, erlangs: -1, field } };
    q.erlangs += erlangs;
    q.rate += perHour;
    q.handle = Math.max(q.handle, handle);
    if (erlangs > q.top.erlangs) q.top = { index: i, erlangs, field };
    byQueue.set(key, q);
  });
  let worst: (Part & { queue: string }) | undefined;
  for (const [queue, q] of byQueue) {
    if (!worst || q.erlangs > worst.amount) {
      worst = {
        queue,
        field: q.top.field,
        amount: q.erlangs,
        detail: `${shown(round(q.rate))} contacts an hour at the peak × ${shown(round(q.handle))} s handle time`,
      };
    }
  }
  return worst;
}

// --- numbers in words -------------------------------------------------------------------------

function round(x: number): number {
  if (!Number.isFinite(x)) return x;
  if (Math.abs(x) < 10) return Math.round(x * 10) / 10;
  const digits = Math.floor(Math.log10(Math.abs(x))) - 1;
  return Math.round(x / 10 ** digits) * 10 ** digits;
}

/** 2.6e10 → "26 billion", 4.2e6 → "4.2 million". */
export function big(x: number): string {
  if (!Number.isFinite(x)) return 'endlessly many';
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [scale, word] of scales) {
    if (Math.abs(x) >= scale) {
      const n = x / scale;
      return n >= 1000 ? `${x.toExponential(1)}` : `${n >= 100 ? Math.round(n) : Math.round(n * 10) / 10} ${word}`;
    }
  }
  return shown(Math.round(x));
}

export function bytes(x: number): string {
  if (x >= 2 ** 40) return `${big(x / 2 ** 40)} TB`;
  if (x >= 2 ** 30) return `${Math.round((x / 2 ** 30) * 10) / 10} GB`;
  return `${Math.max(1, Math.round(x / 2 ** 20))} MB`;
}
