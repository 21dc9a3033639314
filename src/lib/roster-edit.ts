// The roster editor's logic without a browser: the human pools and their shifts as the file has
// them, each shift's bars on the week (local time of the pool's site), the requirement and the
// agents on the phones per interval folded onto the same week, and every edit (a shift's days,
// hours, head count; adding and removing shifts and pools; skills, secondary languages, channels)
// written into the scenario's text with only the changed part rewritten (src/lib/yaml-splice.ts).
import type { Document } from 'yaml';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { rawData, type FieldPath, type ScenarioDoc } from './scenario-doc';
import { wallTime, WEEKDAYS } from './time';

export const WEEK_MINUTES = 7 * 1440;
export const CHANNEL_NAMES = ['voice', 'chat', 'email'] as const;
type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => v !== null && typeof v === 'object' && !Array.isArray(v);

// --- days ----------------------------------------------------------------------------------------

const dayIndex = (name: string) => WEEKDAYS.findIndex((d) => d.toLowerCase() === name.trim().toLowerCase());

/** The days a shift starts on as a bit mask (Monday = bit 0), or null when not understood. The same
 * grammar as the schema: daily, Sat, Mon-Fri, Fri-Mon, comma lists, or a list of those. */
export function daysMask(days: unknown): number | null {
  // No day at all (every day box unticked writes ""): the empty set, still editable by the day
  // boxes (the schema's message says a day is needed), rather than text the boxes cannot show.
  if ((typeof days === 'string' && days.trim() === '') || (Array.isArray(days) && days.length === 0)) return 0;
  const items = typeof days === 'string' ? [days] : Array.isArray(days) ? days : null;
  if (!items?.length) return null;
  let mask = 0;
  for (const item of items) {
    if (typeof item !== 'string') return null;
    for (const part of item.split(',')) {
      if (part.trim().toLowerCase() === 'daily') {
        mask |= 127;
        continue;
      }
      const [a, b, extra] = part.split('-');
      const from = dayIndex(a);
      const to = b === undefined ? from : dayIndex(b);
      if (extra !== undefined || from < 0 || to < 0) return null;
      for (let d = from; ; d = (d + 1) % 7) {
        mask |= 1 << d;
        if (d === to) break;
      }
    }
  }
  return mask;
}

/** The shortest text for a mask: daily, Sat, Mon-Fri, Sat-Sun, or Mon,Wed,Fri. */
export function daysText(mask: number): string {
  if ((mask & 127) === 127) return 'daily';
  const on = WEEKDAYS.map((_, d) => (mask >> d) & 1);
  // One run of days (possibly across Sunday → Monday)?
  const starts = on.map((v, d) => (v && !on[(d + 6) % 7] ? d : -1)).filter((d) => d >= 0);
  if (starts.length === 1) {
    const from = starts[0];
    let to = from;
    while (on[(to + 1) % 7]) to = (to + 1) % 7;
    return from === to ? WEEKDAYS[from] : `${WEEKDAYS[from]}-${WEEKDAYS[to]}`;
  }
  return WEEKDAYS.filter((_, d) => on[d]).join(',');
}

// --- the roster as the file has it ---------------------------------------------------------------

export const minutesOf = (t: unknown): number | null => {
  const m = typeof t === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(t.trim()) : null;
  if (!m || Number(m[2]) > 59 || Number(m[1]) > 24 || (Number(m[1]) === 24 && Number(m[2]) > 0)) return null;
  return Number(m[1]) * 60 + Number(m[2]);
};
export const clock = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export interface RosterShift {
  /** Index in the pool's `shifts`. */
  index: number;
  days: unknown;
  mask: number | null;
  start: string;
  end: string;
  /** Start and length in minutes (an end at or before the start runs into the next day), or null
   * for a shift that is not a fixed start and end (candidate starts for the planner). */
  from: number | null;
  length: number | null;
  agents: unknown;
  /** The planner decides its head count (auto, { min, max }) or start (startBetween). */
  open: boolean;
  /** Candidate starts for the planner: the first and last start (minutes) and the length. */
  candidates: { first: number; last: number; every: number; length: number } | null;
}

