// The scenario file: its schema (zod, exported as JSON Schema for editors), parsing of YAML or
// JSON text, and error messages that name the file, the field path and what was expected.
import * as z from 'zod';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { distribution, DISTRIBUTION_NAMES, handleTimeDistribution, type Distribution } from './distribution-schema';
import { distributionMean, shortestDuration } from '../model/distributions';
import { itemsBeyond, lineOfOffset, quoteLinesBeyond } from './item-count';
import { PATTERN_NAMES } from './patterns';
import { localTimeSchema, shiftSchema } from './shift-schema';
import { closestWord } from './spelling';
import { parseYaml, unresolvedAlias } from './syntax-problems';
import {
  between,
  factor,
  fraction,
  LIMITS,
  money as amount,
  nonNegative,
  positive,
  positiveFraction,
  positiveSeconds,
  seconds,
  shown,
  wholeNumber,
} from './schema-parts';
import { CHANNELS, type Channel } from './channels';

export { CHANNELS, type Channel };

const identifier = z
  .string({ error: 'expected an id (letters, digits, - and _)' })
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: 'expected an id (letters, digits, - and _)' });
const language = z
  .string({ error: 'expected a language code such as en, de, pt-BR' })
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, { error: 'expected a language code such as en, de, pt-BR' });
const timezone = z
  .string({ error: 'expected an IANA time zone such as Europe/Berlin' })
  .refine(isTimeZone, { error: 'expected an IANA time zone such as Europe/Berlin' });
const channel = z.enum(CHANNELS, { error: `expected one of ${CHANNELS.join(', ')}` });
/** A pool's languages: pool × stream × language loops stay small (README, "Limits"). */
const languages = z
  .array(language, { error: 'expected a list of language codes' })
  .min(1, { error: 'expected at least one language' })
  .max(LIMITS.languages, { error: `expected at most ${shown(LIMITS.languages)} languages` });
const channelList = z
  .array(channel, { error: 'expected a list of channels' })
  .min(1, { error: 'expected at least one channel' })
  .max(CHANNELS.length, { error: `expected at most ${CHANNELS.length} channels (${CHANNELS.join(', ')})` });

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const volume = z
  .strictObject({
    perHour: nonNegative('contacts per hour', LIMITS.perHour).optional().describe('Average contacts per hour.'),
    perDay: nonNegative('contacts per day', 24 * LIMITS.perHour).optional().describe('Average contacts per day.'),
    perWeek: nonNegative('contacts per week', 168 * LIMITS.perHour).optional().describe('Average contacts per week.'),
  })
  .refine((v) => [v.perHour, v.perDay, v.perWeek].filter((x) => x !== undefined).length === 1, {
    error: 'expected exactly one of perHour, perDay, perWeek',
  })
  .describe('Average volume, spread over the pattern: exactly one of perHour, perDay, perWeek.');

const weights = (count: number, what: string, note: string) =>
  z
    .array(nonNegative('a weight', LIMITS.weight), { error: `expected ${count} ${what} weights ${note}` })
    .length(count, { error: `expected ${count} ${what} weights ${note}` })
    .refine((w) => w.some((x) => x > 0), {
      error: `expected at least one ${what} weight above 0: with all ${count} at 0 the stream would have no contacts (give volume 0 for that)`,
    });

const pattern = z
  .union(
    [
      z.enum(PATTERN_NAMES),
      z
        .strictObject({
          hourly: weights(24, 'hourly', '(00:00 to 23:00 local time)')
            .optional()
            .describe('24 relative weights, one per hour from 00:00 to 23:00 local time (only proportions matter).'),
          quarterHourly: weights(96, 'quarter-hourly', '(00:00 to 23:45 local time)')
            .optional()
            .describe('96 relative weights, one per quarter hour from 00:00 to 23:45 local time (instead of hourly).'),
          weekday: weights(7, 'weekday', '(Monday first)')
            .optional()
            .describe('7 relative weights of the days, Monday first (only proportions matter).'),
        })
        .refine((p) => !(p.hourly && p.quarterHourly), { error: 'expected hourly or quarterHourly, not both' }),
    ],
    { error: `expected ${PATTERN_NAMES.join(', ')}, or { hourly: [24 weights], weekday: [7 weights] }` },
  )
  .describe(
    `How the volume is spread over the day and week in the customers' local time: ${PATTERN_NAMES.join(', ')}, or your own weights.`,
  );

const isoDate = z.iso.date({ error: 'expected a date such as 2026-12-24' });

