// Coverage heatmap: hour of the week (display zone) × language. Colour is service level against
// target; hatching marks hours with demand and nobody on the phones with the skill. Cells are a
// keyboard grid (arrows, Home/End, PageUp/PageDown by day, Enter/Space for details).
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { scaleLinear } from 'd3';
import type { ScenarioResult } from '../../sim/metrics';
import type { Scenario } from '../../sim/scenario';
import { attainment, buildHeatmap, poolsServing, type HeatCell, type Heatmap } from '../lib/coverage';
import { tipPosition, WidthController } from '../lib/chart';
import { formatValue } from '../lib/format';
import { formatDateTime, formatWeekdayTime, pad2, WEEKDAYS, zoneOffsetName } from '../lib/time';
import { baseStyles, chartStyles } from './shared-styles';

/** Service level minus target (fractions) → colour: red well below, amber just below, green met. */
export const attainmentColour = scaleLinear<string>()
  .domain([-0.5, -0.25, -0.1, -0.02, 0, 0.1])
  .range(['#7f1d1d', '#c2410c', '#f59e0b', '#fde68a', '#86efac', '#15803d'])
  .clamp(true);

const LEGEND_STOPS = [-0.5, -0.25, -0.1, -0.02, 0, 0.1];

let languageNames: Intl.DisplayNames | null = null;
export function languageName(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

let uid = 0;

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

  static override styles = [
    baseStyles,
    chartStyles,
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
      .row-label {
        fill: var(--text);
        font-size: 0.86rem;
        font-weight: 600;
      }
      .row-sub {
        fill: var(--text-muted);
        font-size: 0.75rem;
      }
      .gap-label {
        fill: var(--text);
        font-size: 0.85rem;
        font-variant-numeric: tabular-nums;
      }
      .gap-label.bad {
        fill: var(--bad);
        font-weight: 600;
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
      .details {
        margin-top: 0.75rem;
        padding: 0.85rem 1rem;
      }
      .details header {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 1rem;
        margin-bottom: 0.5rem;
      }
      .details h4 {
        margin: 0;
        font-size: 1.02rem;
      }
      .details .pools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1.2rem;
        margin-top: 0.6rem;
        font-size: 0.9rem;
      }
      .badge {
        display: inline-block;
        border-radius: 999px;
        padding: 0.05rem 0.5rem;
        font-size: 0.78rem;
        font-weight: 600;
      }
      .badge.bad {
        background: var(--bad-soft);
        color: var(--bad);
      }
      .badge.good {
        background: var(--good-soft);
        color: var(--good);
      }
      .badge.warn {
        background: var(--warn-soft);
        color: var(--warn);
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

  private layout() {
    const compact = this.compact;
    const left = compact ? 44 : 118;
    const right = compact ? 8 : 78;
    const top = compact ? 22 : 40;
    const width = Math.max(360, this.width.value);
    const cellWidth = (width - left - right) / 168;
    const cellHeight = compact ? 16 : 30;
    return { left, right, top, width, cellWidth, cellHeight };
  }

  override render() {
    const hm = this.heatmap;
    if (!hm || !this.result) return html`<p class="muted">No result yet.</p>`;
    const { left, top, width, cellWidth, cellHeight } = this.layout();
    const rows = hm.rows;
    const height = top + rows.length * cellHeight + 4;
    const gapX = cellWidth > 5 ? 1 : 0.5;
    const zone = this.timeZone;
    const startMs = Date.parse(this.result.start);
    const zoneLabel = zone === 'UTC' ? 'UTC' : `${zone.replace(/_/g, ' ')} (${zoneOffsetName(zone, startMs)})`;
    const summary = this.summaryText(hm);
    const gridLabel = `Coverage heatmap: ${rows.length} languages by hour of the week in ${zoneLabel}${
      hm.channel === 'all' ? '' : `, ${hm.channel} only`
    }. Use arrow keys to move, Enter for details.`;
    const a = this.active;
    const sel = this.selected;
    const cellX = (c: number) => left + c * cellWidth;
    const cellY = (r: number) => top + r * cellHeight;
    return html`
      <figure>
        <div class="chart" @pointerleave=${this.hideTip}>
          <svg
            width=${width}
            height=${height}
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
            ${WEEKDAYS.map(
              (d, i) => svg`<text class="day-head" x=${cellX(i * 24) + 2} y=${this.compact ? 14 : 16} aria-hidden="true">${d}</text>`,
            )}
            ${this.compact
              ? nothing
              : Array.from({ length: 28 }, (_, k) => k * 6).map(
                  (h) =>
                    svg`<text class="col-head" x=${cellX(h) + 1} y=${top - 6} aria-hidden="true">${pad2(h % 24)}</text>`,
                )}
            ${rows.map(
              (row, r) => svg`
                <g role="row" aria-rowindex=${r + 1}>
                  <text class="row-label" x=${this.compact ? 4 : 8} y=${cellY(r) + cellHeight / 2 + (this.compact ? 4 : 0)} role="rowheader">${row.language}</text>
                  ${this.compact
                    ? nothing
                    : svg`<text class="row-sub" x="8" y=${cellY(r) + cellHeight / 2 + 13} aria-hidden="true">${languageName(row.language)}</text>`}
                  ${row.cells.map((cell) => {
                    const cls = cell.intervals.length === 0 ? 'none' : !(cell.offered > 0) ? 'zero' : '';
                    const fill = cell.noCoverage
                      ? `fill: url(#${this.patternId})`
                      : cls
                        ? ''
                        : `fill: ${attainmentColour(attainment(cell) ?? 0)}`;
                    return svg`<rect
                      class="cell ${cls}"
                      role="gridcell"
                      x=${cellX(cell.column) + gapX / 2}
                      y=${cellY(r) + 1}
                      width=${Math.max(0.5, cellWidth - gapX)}
                      height=${cellHeight - 2}
                      style=${fill}
                      tabindex=${a.row === r && a.column === cell.column ? 0 : -1}
                      aria-colindex=${cell.column + 1}
                      aria-selected=${sel?.row === r && sel.column === cell.column ? 'true' : 'false'}
                      aria-label=${this.cellLabel(cell)}
                      data-row=${r}
                      data-column=${cell.column}
                      data-language=${cell.language}
                      data-offered=${String(cell.offered)}
                      data-sl=${cell.serviceLevel === null ? '' : String(cell.serviceLevel)}
                      data-nocoverage=${String(cell.noCoverage)}
                      data-start=${cell.intervals.length ? this.result!.intervals[cell.intervals[0]].start : ''}
                    ></rect>`;
                  })}
                  ${this.compact
                    ? nothing
                    : svg`<text class="gap-label ${(row.gapHours ?? 0) > 0.05 ? 'bad' : ''}" x=${width - 6} y=${cellY(r) + cellHeight / 2 + 5} text-anchor="end" role="gridcell" aria-label=${`${row.language}: ${formatValue(row.gapHours, 'hours')} coverage gap`}>${formatValue(row.gapHours, 'hours')}</text>`}
                </g>
              `,
            )}
            ${[1, 2, 3, 4, 5, 6].map(
              (d) => svg`<line class="day-line" x1=${cellX(d * 24)} x2=${cellX(d * 24)} y1=${top - (this.compact ? 4 : 16)} y2=${height - 3} aria-hidden="true"></line>`,
            )}
            ${this.compact
              ? nothing
              : svg`<text class="col-head" x=${width - 6} y=${top - 6} text-anchor="end" aria-hidden="true">Gap hours</text>`}
            ${sel
              ? svg`<rect class="selected-ring" x=${cellX(sel.column) - 1} y=${cellY(sel.row)} width=${cellWidth + 2} height=${cellHeight} aria-hidden="true"></rect>`
              : nothing}
            ${this.focused
              ? svg`<rect class="focus-ring" x=${cellX(a.column) - 2} y=${cellY(a.row) - 1} width=${cellWidth + 4} height=${cellHeight + 2} rx="2" aria-hidden="true"></rect>`
              : nothing}
          </svg>
          <div class="tip" hidden role="tooltip"></div>
        </div>
        ${this.renderLegend()}
        <figcaption id="summary">${this.caption ? html`<b>${this.caption}</b> ` : nothing}${summary}</figcaption>
      </figure>
      ${this.compact ? nothing : this.renderDetails()}
    `;
  }

  private renderLegend() {
    const gradient = `linear-gradient(to right, ${LEGEND_STOPS.map((s, i) => `${attainmentColour(s)} ${(i / (LEGEND_STOPS.length - 1)) * 100}%`).join(', ')})`;
    return html`
      <ul class="legend" aria-label="Legend">
        <li>
          <span>Service level vs target</span>
          <span>
            <span class="swatch ramp" style="display:block;background:${gradient}"></span>
            <span class="ramp-labels"><span>−50 pts</span><span>−10</span><span>target</span><span>+10</span></span>
          </span>
        </li>
        <li><span class="swatch hatch-swatch"></span>No coverage: demand, nobody on the phones with the skill</li>
        <li><span class="swatch" style="background: var(--cell-empty)"></span>No demand</li>
        ${this.compact ? nothing : html`<li class="hint">Click a cell or press Enter for the hour's details</li>`}
      </ul>
    `;
  }

  private cellAt(row: number, column: number): HeatCell | undefined {
    return this.heatmap?.rows[row]?.cells[column];
  }

  private when(cell: HeatCell): string {
    if (!this.result || cell.intervals.length === 0) return `${WEEKDAYS[Math.floor(cell.column / 24)]} ${pad2(cell.column % 24)}:00`;
    const start = Date.parse(this.result.intervals[cell.intervals[0]].start);
    const w = formatWeekdayTime(start, this.timeZone);
    return `${w.slice(0, 7)}00`;
  }

  private cellLabel(cell: HeatCell): string {
    const when = `${languageName(cell.language)}, ${this.when(cell)}`;
    if (cell.intervals.length === 0) return `${when}: outside the simulated horizon`;
    if (!(cell.offered > 0)) return `${when}: no demand`;
    const sl = `service level ${formatValue(cell.serviceLevel, 'fraction')} against ${formatValue(cell.target, 'fraction')}`;
    const base = `${formatValue(cell.offered, 'count')} offered`;
    return cell.noCoverage ? `${when}: no coverage, nobody with the skill on the phones; ${base}, ${sl}` : `${when}: ${sl}, ${base}`;
  }

  private summaryText(hm: Heatmap): string {
    const cells = hm.rows.flatMap((r) => r.cells).filter((c) => c.offered > 0);
    const noCoverage = cells.filter((c) => c.noCoverage);
    const below = cells.filter((c) => !c.noCoverage && (attainment(c) ?? 0) < 0);
    const worstRows = hm.rows
      .filter((r) => r.noCoverageHours > 0)
      .sort((a, b) => b.noCoverageHours - a.noCoverageHours)
      .map((r) => `${r.language} ${formatValue(r.noCoverageHours, 'hours')}`);
    const worst = below.sort((a, b) => (attainment(a) ?? 0) - (attainment(b) ?? 0))[0];
    const parts = [
      `${hm.rows.length} languages × 168 hours of the week (${hm.timeZone}${hm.channel === 'all' ? ', all channels' : `, ${hm.channel}`}${
        hm.weeks > 1.01 ? `, ${formatValue(hm.weeks, 'agents')} weeks averaged` : ''
      }).`,
      noCoverage.length
        ? `${noCoverage.length} hours with demand and nobody on the phones with the skill (${worstRows.join(', ')}).`
        : 'Every hour with demand has someone on the phones with the skill.',
      `${below.length} more hours below target${
        worst ? `; the worst is ${worst.language} on ${this.when(worst)} at ${formatValue(worst.serviceLevel, 'fraction')} against ${formatValue(worst.target, 'fraction')}` : ''
      }.`,
    ];
    return parts.join(' ');
  }

  private renderDetails() {
    const sel = this.selected;
    const cell = sel ? this.cellAt(sel.row, sel.column) : undefined;
    if (!sel || !cell || !this.result) return nothing;
    const r = this.result;
    const start = cell.intervals.length ? Date.parse(r.intervals[cell.intervals[0]].start) : 0;
    const end = cell.intervals.length ? Date.parse(r.intervals[cell.intervals[cell.intervals.length - 1]].start) + r.intervalMinutes * 60_000 : 0;
    const pools = poolsServing(this.scenario, r, cell.language, this.channel, cell.intervals);
    const status = !(cell.offered > 0)
      ? html`<span class="badge">No demand</span>`
      : cell.noCoverage
        ? html`<span class="badge bad">No coverage</span>`
        : (attainment(cell) ?? 0) < 0
          ? html`<span class="badge warn">Below target</span>`
          : html`<span class="badge good">Target met</span>`;
    const weeks = this.heatmap && this.heatmap.maxIntervalsPerCell * (r.intervalMinutes / 60) > 1 ? ' (totals over the weeks simulated)' : '';
    return html`
      <section class="details card" role="region" aria-label="Details of the selected hour" aria-live="polite">
        <header>
          <h4>
            ${languageName(cell.language)} (${cell.language}) · ${cell.intervals.length ? `${formatDateTime(start, this.timeZone)}–${formatWeekdayTime(end, this.timeZone).slice(4)}` : this.when(cell)}
            ${this.timeZone} ${status}
          </h4>
          <button class="quiet" @click=${() => (this.selected = null)} aria-label="Close details">Close ✕</button>
        </header>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Offered</th>
              <th scope="col">Answered</th>
              <th scope="col">Abandoned</th>
              <th scope="col">Service level</th>
              <th scope="col">Target</th>
              <th scope="col">ASA</th>
              <th scope="col">Abandon rate</th>
              <th scope="col">On the phones</th>
              <th scope="col">Required</th>
            </tr>
          </thead>
          <tbody>
            ${cell.queues.map((q) => {
              return html`<tr data-channel=${q.channel} data-offered=${q.offered} data-answered=${q.answered} data-abandoned=${q.abandoned}>
                <td>${q.channel}${q.noCoverage ? html` <span class="badge bad">no coverage</span>` : nothing}</td>
                <td>${formatValue(q.offered, 'agents')}</td>
                <td>${formatValue(q.answered, 'agents')}</td>
                <td>${formatValue(q.abandoned, 'agents')}</td>
                <td>${formatValue(q.serviceLevel, 'fraction')}</td>
                <td>${formatValue(q.target, 'fraction')} in ${formatValue(q.thresholdSeconds, 'seconds')}</td>
                <td>${formatValue(q.asaSeconds, 'seconds')}</td>
                <td>${formatValue(q.abandonRate, 'fraction')}</td>
                <td>${formatValue(q.agentsOnPhones, 'agents')}</td>
                <td>${formatValue(q.requiredAgents, 'agents')}</td>
              </tr>`;
            })}
            ${cell.queues.length > 1
              ? html`<tr data-channel="all" data-offered=${cell.offered} data-answered=${cell.answered} data-abandoned=${cell.abandoned}>
                  <td><b>All</b></td>
                  <td><b>${formatValue(cell.offered, 'agents')}</b></td>
                  <td><b>${formatValue(cell.answered, 'agents')}</b></td>
                  <td><b>${formatValue(cell.abandoned, 'agents')}</b></td>
                  <td><b>${formatValue(cell.serviceLevel, 'fraction')}</b></td>
                  <td>${formatValue(cell.target, 'fraction')}</td>
                  <td>${formatValue(cell.asaSeconds, 'seconds')}</td>
                  <td>${formatValue(cell.abandonRate, 'fraction')}</td>
                  <td></td>
                  <td></td>
                </tr>`
              : nothing}
          </tbody>
        </table>
        <div class="pools" aria-label="Agents on shift by pool">
          <span class="muted">Agents on the phones by pool (after shrinkage and absence):</span>
          ${pools.length
            ? pools.map((p) => html`<span><b>${p.id}</b> <span class="muted">${p.type}${p.secondary ? ', 2nd language' : ''}</span> ${formatValue(p.agents, 'agents')}</span>`)
            : html`<span>no pool has this language</span>`}
        </div>
        <p class="hint">
          Means over ${r.replications} replications${weeks}. Contacts are counted in the interval they arrived in.
          "On the phones" counts every agent with the skill, also those busy with other languages; "Required" is the Erlang
          staffing for the target on this queue alone.
        </p>
      </section>
    `;
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
    if (!cell || cell.intervals.length === 0) return;
    this.selected = at;
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
    const lines: [string, string][] =
      cell.intervals.length === 0
        ? [['', 'outside the simulated horizon']]
        : !(cell.offered > 0)
          ? [['', 'no demand']]
          : [
              ['Service level', `${formatValue(cell.serviceLevel, 'fraction')} (target ${formatValue(cell.target, 'fraction')})`],
              ['Offered', formatValue(cell.offered, 'agents')],
              ['ASA', formatValue(cell.asaSeconds, 'seconds')],
              ['Abandon rate', formatValue(cell.abandonRate, 'fraction')],
              ...cell.queues
                .filter((q) => q.offered > 0)
                .map((q): [string, string] => [
                  `${q.channel}: agents`,
                  `${formatValue(q.agentsOnPhones, 'agents')} on phones / ${formatValue(q.requiredAgents, 'agents')} required`,
                ]),
            ];
    tip.innerHTML = '';
    const head = document.createElement('b');
    head.textContent = `${cell.language} · ${this.when(cell)} ${this.timeZone}`;
    tip.append(head);
    if (cell.noCoverage) {
      const warn = document.createElement('div');
      warn.textContent = 'No coverage: nobody on the phones with the skill';
      warn.style.color = 'var(--bad)';
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
