// Where a variant is better or worse than the baseline, hour by hour: one row per language ×
// channel both have, one column per hour of the period, judged with the gap flags every gap figure
// adds up from (coverage[q].hours: uncovered, below target). Green: a gap hour of the baseline that
// the variant closes; red: a gap hour the variant opens; grey: a gap in both. Where neither has a
// gap, the shade says how far the variant's service level of the hour is above (blue) or below
// (orange) the baseline's. Each row's counts are beside it, and the caption's totals add up from
// them.
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QueueCoverage, ScenarioResult } from '../../sim/stats/metrics';
import { dayTicks, WidthController } from '../lib/chart';
import { formatDelta, formatValue, languageName } from '../lib/format';
import { formatDateTime } from '../lib/time';
import { baseStyles, chartStyles } from './shared-styles';

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
  return base.coverage
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

const COLOURS: Record<Mark, string> = { closed: '#16a34a', opened: '#dc2626', both: '#94a3b8', none: 'transparent', idle: 'transparent' };

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

  static override styles = [
    baseStyles,
    chartStyles,
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
    `,
  ];

  override render() {
    const base = this.base, variant = this.variant;
    if (!base || !variant) return nothing;
    const all = differenceRows(base, variant, this.language, this.channel);
    const from = Math.max(0, this.hourFrom);
    const cut = (xs: unknown[]) => xs.slice(from, this.hourTo < 0 ? undefined : this.hourTo);
    const rows = all.map((r) => {
      const marks = cut(r.marks) as DifferenceRow['marks'];
      const count = (m: string) => marks.filter((x) => x === m).length;
      return { ...r, marks, delta: cut(r.delta) as DifferenceRow['delta'], closed: count('closed'), opened: count('opened'), both: count('both') };
    });
    if (!rows.length) return html`<p class="caption">No language × channel in this slice that both scenarios have.</p>`;
    const hours = rows[0].marks.length;
    const start = Date.parse(base.start) + from * 3_600_000;
    const width = this.width.value;
    const labelW = 118, countW = 86, rowH = 16, top = 18;
    const plotW = Math.max(120, width - labelW - countW - 8);
    const cw = plotW / hours;
    const height = top + rows.length * rowH + 4;
    const ticks = dayTicks(start, start + hours * 3_600_000, this.timeZone);
    const totals = rows.reduce((t, r) => ({ closed: t.closed + r.closed, opened: t.opened + r.opened, both: t.both + r.both }), { closed: 0, opened: 0, both: 0 });
    const shade = (d: number | null) => {
      if (d === null || Math.abs(d) < 0.005) return 'transparent';
      const a = Math.min(0.55, Math.abs(d) * 2.5);
      return d > 0 ? `rgba(59,130,246,${a})` : `rgba(249,115,22,${a})`;
    };
    const label = `Difference heatmap, ${this.variantName} against ${this.baseName}: ${totals.closed} gap hours closed, ${totals.opened} opened, ${totals.both} in both, over ${rows.length} language × channel rows.`;
    return html`
      <h4>${this.variantName} − ${this.baseName}</h4>
      <p class="caption" data-closed=${totals.closed} data-opened=${totals.opened} data-both=${totals.both}>
        ${totals.closed} gap hours of the baseline closed, ${totals.opened} opened, ${totals.both} still a gap in both (language × channel × hour; times in ${this.timeZone}).
      </p>
      <svg width=${width} height=${height} role="img" aria-label=${label}>
        ${ticks.map((t) => {
          const x = labelW + ((t.at - start) / 3_600_000) * cw;
          return svg`<line class="tick" x1=${x} x2=${x} y1=${top - 4} y2=${height}></line><text class="muted" x=${x + 2} y=${11}>${t.label}</text>`;
        })}
        ${rows.map((r, k) => {
          const y = top + k * rowH;
          return svg`<g data-row=${`${r.language}/${r.channel}`} data-closed=${r.closed} data-opened=${r.opened}>
            <title>${languageName(r.language)} ${r.channel}: ${r.closed} gap hours closed, ${r.opened} opened, ${r.both} in both</title>
            <text x="4" y=${y + rowH - 4}>${r.language} ${r.channel}</text>
            <rect class="frame" x=${labelW} y=${y + 1} width=${plotW} height=${rowH - 2}></rect>
            ${r.marks.map((m, h) => {
              if (m === 'idle') return nothing;
              const fill = m === 'none' ? shade(r.delta[h]) : COLOURS[m];
              if (fill === 'transparent') return nothing;
              return svg`<rect x=${labelW + h * cw} y=${y + 1} width=${Math.max(1, cw)} height=${rowH - 2} fill=${fill} data-mark=${m}><title>${formatDateTime(start + h * 3_600_000, this.timeZone)} ${this.timeZone}: ${m === 'closed' ? 'gap closed' : m === 'opened' ? 'gap opened' : m === 'both' ? 'a gap in both' : 'no gap in either'}; service level ${formatDelta(r.delta[h], 'fraction')}</title></rect>`;
            })}
            <text class="muted" x=${labelW + plotW + 6} y=${y + rowH - 4}>+${r.closed} / −${r.opened}</text>
          </g>`;
        })}
      </svg>
      <div class="legend" aria-hidden="true">
        <span><span class="swatch" style="background:${COLOURS.closed}"></span>gap closed (better)</span>
        <span><span class="swatch" style="background:${COLOURS.opened}"></span>gap opened (worse)</span>
        <span><span class="swatch" style="background:${COLOURS.both}"></span>gap in both</span>
        <span><span class="swatch" style="background:rgba(59,130,246,0.45)"></span>no gap, service level higher</span>
        <span><span class="swatch" style="background:rgba(249,115,22,0.45)"></span>no gap, lower</span>
        <span>right: closed / opened per row · ${formatValue(hours, 'hours')} in the period</span>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-difference-heatmap': FsDifferenceHeatmap;
  }
}