export interface RosterPool {
  index: number;
  id: string;
  type: string;
  timezone: string;
  skills: string[];
  secondary: string[];
  /** The channels the file names (null: all, the default). */
  channels: string[] | null;
  /** Agents around the clock (the shorthand), when the pool has no shifts. */
  agents: unknown;
  shifts: RosterShift[];
}

function candidatesOf(shift: Raw): RosterShift['candidates'] {
  if (!Array.isArray(shift.startBetween) || typeof shift.hours !== 'number') return null;
  const first = minutesOf(shift.startBetween[0]);
  const last = minutesOf(shift.startBetween[1]);
  if (first === null || last === null || last < first || shift.hours <= 0 || shift.hours > 24) return null;
  return { first, last, every: typeof shift.every === 'number' ? shift.every : 60, length: Math.round(shift.hours * 60) };
}

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The pools of the document as written (AI pools left out: they have no shifts). */
export function rosterPools(doc: ScenarioDoc): RosterPool[] {
  const data = rawData(doc);
  const staffing = Array.isArray(data?.staffing) ? data.staffing : [];
  return staffing.flatMap((p, index): RosterPool[] => {
    if (!isObject(p) || p.type === 'ai') return [];
    const shifts = (Array.isArray(p.shifts) ? p.shifts : []).map((s, k): RosterShift => {
      const shift = isObject(s) ? s : {};
      const from = minutesOf(shift.start);
      const to = minutesOf(shift.end);
      const fixed = from !== null && to !== null && shift.startBetween === undefined;
      return {
        index: k,
        days: shift.days,
        mask: daysMask(shift.days),
        start: typeof shift.start === 'string' ? shift.start : '',
        end: typeof shift.end === 'string' ? shift.end : '',
        from: fixed ? from : null,
        length: fixed ? (to! <= from! ? to! + 1440 - from! : to! - from!) : null,
        agents: shift.agents,
        // Open is what the schema leaves to the planner (agents auto or { min, max }, candidate
        // starts), not a time or head count typed wrong: that has the schema's message instead.
        open: shift.startBetween !== undefined || shift.agents === 'auto' || isObject(shift.agents),
        candidates: candidatesOf(shift),
      };
    });
    return [
      {
        index,
        id: String(p.id ?? `pool ${index + 1}`),
        type: typeof p.type === 'string' ? p.type : 'in-house',
        timezone: typeof p.timezone === 'string' ? p.timezone : 'UTC',
        skills: strings(p.skills),
        secondary: isObject(p.secondarySkills) ? strings(p.secondarySkills.languages) : [],
        channels: Array.isArray(p.channels) ? strings(p.channels) : null,
        agents: p.agents,
        shifts,
      },
    ];
  });
}

/** The bars of a shift on the week: [from, to) in minutes after Monday 00:00, one per day it
 * starts on; a bar past Sunday midnight continues on Monday (two pieces). */
export function shiftBars(shift: { mask: number | null; from: number | null; length: number | null }): { day: number; from: number; to: number }[] {
  if (shift.mask === null || shift.from === null || shift.length === null) return [];
  const bars: { day: number; from: number; to: number }[] = [];
  for (let d = 0; d < 7; d++) {
    if (!((shift.mask >> d) & 1)) continue;
    const from = d * 1440 + shift.from;
    const to = from + shift.length;
    if (to <= WEEK_MINUTES) bars.push({ day: d, from, to });
    else bars.push({ day: d, from, to: WEEK_MINUTES }, { day: d, from: 0, to: to - WEEK_MINUTES });
  }
  return bars;
}

/** Paid agent-hours of a week of the shift. */
export function shiftWeekHours(shift: RosterShift): number {
  if (shift.mask === null || shift.length === null || typeof shift.agents !== 'number') return 0;
  let days = 0;
  for (let m = shift.mask & 127; m; m &= m - 1) days++;
  return (days * shift.length * shift.agents) / 60;
}

// --- requirement and agents on the phones, folded onto the pool's week ----------------------------

export interface WeekProfile {
  /** Minutes a slot of the series below: the result's reporting interval (an hour at most, and a
   * divisor of an hour; otherwise an hour). */
  slotMinutes: number;
  /** Per slot of the week (Monday 00:00 local = 0): means over the horizon's weeks. */
  required: number[];
  requiredScheduled: number[];
  /** This pool's agents on the phones, and those of every pool serving its queues. */
  onPhones: number[];
  onPhonesServing: number[];
  /** Per hour of the week: sim/'s gap flags of the pool's queues, summed over queues and weeks
   * (demand and nobody with the skill on the phones; covered but below the channel's target). */
  uncovered: number[];
  below: number[];
  /** Per slot: does the horizon hold it at all (a horizon shorter than a week does not)? */
  inHorizon: boolean[];
}