const demandStream = z.strictObject({
  id: identifier.describe('Unique name of the stream (letters, digits, - and _), used by sweeps and reports.'),
  language: language.describe('Language of the contacts: a code such as en, de, pt-BR.'),
  channel: channel.default('voice').describe('voice, chat or email.'),
  timezone: timezone.default('UTC').describe("The customers' IANA time zone: the pattern is in their local time."),
  volume,
  pattern: pattern.default('flat'),
  dailyVolumeCv: nonNegative('a coefficient of variation', LIMITS.dailyVolumeCv)
    .default(0)
    .describe('Day-to-day forecast uncertainty: each local day gets a random volume factor with mean 1 and this cv.'),
  specialDays: z
    .array(
      z.strictObject({
        date: isoDate.describe("The customers' local date, YYYY-MM-DD."),
        factor: nonNegative('a volume factor', LIMITS.factor).describe("Multiplies the day's volume: 0 closed, 0.4 a holiday, 2 a launch."),
      }),
    )
    .max(5 * LIMITS.listItems, { error: `expected at most ${shown(5 * LIMITS.listItems)} special days` })
    .superRefine((days, ctx) => {
      const first = new Map<string, number>();
      days.forEach((d, i) => {
        const earlier = first.get(d.date);
        if (earlier === undefined) first.set(d.date, i);
        else ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${d.date} is given twice, in specialDays[${earlier}] and specialDays[${i}] (each date once)` });
      });
    })
    .default([])
    .describe("Holidays, launches: the day's volume (customers' local date) is multiplied by factor."),
  handleTime: handleTimeDistribution.describe('Handle time of one contact, in seconds.'),
  patience: distribution
    .optional()
    .describe('How long a customer waits before abandoning, in seconds. Omit for no abandonment (email is never abandoned).'),
  redial: z
    .strictObject({
      share: fraction.describe('Share of the callers who abandon that try again (0.3 = 30%).'),
      delay: distribution.describe('Time from hanging up to trying again, in seconds.'),
    })
    .optional()
    .describe('A share of callers who abandon try again after a delay: the same customer with the same need.'),
  machineCustomers: z
    .strictObject({
      share: fraction.describe("Share of the stream's contacts made by customers' AI assistants."),
      volumeUplift: nonNegative('a share', LIMITS.factor).default(0).describe('Extra machine-made contacts, as a share of their volume (0.5 = 50% more).'),
      patience: distribution.optional().describe("How long an AI assistant waits before giving up, in seconds; default: the stream's patience."),
      handleTimeFactor: factor()
        .default(1)
        .describe("Their handle time as a multiple of the stream's (< 1 shorter, > 1 longer)."),
    })
    .optional()
    .describe("Contacts made by customers' AI assistants on their behalf: their share, extra volume, patience and handle time."),
});

const money = (what: string) => amount(what).default(0);
/** Shrinkage and absence: at 1 nobody would ever be on the phones (and agents required would be
 * infinite), so at most 0.95. */
const OFF_PHONES = 'expected a fraction from 0 to 0.95 (0.3, not 30): at 1 nobody would ever be on the phones';
const offPhones = z.number({ error: OFF_PHONES }).min(0, { error: OFF_PHONES }).max(0.95, { error: OFF_PHONES });

const humanPool = z.strictObject({
  id: identifier.describe('Unique name of the pool (letters, digits, - and _), used by sweeps and reports.'),
  type: z
    .enum(['in-house', 'outsourced'], { error: 'expected type in-house, outsourced or ai' })
    .default('in-house')
    .describe('in-house (your own agents) or outsourced (a BPO partner); ai for an AI agent.'),
  timezone: timezone.default('UTC').describe("The site's IANA time zone: shifts are in its local time."),
  skills: languages.describe('Languages the agents speak fluently, as codes such as en, de, pt-BR.'),
  secondarySkills: z
    .strictObject({
      languages: languages.describe('Languages the agents speak less fluently.'),
      handleTimeFactor: factor().default(1.25).describe('Handle-time multiple in those languages (1.25 = 25% longer).'),
    })
    .optional()
    .describe('Languages spoken less fluently: contacts in them take longer.'),
  channels: channelList
    .default([...CHANNELS])
    .describe('Channels the pool works: voice, chat, email (default all).'),
  agents: wholeNumber(0, LIMITS.agents, 'agents of one pool').optional().describe('Shorthand: this many agents around the clock.'),
  shifts: z
    .array(shiftSchema)
    .min(1)
    .max(LIMITS.listItems, { error: `expected at most ${shown(LIMITS.listItems)} shifts` })
    .optional().describe('Shifts in the site’s local time.'),
  maxAgents: wholeNumber(0, LIMITS.agents, 'agents of one pool')
    .optional()
    .describe('For followsun plan: the most agents the pool may have on all its shifts together (a hiring or contract cap).'),
  shrinkage: offPhones.default(0).describe('Planned share of paid time off the phones (breaks, training, meetings).'),
  absence: offPhones.default(0).describe('Unplanned absence: the chance an agent misses a given day.'),
  chatConcurrency: wholeNumber(1, LIMITS.chatConcurrency).default(1).describe('Chats one agent handles at once.'),
  acceptAfterSeconds: seconds('seconds').default(0).describe('Overflow: the pool takes a contact only once it has waited this long, in seconds.'),
  handleTimeFactor: factor().default(1).describe('The pool is slower (> 1) or faster (< 1) than the stream’s handle time.'),
  copilot: z
    .strictObject({
      handleTimeFactor: factor().describe('Handle-time multiple with the copilot (0.9 = 10% shorter).'),
      costPerAgentHour: money('a cost per paid agent hour').describe('Copilot cost per paid agent hour, in the scenario currency.'),
    })
    .optional()
    .describe('An agent-assist copilot: shortens handling, costs per paid agent hour.'),
  cost: z
    .strictObject({
      perHour: money('a cost per paid agent hour').describe('Cost per paid agent hour (scheduled time), in the scenario currency.'),
      perProductiveHour: money('a cost per agent hour on the phones').describe(
        'Cost per agent hour on the phones (scheduled time less absence and shrinkage), in the scenario currency.',
      ),
      perContact: money('a cost per handled contact').describe('Cost per contact the pool handles, in the scenario currency.'),
      perHandledMinute: money('a cost per handled minute').describe('Cost per minute of handle time, in the scenario currency.'),
      monthlyMinimum: money('a minimum invoice per calendar month').describe(
        'Minimum invoice per calendar month, in the scenario currency, prorated to the part of the month the horizon covers.',
      ),
      nightPremium: fraction.default(0).describe('Extra share of the hourly cost for night hours.'),
      weekendPremium: fraction.default(0).describe('Extra share of the hourly cost on Saturdays and Sundays.'),
      night: z
        .strictObject({
          from: localTimeSchema.describe("Start of the night, HH:MM in the site's local time."),
          to: localTimeSchema.describe("End of the night, HH:MM in the site's local time (the next morning when before from)."),
        })
        .prefault({ from: '22:00', to: '06:00' })
        .describe('The night-premium hours in local time (default 22:00 to 06:00).'),
      serviceLevelClause: z
        .strictObject({
          target: fraction.describe("Contracted service level, a fraction, judged on the pool's queues in the hours it has agents scheduled."),
          penalty: fraction.default(0).describe('Share of the invoice taken off when the service level is below target.'),
          bonusAbove: fraction.optional().describe('Service level from which the bonus is paid, a fraction; omit for no bonus.'),
          bonus: fraction.default(0).describe('Share of the invoice added when the service level reaches bonusAbove.'),
        })
        .optional()
        .describe("An outsourcing contract's service-level clause: a penalty below target, a bonus from bonusAbove."),
    })
    .prefault({})
    .describe('What the pool costs, in the scenario currency: the charges below add up (all default to 0).'),
});

const CONTAINMENT = 'expected shares resolved without a person, such as { default: 0.3, en: 0.5, "en/chat": 0.6 }';

const aiPool = z.strictObject({
  id: identifier.describe('Unique name of the pool (letters, digits, - and _), used by sweeps and reports.'),
  type: z.literal('ai').describe('ai: an AI agent that takes every contact of its languages and channels first.'),
  skills: languages.describe('Languages the AI agent answers, as codes such as en, de, pt-BR.'),
  channels: channelList
    .default(['chat'])
    .describe('Channels the AI agent answers (default chat).'),
  containment: z
    .record(z.string(), fraction, { error: CONTAINMENT })
    .refine((c) => c.default !== undefined || Object.keys(c).length > 0, { error: CONTAINMENT })
    .describe('Share resolved without a person: default, per language (en) or per language/channel (en/chat).'),
  handleTime: handleTimeDistribution.describe('Length of a conversation with the AI agent, in seconds.'),
  maxConcurrent: wholeNumber(1, LIMITS.capacity).optional().describe('Conversations at once; omit for unlimited.'),
  handoffHandleTimeFactor: factor().default(1).describe('Handle-time factor from the context the AI passes on (< 1 saves time).'),
  escalatedHandleTimeFactor: factor().default(1).describe('Escalated contacts are the harder ones (> 1).'),
  recontact: z
    .strictObject({
      share: fraction.describe('Share of the contained contacts that were not resolved and come back.'),
      delay: distribution.describe('Time from the end of the conversation to coming back, in seconds.'),
    })
    .optional()
    .describe('A share of "contained" contacts were not resolved and come back after a delay.'),
  outages: z
    .array(
      z.strictObject({
        start: z.iso.datetime({ offset: true, error: 'expected an ISO date-time' }).describe('Start of the outage, an ISO date-time with offset.'),
        hours: positive('hours', LIMITS.horizonDays * 24, 'three years').describe('Length of the outage in hours.'),
      }),
    )
    .max(LIMITS.listItems, { error: `expected at most ${shown(LIMITS.listItems)} outages` })
    .default([])
    .describe('Periods when the AI agent is down: every contact goes to people.'),
  cost: z
    .strictObject({
      perConversation: money('a cost per conversation').describe('Cost per conversation with the AI agent, in the scenario currency.'),
      perResolution: money('a cost per contained contact').describe('Cost per contact the AI resolves (contained), in the scenario currency.'),
      billReturnedResolutions: z
        .boolean({ error: 'expected true or false' })
        .default(true)
        .describe('false when the vendor does not bill resolutions that did not hold (the customer came back).'),
    })
    .prefault({})
    .describe("What the AI agent costs, in the scenario currency (the vendor's pricing)."),
});

// A pool without a type is in-house; errors are reported from the closer of the two shapes.
const pool = z.union([humanPool, aiPool], { error: 'expected a staffing pool: a mapping such as { id: team, skills: [en], agents: 10 }' });

const serviceLevel = z
  .strictObject({
    seconds: positiveSeconds('a threshold in seconds').optional().describe('Threshold in seconds (give seconds or hours).'),
    hours: positive('a threshold in hours', LIMITS.durationSeconds / 3600, '30 days').optional().describe('Threshold in hours, e.g. for email (give seconds or hours).'),
    target: fraction.describe('Target share of contacts answered within the threshold (0.8 = 80%).'),
  })
  .refine((s) => (s.seconds === undefined) !== (s.hours === undefined), { error: 'expected exactly one of seconds, hours' });

const channelSettings = (name: Channel) =>
  z
    .strictObject({
      priority: wholeNumber(1, LIMITS.priority).optional().describe('Lower is served first by a free agent (default voice 1, chat 2, email 3).'),
      serviceLevel: serviceLevel.optional().describe(`Service-level threshold and target for ${name} contacts.`),
      maxWaiting: wholeNumber(0, LIMITS.capacity).optional().describe('Queue capacity per language: more waiting contacts are blocked.'),
    })
    .optional()
    .describe(`Settings for ${name} contacts.`);

const horizon = z
  .strictObject({
    start: z.iso
      .datetime({ offset: true, error: 'expected an ISO date-time such as 2026-03-23T00:00:00Z' })
      .describe('First reported instant, an ISO date-time with offset such as 2026-03-23T00:00:00Z.'),
    days: positive('a number of days', LIMITS.horizonDays, 'three years').optional().describe('Reported length in days (give days or hours).'),
    hours: positive('a number of hours', LIMITS.horizonDays * 24, 'three years').optional().describe('Reported length in hours (give days or hours).'),
    warmupHours: nonNegative('hours', LIMITS.warmupHours, '31 days')
      .default(24)
      .describe('Simulated before start and not reported, so that queues are not empty at the start.'),
  })
  .refine((h) => (h.days === undefined) !== (h.hours === undefined), {
    error: 'expected exactly one of days, hours',
  })
  .describe('The reported period: start and length, plus a warm-up before it.');

/** Text printed on a terminal and in reports: no control characters, which a terminal obeys (an
 * escape sequence in a name recoloured, hid or retitled what followsun printed after it) and
 * which break a name's line in the summaries. */
const NO_CONTROLS = /^[^\p{Cc}]*$/u;
const NO_CONTROLS_BUT_LINES = /^[^\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$/;

export const scenarioSchema = z
  .strictObject({
    name: z
      .string({ error: 'expected a name' })
      .min(1, { error: 'expected a name' })
      .regex(NO_CONTROLS, { error: 'expected a name on one line, without control characters' })
      .describe('Name of the scenario, shown in reports.'),
    description: z
      .string({ error: 'expected a description (text)' })
      .regex(NO_CONTROLS_BUT_LINES, { error: 'expected text without control characters (line breaks and tabs are fine)' })
      .optional()
      .describe('What the scenario is about, its assumptions and sources, shown in reports.'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: 'expected a currency code such as EUR' })
      .default('EUR')
      .describe('ISO 4217 code of the currency every cost in the file is in, such as EUR or USD.'),
    horizon,
    intervalMinutes: z
      .union([5, 10, 15, 20, 30, 60].map((m) => z.literal(m)), {
        error: 'expected 5, 10, 15, 20, 30 or 60',
      })
      .default(30)
      .describe('Length of a reporting interval in minutes.'),
    serviceLevel: z
      .strictObject({
        seconds: positiveSeconds('a threshold in seconds').describe('Threshold in seconds: answered within it counts as within service level.'),
        target: fraction.describe('Target share of contacts answered within the threshold (0.8 = 80%).'),
      })
      .prefault({ seconds: 20, target: 0.8 })
      .describe('Voice; chat defaults to 80% within 60 seconds, email to 90% within 24 hours. Override per channel under channels.'),
    channels: z
      .strictObject({ voice: channelSettings('voice'), chat: channelSettings('chat'), email: channelSettings('email') })
      .prefault({})
      .describe('Per-channel settings: priority, service level and queue capacity.'),
    seed: wholeNumber(0).default(1).describe('Random seed: the same seed gives the same figures.'),
    replications: wholeNumber(1, LIMITS.replications, 'more adds little precision: the interval narrows as 1/√replications')
      .default(10)
      .describe('Independent runs of the horizon; the 95% confidence intervals come from their spread.'),
    routing: z
      .enum(['priority', 'longest-idle', 'random'], { error: 'expected priority, longest-idle or random' })
      .default('priority')
      .describe('How an arriving contact picks among idle agents of several pools.'),
    maxOccupancy: positiveFraction('an occupancy cap', LIMITS.occupancyMin)
      .optional()
      .describe(
        'Cap on occupancy used when computing required agents, as WFM calculators offer: a fraction above 0, at most 1 (0.85 = 85%); omit for none.',
      ),
    hoursPerFte: between('hours per full-time equivalent', 1, 84)
      .default(40)
      .describe('Paid hours a week that make one full-time equivalent (FTE), for head-count figures in FTEs (default 40).'),
    plan: z
      .strictObject({
        maxOccupancy: positiveFraction('an occupancy cap', LIMITS.occupancyMin)
          .optional()
          .describe('Occupancy the planned staffing may not exceed in any interval (0.85 = 85%); default: none beyond maxOccupancy.'),
        belowTargetShare: fraction
          .default(0.02)
          .describe('Share of the language × channel hours with demand that may stay below their target (default 2%).'),
      })
      .prefault({})
      .describe('Settings for followsun plan, which decides the head counts of shifts with agents auto or { min, max }.'),
    demand: z
      .array(demandStream, { error: 'expected a list of demand streams' })
      .min(1, {
        error: 'expected at least one demand stream',
      })
      .max(LIMITS.listItems, { error: `expected at most ${shown(LIMITS.listItems)} demand streams` })
      .describe('Demand streams: contacts of one language and channel from customers in one time zone.'),
    staffing: z
      .array(pool, { error: 'expected a list of staffing pools' })
      .min(1, {
        error: 'expected at least one staffing pool',
      })
      .max(LIMITS.listItems, { error: `expected at most ${shown(LIMITS.listItems)} staffing pools` })
      .describe('Staffing pools: in-house and outsourced agent teams, and AI agents.'),
  })
  .superRefine((s, ctx) => {
    for (const list of ['demand', 'staffing'] as const) {
      const seen = new Set<string>();
      s[list].forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: 'duplicate id (ids must be unique in the list)' });
        seen.add(item.id);
      });
    }
    const aiFor = new Map<string, string>();
    s.staffing.forEach((p, i) => {
      if (p.type === 'ai') {
        for (const l of p.skills) {
          for (const c of p.channels) {
            const other = aiFor.get(`${l}/${c}`);
            if (other) ctx.addIssue({ code: 'custom', path: ['staffing', i, 'skills'], message: `${l}/${c} is already covered by AI pool '${other}'` });
            aiFor.set(`${l}/${c}`, p.id);
          }
        }
        checkContainmentKeys(p, i, ctx);
      } else if (p.agents === undefined && p.shifts === undefined) {
        ctx.addIssue({ code: 'custom', path: ['staffing', i, 'agents'], message: 'expected agents (a whole number, around the clock) or shifts' });
      } else if (p.agents !== undefined && p.shifts !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['staffing', i, 'shifts'], message: 'expected agents or shifts, not both' });
      }
    });
    s.demand.forEach((d, i) => checkRedialLoop(d, i, ctx));
  });

type Context = z.core.$RefinementCtx<unknown>;

/** Containment keys: default, one of the AI pool's languages, or language/channel it covers. */
function checkContainmentKeys(p: AiPool, i: number, ctx: Context): void {
  for (const key of Object.keys(p.containment)) {
    if (key === 'default') continue;
    const [language, ch, ...more] = key.split('/');
    const known = p.skills.includes(language) && more.length === 0 && (ch === undefined || (p.channels as string[]).includes(ch));
    if (!known) {
      const channels = p.channels.length > 0 ? `${p.skills[0]}/${p.channels[0]}` : `${p.skills[0]}/chat`;
      ctx.addIssue({
        code: 'custom',
        path: ['staffing', i, 'containment', key],
        message: `unknown key: expected default, one of the pool's languages (${p.skills.join(', ')}) or a language/channel it covers such as ${channels}`,
      });
    }
  }
}

/** With redial share 1 and a delay that is always 0, a caller whose patience is (or may be) 0
 * hangs up and calls again at the same instant for ever: a loop that makes no progress. */
function checkRedialLoop(d: DemandStream, i: number, ctx: Context): void {
  const redial = d.redial;
  if (!redial || redial.share < 1 || d.channel === 'email' || distributionMean(redial.delay) > 0) return;
  const patiences: (Distribution | undefined)[] = [d.patience];
  if (d.machineCustomers && d.machineCustomers.share > 0) patiences.push(d.machineCustomers.patience ?? d.patience);
  if (patiences.some((p) => p !== undefined && shortestDuration(p) === 0)) {
    ctx.addIssue({
      code: 'custom',
      path: ['demand', i, 'redial', 'delay'],
      message:
        'expected a redial delay above 0 when every caller who hangs up redials (share 1) and patience can be 0: ' +
        'such a caller would hang up and call again at the same instant for ever',
    });
  }
}

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type DemandStream = Scenario['demand'][number];
export type StaffingPool = Scenario['staffing'][number];
export type HumanPool = Extract<StaffingPool, { type: 'in-house' | 'outsourced' }>;
export type AiPool = Extract<StaffingPool, { type: 'ai' }>;

export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; additionalProperties?: SchemaNode | boolean; anyOf?: SchemaNode[]; oneOf?: SchemaNode[]; allOf?: SchemaNode[] };
let jsonSchema: SchemaNode | undefined;

