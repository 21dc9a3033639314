// Small helpers for the d3 charts: the host's width (charts draw at real pixel size, so text stays
// readable on a laptop and a projector), time ticks in the display zone, series colours.
import type { ScaleLinear } from 'd3-scale';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDateTime, localMidnights, pad2, wallTime, WEEKDAYS } from './time';

export class WidthController implements ReactiveController {
  width = 0;
  private observer?: ResizeObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly fallback = 800) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0].contentRect.width);
      if (w > 0 && Math.abs(w - this.width) >= 1) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  get value(): number {
    return this.width || this.host.clientWidth || this.fallback;
  }
}

/** Day ticks (local midnights in the zone) for a time axis, labelled "Mon 16". */
export function dayTicks(startMs: number, endMs: number, zone: string): { at: number; label: string }[] {
  return localMidnights(startMs, endMs + 1, zone).map((at) => {
    const w = wallTime(at, zone);
    return { at, label: `${WEEKDAYS[w.weekday]} ${w.day}` };
  });
}

/** The time axis's ticks: local midnights, and over two days or less also every 3, 6 or 12 hours
 * (the finest step that leaves ~56 px a label: "Tue 17" and "06:00" are ~40 px), on the hour in
 * the zone as the day ticks are. A day on its own otherwise had only its midnight to read by. */
export function timeTicks(startMs: number, endMs: number, zone: string, plotWidth: number): { at: number; label: string }[] {
  // Charts re-render as the pointer moves: the zone arithmetic once per axis, not per frame.
  const key = `${startMs} ${endMs} ${zone} ${Math.round(plotWidth)}`;
  let ticks = tickCache.get(key);
  if (!ticks) {
    if (tickCache.size > 50) tickCache.clear();
    tickCache.set(key, (ticks = computeTimeTicks(startMs, endMs, zone, plotWidth)));
  }
  return ticks;
}

const tickCache = new Map<string, { at: number; label: string }[]>();

function computeTimeTicks(startMs: number, endMs: number, zone: string, plotWidth: number): { at: number; label: string }[] {
  const days = dayTicks(startMs, endMs, zone);
  const spanHours = (endMs - startMs) / 3_600_000;
  const step = spanHours > 48 ? undefined : [3, 6, 12].find((s) => (plotWidth / spanHours) * s >= 56);
  if (!step) return days;
  const hours: { at: number; label: string }[] = [];
  // A 15-minute grid finds whole hours in zones with :30 and :45 offsets too.
  const grid = 15 * 60_000;
  for (let t = Math.ceil(startMs / grid) * grid; t <= endMs; t += grid) {
    const w = wallTime(t, zone);
    if (w.minute !== 0 || w.hour === 0 || w.hour % step !== 0) continue;
    // A wall hour repeated when the clocks go back would put two labels on top of each other.
    const last = hours[hours.length - 1];
    if (last && t - last.at < (step * 3_600_000) / 2) continue;
    hours.push({ at: t, label: `${pad2(w.hour)}:00` });
  }
  return [...days, ...hours].sort((a, b) => a.at - b.at);
}

/** The hours of the week the coverage heatmap labels above its cells: every 6 hours where two digits fit in 6 cells,
 * else every 12, else none (the day names remain). A label takes ~1.3 em of the 0.78 rem
 * column-head font plus a gap, so they never run together on a narrow screen. */
export function hourLabels(cellWidth: number, rem: number): number[] {
  const room = rem * 0.78 * 1.3 + 6;
  const step = [6, 12].find((s) => s * cellWidth >= room);
  return step ? Array.from({ length: 168 / step }, (_, k) => k * step) : [];
}

export const tipTime = (ms: number, zone: string) => formatDateTime(ms, zone);

let measureContext: CanvasRenderingContext2D | null | undefined;

/** A text's width in px in the given CSS font ("11.5px system-ui"): what a chart's side column or
 * axis label needs, whatever the font size (presentation mode) or the number format. */
export function textWidth(text: string, font: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 7;
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

/** Axis ticks whose labels do not touch: the most of the scale's nice values (up to `most`) that
 * leave each pair of neighbouring labels, centred on their ticks, a gap between them. When not
 * even two fit, only the largest tick is labelled (the bars start at zero anyway). */
export function fittingTicks(scale: ScaleLinear<number, number>, labelWidth: (v: number) => number, most = 6, gap = 10): number[] {
  let ticks: number[] = [];
  for (let n = most; n >= 1; n--) {
    ticks = scale.ticks(n);
    const fits = ticks.every((t, i) => i === 0 || Math.abs(scale(t) - scale(ticks[i - 1])) >= (labelWidth(t) + labelWidth(ticks[i - 1])) / 2 + gap);
    if (fits) return ticks;
  }
  return ticks.slice(-1);
}

/** Categorical colours that read in light and dark themes (pools, kinds of staffing). */
export const SERIES_COLOURS = ['#3b82f6', '#f59e0b', '#10b981', '#a855f7', '#ef4444', '#06b6d4', '#ec4899', '#84cc16', '#64748b', '#f97316'];

export const KIND_COLOURS: Record<string, string> = {
  'in-house': '#3b82f6',
  outsourced: '#f59e0b',
  ai: '#a855f7',
};

export function intervalStarts(startIso: string, count: number, minutes: number): number[] {
  const start = Date.parse(startIso);
  return Array.from({ length: count }, (_, i) => start + i * minutes * 60_000);
}

/** Places a tooltip inside a container, flipping to the left near the right edge. */
export function tipPosition(x: number, y: number, width: number): string {
  const left = x > width * 0.62 ? `right:${Math.max(0, width - x + 14)}px` : `left:${x + 14}px`;
  return `${left};top:${Math.max(0, y - 10)}px`;
}

/** Where a key moves a chart's highlighted point among `count`: arrows by one, Page Up/Down by
 * `page` (a day), Home/End to the ends; null for Escape (nothing highlighted); undefined for a
 * key the chart does not use. */
export function keyedPoint(key: string, current: number | null, count: number, page: number): number | null | undefined {
  const i = current ?? -1;
  switch (key) {
    case 'ArrowRight':
      return Math.min(count - 1, i + 1);
    case 'ArrowLeft':
      return Math.max(0, i - 1);
    case 'PageDown':
      return Math.min(count - 1, Math.max(0, i) + page);
    case 'PageUp':
      return Math.max(0, i - page);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}
