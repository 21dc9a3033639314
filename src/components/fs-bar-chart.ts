// Horizontal bars with 95% CI whiskers, an optional reference line (a target) and a note column
// (e.g. cost per contact next to total cost).
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { axisBottom } from 'd3-axis';
import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { fittingTicks, textWidth, tipPosition, WidthController } from '../lib/chart';
import { formatCompactMoney, formatValue, type Unit } from '../lib/format';
import { baseStyles, chartStyles } from './shared-styles';

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  ci?: [number, number] | null;
  colour?: string;
  /** Right-hand column text. */
  note?: string;
  /** Extra tooltip lines. */
  details?: [string, string][];
}

/** A label shortened to `room` px with an ellipsis, its trailing code kept ("Hebrew (Trinidad … (he-TT)"):
 * the label column stops at 11rem, and a longer label ran out of the chart on the left. */
export function fitLabel(label: string, room: number, font: string): string {
  if (textWidth(label, font) <= room) return label;
  const tail = /\s\([^()]*\)$/.exec(label)?.[0] ?? '';
  let head = label.slice(0, label.length - tail.length);
  while (head.length > 1 && textWidth(`${head}…${tail}`, font) > room) head = head.slice(0, -1);
  return `${head.trimEnd()}…${tail}`;
}

@customElement('fs-bar-chart')
export class FsBarChart extends LitElement {
  @property() heading = '';
  @property() summary = '';
  @property() unit: Unit = 'money';
  @property() currency = 'EUR';
  @property({ attribute: false }) bars: Bar[] = [];
  @property({ attribute: false }) reference: { value: number; label: string } | null = null;
  @property() noteHeading = '';
  @property({ type: Number }) xMax: number | null = null;

  private readonly width = new WidthController(this, 480);
  private x = scaleLinear();
  private tipIndex: number | null = null;

  static override styles = [
    baseStyles,
    chartStyles,
    css`
      :host {
        display: block;
      }
      .label {
        fill: var(--text);
        font-size: 0.86rem;
      }
      .value {
        fill: var(--text);
        font-size: 0.82rem;
        font-variant-numeric: tabular-nums;
      }
      .note {
        fill: var(--text-muted);
        font-size: 0.82rem;
        font-variant-numeric: tabular-nums;
      }
      .note-head {
        fill: var(--text-muted);
        font-size: 0.75rem;
      }
      .whisker {
        stroke: var(--text);
        stroke-width: 1.3;
      }
      rect.bar {
        cursor: default;
      }
    `,
  ];

  /** Column widths from the texts they hold (measured in the font they are drawn in, so they
   * follow the number format and presentation mode): the bars get the rest. Fixed 104 + 96 px
   * side columns left a half-width card ~85 px of bars. */
  private layout() {
    const width = Math.max(300, this.width.value);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 14;
    const family = getComputedStyle(this).fontFamily;
    const widest = (texts: string[], size: number) => Math.max(0, ...texts.map((t) => textWidth(t, `${size * rem}px ${family}`)));
    const labelFont = `${0.86 * rem}px ${family}`;
    const labelWidth = Math.min(rem * 11, Math.max(rem * 5, widest(this.bars.map((b) => b.label), 0.86) + 12));
    const notes = this.bars.flatMap((b) => (b.note ? [b.note] : []));
    const noteWidth = notes.length ? Math.max(widest(notes, 0.82), widest([this.noteHeading], 0.75)) + 12 : 0;
    // The value's text starts 8 px right of the plot; 8 px more before the note column.
    const valueWidth = widest(this.bars.map((b) => formatValue(b.value, this.unit, this.currency)), 0.82) + 16;
    const axisFont = `${0.8 * rem}px ${family}`;
    return { width, labelWidth, labelFont, noteWidth, valueWidth, axisFont, top: this.noteHeading || this.reference ? 18 : 4, barHeight: 30 };
  }