/** The fields the schema allows in the mapping at `path` (every shape a union allows there). */
function fieldsAt(path: Path): Set<string> {
  jsonSchema ??= scenarioJsonSchema() as SchemaNode;
  let nodes = [jsonSchema];
  const branches = (n: SchemaNode): SchemaNode[] => [n, ...[...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])].flatMap(branches)];
  for (const key of path) {
    nodes = nodes.flatMap(branches).flatMap((n) => {
      const next = typeof key === 'number' ? n.items : (n.properties?.[String(key)] ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined));
      return next ? [next] : [];
    });
  }
  return new Set(nodes.flatMap(branches).flatMap((n) => Object.keys(n.properties ?? {})));
}

/** A scenario that cannot be used; `problems` are complete lines, each naming file and field. */
export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ScenarioError';
  }
}

type Path = ReadonlyArray<PropertyKey>;

export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(top level)';
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Replaces a failed union of objects (a staffing pool: human or AI) by the issues of its
 * closest branch, the one with fewest problems; a union of plain values keeps its own message. */
function flattenUnions(issues: z.core.$ZodIssue[], prefix: PropertyKey[] = []): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      let specific = issue.errors.filter((branch) => branch.some((i) => i.path.length > 0 || i.code === 'unrecognized_keys'));
      // A branch whose `type` fits (type: ai for an AI pool) before one that names the type wrong.
      const typeFits = specific.filter((branch) => !branch.some((i) => i.path.length === 1 && i.path[0] === 'type'));
      if (typeFits.length > 0) specific = typeFits;
      if (specific.length > 0) {
        return flattenUnions(specific.reduce((best, branch) => (branch.length < best.length ? branch : best)), path);
      }
      // A value of the one branch's type that fails its check (a head count of 2^60 among a
      // number, auto or a range): that check's message, not the union's list of shapes.
      const checked = issue.errors.filter((branch) => branch.length > 0 && branch.every((i) => i.code !== 'invalid_type' && i.code !== 'invalid_value' && i.code !== 'invalid_union'));
      if (checked.length === 1) return flattenUnions(checked[0], path);
    }
    return [{ ...issue, path }];
  });
}

