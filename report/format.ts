// Text for the reports: HTML escaping and numbers as a reader of a printed page wants them
// (percentages, money in the scenario's currency, hours, signed differences, 95% CIs). Pure
// functions: no DOM, no Node APIs, so the browser app produces the same report as the CLI.
import type { Estimate } from '../sim/stats/confidence';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and SVG content and attribute values. */
export function esc(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const locale = 'en-US';
const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const MINUS = '−';
const finite = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
/** A typographic minus; none on a zero (a negative zero, such as the hours a variant closes when
 * it opens none: −(0), printed "−0"). */
const signed = (text: string) => text.replace(/^-/, /[1-9]/.test(text) ? MINUS : '');
const withDecimals = new Map<number, Intl.NumberFormat>();

/** `x` with `fewest` decimals, or more (up to `most`) while a number that is not 0 would show as
 * 0: a change of −0.04 pts written "−0.0 pts", or a CI "−0.2 to −0.0 s", reads as touching zero
 * (or as a negative zero); "−0.04" and "−0.02" say which side of it they are. */
function decimalsThatShow(x: number, fewest: number, most: number): string {
  const format = (d: number) => {
    let f = withDecimals.get(d);
    if (!f) withDecimals.set(d, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })));
    return f.format(x);
  };
  let d = fewest;
  while (x !== 0 && d < most && /^-?[0.]+$/.test(format(d))) d++;
  return format(d);
}

/** `x` (≥ 0) as decimalsThatShow writes it, or "<0.001" (at `most` decimals) when even that
 * shows 0: never a zero that a sign would make "−0.000". */
export function magnitudeThatShows(x: number, fewest: number, most: number): string {
  const text = decimalsThatShow(x, fewest, most);
  return x !== 0 && !/[1-9]/.test(text) ? `<${(10 ** -most).toFixed(most)}` : text;
}

/** One decimal, or up to three for a number near 0 (decimalsThatShow). */
const smallDecimals = (x: number) => decimalsThatShow(x, 1, 3);

export function count(x: number | null | undefined): string {
  return finite(x) ? signed(whole.format(x)) : '–';
}

/** 0.584 → "58%" (digits 0) or "58.4%". */
export function percent(x: number | null | undefined, digits = 0): string {
  if (!finite(x)) return '–';
  return signed(`${(digits === 0 ? whole : oneDecimal).format(x * 100)}%`);
}

/** Money: whole units from 1,000 up, cents below: "371,792 EUR", "6.86 EUR". */
export function money(x: number | null | undefined, currency: string, withCurrency = true): string {
  if (!finite(x)) return '–';
  const text = signed(Math.abs(x) >= 1000 ? whole.format(x) : twoDecimals.format(x));
  return withCurrency ? `${text} ${currency}` : text;
}

/** Hours: whole from 10 up, one decimal below. */
export function hours(x: number | null | undefined): string {
  if (!finite(x)) return '–';
  return signed(Math.abs(x) >= 10 || Number.isInteger(x) ? whole.format(x) : oneDecimal.format(x));
}

/** Times: one decimal below 10 s (as their CIs have: "1.2 s", not "1 s" beside "1.2–1.3 s"),
 * whole seconds to 100 s, then minutes, hours, days. */
export function seconds(x: number | null | undefined): string {
  if (!finite(x)) return '–';
  if (Math.abs(x) < 10) return `${signed(oneDecimal.format(x))} s`;
  if (x < 100) return `${signed(whole.format(x))} s`;
  if (x < 3600) {
    const m = Math.floor(x / 60);
    const s = Math.round(x % 60);
    return s === 0 ? `${m} min` : `${m} min ${String(s).padStart(2, '0')} s`;
  }
  if (x < 86400) return `${oneDecimal.format(x / 3600).replace(/\.0$/, '')} h`;
  return `${oneDecimal.format(x / 86400).replace(/\.0$/, '')} d`;
}

/** "20 s", "24 h": a service-level threshold. */
export function thresholdText(s: number): string {
  return s >= 3600 ? `${hours(s / 3600)} h` : seconds(s);
}

/** "80% within 20 s". */
export function targetText(t: { target: number; thresholdSeconds: number }): string {
  return `${percent(t.target)} within ${thresholdText(t.thresholdSeconds)}`;
}

export type Unit = 'count' | 'fraction' | 'money' | 'hours' | 'seconds' | 'number';

/** A value in its unit; `digits` refines fractions (decimals of the percentage). */
export function value(x: number | null | undefined, unit: Unit, currency = '', digits = 1): string {
  switch (unit) {
    case 'count':
      return count(x);
    case 'fraction':
      return percent(x, digits);
    case 'money':
      return money(x, currency);
    case 'hours':
      return `${hours(x)} h`;
    case 'seconds':
      return seconds(x);
    case 'number':
      return finite(x) ? signed(twoDecimals.format(x)) : '–';
  }
}

