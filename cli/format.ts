// Human-readable numbers and aligned tables for the terminal.
import type { Estimate } from '../sim/stats/confidence';

export type Unit = 'count' | 'fraction' | 'seconds' | 'money';

/** Formatters by number of decimals. */
const formatters = [0, 1, 2].map((digits) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

/** Decimals a figure of this size deserves: a mean count of 2.5 is not 3, cents matter below
 * 1,000 and seconds below 1,000 s, not in the thousands. */
function decimals(reference: number, unit: Unit): number {
  const size = Math.abs(reference);
  switch (unit) {
    case 'count':
      return size < 100 && Math.abs(reference - Math.round(reference)) >= 0.05 ? 1 : 0;
    case 'fraction':
      return 1;
    case 'seconds':
      return size < 999.95 ? 1 : 0;
    case 'money':
      return size < 999.995 ? 2 : 0;
  }
}

/** The number alone, with this many decimals (a fraction as a percentage). */
function bare(value: number, unit: Unit, digits: number): string {
  const text = formatters[digits].format(unit === 'fraction' ? value * 100 : value);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text; // a value that rounds to zero is not "-0"
}

const SUFFIX: Record<Unit, string> = { count: '', fraction: ' %', seconds: ' s', money: '' };

function withUnit(text: string, unit: Unit, currency: string): string {
  return unit === 'money' ? `${text} ${currency}`.trim() : `${text}${SUFFIX[unit]}`;
}

export function formatNumber(value: number, unit: Unit, currency = ''): string {
  if (!Number.isFinite(value)) return '–';
  return withUnit(bare(value, unit, decimals(value, unit)), unit, currency);
}

/** "81.2 % (80.4–82.0)": the mean, then the 95% confidence interval when it has width, all with
 * the same decimals; or, compact, "81.2 % ±0.8". */
export function formatEstimate(e: Estimate | undefined, unit: Unit, currency = '', compact = false): string {
  if (!e || e.mean === null) return '–';
  if (!e.ci95 || e.ci95[1] - e.ci95[0] <= Math.abs(e.mean) * 1e-12) return formatNumber(e.mean, unit, currency);
  const [low, high] = e.ci95;
  // A count's decimals depend on whether it is whole, so the ends have their say; the others
  // depend on size, the mean's.
  const digits = unit === 'count' ? Math.max(...[e.mean, low, high].map((x) => decimals(x, unit))) : decimals(e.mean, unit);
  const mean = withUnit(bare(e.mean, unit, digits), unit, currency);
  if (compact) return `${mean} ±${bare((high - low) / 2, unit, digits)}`;
  return `${mean} (${bare(low, unit, digits)}–${bare(high, unit, digits)})`;
}

/** Left-aligns the first column and right-aligns the others. */
export function table(rows: string[][], indent = '  ', gap = '   '): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => indent + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(gap).trimEnd())
    .join('\n');
}
