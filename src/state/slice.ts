// The slice the result views show: one language or all, one channel or all, one day or the whole
// period. All three are the session's (AppState.channel, .language, .day): the coverage heatmap and
// Compare filter by the channel too, and a link carries them.
import type { ReactiveControllerHost } from 'lit';
import type { Estimate } from '../../sim/stats/confidence';
import type { QueueCoverage, ScenarioResult } from '../../sim/stats/metrics';
import { wallTime, WEEKDAYS, pad2 } from '../lib/time';
import { intervalStarts } from '../lib/chart';
import { ViewController } from './app-store';

export interface SliceState {
  /** 'all' or a language code. */
  language: string;
  /** '' for the whole period, or a local date "YYYY-MM-DD" in the display time zone. */
  day: string;
}

/** A local date in `zone`, "YYYY-MM-DD". */
export function localDate(ms: number, zone: string): string {
  const w = wallTime(ms, zone);
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
}

export interface DayOption {
  date: string;
  label: string;
  /** Intervals [from, to) whose start falls on that local date. */
  from: number;
  to: number;
}

/** The days of a result in the display time zone, each with its intervals. */
export function resultDays(r: ScenarioResult, zone: string): DayOption[] {
  const starts = intervalStarts(r.start, r.intervals.length, r.intervalMinutes);
  const days: DayOption[] = [];
  starts.forEach((ms, i) => {
    const date = localDate(ms, zone);
    const last = days[days.length - 1];
    if (last && last.date === date) last.to = i + 1;
    else {
      const w = wallTime(ms, zone);
      days.push({ date, label: `${WEEKDAYS[w.weekday]} ${w.day} ${MONTHS[w.month - 1]}`, from: i, to: i + 1 });
    }
  });
  return days;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The slice as it applies to one result: values it does not have fall back to 'all' / the whole period. */
export interface Slice {
  language: string;
  channel: string;
  day: DayOption | null;
  languages: string[];
  channels: string[];
  days: DayOption[];
  /** Intervals shown: [from, to). */
  from: number;
  to: number;
}

export function sliceOf(r: ScenarioResult, state: SliceState, channel: string, zone: string): Slice {
  const languages = [...new Set(r.coverage.map((q) => q.language))];
  const channels = [...new Set(r.coverage.map((q) => q.channel))];
  const days = resultDays(r, zone);
  const day = days.find((d) => d.date === state.day) ?? null;
  return {
    language: languages.includes(state.language) ? state.language : 'all',
    channel: channels.includes(channel) ? channel : 'all',
    day,
    languages,
    channels,
    days,
    from: day?.from ?? 0,
    to: day?.to ?? r.intervals.length,
  };
}

/** A view's reading of the app: the result, scenario and time zone (ViewController) plus the
 * slice. The host updates when any of them changes. */
export class SliceController {
  readonly view: ViewController;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.view = new ViewController(host, (s) => [s.state.channel, s.state.language, s.state.day]);
  }

  get state(): SliceState {
    const st = this.view.store?.state;
    return { language: st?.language ?? 'all', day: st?.day ?? '' };
  }

  get channel(): string {
    return this.view.store?.state.channel ?? 'all';
  }

  /** The slice for the result on screen (null without a result). */
  get slice(): Slice | null {
    const r = this.view.result;
    return r ? sliceOf(r, this.state, this.channel, this.view.timeZone) : null;
  }

  set(patch: Partial<SliceState & { channel: string }>): void {
    this.view.store?.set(patch);
  }
}

// --- figures of a slice ------------------------------------------------------------------------
// The result carries CIs for the whole period only (channels, queues); a day's figures are added
// up here from the per-interval means of the queues (result.coverage) — counts summed, rates
// recomputed from the summed counts, never averaged — and come without an interval.

export const SLICE_FIGURES = ['offered', 'answered', 'abandoned', 'serviceLevel', 'asaSeconds', 'abandonRate', 'uncoveredHours', 'hoursBelowTarget', 'gapHours'] as const;
export type SliceFigure = (typeof SLICE_FIGURES)[number];

export interface SliceFigures {
  figures: Record<SliceFigure, Estimate>;
  /** Added up from interval means for part of the period (no CI), not the result's own figures. */
  summed: boolean;
}

const mean = (x: number | null): Estimate => ({ mean: x, ci95: null });
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** The queues (language × channel rows of result.coverage) of a language and a channel, each 'all'
 * or one value. */
export function sliceQueues(r: ScenarioResult, language: string, channel: string): QueueCoverage[] {
  return r.coverage.filter((q) => (language === 'all' || q.language === language) && (channel === 'all' || q.channel === channel));
}

