// Human-readable numbers and aligned tables for the terminal.
import type { Estimate } from '../sim/confidence';

export type Unit = 'count' | 'fraction' | 'seconds' | 'money';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatNumber(value: number, unit: Unit, currency = ''): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 'count':
      return grouped.format(value);
    case 'fraction':
      return `${oneDecimal.format(value * 100)} %`;
    case 'seconds':
      return `${oneDecimal.format(value)} s`;
    case 'money':
      return `${value >= 1000 ? grouped.format(value) : twoDecimals.format(value)} ${currency}`.trim();
  }
}

/** "81.2 % (80.4–82.0)": the mean, then the 95% confidence interval when it has width; or,
 * compact, "81.2 % ±0.8". */
export function formatEstimate(e: Estimate | undefined, unit: Unit, currency = '', compact = false): string {
  if (!e || e.mean === null) return '–';
  const mean = formatNumber(e.mean, unit, currency);
  if (!e.ci95 || e.ci95[1] - e.ci95[0] <= Math.abs(e.mean) * 1e-12) return mean;
  const bare = (x: number) => formatNumber(x, unit).replace(/ (%|s)$/, '');
  const half = (e.ci95[1] - e.ci95[0]) / 2;
  if (compact) return `${mean} ±${unit === 'money' && Math.abs(e.mean) >= 1000 ? grouped.format(half) : bare(half)}`;
  return `${mean} (${bare(e.ci95[0])}–${bare(e.ci95[1])})`;
}

/** Left-aligns the first column and right-aligns the others. */
export function table(rows: string[][], indent = '  '): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => indent + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ').trimEnd())
    .join('\n');
}