/** Does pool `p` take contacts of any queue pool `of` serves? */
export function serves(p: RosterPool, of: RosterPool): boolean {
  const languages = new Set([...of.skills, ...of.secondary]);
  const channels = of.channels ?? CHANNEL_NAMES;
  return [...p.skills, ...p.secondary].some((l) => languages.has(l)) && (p.channels ?? CHANNEL_NAMES).some((c) => (channels as readonly string[]).includes(c));
}

/** The agents required by the queues the pool serves (its languages, secondary ones included, and
 * channels), its agents on the phones and those of all pools serving those queues, and the queues'
 * gap hours, per reporting interval (gap flags per hour) of the week in the pool's zone. */
export function weekProfile(result: ScenarioResult, pool: RosterPool, pools: RosterPool[]): WeekProfile {
  const languages = new Set([...pool.skills, ...pool.secondary]);
  const channels = new Set<string>(pool.channels ?? CHANNEL_NAMES);
  const queues = result.coverage.filter((q) => languages.has(q.language) && channels.has(q.channel));
  const own = result.staffing[pool.id] ?? [];
  const serving = pools.filter((p) => p.id === pool.id || serves(p, pool)).map((p) => result.staffing[p.id] ?? []);
  const slotMinutes = result.intervalMinutes <= 60 && 60 % result.intervalMinutes === 0 ? result.intervalMinutes : 60;
  const slots = WEEK_MINUTES / slotMinutes;
  const zero = (n = slots) => new Array<number>(n).fill(0);
  const sums = { required: zero(), requiredScheduled: zero(), onPhones: zero(), onPhonesServing: zero() };
  const counts = zero();
  const start = Date.parse(result.start);
  const step = result.intervalMinutes * 60_000;
  const minuteOf = (ms: number) => {
    const w = wallTime(ms, pool.timezone);
    return w.weekday * 1440 + w.hour * 60 + w.minute;
  };
  result.intervals.forEach((_, i) => {
    const h = Math.floor(minuteOf(start + i * step) / slotMinutes);
    counts[h]++;
    sums.onPhones[h] += own[i] ?? 0;
    for (const s of serving) sums.onPhonesServing[h] += s[i] ?? 0;
    for (const q of queues) {
      sums.required[h] += q.requiredAgents[i] ?? 0;
      sums.requiredScheduled[h] += q.requiredScheduled?.[i] ?? 0;
    }
  });
  const uncovered = zero(168);
  const below = zero(168);
  for (const q of queues) {
    q.hours.uncovered.forEach((flag, k) => {
      if (!flag && !q.hours.belowTarget[k]) return;
      const h = Math.floor(minuteOf(start + k * 3_600_000) / 60);
      uncovered[h] += flag;
      below[h] += q.hours.belowTarget[k];
    });
  }
  const mean = (xs: number[]) => xs.map((x, h) => (counts[h] ? x / counts[h] : 0));
  return {
    slotMinutes,
    required: mean(sums.required),
    requiredScheduled: mean(sums.requiredScheduled),
    onPhones: mean(sums.onPhones),
    onPhonesServing: mean(sums.onPhonesServing),
    uncovered,
    below,
    inHorizon: counts.map((n) => n > 0),
  };
}

// --- edits ----------------------------------------------------------------------------------------

export type RosterEdit = (doc: Document) => void;
const shiftPath = (pool: number, k: number): FieldPath => ['staffing', pool, 'shifts', k];

/** Sets fields of one shift (its other fields and its layout kept). */
export function setShift(pool: number, k: number, patch: Partial<{ days: string; start: string; end: string; agents: unknown }>): RosterEdit {
  return (doc) => {
    for (const [key, value] of Object.entries(patch)) doc.setIn([...shiftPath(pool, k), key], value);
  };
}

/** The shift's days, start and length after moving it by `delta` minutes ('move'), or moving its
 * start or end; null when that leaves less than 15 minutes or more than 24 hours. A start moved
 * past midnight takes the days along (a shift belongs to the day it starts on). */