/** The hours of the horizon that lie wholly in intervals [from, to), or null when the bounds cut
 * an hour (a display zone half an hour off UTC): hour figures cannot be split. */
function hoursIn(r: ScenarioResult, from: number, to: number): [number, number] | null {
  const perHour = 60 / r.intervalMinutes;
  if (!Number.isInteger(perHour) || from % perHour !== 0 || (to % perHour !== 0 && to !== r.intervals.length)) return null;
  return [from / perHour, Math.ceil(to / perHour)];
}

/** Service figures of some queues over intervals [from, to). Offered, answered and abandoned add
 * up the per-interval means; the service level is the hours' answered within the threshold (each
 * hour's pooled service level × its offered) ÷ their offered; the abandon rate abandoned ÷
 * offered; ASA the intervals' ASA weighted by their answered contacts; gap hours the hours' own
 * flags. Each of one channel only: a service level is never blended across thresholds. */
export function summedFigures(r: ScenarioResult, queues: QueueCoverage[], from: number, to: number): Record<SliceFigure, Estimate> {
  let offered = 0;
  let answered = 0;
  let abandoned = 0;
  let waited = 0;
  let waitedOf = 0;
  for (const q of queues) {
    for (let i = from; i < to; i++) {
      offered += q.offered[i] ?? 0;
      answered += q.answered[i] ?? 0;
      abandoned += q.abandoned[i] ?? 0;
      const asa = q.asaSeconds[i];
      if (asa !== null && asa !== undefined && q.answered[i] > 0) {
        waited += asa * q.answered[i];
        waitedOf += q.answered[i];
      }
    }
  }
  const hours = hoursIn(r, from, to);
  let within = 0;
  let hourOffered = 0;
  let uncovered = 0;
  let below = 0;
  if (hours) {
    for (const q of queues) {
      for (let h = hours[0]; h < Math.min(hours[1], q.hours.offered.length); h++) {
        const o = q.hours.offered[h];
        hourOffered += o;
        within += o * (q.hours.serviceLevel[h] ?? 0);
        uncovered += q.hours.uncovered[h];
        below += q.hours.belowTarget[h];
      }
    }
  }
  return {
    offered: mean(offered),
    answered: mean(answered),
    abandoned: mean(abandoned),
    serviceLevel: mean(hours ? ratio(within, hourOffered) : null),
    asaSeconds: mean(ratio(waited, waitedOf)),
    abandonRate: mean(ratio(abandoned, offered)),
    uncoveredHours: mean(hours ? uncovered : null),
    hoursBelowTarget: mean(hours ? below : null),
    gapHours: mean(hours ? uncovered + below : null),
  };
}

/** A language (or all) on one channel over the slice's intervals: the result's own figures with
 * their CIs over the whole period (queues["<language>/<channel>"] or channels[channel]), summed
 * figures for a day. Null when there is no such queue. */
export function queueFigures(r: ScenarioResult, language: string, channel: string, s: Pick<Slice, 'day' | 'from' | 'to'>): SliceFigures | null {
  const whole = language === 'all' ? r.channels[channel] : r.queues[`${language}/${channel}`];
  if (!whole) return null;
  if (!s.day) return { figures: whole, summed: false };
  return { figures: summedFigures(r, sliceQueues(r, language, channel), s.from, s.to), summed: true };
}

/** What a slice is called in captions: "Japanese (ja) · voice · Tue 17 Mar". */
export function sliceCaption(language: string, channel: string, day: DayOption | null, languageName: (code: string) => string): string {
  return [language === 'all' ? 'All languages' : `${languageName(language)} (${language})`, channel === 'all' ? 'all channels' : channel, day ? day.label : 'whole period'].join(' · ');
}

/** A pool's occupancy over intervals [from, to): its busy time (occupancy × agents on the phones,
 * per interval) ÷ its time on the phones, from the interval means. */
export function poolOccupancy(r: ScenarioResult, pool: string, from: number, to: number): number | null {
  const occ = r.occupancy?.[pool] ?? [];
  const on = r.staffing[pool] ?? [];
  let busy = 0;
  let onPhones = 0;
  for (let i = from; i < to; i++) {
    if (occ[i] === null || occ[i] === undefined || !(on[i] > 0)) continue;
    busy += occ[i]! * on[i];
    onPhones += on[i];
  }
  return ratio(busy, onPhones);
}

/** The cost of intervals [from, to): the sum of their mean costs (all languages and channels: a
 * pool's cost per interval is not shared out). */
export function intervalCost(r: ScenarioResult, from: number, to: number): number {
  let cost = 0;
  for (let i = from; i < to; i++) cost += r.intervals[i]?.costTotal.mean ?? 0;
  return cost;
}
