// The scenario file: its schema (zod, exported as JSON Schema for editors), parsing of YAML or
// JSON text, and error messages that name the file, the field path and what was expected.
import * as z from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { distribution } from './distributions';
import { fraction, nonNegative, positive, wholeNumber } from './schema-parts';

const CHANNELS = ['voice', 'chat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

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
    perHour: nonNegative('contacts per hour').optional(),
    perDay: nonNegative('contacts per day').optional(),
    perWeek: nonNegative('contacts per week').optional(),
  })
  .refine((v) => [v.perHour, v.perDay, v.perWeek].filter((x) => x !== undefined).length === 1, {
    error: 'expected exactly one of perHour, perDay, perWeek',
  })
  .describe('Average volume, spread over the pattern.');

const pattern = z.union(
  [
    z.literal('flat'),
    z.strictObject({
      hourly: z
        .array(nonNegative('a weight'), { error: 'expected 24 hourly weights' })
        .length(24, { error: 'expected 24 hourly weights (00:00 to 23:00 local time)' }),
      weekday: z
        .array(nonNegative('a weight'), { error: 'expected 7 weekday weights' })
        .length(7, { error: 'expected 7 weekday weights, Monday first' })
        .optional(),
    }),
  ],
  { error: "expected 'flat' or { hourly: [24 weights], weekday: [7 weights] }" },
);

const demandStream = z.strictObject({
  id: identifier,
  language,
  channel: channel.default('voice'),
  timezone: timezone.default('UTC').describe("The customers' time zone: the pattern is in their local time."),
  volume,
  pattern: pattern.default('flat'),
  handleTime: distribution.describe('Handle time of one contact, in seconds.'),
  patience: distribution
    .optional()
    .describe('How long a customer waits before abandoning, in seconds. Omit for no abandonment.'),
});

const pool = z.strictObject({
  id: identifier,
  type: z.enum(['in-house', 'outsourced'], { error: 'expected in-house or outsourced' }).default('in-house'),
  skills: z.array(language, { error: 'expected a list of language codes' }).min(1, {
    error: 'expected at least one language',
  }),
  channels: z.array(channel, { error: 'expected a list of channels' }).min(1).default([...CHANNELS]),
  agents: wholeNumber(0).describe('Agents on the phones around the clock.'),
  acceptAfterSeconds: nonNegative('seconds')
    .default(0)
    .describe('Overflow: the pool takes a contact only once it has waited this long.'),
  cost: z
    .strictObject({ perHour: nonNegative('a cost per paid agent hour') })
    .prefault({ perHour: 0 }),
});

const horizon = z
  .strictObject({
    start: z.iso.datetime({ offset: true, error: 'expected an ISO date-time such as 2026-03-23T00:00:00Z' }),
    days: positive('a number of days').optional(),
    hours: positive('a number of hours').optional(),
    warmupHours: nonNegative('hours')
      .default(24)
      .describe('Simulated before start and not reported, so that queues are not empty at the start.'),
  })
  .refine((h) => (h.days === undefined) !== (h.hours === undefined), {
    error: 'expected exactly one of days, hours',
  });

export const scenarioSchema = z
  .strictObject({
    name: z.string({ error: 'expected a name' }).min(1, { error: 'expected a name' }),
    description: z.string().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: 'expected a currency code such as EUR' })
      .default('EUR'),
    horizon,
    intervalMinutes: z
      .union([5, 10, 15, 20, 30, 60].map((m) => z.literal(m)), {
        error: 'expected 5, 10, 15, 20, 30 or 60',
      })
      .default(30),
    serviceLevel: z
      .strictObject({ seconds: positive('a threshold in seconds'), target: fraction })
      .prefault({ seconds: 20, target: 0.8 }),
    seed: wholeNumber(0).default(1),
    replications: wholeNumber(1).default(10),
    routing: z
      .enum(['priority', 'longest-idle', 'random'], { error: 'expected priority, longest-idle or random' })
      .default('priority')
      .describe('How an arriving contact picks among idle agents of several pools.'),
    demand: z.array(demandStream, { error: 'expected a list of demand streams' }).min(1, {
      error: 'expected at least one demand stream',
    }),
    staffing: z.array(pool, { error: 'expected a list of staffing pools' }).min(1, {
      error: 'expected at least one staffing pool',
    }),
  })
  .superRefine((s, ctx) => {
    for (const list of ['demand', 'staffing'] as const) {
      const seen = new Set<string>();
      s[list].forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate id '${item.id}'` });
        seen.add(item.id);
      });
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type DemandStream = Scenario['demand'][number];
export type StaffingPool = Scenario['staffing'][number];

export function scenarioJsonSchema(): object {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
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
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Validates parsed data; `lineOf` maps a field path to a line number where the format has one. */
export function validateScenario(data: unknown, file: string, lineOf: (path: Path) => number | undefined = () => undefined): Scenario {
  const parsed = scenarioSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const line = lineOf(path);
    const where = `${file}${line ? `:${line}` : ''}: ${formatPath(path)}`;
    if (issue.code === 'unrecognized_keys') {
      return `${where}: unknown field${issue.keys.length > 1 ? `s ${issue.keys.join(', ')}` : ''} (check the spelling)`;
    }
    const value = valueAt(data, issue.path);
    const got = value === undefined ? 'it is missing' : `got ${describeValue(value)}`;
    return `${where}: ${issue.message}, ${got}`;
  });
  throw new ScenarioError(problems);
}

/** Parses a scenario from YAML or JSON text (JSON is YAML); `file` names it in error messages. */
export function parseScenario(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      doc.errors.map((e) => {
        const at = e.linePos?.[0];
        return `${file}${at ? `:${at.line}:${at.col}` : ''}: not valid YAML or JSON: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`;
      }),
    );
  }
  const data = doc.toJS({ maxAliasCount: 100 });
  const lineOf = (path: Path): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return validateScenario(data, file, lineOf);
}