/** What a group of fields looks like, for "expected an object" problems, by field name. */
const GROUP_HINTS: Record<string, string> = {
  '': 'expected a scenario: a YAML or JSON mapping with name, horizon, demand and staffing',
  horizon: 'expected { start, days or hours, warmupHours }',
  volume: 'expected { perHour: N }, { perDay: N } or { perWeek: N }',
  serviceLevel: 'expected { seconds: 20, target: 0.8 }',
  cost: 'expected a mapping such as { perHour: 42 }',
  handleTime: 'expected a distribution such as { dist: lognormal, mean: 300, cv: 0.6 }',
  patience: 'expected a distribution such as { dist: exponential, mean: 120 }',
};

function problemText(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  const got = value === undefined ? 'it is missing' : `got ${describeValue(value)}`;
  if (issue.code === 'invalid_type' && issue.expected === 'object') {
    const key = issue.path.length > 0 ? String(issue.path[issue.path.length - 1]) : '';
    return `${GROUP_HINTS[key] ?? 'expected a mapping of fields (key: value)'}, ${got}`;
  }
  const meant = typeof value === 'string' ? closestWord(value, choicesOf(issue)) : undefined;
  return `${issue.message}, ${got}${meant ? ` (did you mean ${meant}?)` : ''}`;
}

