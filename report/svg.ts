// Building blocks of the reports' charts: hand-built SVG strings, with d3 only for scales, ticks,
// paths and number formats (no d3-selection, no DOM), so they run in Node and in the browser.
// Every chart is an <svg role="img"> with an aria-label and a <title>; marks carry <title>
// elements, which browsers show as tooltips.
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { esc } from './format';

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const INK = '#1f2328';
export const MUTED = '#59636e';
export const GRID = '#e4e8ec';
export const AXIS = '#8c959f';

/** Colours of scenarios: the base in a neutral grey, variants in distinct hues. */
export const SCENARIO_COLOURS = ['#6e7781', '#0969da', '#bc4c00', '#8250df', '#1a7f37', '#bf3989', '#0a7ea4'];
export const scenarioColour = (k: number) => SCENARIO_COLOURS[k % SCENARIO_COLOURS.length];

/** Unique ids for gradients and patterns within one document. */
export class Ids {
  private n = 0;
  constructor(private readonly prefix = 'fs') {}
  next(what: string): string {
    return `${this.prefix}-${what}-${++this.n}`;
  }
}

/** Rounds coordinates for compact output. */
export const r = (x: number) => Math.round(x * 10) / 10;

export function svgDocument(width: number, height: number, label: string, className: string, body: string): string {
  return (
    `<svg class="chart ${className}" viewBox="0 0 ${r(width)} ${r(height)}" role="img" aria-label="${esc(label)}" ` +
    `font-family="${esc(FONT)}" fill="${INK}" style="width:100%;height:auto;display:block">` +
    `<title>${esc(label)}</title>${body}</svg>`
  );
}

export interface TextOptions {
  size?: number;
  anchor?: 'start' | 'middle' | 'end';
  weight?: number | string;
  fill?: string;
  baseline?: 'middle' | 'hanging' | 'auto';
  rotate?: number;
  className?: string;
}

export function text(x: number, y: number, content: string, o: TextOptions = {}): string {
  const attrs = [
    `x="${r(x)}"`,
    `y="${r(y)}"`,
    o.size ? `font-size="${o.size}"` : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.weight ? `font-weight="${o.weight}"` : '',
    o.fill ? `fill="${o.fill}"` : '',
    o.baseline === 'middle' ? 'dominant-baseline="central"' : o.baseline === 'hanging' ? 'dominant-baseline="hanging"' : '',
    o.rotate ? `transform="rotate(${o.rotate} ${r(x)} ${r(y)})"` : '',
    o.className ? `class="${o.className}"` : '',
  ].filter(Boolean);
  return `<text ${attrs.join(' ')}>${esc(content)}</text>`;
}

/** Title of a chart, at its top left, and an optional subtitle under it. */
export function chartTitle(title: string, subtitle = '', x = 0): string {
  return (
    text(x, 18, title, { size: 16, weight: 650, className: 'chart-title' }) +
    (subtitle ? text(x, 37, subtitle, { size: 12.5, fill: MUTED }) : '')
  );
}

/** Horizontal grid lines with labels on the left of a vertical value axis. */
export function valueAxisY(
  y: ScaleLinear<number, number>,
  left: number,
  right: number,
  format: ((v: number) => string) | undefined,
  title: string,
  count = 5,
): string {
  const ticks = y.ticks(count);
  format ??= tickFormat(y, count);
  const lines = ticks
    .map((t) => {
      const yy = y(t);
      return (
        `<line x1="${r(left)}" x2="${r(right)}" y1="${r(yy)}" y2="${r(yy)}" stroke="${t === 0 ? AXIS : GRID}" stroke-width="1"/>` +
        text(left - 6, yy, format(t), { size: 12, anchor: 'end', baseline: 'middle', fill: MUTED })
      );
    })
    .join('');
  const [y0, y1] = y.range();
  const mid = (y0 + y1) / 2;
  return `<g class="axis y">${lines}${title ? text(14, mid, title, { size: 12.5, anchor: 'middle', rotate: -90, fill: MUTED }) : ''}</g>`;
}

