// Coverage heatmap: hour of the week (display zone) × queue. With all channels shown, one row per
// language × channel, grouped by language: each row is measured against its own channel's
// threshold and target, so no row ever blends voice with email (a channel filter shows that
// channel's rows alone). Colour is the hour's service level against the row's target; hatching marks
// the hours sim/ flags uncovered (demand, nobody with the skill on the phones). The per-row gap
// columns and the caption use sim/'s hourly flags and hour figures, so every number adds up: the
// caption's total = the sum of its languages = the sum of the rows. Cells are a keyboard grid
// (arrows, Home/End, PageUp/PageDown by day, Enter/Space for details).
import { LitElement, css, html, noChange, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Directive, directive } from 'lit/directive.js';
import { scaleLinear } from 'd3-scale';
import type { ScenarioResult } from '../../sim/stats/metrics';
import type { Scenario } from '../../sim/scenario/scenario';
import { attainment, buildHeatmap, cellStatus, type HeatCell, type Heatmap, type HeatRow } from '../lib/coverage';
import { hourLabels, tipPosition, WidthController } from '../lib/chart';
import { counted, formatValue, languageName, targetText, waitLabel } from '../lib/format';
import { formatWeekdayTime, pad2, WEEKDAYS, zoneOffsetName } from '../lib/time';
import { STATUS_TEXT } from './fs-hour-details';
import { baseStyles, chartStyles, staleStyles } from './shared-styles';
import './fs-hour-details';

export { languageName };

/** Service level minus target (fractions) → colour: red well below, amber just below, green met. */
export const attainmentColour = scaleLinear<string>()
  .domain([-0.5, -0.25, -0.1, -0.02, 0, 0.1])
  .range(['#7f1d1d', '#c2410c', '#f59e0b', '#fde68a', '#86efac', '#15803d'])
  .clamp(true);

const LEGEND_STOPS = [-0.5, -0.25, -0.1, -0.02, 0, 0.1];

/** Whole hours: the gap figures count hours. */
const hours = (x: number) => formatValue(x, 'hours');

let uid = 0;

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/** A value written into a double-quoted attribute of markup built as text. */
const attr = (value: string | number) => String(value).replace(/[&"<>]/g, (c) => ESCAPES[c]);

let svgContext: Range | null = null;

/** SVG markup as nodes, parsed once into this document where it is drawn (Lit's unsafeSVG parses
 * it into a template and then clones that: twice the work for nodes drawn once, ~40 ms of the
 * default week's first draw). The same text again leaves the nodes drawn as they are. */
class SvgMarkup extends Directive {
  private drawn = '';

  render(markup: string): DocumentFragment | typeof noChange {
    if (markup === this.drawn) return noChange;
    this.drawn = markup;
    if (!svgContext) {
      svgContext = document.createRange();
      svgContext.selectNodeContents(document.createElementNS('http://www.w3.org/2000/svg', 'g'));
    }
    return svgContext.createContextualFragment(markup);
  }
}
const svgMarkup = directive(SvgMarkup);

/** The nearest ancestor that scrolls vertically, across shadow roots (the page's main pane). */
function scrollingAncestor(el: Element): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
    if (e !== el && /auto|scroll/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight) return e;
  }
  return document.scrollingElement;
}

/** Where the grid's parts go: the layout, the SVG's height, the gap between cells, where the gap
 * columns start, and a cell's corner by column and row. */
interface Grid {
  left: number;
  top: number;
  width: number;
  height: number;
  cellWidth: number;
  cellHeight: number;
  gapColumn: number;
  rem: number;
  gapX: number;
  gapX0: number;
  cellX: (column: number) => number;
  cellY: (row: number) => number;
}

@customElement('fs-heatmap')
export class FsHeatmap extends LitElement {
  @property({ attribute: false }) result: ScenarioResult | null = null;
  @property({ attribute: false }) scenario: Scenario | null = null;
  @property() timeZone = 'UTC';
  @property() channel = 'all';
  /** Smaller cells, no details panel (Compare). */
  @property({ type: Boolean }) compact = false;
  @property() caption = '';

  @state() private active = { row: 0, column: 0 };
  @state() private selected: { row: number; column: number } | null = null;
  @state() private focused = false;

  private heatmap: Heatmap | null = null;
  private readonly width = new WidthController(this, 900);
  private readonly patternId = `hatch-${++uid}`;
  /** Each row's cells as markup, with the geometry it was drawn for (see renderCells). */
  private cellsDrawn = new WeakMap<HeatRow, { geometry: string; markup: string }>();

