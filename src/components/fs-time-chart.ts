// A time-series chart over the simulated horizon: lines (optionally with a 95% CI band), stacked
// areas, and a reference line (a target). Time axis in the display zone. Focus the chart and use
// the arrow keys to read the values interval by interval; a tooltip follows the pointer.
import { LitElement, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { axisBottom, axisLeft } from 'd3-axis';
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { area, curveStepAfter, line, stack, stackOffsetNone, type Series } from 'd3-shape';
import { keyedPoint, timeTicks, tipPosition, tipTime, WidthController } from '../lib/chart';
import { formatCompactMoney, formatValue, type Unit } from '../lib/format';
import { baseStyles, chartStyles, pointChartStyles } from './shared-styles';

export interface LineSeries {
  key: string;
  label: string;
  colour: string;
  values: (number | null)[];
  lower?: (number | null)[];
  upper?: (number | null)[];
  dashed?: boolean;
  /** Drawn as steps (a value holds for the whole interval). */
  step?: boolean;
}

export interface AreaSeries {
  key: string;
  label: string;
  colour: string;
  values: number[];
}

@customElement('fs-time-chart')
export class FsTimeChart extends LitElement {
  @property() heading = '';
  @property() summary = '';
  @property() unit: Unit = 'fraction';
  @property() currency = 'EUR';
  @property() timeZone = 'UTC';
  @property({ attribute: false }) starts: number[] = [];
  @property({ type: Number }) intervalMs = 1_800_000;
  @property({ attribute: false }) lines: LineSeries[] = [];
  @property({ attribute: false }) areas: AreaSeries[] = [];
  @property({ attribute: false }) reference: { value: number; label: string } | null = null;
  @property({ type: Number }) yMax: number | null = null;
  @property({ type: Number }) chartHeight = 220;
  @property() yLabel = '';

  @state() private hover: number | null = null;

  private readonly width = new WidthController(this, 800);
  private x = scaleLinear();
  private y = scaleLinear();

  static override styles = [
    baseStyles,
    chartStyles,
    pointChartStyles,
  ];

  private margin = { top: 12, right: 16, bottom: 28, left: 64 };

  override render() {
    const n = this.starts.length;
    if (!n) return nothing;
    const width = Math.max(320, this.width.value);
    const height = this.chartHeight;
    const m = this.margin;
    const stacked = this.stackAreas();
    this.setScales(width, height, stacked);
    const h = this.hover;
    return html`
      <figure>
        ${this.heading ? html`<h3>${this.heading}</h3>` : nothing}
        ${this.renderLegend()}
        <div class="chart" @pointerleave=${() => (this.hover = null)}>
          <svg
            width=${width}
            height=${height}
            role="img"
            tabindex="0"
            aria-label=${`${this.heading}. ${this.summary} Use the left and right arrow keys to read values per interval.`}
            @pointermove=${this.onPointer}
            @keydown=${this.onKey}
            @blur=${() => (this.hover = null)}
          >
            <g class="grid y-grid" transform="translate(${m.left},0)"></g>
            ${this.renderSeries(stacked)}
            ${this.reference ? this.renderReference(this.reference, width) : nothing}
            <g class="axis x-axis" transform="translate(0,${height - m.bottom})"></g>
            <g class="axis y-axis" transform="translate(${m.left},0)"></g>
            ${this.yLabel
              ? svg`<text class="axis-label" transform="translate(14,${(height - m.bottom + m.top) / 2}) rotate(-90)" text-anchor="middle">${this.yLabel}</text>`
              : nothing}
            ${this.renderHover(h, height)}
          </svg>
          ${h !== null ? this.renderTip(h, this.mid(h), width) : nothing}
        </div>
        ${this.summary ? html`<figcaption>${this.summary}</figcaption>` : nothing}
      </figure>
    `;
  }

  /** The areas stacked one on another, interval by interval (none when there are no areas). */
  private stackAreas(): Series<number, string>[] {
    const n = this.starts.length;
    return this.areas.length
      ? stack<number>()
          .keys(this.areas.map((_, k) => String(k)))
          .value((i, key) => this.areas[Number(key)].values[i] ?? 0)
          .offset(stackOffsetNone)(Array.from({ length: n }, (_, i) => i))
      : [];
  }

  /** Time across the horizon; values from 0 up past the highest stack, line, CI band and
   * reference (or to yMax). updated() draws the axes from these. */
  private setScales(width: number, height: number, stacked: Series<number, string>[]) {
    const m = this.margin;
    const x0 = this.starts[0];
    const x1 = this.starts[this.starts.length - 1] + this.intervalMs;
    this.x = scaleLinear().domain([x0, x1]).range([m.left, width - m.right]);
    const top = Math.max(
      this.reference?.value ?? 0,
      max(stacked.length ? stacked[stacked.length - 1] : [], (d) => d[1]) ?? 0,
      ...this.lines.map((s) => max([...(s.upper ?? []), ...s.values], (v) => v ?? 0) ?? 0),
    );
    const yTop = this.yMax ?? (top > 0 ? top * 1.08 : 1);
    this.y = scaleLinear().domain([0, yTop]).nice().range([height - m.bottom, m.top]);
  }

  // Lines at interval midpoints; steps from interval starts (with a closing point at the end).
  private mid(i: number) {
    return this.x(this.starts[i] + this.intervalMs / 2);
  }

  private stepX(i: number) {
    const n = this.starts.length;
    return this.x(i < n ? this.starts[i] : this.starts[n - 1] + this.intervalMs);
  }

  private linePath(s: LineSeries) {
    const y = this.y;
    if (s.step) {
      const vals = [...s.values, s.values[this.starts.length - 1]];
      return line<number | null>()
        .defined((v) => v !== null && Number.isFinite(v))
        .x((_, i) => this.stepX(i))
        .y((v) => y(v!))
        .curve(curveStepAfter)(vals);
    }
    return line<number | null>()
      .defined((v) => v !== null && Number.isFinite(v))
      .x((_, i) => this.mid(i))
      .y((v) => y(v!))(s.values);
  }

  private bandPath(s: LineSeries) {
    const y = this.y;
    return area<number>()
      .defined((i) => s.lower![i] !== null && s.upper![i] !== null && Number.isFinite(s.lower![i]!))
      .x((i) => this.mid(i))
      .y0((i) => y(s.lower![i]!))
      .y1((i) => y(s.upper![i]!))(Array.from({ length: this.starts.length }, (_, i) => i));
  }

  private areaPath(layer: Series<number, string>) {
    const y = this.y;
    return area<(typeof layer)[number]>()
      .x((_, i) => this.stepX(i))
      .y0((d) => y(d[0]))
      .y1((d) => y(d[1]))
      .curve(curveStepAfter)([...layer, layer[this.starts.length - 1]]);
  }

  /** The stacked areas, then the CI bands, then the lines on top. */
  private renderSeries(stacked: Series<number, string>[]) {
    return svg`${stacked.map((layer, k) => svg`<path d=${this.areaPath(layer) ?? ''} style="fill:${this.areas[k].colour};opacity:0.85"></path>`)}
            ${this.lines
              .filter((s) => s.lower && s.upper)
              .map((s) => svg`<path d=${this.bandPath(s) ?? ''} style="fill:${s.colour};opacity:0.18"></path>`)}
            ${this.lines.map(
              (s) =>
                svg`<path d=${this.linePath(s) ?? ''} style="fill:none;stroke:${s.colour};stroke-width:${s.dashed ? 2 : 1.8};${s.dashed ? 'stroke-dasharray:5 3;' : ''}"></path>`,
            )}`;
  }

  /** The reference line (a target) across the plot, labelled at its right end. */
  private renderReference(reference: { value: number; label: string }, width: number) {
    const m = this.margin;
    const y = this.y;
    return svg`<line class="reference" x1=${m.left} x2=${width - m.right} y1=${y(reference.value)} y2=${y(reference.value)}></line>
                    <text class="reference-label" x=${width - m.right - 4} y=${y(reference.value) - 5} text-anchor="end">${reference.label}</text>`;
  }

  /** The interval read out: a vertical line through it and a dot on each line's value. */
  private renderHover(h: number | null, height: number) {
    const m = this.margin;
    const y = this.y;
    return svg`${h !== null ? svg`<line class="hover-line" x1=${this.mid(h)} x2=${this.mid(h)} y1=${m.top} y2=${height - m.bottom}></line>` : nothing}
            ${h !== null
              ? this.lines.map((s) =>
                  s.values[h] !== null && Number.isFinite(s.values[h]!)
                    ? svg`<circle cx=${this.mid(h)} cy=${y(s.values[h]!)} r="3.5" style="fill:${s.colour};stroke:var(--surface);stroke-width:1.5"></circle>`
                    : nothing,
                )
              : nothing}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.starts.length) return;
    const root = this.renderRoot;
    const m = this.margin;
    const width = Math.max(320, this.width.value);
    const x0 = this.starts[0];
    const x1 = this.starts[this.starts.length - 1] + this.intervalMs;
    const ticks = timeTicks(x0, x1, this.timeZone, width - m.left - m.right);
    const labels = new Map(ticks.map((t) => [t.at, t.label]));
    const xAxis = root.querySelector<SVGGElement>('.x-axis');
    if (xAxis)
      select(xAxis).call(
        axisBottom(this.x)
          .tickValues(ticks.map((t) => t.at))
          .tickFormat((v) => labels.get(Number(v)) ?? '')
          .tickSizeOuter(0),
      );
    const fmt = (v: number) =>
      this.unit === 'fraction' ? `${Math.round(v * 100)}%` : this.unit === 'money' ? formatCompactMoney(v, this.currency) : this.unit === 'seconds' ? `${v} s` : String(v);
    const yAxis = root.querySelector<SVGGElement>('.y-axis');
    if (yAxis) select(yAxis).call(axisLeft(this.y).ticks(5).tickFormat((v) => fmt(Number(v))).tickSizeOuter(0));
    const grid = root.querySelector<SVGGElement>('.y-grid');
    if (grid)
      select(grid).call(
        axisLeft(this.y)
          .ticks(5)
          .tickSize(-(width - m.left - m.right))
          .tickFormat(() => ''),
      );
  }

  private renderLegend() {
    const items = [
      ...this.areas.map((a) => html`<li><span class="swatch" style="background:${a.colour}"></span>${a.label}</li>`),
      ...this.lines.map(
        (s) =>
          html`<li>
            <span class="swatch line ${s.dashed ? 'dashed' : ''}" style="background:${s.colour};color:${s.colour}"></span>${s.label}${s.lower
              ? html` <span class="swatch" style="background:${s.colour};opacity:0.25"></span>95% CI`
              : nothing}
          </li>`,
      ),
      ...(this.reference ? [html`<li><span class="swatch dashed" style="color:var(--bad)"></span>${this.reference.label}</li>`] : []),
    ];
    return items.length > 1 || this.reference ? html`<ul class="legend">${items}</ul>` : nothing;
  }

  private renderTip(i: number, xPos: number, width: number) {
    const rows: [string, string, string][] = [
      ...this.lines.map((s): [string, string, string] => [
        s.label,
        formatValue(s.values[i], this.unit, this.currency) +
          (s.lower && s.lower[i] !== null && s.upper?.[i] !== null && s.upper
            ? ` (${formatValue(s.lower[i], this.unit, this.currency)}–${formatValue(s.upper[i], this.unit, this.currency)})`
            : ''),
        s.colour,
      ]),
      ...this.areas
        .slice()
        .reverse()
        .map((a): [string, string, string] => [a.label, formatValue(a.values[i], this.unit, this.currency), a.colour]),
    ];
    if (this.areas.length > 1) rows.push(['Total on the phones', formatValue(this.areas.reduce((s, a) => s + (a.values[i] ?? 0), 0), this.unit), 'transparent']);
    return html`<div class="tip" role="status" style=${tipPosition(xPos, 40, width)}>
      <b>${tipTime(this.starts[i], this.timeZone)}</b>
      ${rows.map(
        ([k, v, c]) => html`<div class="row"><span><span class="swatch" style="background:${c}"></span> ${k}</span><span>${v}</span></div>`,
      )}
    </div>`;
  }

  private onPointer = (e: PointerEvent) => {
    const svgEl = e.currentTarget as SVGSVGElement;
    const box = svgEl.getBoundingClientRect();
    const t = this.x.invert(e.clientX - box.left);
    const i = Math.floor((t - this.starts[0]) / this.intervalMs);
    this.hover = i >= 0 && i < this.starts.length ? i : null;
  };

  private onKey = (e: KeyboardEvent) => {
    const next = keyedPoint(e.key, this.hover, this.starts.length, Math.round(86_400_000 / this.intervalMs));
    if (next === undefined) return;
    e.preventDefault();
    this.hover = next;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-time-chart': FsTimeChart;
  }
}