/** A difference with its sign: "+30.6 pts", "−0.20 EUR", "−330 h". */
export function delta(x: number | null | undefined, unit: Unit, currency = ''): string {
  if (!finite(x)) return '–';
  const sign = x > 0 ? '+' : x < 0 ? MINUS : '±';
  const abs = Math.abs(x);
  if (unit === 'fraction') return `${sign}${magnitudeThatShows(abs * 100, 1, 3)} pts`;
  if (unit === 'seconds' && abs < 10) return `${sign}${magnitudeThatShows(abs, 1, 3)} s`;
  const text = value(abs, unit, currency);
  if (abs === 0 || /[1-9]/.test(text)) return `${sign}${text}`;
  // Not 0, but 0 in the unit's usual decimals (a fraction of a cent, of an hour, of a contact):
  // the decimals that show it, as percentage points get.
  const money = unit === 'money';
  const suffix = money ? ` ${currency}` : unit === 'hours' ? ' h' : unit === 'seconds' ? ' s' : '';
  return `${sign}${magnitudeThatShows(abs, money ? 2 : 1, money ? 4 : 3)}${suffix}`;
}

/** The bare number of a bound, in the unit's scale (percentage points for fractions). */
function bound(x: number, unit: Unit): string {
  switch (unit) {
    case 'fraction':
      // A bound that rounds to 0.0 without being 0 keeps its sign in two decimals ("−0.02").
      return signed(smallDecimals(x * 100));
    case 'money':
      return money(x, '', false);
    case 'hours':
      return hours(x);
    case 'seconds':
      return seconds(x);
    case 'count':
      return count(x);
    case 'number':
      return signed(twoDecimals.format(x));
  }
}

/** "54.7–56.2" or, when a bound is negative, "−0.21 to −0.19" (a dash would read as a minus).
 * Times carry their unit, in the scale of the larger bound (or of `scaleOf`, the figure's own
 * value): "12–15 s", "2.5–3.1 h". */
export function range(ci: [number, number], unit: Unit, scaleOf?: number | null): string {
  if (unit === 'seconds') {
    // In the scale of the figure it belongs to when given ("96 s, 95% CI 84–108 s", not "1.4–1.8 min").
    const widest = Math.max(Math.abs(ci[0]), Math.abs(ci[1]));
    const top = finite(scaleOf) ? Math.abs(scaleOf) : widest;
    const [scale, suffix] = top >= 3600 ? [3600, 'h'] : top >= 100 ? [60, 'min'] : [1, 's'];
    const f = (x: number) => signed(widest / scale >= 10 ? whole.format(x / scale) : smallDecimals(x / scale));
    return `${ci[0] < 0 || ci[1] < 0 ? `${f(ci[0])} to ${f(ci[1])}` : `${f(ci[0])}–${f(ci[1])}`} ${suffix}`;
  }
  const [a, b] = [bound(ci[0], unit), bound(ci[1], unit)];
  return ci[0] < 0 || ci[1] < 0 ? `${a} to ${b}` : `${a}–${b}`;
}

/** A CI has width worth showing. */
export function hasWidth(e: Estimate): e is Estimate & { ci95: [number, number] } {
  return e.ci95 !== null && e.mean !== null && Math.abs(e.ci95[1] - e.ci95[0]) > Math.abs(e.mean) * 1e-9 + 1e-12;
}

/** "58.1% (57.3–58.9)" — the mean and its 95% CI when it has width. */
export function estimate(e: Estimate | undefined, unit: Unit, currency = ''): string {
  if (!e || e.mean === null) return '–';
  const mean = value(e.mean, unit, currency);
  return hasWidth(e) ? `${mean} (${range(e.ci95, unit)}${unit === 'fraction' ? '%' : ''})` : mean;
}

let languageNames: Intl.DisplayNames | null | undefined;

/** "en" → "English"; the code itself where the runtime has no name for it. */
export function languageName(code: string): string {
  try {
    if (languageNames === undefined) languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
    const name = languageNames?.of(code);
    return name && name !== code ? name : code;
  } catch {
    languageNames = null;
    return code;
  }
}

const CHANNEL_NAMES: Record<string, string> = { voice: 'Voice', chat: 'Chat', email: 'Email' };
export const channelName = (c: string) => CHANNEL_NAMES[c] ?? c;
export const CHANNEL_ORDER = ['voice', 'chat', 'email'];
/** Channels in the usual order (voice, chat, email, then any other by name), each once. */
export function orderChannels(channels: Iterable<string>): string[] {
  const rank = (c: string) => (CHANNEL_ORDER.includes(c) ? CHANNEL_ORDER.indexOf(c) : CHANNEL_ORDER.length);
  return [...new Set(channels)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Names of scenarios without the words they all share at the start ("Aurora Devices — in-house
 * only" and "Aurora Devices — in-house + BPO" → "in-house only", "in-house + BPO"). */
export function shortNames(names: string[]): string[] {
  if (names.length < 2) return names.slice();
  let prefix = names[0];
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  // Cut only after a separator, so no word is split.
  const cut = Math.max(...[' — ', ' – ', ' - ', ': ', ', ', ' | ', ' / '].map((s) => {
    const at = prefix.lastIndexOf(s);
    return at >= 0 ? at + s.length : 0;
  }));
  const short = names.map((n) => n.slice(cut).trim());
  return short.some((s) => s === '') || new Set(short).size < names.length ? names.slice() : short;
}