  static override styles = [
    baseStyles,
    chartStyles,
    staleStyles,
    css`
      :host {
        display: block;
      }
      .cell {
        cursor: pointer;
        outline: none;
      }
      .cell.zero {
        fill: var(--cell-empty);
      }
      .cell.none {
        fill: var(--cell-none);
        cursor: default;
      }
      .day-line {
        stroke: var(--surface);
        stroke-width: 2;
      }
      .group-line {
        stroke: var(--border-strong);
        stroke-width: 1;
      }
      .row-label {
        fill: var(--text);
        font-size: 0.86rem;
        font-weight: 600;
      }
      .row-channel {
        fill: var(--text-muted);
        font-size: 0.78rem;
      }
      .row-sub {
        fill: var(--text-muted);
        font-size: 0.75rem;
      }
      :host([compact]) .row-label {
        font-size: 0.72rem;
      }
      :host([compact]) .row-channel {
        font-size: 0.62rem;
      }
      .gap-label {
        fill: var(--text);
        font-size: 0.8rem;
        font-variant-numeric: tabular-nums;
      }
      .gap-label.total {
        font-weight: 600;
      }
      .gap-label.bad {
        fill: var(--bad);
      }
      .col-head {
        fill: var(--text-muted);
        font-size: 0.78rem;
      }
      .day-head {
        fill: var(--text);
        font-size: 0.85rem;
        font-weight: 600;
      }
      .focus-ring {
        fill: none;
        stroke: var(--focus);
        stroke-width: 2.5;
        pointer-events: none;
      }
      .selected-ring {
        fill: none;
        stroke: var(--text);
        stroke-width: 2;
        pointer-events: none;
      }
      .legend .ramp {
        width: 11rem;
        height: 0.8rem;
        border-radius: 2px;
      }
      .ramp-labels {
        display: flex;
        justify-content: space-between;
        width: 11rem;
        font-size: 0.72rem;
      }
      .hatch-swatch {
        background: repeating-linear-gradient(-45deg, var(--hatch-line) 0 2px, var(--hatch-bg) 2px 5px);
      }
      .hint {
        font-size: 0.82rem;
        color: var(--text-muted);
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result') || changed.has('timeZone') || changed.has('channel')) {
      this.heatmap = this.result ? buildHeatmap(this.result, this.timeZone, this.channel) : null;
      const rows = this.heatmap?.rows.length ?? 0;
      if (this.active.row >= rows) this.active = { row: 0, column: this.active.column };
      if (this.selected && this.selected.row >= rows) this.selected = null;
    }
  }

  private layout(rowCount: number) {
    const compact = this.compact;
    // Label and gap columns in rem: they grow with the text (presentation mode).
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 14;
    const left = Math.round(rem * (compact ? 5.1 : 8.9));
    // Three gap columns: uncovered, below target, total.
    const gapColumn = Math.round(rem * 2.9);
    const right = compact ? 8 : 3 * gapColumn + 12;
    const top = compact ? 22 : 40;
    const width = Math.max(360, this.width.value);
    const cellWidth = (width - left - right) / 168;
    // Rows as tall as their labels need: taller in presentation mode (a larger rem).
    const cellHeight = compact ? (rowCount > 8 ? 12 : 16) : rowCount > 8 ? Math.max(22, Math.round(rem * 1.6)) : Math.max(30, Math.round(rem * 2.1));
    return { left, right, top, width, cellWidth, cellHeight, gapColumn, rem };
  }

  private grid(rowCount: number): Grid {
    const g = this.layout(rowCount);
    const { left, top, width, cellWidth, cellHeight, gapColumn } = g;
    return {
      ...g,
      height: top + rowCount * cellHeight + 4,
      gapX: cellWidth > 5 ? 1 : 0.5,
      gapX0: width - 3 * gapColumn,
      cellX: (c: number) => left + c * cellWidth,
      cellY: (r: number) => top + r * cellHeight,
    };
  }

  override render() {
    const hm = this.heatmap;
    if (!hm || !this.result) return html`<p class="muted">No result yet.</p>`;
    const sel = this.selected;
    return html`
      <figure>
        <div class="chart" @pointerleave=${this.hideTip}>
          ${this.renderGrid(hm, this.result)}
          <div class="tip" hidden role="tooltip"></div>
        </div>
        ${this.renderLegend()}
        ${this.renderCaption(hm)}
      </figure>
      ${this.compact || !sel ? nothing : this.renderHourDetails(hm, sel)}
    `;
  }

  /** The keyboard grid: hours of the week across, one row per queue, the gap columns at the right. */
  private renderGrid(hm: Heatmap, result: ScenarioResult) {
    const rows = hm.rows;
    const g = this.grid(rows.length);
    const zone = this.timeZone;
    const startMs = Date.parse(result.start);
    const zoneLabel = zone === 'UTC' ? 'UTC' : `${zone.replace(/_/g, ' ')} (${zoneOffsetName(zone, startMs)})`;
    const gridLabel = `Coverage heatmap: ${hm.channel === 'all' ? `${counted(rows.length, 'queue')} (language × channel)` : `${counted(rows.length, 'language')}, ${hm.channel} only`} by hour of the week in ${zoneLabel}. Use arrow keys to move, Enter for details.`;
    const byLanguage = hm.channel === 'all';
    return html`<svg
            width=${g.width}
            height=${g.height}
            role="grid"
            aria-label=${gridLabel}
            aria-rowcount=${rows.length}
            aria-colcount="168"
            @keydown=${this.onKey}
            @focusin=${() => (this.focused = true)}
            @focusout=${() => {
              this.focused = false;
              this.hideTip();
            }}
            @pointermove=${this.onPointerMove}
            @click=${this.onClick}
          >
            <defs>
              <pattern id=${this.patternId} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
                <rect width="5" height="5" style="fill: var(--hatch-bg)"></rect>
                <line x1="0" y1="0" x2="0" y2="5" style="stroke: var(--hatch-line); stroke-width: 2.4"></line>
              </pattern>
            </defs>
            ${this.renderTimeHeads(g)}
            ${rows.map((row, r) => this.renderRow(row, r, g, byLanguage))}
            ${[1, 2, 3, 4, 5, 6].map(
              (d) => svg`<line class="day-line" x1=${g.cellX(d * 24)} x2=${g.cellX(d * 24)} y1=${g.top - (this.compact ? 4 : 16)} y2=${g.height - 3} aria-hidden="true"></line>`,
            )}
            ${this.compact ? nothing : this.renderGapHeads(g)}
            ${this.renderRings(g)}
          </svg>`;
  }

  /** The days above the grid, and the hours under them when there is room (not in Compare). */
  private renderTimeHeads(g: Grid) {
    const { cellX, cellWidth, rem, top } = g;
    return svg`${WEEKDAYS.map((d, i) => svg`<text class="day-head" x=${cellX(i * 24) + 2} y=${this.compact ? 14 : 16} aria-hidden="true">${d}</text>`)}
            ${this.compact
              ? nothing
              : hourLabels(cellWidth, rem).map((h) => svg`<text class="col-head" x=${cellX(h) + 1} y=${top - 6} aria-hidden="true">${pad2(h % 24)}</text>`)}`;
  }

  /** One queue's row: its label (the language once per group when all channels show), its 168
   * cells, and its gap figures. */
  private renderRow(row: HeatRow, r: number, g: Grid, byLanguage: boolean) {
    const { cellY, cellHeight, left, width } = g;
    const y = cellY(r) + cellHeight / 2;
    const labelY = y + (this.compact || byLanguage ? 4 : 0);
    return svg`
                <g role="row" aria-rowindex=${r + 1} data-queue=${row.key}>
                  ${byLanguage && row.firstOfLanguage && r > 0 ? svg`<line class="group-line" x1="2" x2=${width - 2} y1=${cellY(r)} y2=${cellY(r)} aria-hidden="true"></line>` : nothing}
                  <text class="row-label" x=${this.compact ? 4 : 8} y=${labelY} role="rowheader" aria-label=${`${languageName(row.language)} ${row.channel}, target ${targetText(row.target, row.thresholdSeconds)}`}>${
                    byLanguage ? (row.firstOfLanguage ? row.language : '') : row.language
                  }</text>
                  ${byLanguage
                    ? // Against the cells, not at a fixed indent: a language code longer than two
                      // letters (a fitted queue such as he-PS) would run into it.
                      svg`<text class="row-channel" x=${left - (this.compact ? 4 : 6)} y=${labelY} text-anchor="end" aria-hidden="true">${row.channel}</text>`
                    : this.compact
                      ? nothing
                      : svg`<text class="row-sub" x="8" y=${y + 13} aria-hidden="true">${languageName(row.language)}</text>`}
                  ${this.renderCells(row, r, g)}
                  ${this.compact ? nothing : this.renderRowGaps(row, y, g)}
                </g>
              `;
  }

  /** A row's hours uncovered, below target and in all (the gap), as gridcells the tests read. */
  private renderRowGaps(row: HeatRow, y: number, g: Grid) {
    const { gapX0, gapColumn, width } = g;
    return svg`
                      <text class="gap-label" x=${gapX0 + gapColumn - 4} y=${y + 4} text-anchor="end" role="gridcell" data-uncovered=${row.uncoveredHours} aria-label=${`${row.key}: ${hours(row.uncoveredHours)} uncovered`}>${formatValue(row.uncoveredHours, 'count')}</text>
                      <text class="gap-label" x=${gapX0 + 2 * gapColumn - 4} y=${y + 4} text-anchor="end" role="gridcell" data-below=${row.hoursBelowTarget} aria-label=${`${row.key}: ${hours(row.hoursBelowTarget)} below target`}>${formatValue(row.hoursBelowTarget, 'count')}</text>
                      <text class="gap-label total ${row.gapHours > 0 ? 'bad' : ''}" x=${width - 6} y=${y + 4} text-anchor="end" role="gridcell" data-gap=${row.gapHours} aria-label=${`${row.key}: ${hours(row.gapHours)} coverage gap`}>${formatValue(row.gapHours, 'count')}</text>`;
  }

  /** The headings of the three gap columns. */
  private renderGapHeads(g: Grid) {
    const { gapX0, gapColumn, width, top } = g;
    return svg`<text class="col-head" x=${gapX0 + gapColumn - 4} y=${top - 6} text-anchor="end" aria-hidden="true">Unc.</text>
                  <text class="col-head" x=${gapX0 + 2 * gapColumn - 4} y=${top - 6} text-anchor="end" aria-hidden="true">Below</text>
                  <text class="col-head" x=${width - 6} y=${top - 6} text-anchor="end" aria-hidden="true">Gap h</text>
                  <text class="col-head" x=${width - 6} y=${top - 22} text-anchor="end" aria-hidden="true">hours</text>`;
  }

  /** The selected cell's ring, and the keyboard focus ring while the grid has focus. */
  private renderRings(g: Grid) {
    const { cellX, cellY, cellWidth, cellHeight } = g;
    const a = this.active;
    const sel = this.selected;
    return svg`${sel ? svg`<rect class="selected-ring" x=${cellX(sel.column) - 1} y=${cellY(sel.row)} width=${cellWidth + 2} height=${cellHeight} aria-hidden="true"></rect>` : nothing}
            ${this.focused
              ? svg`<rect class="focus-ring" x=${cellX(a.column) - 2} y=${cellY(a.row) - 1} width=${cellWidth + 4} height=${cellHeight + 2} rx="2" aria-hidden="true"></rect>`
              : nothing}`;
  }

  /** The selected hour's details panel, under the figure. */
  private renderHourDetails(hm: Heatmap, sel: { row: number; column: number }) {
    return html`<fs-hour-details
            .result=${this.result}
            .scenario=${this.scenario}
            .cell=${this.cellAt(sel.row, sel.column) ?? null}
            .timeZone=${this.timeZone}
            .maxHoursPerCell=${hm.maxHoursPerCell}
            @close=${() => (this.selected = null)}
          ></fs-hour-details>`;
  }

  /** A row's 168 cells, written as markup text and parsed by the browser at once: as one template
   * each with 20 bound attributes they were ~54,000 attribute parts for the default week, most of
   * the heatmap's first render. Kept per row and geometry, so that a render for another reason (the
   * focus moving, the width observed again) reuses them. The roving tabindex and aria-selected are
   * set on the elements afterwards (markCells): moving the focus must not replace the cells. */
  private renderCells(row: HeatRow, r: number, g: Grid) {
    const geometry = `${r} ${g.left} ${g.top} ${g.cellWidth} ${g.cellHeight}`;
    const drawn = this.cellsDrawn.get(row);
    if (drawn?.geometry === geometry) return svgMarkup(drawn.markup);
    const y = g.cellY(r) + 1;
    const w = Math.max(0.5, g.cellWidth - g.gapX);
    const h = g.cellHeight - 2;
    const markup = row.cells.map((cell) => this.cellMarkup(cell, r, g.cellX(cell.column) + g.gapX / 2, y, w, h)).join('');
    this.cellsDrawn.set(row, { geometry, markup });
    return svgMarkup(markup);
  }

  private cellMarkup(cell: HeatCell, r: number, x: number, y: number, w: number, h: number): string {
    const status = cellStatus(cell);
    const cls = status === 'outside' ? ' none' : status === 'no-demand' ? ' zero' : '';
    const fill = status === 'uncovered' ? `fill: url(#${this.patternId})` : cls ? '' : `fill: ${attainmentColour(attainment(cell) ?? 0)}`;
    const start = cell.hours.length ? new Date(Date.parse(this.result!.start) + cell.hours[0] * 3_600_000).toISOString() : '';
    return (
      `<rect class="cell${cls}" role="gridcell" x="${x}" y="${y}" width="${w}" height="${h}" style="${fill}" tabindex="-1"` +
      ` aria-colindex="${cell.column + 1}" aria-selected="false" aria-label="${attr(this.cellLabel(cell))}"` +
      ` data-row="${r}" data-column="${cell.column}" data-language="${attr(cell.language)}" data-channel="${attr(cell.channel)}"` +
      ` data-offered="${cell.offered}" data-sl="${cell.serviceLevel ?? ''}" data-target="${cell.target}" data-uncovered="${cell.uncovered}"` +
      ` data-below="${cell.belowTarget}" data-start="${start}"></rect>`
    );
  }

  protected override updated(): void {
    this.markCells();
  }

  /** The roving tabindex (the active cell takes the focus) and the selected cell, on the cells drawn. */
  private markCells(): void {
    const grid = this.renderRoot.querySelector('svg[role="grid"]');
    if (!grid) return;
    const mark = (name: string, on: string, off: string, at: { row: number; column: number } | null) => {
      const target = at && grid.querySelector(`rect.cell[data-row="${at.row}"][data-column="${at.column}"]`);
      for (const el of grid.querySelectorAll(`rect.cell[${name}="${on}"]`)) if (el !== target) el.setAttribute(name, off);
      target?.setAttribute(name, on);
    };
    mark('tabindex', '0', '-1', this.active);
    mark('aria-selected', 'true', 'false', this.selected);
  }

  private renderLegend() {
    const gradient = `linear-gradient(to right, ${LEGEND_STOPS.map((s, i) => `${attainmentColour(s)} ${(i / (LEGEND_STOPS.length - 1)) * 100}%`).join(', ')})`;
    return html`
      <ul class="legend" aria-label="Legend">
        <li>
          <span>Service level vs the channel's target</span>
          <span>
            <span class="swatch ramp" style="display:block;background:${gradient}"></span>
            <span class="ramp-labels"><span>−50 pts</span><span>−10</span><span>target</span><span>+10</span></span>
          </span>
        </li>
        <li><span class="swatch hatch-swatch"></span>Uncovered: demand, nobody with the skill on the phones</li>
        <li><span class="swatch" style="background: var(--cell-empty)"></span>No demand</li>
        ${this.compact ? nothing : html`<li class="hint">Click a cell or press Enter for the hour's details</li>`}
      </ul>
    `;
  }

  /** The caption: the total, its two parts and the languages, all sim/'s hour figures (they add up:
   * total = uncovered + below target = Σ languages = Σ rows). */
  private renderCaption(hm: Heatmap) {
    const t = hm.totals;
    const targets = [...new Map(hm.rows.map((r) => [r.channel, targetText(r.target, r.thresholdSeconds)])).entries()];
    const worst = hm.rows
      .flatMap((r) => r.cells)
      .filter((c) => cellStatus(c) === 'below')
      .sort((x, y) => (attainment(x) ?? 0) - (attainment(y) ?? 0))[0];
    const languages = [...hm.languages].sort((x, y) => y.gapHours - x.gapHours);
    return html`<figcaption
      id="summary"
      data-gap=${t.gapHours}
      data-uncovered=${t.uncoveredHours}
      data-below=${t.hoursBelowTarget}
    >
      ${this.caption ? html`<b>${this.caption}</b> ` : nothing}
      ${hm.channel === 'all' ? `${counted(hm.rows.length, 'queue')} (language × channel)` : `${counted(hm.rows.length, 'language')} (${hm.channel})`} × 168 hours of the week
      (${hm.timeZone}${hm.weeks > 1.01 ? `, ${formatValue(hm.weeks, 'agents')} weeks: cells count every week` : ''}), each against its channel's target
      (${targets.map(([c, text]) => `${c} ${text}`).join('; ')}).
      ${this.compact
        ? html`Coverage gap ${hours(t.gapHours)}: ${hours(t.uncoveredHours)} uncovered + ${hours(t.hoursBelowTarget)} below target.`
        : html`<b>Coverage gap ${hours(t.gapHours)}</b> = ${hours(t.uncoveredHours)} uncovered (hatched: demand, nobody with the skill on the
            phones) + ${hours(t.hoursBelowTarget)} below target. By language:
            ${languages.map(
              (l, i) => html`<span data-language=${l.language} data-gap=${l.gapHours} data-uncovered=${l.uncoveredHours} data-below=${l.hoursBelowTarget}
                >${l.language} ${hours(l.gapHours)}</span
              >${i < languages.length - 1 ? ', ' : '.'}`,
            )}
            ${worst
              ? `The worst covered hour is ${worst.language} ${worst.channel} on ${this.when(worst)} at ${formatValue(worst.serviceLevel, 'fraction')} against ${formatValue(worst.target, 'fraction')}.`
              : ''}`}
    </figcaption>`;
  }

  private cellAt(row: number, column: number): HeatCell | undefined {
    return this.heatmap?.rows[row]?.cells[column];
  }

  private when(cell: HeatCell): string {
    if (!this.result || cell.hours.length === 0) return `${WEEKDAYS[Math.floor(cell.column / 24)]} ${pad2(cell.column % 24)}:00`;
    const ms = Date.parse(this.result.start) + cell.hours[0] * 3_600_000;
    // Every row of a column shares its hour: the zone arithmetic once per column, not per cell.
    if (this.whenLabels.zone !== this.timeZone || this.whenLabels.byMs.size > 5000) this.whenLabels = { zone: this.timeZone, byMs: new Map() };
    let label = this.whenLabels.byMs.get(ms);
    if (label === undefined) this.whenLabels.byMs.set(ms, (label = formatWeekdayTime(ms, this.timeZone)));
    return label;
  }

  private whenLabels = { zone: '', byMs: new Map<number, string>() };

  private cellLabel(cell: HeatCell): string {
    const when = `${languageName(cell.language)} ${cell.channel}, ${this.when(cell)}`;
    const status = cellStatus(cell);
    if (status === 'outside') return `${when}: outside the simulated horizon`;
    if (status === 'no-demand') return `${when}: no demand`;
    const sl = `service level ${formatValue(cell.serviceLevel, 'fraction')} against ${targetText(cell.target, cell.thresholdSeconds)}`;
    return `${when}: ${STATUS_TEXT[status]}; ${sl}, ${formatValue(cell.offered, 'count')} offered`;
  }

  // --- interaction ---------------------------------------------------------------------------

  private cellFromEvent(e: Event): { row: number; column: number } | null {
    const target = e.target as Element;
    if (!target?.classList?.contains('cell')) return null;
    return { row: Number(target.getAttribute('data-row')), column: Number(target.getAttribute('data-column')) };
  }

  private onClick = (e: MouseEvent) => {
    const at = this.cellFromEvent(e);
    if (!at) return;
    this.active = at;
    this.select(at);
  };

  private select(at: { row: number; column: number }) {
    if (this.compact) {
      this.dispatchEvent(new CustomEvent('cell-select', { detail: at, bubbles: true, composed: true }));
      return;
    }
    const cell = this.cellAt(at.row, at.column);
    if (!cell || cell.hours.length === 0) return;
    this.selected = at;
    void this.revealDetails();
  }

  /** The details open under the legend and caption: chosen from the first rows on a 720 px screen
   * they were below the fold, and Enter or a click seemed to do nothing. Scrolls them up as far as
   * the chosen cell stays in view. */
  private async revealDetails(): Promise<void> {
    await this.updateComplete;
    const details = this.renderRoot.querySelector('fs-hour-details');
    await details?.updateComplete;
    const cell = this.renderRoot.querySelector('rect.cell[aria-selected="true"]');
    const scroller = scrollingAncestor(this);
    if (!details || !cell || !scroller) return;
    const view = scroller.getBoundingClientRect();
    const hidden = details.getBoundingClientRect().bottom - view.bottom;
    const room = cell.getBoundingClientRect().top - view.top - 8;
    const by = Math.min(hidden, room);
    if (by > 0) scroller.scrollBy({ top: by });
  }

  private onKey = async (e: KeyboardEvent) => {
    const rows = this.heatmap?.rows.length ?? 0;
    if (!rows) return;
    let { row, column } = this.active;
    switch (e.key) {
      case 'ArrowRight':
        column = Math.min(167, column + 1);
        break;
      case 'ArrowLeft':
        column = Math.max(0, column - 1);
        break;
      case 'ArrowDown':
        row = Math.min(rows - 1, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(0, row - 1);
        break;
      case 'Home':
        column = e.ctrlKey ? 0 : column - (column % 24);
        if (e.ctrlKey) row = 0;
        break;
      case 'End':
        column = e.ctrlKey ? 167 : column - (column % 24) + 23;
        if (e.ctrlKey) row = rows - 1;
        break;
      case 'PageDown':
        column = Math.min(167, column + 24);
        break;
      case 'PageUp':
        column = Math.max(0, column - 24);
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.select(this.active);
        return;
      case 'Escape':
        this.selected = null;
        return;
      default:
        return;
    }
    e.preventDefault();
    this.active = { row, column };
    if (this.selected) this.selected = { row, column };
    await this.updateComplete;
    const rect = this.renderRoot.querySelector<SVGRectElement>(`rect.cell[data-row="${row}"][data-column="${column}"]`);
    rect?.focus();
    // The tooltip follows the keyboard too.
    const cell = this.cellAt(row, column);
    const chart = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (rect && cell && chart) {
      const box = chart.getBoundingClientRect();
      const r = rect.getBoundingClientRect();
      this.showTip(cell, r.right - box.left, r.bottom - box.top + 8, box.width);
    }
  };

  private onPointerMove = (e: PointerEvent) => {
    const at = this.cellFromEvent(e);
    const cell = at ? this.cellAt(at.row, at.column) : undefined;
    if (!cell) return this.hideTip();
    const box = (this.renderRoot.querySelector('.chart') as HTMLElement).getBoundingClientRect();
    this.showTip(cell, e.clientX - box.left, e.clientY - box.top, box.width);
  };

  private showTip(cell: HeatCell, x: number, y: number, width: number) {
    const tip = this.renderRoot.querySelector<HTMLDivElement>('.tip');
    if (!tip || !this.result) return;
    const status = cellStatus(cell);
    const lines: [string, string][] =
      status === 'outside'
        ? [['', 'outside the simulated horizon']]
        : status === 'no-demand'
          ? [['', 'no demand']]
          : [
              ['Service level', `${formatValue(cell.serviceLevel, 'fraction')} (target ${targetText(cell.target, cell.thresholdSeconds)})`],
              ['Offered', formatValue(cell.offered, 'agents')],
              [waitLabel(cell.channel), formatValue(cell.asaSeconds, 'seconds')],
              ['Abandon rate', formatValue(cell.abandonRate, 'fraction')],
              ['On the phones', formatValue(cell.agentsOnPhones, 'agents')],
              ['Required', `${formatValue(cell.requiredAgents, 'agents')} on the phones, ${formatValue(cell.requiredScheduled, 'agents')} scheduled`],
            ];
    tip.innerHTML = '';
    const head = document.createElement('b');
    head.textContent = `${cell.language} ${cell.channel} · ${this.when(cell)} ${this.timeZone}`;
    tip.append(head);
    if (status === 'uncovered' || status === 'below') {
      const warn = document.createElement('div');
      warn.textContent = status === 'uncovered' ? 'Uncovered: nobody with the skill on the phones' : "Below the channel's target";
      warn.style.color = status === 'uncovered' ? 'var(--bad)' : 'var(--warn)';
      tip.append(warn);
    }
    for (const [k, v] of lines) {
      const row = document.createElement('div');
      row.className = 'row';
      const a = document.createElement('span');
      a.textContent = k;
      a.className = 'muted';
      const b = document.createElement('span');
      b.textContent = v;
      row.append(a, b);
      tip.append(row);
    }
    tip.hidden = false;
    tip.setAttribute('style', tipPosition(x, y, width));
  }

  private hideTip = () => {
    const tip = this.renderRoot.querySelector<HTMLDivElement>('.tip');
    if (tip) tip.hidden = true;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-heatmap': FsHeatmap;
  }
}
