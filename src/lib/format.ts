// Numbers as an analyst reads them: percentages, seconds, money in the scenario's currency, and a
// mean with its 95% confidence interval. The figures themselves come from sim/ untouched.
import type { Estimate } from '../../sim/stats/confidence';
import { magnitudeThatShows } from '../../report/format';
import { IntlCache } from './intl-cache';

export type Unit = 'count' | 'fraction' | 'seconds' | 'money' | 'hours' | 'agents';

const locale = 'en-US';
const grouped = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const moneyFormats = new IntlCache<Intl.NumberFormat>();

function moneyFormat(currency: string, digits: number): Intl.NumberFormat {
  return moneyFormats.get(`${currency}|${digits}`, () => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    } catch {
      return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
  });
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '–';
  if (s < 100) return `${oneDecimal.format(s)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, '0')} s`;
  if (s < 86400) return `${oneDecimal.format(s / 3600)} h`;
  return `${oneDecimal.format(s / 86400)} d`;
}

/** A number's text without the minus of a negative that rounds to zero ("-0.0%", "-€0.00", or
 * -0 itself, which Intl writes "-0"). */
const noNegativeZero = (text: string) => (text.startsWith('-') && !/[1-9]/.test(text) ? text.slice(1) : text);

export function formatValue(value: number | null | undefined, unit: Unit, currency = 'EUR'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return noNegativeZero(valueText(value, unit, currency));
}

function valueText(value: number, unit: Unit, currency: string): string {
  switch (unit) {
    case 'count':
      return grouped.format(value);
    case 'fraction':
      return `${oneDecimal.format(value * 100)}%`;
    case 'seconds':
      return formatSeconds(value);
    case 'hours':
      // Gap figures count whole hours: "866 h", not "866.0 h".
      return `${Number.isInteger(value) ? grouped.format(value) : oneDecimal.format(value)} h`;
    case 'agents':
      return oneDecimal.format(value);
    case 'money':
      return moneyFormat(currency, moneyDigits(value)).format(value);
  }
}

/** Cents below 1,000, whole units above: "€495.60", "€1,222". */
const moneyDigits = (value: number) => (Math.abs(value) >= 1000 ? 0 : 2);

/** A formatter for a column of figures: money with the same number of decimals in every cell (the
 * fewest any cell needs: a column that reaches 1,000 is in whole units), anything else as
 * formatValue. */
export function columnFormat(values: readonly (number | null | undefined)[], unit: Unit, currency = 'EUR'): (value: number | null | undefined) => string {
  if (unit !== 'money') return (v) => formatValue(v, unit, currency);
  const digits = Math.min(2, ...values.map((v) => (v === null || v === undefined || !Number.isFinite(v) ? 2 : moneyDigits(v))));
  return (v) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : noNegativeZero(moneyFormat(currency, digits).format(v)));
}

/** `x` (≥ 0) with `fewest` decimals, or up to two more while a number that is not 0 would show as
 * 0 (report/format magnitudeThatShows, as the case report and `followsun compare` write it); one
 * that still would is written "<0.001", never as a zero that a sign would make "−0.000". */
function decimalsShown(x: number, fewest: number): { text: string; decimals: number } {
  const text = magnitudeThatShows(x, fewest, fewest + 2);
  const point = text.indexOf('.');
  return { text, decimals: point < 0 ? 0 : text.length - point - 1 };
}

/** A signed difference: "+3.2 pts", "−12.5 h", "+€0.41", and "±0.0 pts" for none at all. One that
 * is not 0 but rounds to 0 keeps its sign with the decimals that show it — "−0.04 pts", "+0.003 s",
 * "−€0.004" — as in the case report (report/format delta), never "−0.0 pts". */
export function formatDelta(value: number | null | undefined, unit: Unit, currency = 'EUR'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  switch (unit) {
    case 'fraction':
      return `${sign}${decimalsShown(abs * 100, 1).text} pts`;
    case 'seconds':
      return abs < 100 ? `${sign}${decimalsShown(abs, 1).text} s` : `${sign}${formatSeconds(abs)}`;
    case 'hours':
      return `${sign}${Number.isInteger(abs) ? grouped.format(abs) : decimalsShown(abs, 1).text} h`;
    case 'agents':
      return `${sign}${decimalsShown(abs, 1).text}`;
    case 'count':
      return `${sign}${decimalsShown(abs, 0).text}`;
    case 'money': {
      const shown = decimalsShown(abs, moneyDigits(abs));
      const f = moneyFormat(currency, shown.decimals);
      return `${sign}${shown.text.startsWith('<') ? `<${f.format(10 ** -shown.decimals)}` : f.format(abs)}`;
    }
  }
}