  override render() {
    if (!this.bars.length) return nothing;
    const { width, labelWidth, labelFont, noteWidth, valueWidth, top, barHeight } = this.layout();
    const height = top + this.bars.length * barHeight + 24;
    const plotRight = width - noteWidth - valueWidth;
    const top1 = max(this.bars, (b) => Math.max(b.value ?? 0, b.ci?.[1] ?? 0)) ?? 0;
    this.x = scaleLinear()
      .domain([0, this.xMax ?? (Math.max(top1, this.reference?.value ?? 0) * 1.05 || 1)])
      .nice()
      .range([labelWidth, plotRight]);
    const x = this.x;
    const yb = scaleBand<number>()
      .domain(this.bars.map((_, i) => i))
      .range([top, top + this.bars.length * barHeight])
      .padding(0.22);
    const list = this.bars.map((b) => `${b.label} ${formatValue(b.value, this.unit, this.currency)}${b.note ? `, ${b.note}` : ''}`).join('; ');
    return html`
      <figure>
        ${this.heading ? html`<h3>${this.heading}</h3>` : nothing}
        <div class="chart" @pointerleave=${this.hideTip}>
          <svg width=${width} height=${height} role="img" aria-label=${`${this.heading}: ${list}.`}>
            ${this.noteHeading ? svg`<text class="note-head" x=${width - 4} y="12" text-anchor="end">${this.noteHeading}</text>` : nothing}
            <g class="axis grid x-grid" transform="translate(0,${top + this.bars.length * barHeight})"></g>
            ${this.bars.map((b, i) => {
              const y0 = yb(i)!;
              const bh = yb.bandwidth();
              const v = b.value ?? 0;
              return svg`
                <g data-key=${b.key} data-value=${String(b.value)} @pointermove=${(e: PointerEvent) => this.showTip(e, i)}>
                  <text class="label" x=${labelWidth - 8} y=${y0 + bh / 2 + 4} text-anchor="end">${fitLabel(b.label, labelWidth - 10, labelFont)}<title>${b.label}</title></text>
                  <rect class="bar" x=${x(0)} y=${y0} width=${Math.max(0, x(v) - x(0))} height=${bh} rx="2" style="fill:${b.colour ?? 'var(--accent)'}"></rect>
                  ${b.ci && Number.isFinite(b.ci[0]) && b.ci[1] - b.ci[0] > 0
                    ? svg`<line class="whisker" x1=${x(Math.max(0, b.ci[0]))} x2=${x(b.ci[1])} y1=${y0 + bh / 2} y2=${y0 + bh / 2}></line>
                          <line class="whisker" x1=${x(Math.max(0, b.ci[0]))} x2=${x(Math.max(0, b.ci[0]))} y1=${y0 + bh / 2 - 5} y2=${y0 + bh / 2 + 5}></line>
                          <line class="whisker" x1=${x(b.ci[1])} x2=${x(b.ci[1])} y1=${y0 + bh / 2 - 5} y2=${y0 + bh / 2 + 5}></line>`
                    : nothing}
                  <text class="value" x=${plotRight + 8} y=${y0 + bh / 2 + 4}>${formatValue(b.value, this.unit, this.currency)}</text>
                  ${b.note ? svg`<text class="note" x=${width - 4} y=${y0 + bh / 2 + 4} text-anchor="end">${b.note}</text>` : nothing}
                </g>`;
            })}
            ${this.reference
              ? svg`<line class="reference" x1=${x(this.reference.value)} x2=${x(this.reference.value)} y1=${top - 4} y2=${top + this.bars.length * barHeight}></line>
                    <text class="reference-label" x=${x(this.reference.value)} y=${top - 6} text-anchor="middle">${this.reference.label}</text>`
              : nothing}
          </svg>
          <div class="tip" hidden role="tooltip"></div>
        </div>
        ${this.summary ? html`<figcaption>${this.summary}</figcaption>` : nothing}
      </figure>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const g = this.renderRoot.querySelector<SVGGElement>('.x-grid');
    if (!g) return;
    const { barHeight, axisFont } = this.layout();
    // Counts grouped as the bars' values are ("8,000", not "8000").
    const fmt = (v: number) =>
      this.unit === 'fraction' ? `${Math.round(v * 100)}%` : this.unit === 'money' ? formatCompactMoney(v, this.currency) : this.unit === 'seconds' ? `${v} s` : this.unit === 'count' ? formatValue(v, 'count') : String(v);
    // As many ticks as their labels leave room for: "€0 €100K€200K" ran together in a half-width card.
    const ticks = fittingTicks(this.x, (v) => textWidth(fmt(v), axisFont));
    select(g).call(
      axisBottom(this.x)
        .tickValues(ticks)
        .tickSize(-(this.bars.length * barHeight))
        .tickFormat((v) => fmt(Number(v)))
        .tickSizeOuter(0),
    );
  }

  private showTip(e: PointerEvent, i: number) {
    const tip = this.renderRoot.querySelector<HTMLDivElement>('.tip');
    const box = (this.renderRoot.querySelector('.chart') as HTMLElement).getBoundingClientRect();
    const b = this.bars[i];
    if (!tip || !b) return;
    if (this.tipIndex !== i) {
      this.tipIndex = i;
      tip.replaceChildren();
      const head = document.createElement('b');
      head.textContent = b.label;
      tip.append(head);
      const rows: [string, string][] = [
        ['Value', formatValue(b.value, this.unit, this.currency)],
        ...(b.ci ? [['95% CI', `${formatValue(b.ci[0], this.unit, this.currency)} to ${formatValue(b.ci[1], this.unit, this.currency)}`] as [string, string]] : []),
        ...(b.details ?? []),
      ];
      for (const [k, v] of rows) {
        const row = document.createElement('div');
        row.className = 'row';
        const a = document.createElement('span');
        a.className = 'muted';
        a.textContent = k;
        const c = document.createElement('span');
        c.textContent = v;
        row.append(a, c);
        tip.append(row);
      }
    }
    tip.hidden = false;
    tip.setAttribute('style', tipPosition(e.clientX - box.left, e.clientY - box.top, box.width));
  }

  private hideTip = () => {
    this.tipIndex = null;
    const tip = this.renderRoot.querySelector<HTMLDivElement>('.tip');
    if (tip) tip.hidden = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-bar-chart': FsBarChart;
  }
}
