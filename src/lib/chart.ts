// Small helpers for the d3 charts: the host's width (charts draw at real pixel size, so text stays
// readable on a laptop and a projector), time ticks in the display zone, series colours.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDateTime, localMidnights, wallTime, WEEKDAYS } from './time';

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

export const tipTime = (ms: number, zone: string) => formatDateTime(ms, zone);

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