/** "85.3% (85.1–85.4)": the mean, then the 95% confidence interval when it has width. */
export function formatEstimate(e: Estimate | undefined, unit: Unit, currency = 'EUR'): string {
  if (!e || e.mean === null) return '–';
  const ci = formatInterval(e, unit, currency);
  return ci ? `${formatValue(e.mean, unit, currency)} ${ci}` : formatValue(e.mean, unit, currency);
}

/** What a 95% CI means, for a tooltip next to it: of a mean over replications, or (hour figures:
 * gap, uncovered, below-target hours) of a count of hours judged on the pooled replications
 * (sim/stats/gap-hours.ts). */
export const ciHint = (unit: Unit): string =>
  unit === 'hours'
    ? '95% confidence interval of the count: from the hours surely below target to those possibly below it, each hour judged so that all hold at once; uncovered hours are certain. Wide where many hours sit near their target: more replications narrow it'
    : '95% confidence interval of the mean over replications';

/** "95% CI 85.1% to 85.4%" under a figure; '' when there is no interval with width. */
export function intervalText(e: Estimate | undefined, unit: Unit, currency = 'EUR'): string {
  const ci = formatInterval(e, unit, currency);
  return ci ? `95% CI ${ci.slice(1, -1)}` : '';
}

/** intervalText, or what is missing: "no CI" (one replication, or a slice's sum of means). */
export function ciText(e: Estimate | undefined, unit: Unit, currency = 'EUR'): string {
  if (e?.ci95 && e.mean !== null) return `95% CI ${formatValue(e.ci95[0], unit, currency)} to ${formatValue(e.ci95[1], unit, currency)}`;
  return 'no CI';
}

/** "(85.1–85.4)" or '' when the interval is missing or has no width. */
export function formatInterval(e: Estimate | undefined, unit: Unit, currency = 'EUR', delta = false): string {
  if (!e || e.mean === null || !e.ci95 || e.ci95[1] - e.ci95[0] <= Math.abs(e.mean) * 1e-12) return '';
  const f = (x: number) => (delta ? formatDelta(x, unit, currency) : formatValue(x, unit, currency));
  return `(${f(e.ci95[0])} to ${f(e.ci95[1])})`;
}

const compactMoneyFormats = new IntlCache<Intl.NumberFormat>();

/** Axis ticks: "€50K", "€1.2M". */
export function formatCompactMoney(value: number, currency = 'EUR'): string {
  const f = compactMoneyFormats.get(currency, () => {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
    } catch {
      return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
    }
  });
  return f.format(value);
}

export const PERCENT = (x: number) => `${Math.round(x * 100)}%`;

let languageNames: Intl.DisplayNames | null = null;
const languageNameOf = new IntlCache<string>(); // asked for each heatmap row and table cell
/** "German" for "de" (the code itself where the engine does not know it). */
export function languageName(code: string): string {
  return languageNameOf.get(code, () => {
    try {
      languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
      return languageNames.of(code) ?? code;
    } catch {
      return code;
    }
  });
}

// Formats are built once: building one costs a hundred times more than using it (a new one per
// call was a quarter of a second of the app's start, in the heatmap's cell labels).
const upToOneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const trimmed = (x: number) => upToOneDecimal.format(x);

/** A threshold as people state it: "20 s", "2 min", "24 h". */
export function thresholdText(seconds: number): string {
  if (seconds < 120) return `${trimmed(seconds)} s`;
  if (seconds < 7200) return `${trimmed(seconds / 60)} min`;
  return `${trimmed(seconds / 3600)} h`;
}

/** "80% in 20 s", "90% in 24 h": a channel's service-level target. */
export const targetText = (target: number, thresholdSeconds: number) => `${trimmed(target * 100)}% in ${thresholdText(thresholdSeconds)}`;

/** What a wait is called on a channel: an email is answered hours later. */
export const waitLabel = (channel: string) => (channel === 'email' ? 'Time to answer' : 'ASA');

/** A month's cost rounded as a budget line: to 1,000 from 100,000, to 100 from 10,000, else to 10. */
export function budgetRound(x: number): number {
  const step = Math.abs(x) >= 100_000 ? 1000 : Math.abs(x) >= 10_000 ? 100 : 10;
  return Math.round(x / step) * step;
}

/** "1 replication", "10 replications", "2,639 contacts": written once for the app, the CLI and the
 * reports (sim/text/counted.ts). */
export { counted, wordFor } from '../../sim/text/counted';