/** Vertical grid lines with labels under a horizontal value axis. */
export function valueAxisX(
  x: ScaleLinear<number, number>,
  top: number,
  bottom: number,
  format: ((v: number) => string) | undefined,
  title: string,
  count = 6,
): string {
  const ticks = x.ticks(count);
  format ??= tickFormat(x, count);
  const lines = ticks
    .map((t) => {
      const xx = x(t);
      return (
        `<line x1="${r(xx)}" x2="${r(xx)}" y1="${r(top)}" y2="${r(bottom)}" stroke="${t === 0 ? AXIS : GRID}" stroke-width="1"/>` +
        text(xx, bottom + 16, format(t), { size: 12, anchor: 'middle', fill: MUTED })
      );
    })
    .join('');
  const [x0, x1] = x.range();
  return `<g class="axis x">${lines}${text((x0 + x1) / 2, bottom + 36, title, { size: 12.5, anchor: 'middle', fill: MUTED })}</g>`;
}

/** Tick labels with the precision the ticks need ("0", "200,000"; "0.5", "1.0"), true minus. */
export function tickFormat(scale: ScaleLinear<number, number>, count: number): (v: number) => string {
  const f = scale.tickFormat(count, ',f');
  return (v) => f(v).replace(/^-/, '−');
}

/** Splits a label into at most `lines` lines of about `width` characters, at spaces. */
export function wrap(label: string, width: number, lines = 2): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of label.split(/\s+/)) {
    if (current && (current + ' ' + word).length > width) {
      out.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) out.push(current);
  if (out.length > lines) {
    const kept = out.slice(0, lines);
    kept[lines - 1] = clip(`${kept[lines - 1]} ${out.slice(lines).join(' ')}`, width);
    return kept;
  }
  return out.map((l) => clip(l, width));
}

export interface LegendItem {
  label: string;
  colour?: string;
  /** A swatch other than a filled square: SVG drawn in a 14×14 box at the origin. */
  swatch?: string;
}

const approxWidth = (s: string, size: number) => s.length * size * 0.56;

/** Legend items in rows that wrap at `width`; returns the markup and its height. */
export function legend(items: LegendItem[], x: number, y: number, width: number, size = 12.5): { svg: string; height: number } {
  let cx = x;
  let cy = y;
  const parts: string[] = [];
  for (const item of items) {
    const w = 20 + approxWidth(item.label, size) + 18;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += size + 10;
    }
    const swatch = item.swatch ?? `<rect width="14" height="14" rx="2" fill="${item.colour ?? MUTED}"/>`;
    parts.push(
      `<g class="legend-item" transform="translate(${r(cx)} ${r(cy - 11)})">${swatch}${text(20, 7, item.label, { size, baseline: 'middle' })}</g>`,
    );
    cx += w;
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: cy - y + size + 6 };
}

/** A vertical error bar (95% CI) with caps. */
export function errorBarV(x: number, y0: number, y1: number, cap = 5, colour = INK): string {
  return (
    `<path d="M${r(x)},${r(y0)}V${r(y1)}M${r(x - cap)},${r(y0)}H${r(x + cap)}M${r(x - cap)},${r(y1)}H${r(x + cap)}" ` +
    `stroke="${colour}" stroke-width="1.4" fill="none" class="ci"/>`
  );
}

export function errorBarH(y: number, x0: number, x1: number, cap = 5, colour = INK): string {
  return (
    `<path d="M${r(x0)},${r(y)}H${r(x1)}M${r(x0)},${r(y - cap)}V${r(y + cap)}M${r(x1)},${r(y - cap)}V${r(y + cap)}" ` +
    `stroke="${colour}" stroke-width="1.4" fill="none" class="ci"/>`
  );
}

/** The legend swatch of a 95% CI whisker. */
export const CI_SWATCH = `<path d="M7,1V13M3,1H11M3,13H11" stroke="${INK}" stroke-width="1.4" fill="none"/>`;

/** A linear scale with a nice domain that includes 0 and the given values. */
export function niceLinear(values: number[], range: [number, number], includeZero = true): ScaleLinear<number, number> {
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite, includeZero ? 0 : Infinity);
  let hi = Math.max(...finite, includeZero ? 0 : -Infinity);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = lo === 0 ? [0, 1] : [Math.min(0, lo * 0.9), Math.max(0, hi * 1.1)];
  return scaleLinear().domain([lo, hi]).range(range).nice();
}

/** Shortens a label to about `max` characters. */
export function clip(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
