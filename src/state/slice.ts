// The slice the result views show: one language or all, one channel or all, one day or the whole
// period. The channel is the session's (AppState.channel: the coverage heatmap and Compare filter
// by it too, and a link carries it); the language and the day live in a small store of their own,
// one per AppStore, that the Waits, Staffing, Cost and Compare views share.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { wallTime, WEEKDAYS, pad2 } from '../lib/time';
import { intervalStarts } from '../lib/chart';
import { ViewController, type AppStore } from './app-store';
import { Store } from './store';

export interface SliceState {
  /** 'all' or a language code. */
  language: string;
  /** '' for the whole period, or a local date "YYYY-MM-DD" in the display time zone. */
  day: string;
}

const slices = new WeakMap<AppStore, Store<SliceState>>();

/** The slice store of a session (made on first use). */
export function sliceStore(app: AppStore): Store<SliceState> {
  let s = slices.get(app);
  if (!s) {
    s = new Store<SliceState>({ language: 'all', day: '' });
    slices.set(app, s);
  }
  return s;
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
export class SliceController implements ReactiveController {
  readonly view: ViewController;
  #unsubscribe: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    this.view = new ViewController(host, (s) => [s.state.channel]);
    host.addController(this);
  }

  hostConnected(): void {
    const app = this.view.store;
    if (app) this.#unsubscribe = sliceStore(app).subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  get state(): SliceState {
    const app = this.view.store;
    return app ? sliceStore(app).state : { language: 'all', day: '' };
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
    const app = this.view.store;
    if (!app) return;
    const { channel, ...rest } = patch;
    if (channel !== undefined) app.set({ channel });
    if (Object.keys(rest).length) sliceStore(app).set(rest);
  }
}