/** The words a field accepts, where it takes one of a few (a channel, a pool type, a distribution). */
function choicesOf(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'invalid_value') return issue.values.filter((v): v is string => typeof v === 'string');
  return issue.path.at(-1) === 'dist' ? [...DISTRIBUTION_NAMES] : [];
}

/** Field problems reported: an analyst fixes the first ones; the rest are counted. */
const MAX_FIELD_PROBLEMS = 50;

/** Validates parsed data; `lineOf` maps a field path to a line number where the format has one. */
export function validateScenario(data: unknown, file: string, lineOf: (path: Path) => number | undefined = () => undefined): Scenario {
  const parsed = scenarioSchema.safeParse(data);
  const where = (path: Path) => {
    const line = lineOf(path);
    return `${file}${line ? `:${line}` : ''}: ${formatPath(path)}`;
  };
  const UNKNOWN = 'unknown field (check the spelling, or whether it belongs here)';
  const unknown = (path: Path) => `${where(path)}: ${UNKNOWN}`;
  const misspelt = (path: Path, key: string) => {
    // JSON has no comments: YAML reads "// note" and the key after it as one field name.
    if (/^(\/\/|\/\*)/.test(key)) return 'a comment, which JSON does not allow (write the file as YAML to use # comments)';
    // YAML 1.1's merge key is a plain field name in YAML 1.2, which scenario files are read as.
    if (key === '<<') return 'a merge key (<<: *name), which a scenario file does not take (YAML 1.2): write the fields out, or repeat a whole value with *name';
    const meant = closestWord(key, fieldsAt(path));
    return meant ? `unknown field (did you mean ${meant}?)` : UNKNOWN;
  };
  // A "__proto__" key is dropped by the schema's records (it cannot be set on a plain object):
  // found in the data itself, as the unknown field it is.
  const prototypeKeys = protoPaths(data).map(unknown);
  if (parsed.success && prototypeKeys.length === 0) return parsed.data;
  // A merge key (<<) brings none of its fields here (YAML 1.2): the fields it was to bring are
  // missing as a consequence, and it is the one problem of its mapping to report.
  const flattened = parsed.success ? [] : flattenUnions(parsed.error.issues);
  const merging = new Set(flattened.flatMap((i) => (i.code === 'unrecognized_keys' && i.keys.includes('<<') ? [formatPath(i.path)] : [])));
  const consequence = (issue: z.core.$ZodIssue) =>
    issue.path.length > 0 && merging.has(formatPath(issue.path.slice(0, -1))) && valueAt(data, issue.path) === undefined;
  const issues = flattened.filter((issue) => !consequence(issue));
  // The same problem in several items of one list (24 hourly weights): one line. Counted in one
  // pass: a list of 100,000 wrong values has 100,000 issues.
  const listKey = (issue: z.core.$ZodIssue) =>
    typeof issue.path.at(-1) === 'number' ? JSON.stringify([issue.code, issue.message, issue.path.slice(0, -1).map(String)]) : undefined;
  const alike = new Map<string, number>();
  for (const issue of issues) {
    const key = listKey(issue);
    if (key !== undefined) alike.set(key, (alike.get(key) ?? 0) + 1);
  }
  const reported = new Set<string>();
  let lines = prototypeKeys.length;
  // Past the cap a problem is only counted (finding its line would read the document again).
  const line = (path: Path, text: () => string) => (++lines > MAX_FIELD_PROBLEMS ? '' : `${where(path)}: ${text()}`);
  const problems = issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.filter((key) => key !== '__proto__').map((key) => line([...issue.path, key], () => misspelt(issue.path, key)));
    }
    const key = listKey(issue);
    if (key !== undefined && reported.has(key)) return [];
    if (key !== undefined) reported.add(key);
    const more = key === undefined ? 0 : alike.get(key)! - 1;
    const suffix = more > 0 ? ` (and ${more} more like it in ${formatPath(issue.path.slice(0, -1))})` : '';
    return [line(issue.path, () => `${problemText(issue, data)}${suffix}`)];
  });
  const all = [...prototypeKeys, ...problems];
  if (all.length > MAX_FIELD_PROBLEMS) {
    const rest = all.length - MAX_FIELD_PROBLEMS + 1;
    throw new ScenarioError([...all.slice(0, MAX_FIELD_PROBLEMS - 1), `${file}: and ${shown(rest)} more problems`]);
  }
  throw new ScenarioError(all);
}