export function adjusted(shift: RosterShift, delta: number, part: 'move' | 'start' | 'end'): { mask: number; from: number; length: number } | null {
  if (shift.from === null || shift.length === null || shift.mask === null) return null;
  let from = shift.from + (part === 'end' ? 0 : delta);
  const length = shift.length + (part === 'end' ? delta : part === 'start' ? -delta : 0);
  if (length < 15 || length > 1440) return null;
  const days = Math.floor(from / 1440);
  from -= days * 1440;
  return { mask: days ? rotate(shift.mask, days) : shift.mask, from, length };
}

/** The edit for `adjusted`: start, end (and days when they moved) written into the shift. */
export function moveShift(pool: number, shift: RosterShift, delta: number, part: 'move' | 'start' | 'end'): RosterEdit | null {
  const next = adjusted(shift, delta, part);
  if (!next) return null;
  const end = next.from + next.length;
  const patch: Record<string, string> = { start: clock(next.from), end: end === 1440 ? '24:00' : clock(end) };
  if (next.mask !== shift.mask) patch.days = daysText(next.mask);
  return setShift(pool, shift.index, patch);
}

/** The mask with every day moved `by` days later (Sunday wraps to Monday). */
export function rotate(mask: number, by: number): number {
  const k = ((by % 7) + 7) % 7;
  return ((mask << k) | (mask >> (7 - k))) & 127;
}

export function addShift(pool: RosterPool, shift = { days: 'Mon-Fri', start: '09:00', end: '17:00', agents: 10 }): RosterEdit {
  return (doc) => {
    if (!pool.shifts.length) {
      // The shorthand (agents around the clock) becomes a shift of its own, then the new one.
      const around = typeof pool.agents === 'number' ? [{ days: 'daily', start: '00:00', end: '24:00', agents: pool.agents }] : [];
      doc.deleteIn(['staffing', pool.index, 'agents']);
      doc.setIn(['staffing', pool.index, 'shifts'], doc.createNode([...around, shift]));
    } else doc.addIn(['staffing', pool.index, 'shifts'], doc.createNode(shift));
  };
}

export function removeShift(pool: number, k: number): RosterEdit {
  return (doc) => doc.deleteIn(shiftPath(pool, k));
}

/** Sets a list of the pool (skills, channels, secondary languages); an empty secondary list drops
 * `secondarySkills`, all channels drops `channels` if the file did not name them. */
export function setPoolList(pool: RosterPool, key: 'skills' | 'channels' | 'secondary', values: string[]): RosterEdit {
  return (doc) => {
    const base: FieldPath = ['staffing', pool.index];
    if (key === 'secondary') {
      if (!values.length) doc.deleteIn([...base, 'secondarySkills']);
      else if (pool.secondary.length || doc.getIn([...base, 'secondarySkills'])) doc.setIn([...base, 'secondarySkills', 'languages'], doc.createNode(values));
      else doc.setIn([...base, 'secondarySkills'], doc.createNode({ languages: values }));
      return;
    }
    if (key === 'channels' && pool.channels === null && CHANNEL_NAMES.every((c) => values.includes(c))) return;
    doc.setIn([...base, key], doc.createNode(values));
  };
}

export function setPoolField(pool: RosterPool, key: 'id' | 'type' | 'timezone', value: string): RosterEdit {
  return (doc) => doc.setIn(['staffing', pool.index, key], value);
}

/** A new pool at the end of the staffing list: one weekday shift, a price per hour. */
export function addPool(existing: string[], skills: string[]): RosterEdit {
  let n = existing.length + 1;
  while (existing.includes(`pool-${n}`)) n++;
  return (doc) =>
    doc.addIn(
      ['staffing'],
      doc.createNode({
        id: `pool-${n}`,
        type: 'in-house',
        timezone: 'UTC',
        skills: skills.length ? skills : ['en'],
        shifts: [{ days: 'Mon-Fri', start: '09:00', end: '17:00', agents: 10 }],
        cost: { perHour: 30 },
      }),
    );
}

export function removePool(index: number): RosterEdit {
  return (doc) => doc.deleteIn(['staffing', index]);
}

/** "en, de , pt-BR" → [en, de, pt-BR]. */
export const splitList = (text: string) =>
  text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
