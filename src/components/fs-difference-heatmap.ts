// Where a variant is better or worse than the baseline, hour by hour: one row per language ×
// channel both have, one column per hour of the period, judged with the gap flags every gap figure
// adds up from (coverage[q].hours: uncovered, below target). Green: a gap hour of the baseline that
// the variant closes; red: a gap hour the variant opens; grey: a gap in both. Where neither has a
// gap, the shade says how far the variant's service level of the hour is above (blue) or below
// (orange) the baseline's. Each row's counts are beside it, and the caption's totals add up from
// them. Read hour by hour from the keyboard (focus it, then the arrow keys) or by pointing.
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { QueueCoverage, ScenarioResult } from '../../sim/stats/metrics';
import { timeTicks, WidthController } from '../lib/chart';
import { queueOrder } from '../lib/coverage';
import { formatDelta, formatValue, languageName } from '../lib/format';
import { formatDateTime } from '../lib/time';
import { baseStyles, chartStyles, pointChartStyles } from './shared-styles';

type Mark = 'closed' | 'opened' | 'both' | 'none' | 'idle';

export interface DifferenceRow {
  language: string;
  channel: string;
  marks: Mark[];
  /** Variant − baseline service level per hour (null where either had no demand). */
  delta: (number | null)[];
  closed: number;
  opened: number;
  both: number;
}

const gap = (q: QueueCoverage, h: number) => q.hours.offered[h] > 0 && (q.hours.uncovered[h] > 0 || q.hours.belowTarget[h] > 0);

/** Rows of the difference between two results, for the queues both have (filtered). */
export function differenceRows(base: ScenarioResult, variant: ScenarioResult, language = 'all', channel = 'all'): DifferenceRow[] {
  // The coverage heatmap's row order (by language, then voice, chat, email), not the file's.
  return queueOrder(base.coverage)
    .filter((q) => (language === 'all' || q.language === language) && (channel === 'all' || q.channel === channel))
    .flatMap((b) => {
      const v = variant.coverage.find((q) => q.language === b.language && q.channel === b.channel);
      if (!v) return [];
      const hours = Math.min(b.hours.offered.length, v.hours.offered.length);
      const marks: Mark[] = [];
      const delta: (number | null)[] = [];
      for (let h = 0; h < hours; h++) {
        const gb = gap(b, h), gv = gap(v, h);
        marks.push(gb && gv ? 'both' : gb ? 'closed' : gv ? 'opened' : b.hours.offered[h] > 0 || v.hours.offered[h] > 0 ? 'none' : 'idle');
        const sb = b.hours.serviceLevel[h], sv = v.hours.serviceLevel[h];
        delta.push(sb === null || sv === null ? null : sv - sb);
      }
      const count = (m: Mark) => marks.filter((x) => x === m).length;
      return [{ language: b.language, channel: b.channel, marks, delta, closed: count('closed'), opened: count('opened'), both: count('both') }];
    });
}

/** A row's count of hours closed (+) or opened (−); none is 0, with no sign to read as a change. */
const signedCount = (n: number, sign: '+' | '−') => (n > 0 ? `${sign}${n}` : '0');

const MARK_TEXT: Record<Mark, string> = { closed: 'gap closed', opened: 'gap opened', both: 'a gap in both', none: 'no gap in either', idle: 'no demand in either' };

const COLOURS: Record<Mark, string> = { closed: '#16a34a', opened: '#dc2626', both: '#94a3b8', none: 'transparent', idle: 'transparent' };

/** An hour with no gap in either: blue where the variant's service level is higher, orange where
 * lower, stronger the larger the difference (none for under half a point). */
const shade = (d: number | null) => {
  if (d === null || Math.abs(d) < 0.005) return 'transparent';
  const a = Math.min(0.55, Math.abs(d) * 2.5);
  return d > 0 ? `rgba(59,130,246,${a})` : `rgba(249,115,22,${a})`;
};

/** The cell read out: a row, and an hour of the slice. */
interface Cursor {
  row: number;
  hour: number;
}

/** Where the chart's parts go: the slice's hours from start (ms), the label column's width, the
 * row height, the plot's top and width, an hour's width (cw). */
interface Plot {
  hours: number;
  start: number;
  width: number;
  labelW: number;
  rowH: number;
  top: number;
  plotW: number;
  cw: number;
  height: number;
}

@customElement('fs-difference-heatmap')
export class FsDifferenceHeatmap extends LitElement {
  @property({ attribute: false }) base: ScenarioResult | null = null;
  @property({ attribute: false }) variant: ScenarioResult | null = null;
  @property() baseName = 'baseline';
  @property() variantName = 'variant';
  @property() timeZone = 'UTC';
  @property() language = 'all';
  @property() channel = 'all';
  /** Hours of the period shown, [hourFrom, hourTo) (a day; all when hourTo is -1). */
  @property({ type: Number }) hourFrom = 0;
  @property({ type: Number }) hourTo = -1;
  private readonly width = new WidthController(this, 900);
  /** The cell read out (row, hour of the slice); null until one is pointed at or focused. */
  @state() private cursor: { row: number; hour: number } | null = null;