/** Paths of own "__proto__" keys anywhere in parsed data. */
function protoPaths(data: unknown, path: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  if (found.length >= 10 || data === null || typeof data !== 'object') return found;
  if (Array.isArray(data)) data.forEach((item, i) => protoPaths(item, [...path, i], found));
  else {
    if (Object.hasOwn(data, '__proto__')) found.push([...path, '__proto__']);
    for (const [key, value] of Object.entries(data)) if (key !== '__proto__') protoPaths(value, [...path, key], found);
  }
  return found;
}

/** How every scenario file is read: YAML 1.2's core schema whatever a %YAML directive says (YAML
 * 1.1 reads 010 as 8, 1:30 as 90 and yes as true), and no tags beyond it (!!binary, !!timestamp,
 * !!set and custom tags are left unresolved, and refused below). */
const YAML_OPTIONS = { schema: 'core', resolveKnownTags: false, merge: false } as const;

/** A lone carriage return ends a line in YAML, but not for the parser, which read a file saved
 * with old Mac line ends as one long line. One character for one: offsets stay where they were. */
const lineEndsOf = (text: string) => (text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text);

/** What the parser warns about and would otherwise pass over in silence: a tag left unresolved
 * (its value then read as text: `agents: !custom 6` became "6"), a %YAML version other than 1.2. */
