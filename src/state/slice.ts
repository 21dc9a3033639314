// The slice the result views show: one language or all, one channel or all, one day or the whole
// period. All three are the session's (AppState.channel, .language, .day): the coverage heatmap and
// Compare filter by the channel too, and a link carries them.
import type { ReactiveControllerHost } from 'lit';
import type { ScenarioResult } from '../../sim/stats/metrics';
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