  static override styles = [
    baseStyles,
    chartStyles,
    pointChartStyles,
    css`
      :host {
        display: block;
      }
      h4 {
        margin: 0 0 0.3rem;
        font-size: 0.95rem;
      }
      p.caption {
        margin: 0 0 0.4rem;
        font-size: 0.85rem;
        color: var(--text-muted);
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 1rem;
        font-size: 0.8rem;
        color: var(--text-muted);
        margin-top: 0.3rem;
      }
      .swatch {
        display: inline-block;
        width: 0.8rem;
        height: 0.8rem;
        border-radius: 2px;
        vertical-align: -0.1rem;
        margin-right: 0.3rem;
      }
      svg text {
        fill: var(--text);
        font-size: 11px;
      }
      svg text.muted {
        fill: var(--text-muted);
      }
      svg .frame {
        fill: var(--surface-2);
      }
      svg .tick {
        stroke: var(--border);
      }
      svg .cursor {
        fill: none;
        stroke: var(--text);
        stroke-width: 1.5;
      }
      p.readout {
        margin: 0.3rem 0 0;
        min-height: 1.3em;
        font-size: 0.85rem;
      }
    `,
  ];

  /** The rows of the slice shown: worked out when the results or the slice change, not on every
   * render (the cursor re-renders as the pointer moves). */
  private rows: DifferenceRow[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!(['base', 'variant', 'language', 'channel', 'hourFrom', 'hourTo'] as const).some((k) => changed.has(k))) return;
    const base = this.base, variant = this.variant;
    const from = Math.max(0, this.hourFrom);
    const cut = <T>(xs: T[]) => xs.slice(from, this.hourTo < 0 ? undefined : this.hourTo);
    this.rows = !base || !variant ? [] : differenceRows(base, variant, this.language, this.channel).map((r) => {
      const marks = cut(r.marks);
      const count = (m: Mark) => marks.filter((x) => x === m).length;
      return { ...r, marks, delta: cut(r.delta), closed: count('closed'), opened: count('opened'), both: count('both') };
    });
  }

  override render() {
    const base = this.base, variant = this.variant;
    if (!base || !variant) return nothing;
    const rows = this.rows;
    if (!rows.length) return html`<p class="caption">No language × channel in this slice that both scenarios have.</p>`;
    const p = this.plot(base, rows);
    const totals = rows.reduce((t, r) => ({ closed: t.closed + r.closed, opened: t.opened + r.opened, both: t.both + r.both }), { closed: 0, opened: 0, both: 0 });
    const label = `Difference heatmap, ${this.variantName} against ${this.baseName}: ${totals.closed} gap hours closed, ${totals.opened} opened, ${totals.both} in both, over ${rows.length} language × channel rows. Use the arrow keys to read it hour by hour (Shift: a day at a time), up and down for the rows.`;
    const cursor = this.cursor && { row: Math.min(this.cursor.row, rows.length - 1), hour: Math.min(this.cursor.hour, p.hours - 1) };
    return html`
      <h4>${this.variantName} − ${this.baseName}</h4>
      <p class="caption" data-closed=${totals.closed} data-opened=${totals.opened} data-both=${totals.both}>
        ${totals.closed} gap hours of the baseline closed, ${totals.opened} opened, ${totals.both} still a gap in both (language × channel × hour; times in ${this.timeZone}).
      </p>
      ${this.renderChart(p, rows, cursor, label)}
      ${this.renderReadout(p, rows, cursor)}
      ${this.renderLegend(p.hours)}
    `;
  }

  /** Where the hours of the slice go: a label column, the plot, the counts column; a row per queue. */
  private plot(base: ScenarioResult, rows: DifferenceRow[]): Plot {
    const from = Math.max(0, this.hourFrom);
    const hours = rows[0].marks.length;
    const start = Date.parse(base.start) + from * 3_600_000;
    const width = this.width.value;
    const labelW = 118, countW = 86, rowH = 16, top = 18;
    const plotW = Math.max(120, width - labelW - countW - 8);
    const cw = plotW / hours;
    const height = top + rows.length * rowH + 4;
    return { hours, start, width, labelW, rowH, top, plotW, cw, height };
  }

  /** The chart: the time ticks, a row per language × channel, and the cursor on the hour read out. */
  private renderChart(p: Plot, rows: DifferenceRow[], cursor: Cursor | null, label: string) {
    const { start, width, labelW, rowH, top, plotW, cw, height, hours } = p;
    const ticks = timeTicks(start, start + hours * 3_600_000, this.timeZone, plotW);
    return html`<svg
        width=${width}
        height=${height}
        role="img"
        tabindex="0"
        aria-label=${label}
        @keydown=${this.cursorKeys(cursor, hours, rows.length)}
        @focus=${() => (this.cursor ??= { row: 0, hour: 0 })}
        @pointermove=${this.cursorPointer(p, rows.length)}
      >
        ${ticks.map((t) => {
          const x = labelW + ((t.at - start) / 3_600_000) * cw;
          return svg`<line class="tick" x1=${x} x2=${x} y1=${top - 4} y2=${height}></line><text class="muted" x=${x + 2} y=${11}>${t.label}</text>`;
        })}
        ${rows.map((r, k) => this.renderRow(r, k, p))}
        ${cursor ? svg`<rect class="cursor" x=${labelW + cursor.hour * cw - 1} y=${top + cursor.row * rowH} width=${Math.max(1, cw) + 2} height=${rowH}></rect>` : nothing}
      </svg>`;
  }

  /** One language × channel: its name, an hour by hour strip of marks and shades, its counts. */
  private renderRow(r: DifferenceRow, k: number, { labelW, rowH, top, plotW, cw }: Plot) {
    const y = top + k * rowH;
    return svg`<g data-row=${`${r.language}/${r.channel}`} data-closed=${r.closed} data-opened=${r.opened}>
            <title>${languageName(r.language)} ${r.channel}: ${r.closed} gap hours closed, ${r.opened} opened, ${r.both} in both</title>
            <text x="4" y=${y + rowH - 4}>${r.language} ${r.channel}</text>
            <rect class="frame" x=${labelW} y=${y + 1} width=${plotW} height=${rowH - 2}></rect>
            ${r.marks.map((m, h) => {
              if (m === 'idle') return nothing;
              const fill = m === 'none' ? shade(r.delta[h]) : COLOURS[m];
              if (fill === 'transparent') return nothing;
              return svg`<rect x=${labelW + h * cw} y=${y + 1} width=${Math.max(1, cw)} height=${rowH - 2} fill=${fill} data-mark=${m}></rect>`;
            })}
            <text class="muted" x=${labelW + plotW + 6} y=${y + rowH - 4}>${signedCount(r.closed, '+')} / ${signedCount(r.opened, '−')}</text>
          </g>`;
  }

  /** The keys that move the cursor: an hour (Shift: a day) left and right, a row up and down. The
   * first key only puts it on the first cell. */
  private cursorKeys(cursor: Cursor | null, hours: number, rowCount: number) {
    return (e: KeyboardEvent) => {
      const c = cursor ?? { row: 0, hour: 0 };
      const step = e.shiftKey ? 24 : 1;
      const moves: Record<string, () => { row: number; hour: number }> = {
        ArrowRight: () => ({ ...c, hour: Math.min(hours - 1, c.hour + step) }),
        ArrowLeft: () => ({ ...c, hour: Math.max(0, c.hour - step) }),
        ArrowDown: () => ({ ...c, row: Math.min(rowCount - 1, c.row + 1) }),
        ArrowUp: () => ({ ...c, row: Math.max(0, c.row - 1) }),
        Home: () => ({ ...c, hour: 0 }),
        End: () => ({ ...c, hour: hours - 1 }),
      };
      if (!moves[e.key]) return;
      e.preventDefault();
      this.cursor = cursor ? moves[e.key]() : c;
    };
  }

  /** The pointer puts the cursor on the cell under it. */
  private cursorPointer({ labelW, cw, top, rowH, hours }: Plot, rowCount: number) {
    return (e: PointerEvent) => {
      const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
      const hour = Math.floor((e.clientX - box.left - labelW) / cw);
      const row = Math.floor((e.clientY - box.top - top) / rowH);
      if (hour >= 0 && hour < hours && row >= 0 && row < rowCount) this.cursor = { row, hour };
    };
  }

  /** The hour under the cursor in words (read aloud as it moves). */
  private renderReadout({ start }: Plot, rows: DifferenceRow[], cursor: Cursor | null) {
    const at = (h: number) => start + h * 3_600_000;
    const read = cursor && rows[cursor.row];
    return html`<p class="readout" aria-live="polite" data-row=${read ? `${read.language}/${read.channel}` : ''} data-hour=${cursor?.hour ?? ''} data-mark=${read ? read.marks[cursor!.hour] : ''}>
        ${read
          ? `${languageName(read.language)} ${read.channel}, ${formatDateTime(at(cursor!.hour), this.timeZone)} ${this.timeZone}: ${MARK_TEXT[read.marks[cursor!.hour]]}; service level ${formatDelta(read.delta[cursor!.hour], 'fraction')}.`
          : 'Point at an hour, or focus the chart and use the arrow keys, to read it.'}
      </p>`;
  }

  /** What the colours mean, and what the counts at the right are. */
  private renderLegend(hours: number) {
    return html`<div class="legend" aria-hidden="true">
        <span><span class="swatch" style="background:${COLOURS.closed}"></span>gap closed (better)</span>
        <span><span class="swatch" style="background:${COLOURS.opened}"></span>gap opened (worse)</span>
        <span><span class="swatch" style="background:${COLOURS.both}"></span>gap in both</span>
        <span><span class="swatch" style="background:rgba(59,130,246,0.45)"></span>no gap, service level higher</span>
        <span><span class="swatch" style="background:rgba(249,115,22,0.45)"></span>no gap, lower</span>
        <span>right: closed / opened per row · ${formatValue(hours, 'hours')} in the period</span>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-difference-heatmap': FsDifferenceHeatmap;
  }
}