function warningProblems(text: string, doc: Document.Parsed, lines: LineCounter): { line: number; col: number; message: string }[] {
  const problems = doc.warnings.map((w) => {
    const { line, col } = lines.linePos(w.pos[0]);
    const message =
      w.code === 'TAG_RESOLVE_FAILED'
        ? `the tag ${text.slice(w.pos[0], w.pos[1]).trim() || 'here'} is not one a scenario file uses: its values are plain text, numbers, true or false, lists and mappings; remove the tag`
        : w.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { line, col, message };
  });
  if (doc.directives?.yaml.explicit && doc.directives.yaml.version !== '1.2') {
    const offset = Math.max(0, text.search(/^%YAML/m));
    const { line, col } = lines.linePos(offset);
    problems.unshift({ line, col, message: `%YAML ${doc.directives.yaml.version}: a scenario file is read as YAML 1.2 (where 010 is ten and yes is text, not eight and true); remove this line` });
  }
  return problems;
}

/** Parses a scenario from YAML or JSON text (JSON is YAML); `file` names it in error messages. */
export function parseScenario(text: string, file: string): Scenario {
  return parseScenarioLines(text, file).scenario;
}

/** A field's line in the text a scenario was parsed from, where it has one. */
export type FieldLines = (path: Path) => number | undefined;

