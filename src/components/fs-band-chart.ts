// Actual against simulated, point by point (hours, days or hours of the week): the simulation's
// 95% band (2.5th to 97.5th percentile of the replications) shaded, its mean as a line, what
// really happened as dots — hollow when outside the band. Focus it and use ← → (PageUp/PageDown
// a day) to read the values; a tooltip follows the pointer.
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { area, line } from 'd3-shape';
import type { SeriesPoint } from '../../sim/history/backtest';
import { dayStarts } from '../../sim/history/day-starts';
import { keyedPoint, tipPosition, WidthController } from '../lib/chart';
import { formatValue, type Unit } from '../lib/format';
import { baseStyles, chartStyles, pointChartStyles } from './shared-styles';

export type BandGrain = 'hour' | 'hourOfWeek' | 'day';

const ACTUAL = 'light-dark(#bc4c00, #f0883e)';
const BAND = 'var(--accent)';

function tickLabel(p: SeriesPoint, grain: BandGrain): string {
  if (grain === 'hourOfWeek') return p.label.slice(0, 3);
  const day = p.label.slice(0, 10);
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

@customElement('fs-band-chart')
export class FsBandChart extends LitElement {
  @property() heading = '';
  @property() summary = '';
  @property() unit: Unit = 'count';
  @property() grain: BandGrain = 'hour';
  @property({ attribute: false }) points: SeriesPoint[] = [];
  @property({ type: Number }) chartHeight = 210;

  @state() private hover: number | null = null;

  private readonly width = new WidthController(this, 800);
  private x = scaleLinear();
  private y = scaleLinear();
  private readonly margin = { top: 10, right: 14, bottom: 26, left: 56 };

  static override styles = [
    baseStyles,
    chartStyles,
    pointChartStyles,
    css`
      .day-tick {
        stroke: var(--border-strong);
      }
      .day-label {
        fill: var(--text-muted);
        font-size: 0.78rem;
      }
    `,
  ];

  override render() {
    const pts = this.points;
    const n = pts.length;
    if (!n) return nothing;
    const width = Math.max(320, this.width.value);
    const height = this.chartHeight;
    const m = this.margin;
    this.x = scaleLinear().domain([-0.5, n - 0.5]).range([m.left, width - m.right]);
    const values = pts.flatMap((p) => [p.actual, p.high, p.low].filter((v): v is number => v !== null && Number.isFinite(v)));
    const top = Math.max(0, ...values);
    this.y = scaleLinear().domain([Math.min(0, ...values), top > 0 ? top * 1.05 : 1]).nice().range([height - m.bottom, m.top]);
    const { x, y } = this;
    // Drawn where the figure is compared: a rate in an hour without actual contacts (a night the
    // model gives a call now and then) is not, and would only draw spikes.
    const compared = (p: SeriesPoint) => p.actual !== null;
    const band = area<number>()
      .defined((i) => compared(pts[i]) && pts[i].low !== null && pts[i].high !== null)
      .x((i) => x(i))
      .y0((i) => y(pts[i].low!))
      .y1((i) => y(pts[i].high!))(pts.map((_, i) => i));
    const mean = line<number>()
      .defined((i) => compared(pts[i]) && pts[i].mean !== null)
      .x((i) => x(i))
      .y((i) => y(pts[i].mean!))(pts.map((_, i) => i));
    const starts = dayStarts(pts.map((p) => p.label), this.grain);
    const every = Math.max(1, Math.ceil((starts.length * 52) / (width - m.left - m.right)));
    const r = n > 300 ? 1.7 : n > 100 ? 2.2 : 3;
    const h = this.hover;
    return html`<figure>
      ${this.heading ? html`<h3>${this.heading}</h3>` : nothing}
      <div class="chart" @pointerleave=${() => (this.hover = null)}>
        <svg
          width=${width}
          height=${height}
          role="img"
          tabindex="0"
          aria-label=${`${this.heading}. ${this.summary} Use the left and right arrow keys to read the values.`}
          @pointermove=${this.onPointer}
          @keydown=${this.onKey}
          @blur=${() => (this.hover = null)}
        >
          <g class="grid y-grid" transform="translate(${m.left},0)"></g>
          <path d=${band ?? ''} style="fill:${BAND};opacity:0.22"></path>
          <path d=${mean ?? ''} style="fill:none;stroke:${BAND};stroke-width:1.4"></path>
          ${pts.map((p, i) => {
            if (p.actual === null) return nothing;
            const inside = p.low !== null && p.high !== null && p.actual >= p.low - 1e-9 && p.actual <= p.high + 1e-9;
            return svg`<circle class="actual" data-inside=${inside ? '1' : '0'} cx=${x(i)} cy=${y(p.actual)} r=${r} style="fill:${inside ? ACTUAL : 'var(--surface)'};stroke:${ACTUAL};stroke-width:1.1"></circle>`;
          })}
          <line class="day-tick" x1=${m.left} x2=${width - m.right} y1=${height - m.bottom} y2=${height - m.bottom}></line>
          ${starts
            .filter((_, k) => k % every === 0)
            .map(
              (i) => svg`<line class="day-tick" x1=${x(i - 0.5)} x2=${x(i - 0.5)} y1=${height - m.bottom} y2=${height - m.bottom + 4}></line>
                <text class="day-label" x=${this.grain === 'day' ? x(i) : x(i - 0.5) + 2} y=${height - m.bottom + 16} text-anchor=${this.grain === 'day' ? 'middle' : 'start'}>${tickLabel(pts[i], this.grain)}</text>`,
            )}
          <g class="axis y-axis" transform="translate(${m.left},0)"></g>
          ${h !== null ? svg`<line class="hover-line" x1=${x(h)} x2=${x(h)} y1=${m.top} y2=${height - m.bottom}></line>` : nothing}
        </svg>
        ${h !== null ? this.renderTip(h, x(h), width) : nothing}
      </div>
      ${this.summary ? html`<figcaption>${this.summary}</figcaption>` : nothing}
    </figure>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const width = Math.max(320, this.width.value);
    const m = this.margin;
    const fmt = (v: number) => (this.unit === 'fraction' ? `${Math.round(v * 100)}%` : this.unit === 'seconds' ? `${v} s` : String(v));
    const yAxis = this.renderRoot.querySelector<SVGGElement>('.y-axis');
    if (yAxis) select(yAxis).call(axisLeft(this.y).ticks(4).tickFormat((v) => fmt(Number(v))).tickSizeOuter(0));
    const grid = this.renderRoot.querySelector<SVGGElement>('.y-grid');
    if (grid) select(grid).call(axisLeft(this.y).ticks(4).tickSize(-(width - m.left - m.right)).tickFormat(() => ''));
  }

  private renderTip(i: number, xPos: number, width: number) {
    const p = this.points[i];
    const v = (x: number | null) => formatValue(x, this.unit);
    const inside = p.actual !== null && p.low !== null && p.high !== null && p.actual >= p.low - 1e-9 && p.actual <= p.high + 1e-9;
    return html`<div class="tip" role="status" style=${tipPosition(xPos, 30, width)}>
      <b>${p.label.replace(/^(\d{4}-\d{2}-\d{2})T/, '$1 ')}</b>
      <div class="row"><span>Actual</span><span>${v(p.actual)}${p.actual !== null && p.low !== null ? (inside ? '' : ' (outside)') : ''}</span></div>
      <div class="row"><span>Simulated mean</span><span>${v(p.mean)}</span></div>
      <div class="row"><span>95% band</span><span>${p.low === null ? '–' : `${v(p.low)} – ${v(p.high)}`}</span></div>
    </div>`;
  }

  private onPointer = (e: PointerEvent) => {
    const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
    const i = Math.round(this.x.invert(e.clientX - box.left));
    this.hover = i >= 0 && i < this.points.length ? i : null;
  };

  private onKey = (e: KeyboardEvent) => {
    const next = keyedPoint(e.key, this.hover, this.points.length, this.grain === 'day' ? 7 : 24);
    if (next === undefined) return;
    e.preventDefault();
    this.hover = next;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-band-chart': FsBandChart;
  }
}