/** parseScenario, keeping the parse's positions for the lines of later problems (the work
 * check's): parsing the text again for them was most of the time a large file took to refuse.
 * They hold the parsed document: keep them no longer than those checks. */
export function parseScenarioLines(text: string, file: string): { scenario: Scenario; lineOf: FieldLines } {
  text = lineEndsOf(text);
  // Refused before the parser builds anything: its time and memory grow with these (README, "Limits").
  const beyond = itemsBeyond(text, LIMITS.fileItems, LIMITS.fileDepth);
  if (beyond) {
    const line = lineOfOffset(text, beyond.offset);
    throw new ScenarioError([
      beyond.tooDeep
        ? `${file}:${line}: not valid YAML or JSON: nested too deeply: expected at most ${LIMITS.fileDepth} brackets open at once; not read further`
        : `${file}:${line}: too many list items and fields: expected at most ${shown(LIMITS.fileItems)} in a scenario file ` +
          `(the longest lists are ${shown(LIMITS.samples)} observed values or histogram bins); not read further`,
    ]);
  }
  const quotes = quoteLinesBeyond(text, LIMITS.fileQuoteLines);
  if (quotes !== undefined) {
    throw new ScenarioError([
      `${file}:${lineOfOffset(text, quotes)}: not valid YAML or JSON: more than ${shown(LIMITS.fileQuoteLines)} lines open or close quoted text ` +
        'that runs on to another line (a quote left open?); not read further',
    ]);
  }
  const { doc, lines: lineCounter, problems } = parseYaml(text, YAML_OPTIONS);
  if (problems.length > 0) throw new ScenarioError(problems.map((p) => `${file}:${p.line}:${p.col}: not valid YAML or JSON: ${p.message}`));
  const warned = warningProblems(text, doc, lineCounter);
  if (warned.length > 0) throw new ScenarioError(warned.slice(0, 10).map((p) => `${file}:${p.line}:${p.col}: ${p.message}`));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolvable or excessive aliases are only found when the document is converted.
    const message = (e as Error).message.split('\n')[0];
    const alias = unresolvedAlias(text, lineCounter, message);
    throw new ScenarioError([alias ? `${file}:${alias.line}:${alias.col}: not valid YAML or JSON: ${alias.message}` : `${file}: not valid YAML or JSON: ${message}`]);
  }
  const lineOf = lineFinder(doc, lineCounter);
  return { scenario: validateScenario(data, file, lineOf), lineOf };
}

/** The line of a field (by its path) in a scenario file's text, where there is one. */
export function fieldLine(text: string, path: Path): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(lineEndsOf(text), { ...YAML_OPTIONS, lineCounter, uniqueKeys: false });
  return lineFinder(doc, lineCounter)(path);
}

/** "demand[0].volume.perHour" → ["demand", 0, "volume", "perHour"] (formatPath's inverse). */
export function parsePath(text: string): (string | number)[] {
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

function lineFinder(doc: Document.Parsed | ReturnType<typeof parseDocument>, lineCounter: LineCounter): FieldLines {
  const lineAt = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  // The line of the field's key where it has one (a nested block starts a line below its key).
  return (path: Path): number | undefined => {
    for (let n = path.length; n > 0; n--) {
      const parent = doc.getIn(path.slice(0, n - 1), true);
      const key = path[n - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (pair) return lineAt(pair.key as YamlNode);
      } else if (isSeq(parent) && typeof key === 'number' && parent.items[key]) {
        return lineAt(parent.items[key] as YamlNode);
      }
    }
    return lineAt(doc.contents);
  };
}
