// The interval table: one row per reporting interval with the figures of the intervals CSV (sim/csv
// intervalsCsv, the CLI's `--csv` table: the same names and the same means, the 95% CI of each cell
// in its tooltip), the overall figures and then each channel's own (or the chosen channel's only).
// Sortable by any column (the header buttons; aria-sort says how), within the day shown or the
// whole period. With one language chosen, the table is that language × channel queue's own
// (result.coverage: means per interval, no CI) — the intervals CSV has no per-language columns,
// and costs, occupancy and AI resolutions are not split by language, so they are left out.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Estimate } from '../../sim/stats/confidence';
import { INTERVAL_CHANNEL_FIGURES, INTERVAL_FIGURES, type QueueCoverage, type ScenarioResult } from '../../sim/stats/metrics';
import { intervalStarts } from '../lib/chart';
import { ciText, columnFormat, type Unit } from '../lib/format';
import { formatDateTime } from '../lib/time';
import { baseStyles, chartStyles } from './shared-styles';

interface Column {
  /** The intervals CSV's column name. */
  key: string;
  label: string;
  unit: Unit;
  /** The cell of interval i. */
  get: (i: number) => Estimate | undefined;
}

const LABELS: Record<string, [string, Unit]> = {
  offered: ['Offered', 'count'],
  answered: ['Answered', 'count'],
  abandoned: ['Abandoned', 'count'],
  contained: ['AI resolved', 'count'],
  answeredWithinThresholdShare: ['Within threshold', 'fraction'],
  asaSeconds: ['ASA (voice, chat)', 'seconds'],
  abandonRate: ['Abandon rate', 'fraction'],
  occupancy: ['Occupancy', 'fraction'],
  costTotal: ['Cost', 'money'],
  serviceLevel: ['Service level', 'fraction'],
};

const QUEUE_FIGURES = ['offered', 'answered', 'abandoned', 'serviceLevel', 'asaSeconds', 'abandonRate'] as const;
const meanOnly = (x: number | null | undefined): Estimate => ({ mean: x ?? null, ci95: null });

/** The table's columns: the intervals CSV's (overall, then each channel's or the chosen one's), or
 * a language × channel queue's own when one is given. */
export function intervalColumns(r: ScenarioResult, channel = 'all', queue: QueueCoverage | null = null): Column[] {
  if (queue) {
    const name = `${queue.language} ${queue.channel}`;
    return QUEUE_FIGURES.map((f) => ({
      key: `${queue.language}_${queue.channel}_${f}`,
      label: `${name} ${f === 'asaSeconds' && queue.channel === 'email' ? 'time to answer' : f === 'asaSeconds' ? 'ASA' : LABELS[f][0].toLowerCase()}`,
      unit: LABELS[f][1],
      get: (i: number) => meanOnly(queue[f][i]),
    }));
  }
  const channels = Object.keys(r.channelTargets).filter((c) => channel === 'all' || c === channel);
  return [
    ...INTERVAL_FIGURES.map((f) => ({ key: f, label: LABELS[f][0], unit: LABELS[f][1], get: (i: number) => r.intervals[i][f] })),
    ...channels.flatMap((c) =>
      INTERVAL_CHANNEL_FIGURES.map((f) => ({
        key: `${c}_${f}`,
        label: `${c} ${f === 'asaSeconds' && c === 'email' ? 'time to answer' : f === 'asaSeconds' ? 'ASA' : LABELS[f][0].toLowerCase()}`,
        unit: LABELS[f][1],
        get: (i: number) => r.intervals[i].channels?.[c]?.[f],
      })),
    ),
  ];
}

@customElement('fs-interval-table')
export class FsIntervalTable extends LitElement {
  @property({ attribute: false }) result: ScenarioResult | null = null;
  @property() timeZone = 'UTC';
  /** Intervals shown: [from, to) (a day, or the whole period when `to` is -1). */
  @property({ type: Number }) from = 0;
  @property({ type: Number }) to = -1;
  /** 'all' or the one channel whose own columns are shown. */
  @property() channel = 'all';
  /** The language × channel queue whose own figures are shown (null: the intervals CSV's). */
  @property({ attribute: false }) queue: QueueCoverage | null = null;
  @state() private sortKey = 'interval_start';
  @state() private descending = false;

  static override styles = [
    baseStyles,
    chartStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        flex-wrap: wrap;
      }
      .head p {
        margin: 0 0 0.5rem;
        font-size: 0.85rem;
        color: var(--text-muted);
      }
      .wrap {
        overflow: auto;
        max-height: 28rem;
        border: 1px solid var(--border);
        border-radius: 6px;
      }
      table.data {
        margin: 0;
      }
      table.data th {
        position: sticky;
        top: 0;
        background: var(--surface-2);
        z-index: 1;
        vertical-align: bottom;
        white-space: normal;
        line-height: 1.2;
      }
      table.data th,
      table.data td {
        padding: 0.25rem 0.5rem;
      }
      th button {
        all: unset;
        cursor: pointer;
        display: inline-flex;
        gap: 0.2rem;
        align-items: baseline;
      }
      th button:focus-visible {
        outline: 2px solid var(--accent);
        outline-offset: 2px;
      }
      th .arrow {
        font-size: 0.7rem;
        color: var(--text-muted);
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      td.time {
        white-space: nowrap;
      }
    `,
  ];

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const columns = intervalColumns(r, this.channel, this.queue);
    const starts = intervalStarts(r.start, r.intervals.length, r.intervalMinutes);
    const to = this.to < 0 ? r.intervals.length : this.to;
    const indices = Array.from({ length: Math.max(0, to - this.from) }, (_, k) => this.from + k);
    const column = columns.find((c) => c.key === this.sortKey);
    if (column) {
      const value = (i: number) => column.get(i)?.mean ?? null;
      indices.sort((a, b) => {
        const x = value(a), y = value(b);
        if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1; // empty cells last
        return (this.descending ? y - x : x - y) || a - b;
      });
    } else if (this.descending) indices.reverse();
    // One format per column over the rows shown: a money column is in cents or whole units, not both.
    const formats = new Map(columns.map((c) => [c.key, columnFormat(indices.map((i) => c.get(i)?.mean), c.unit, r.currency)]));
    const header = (key: string, label: string) => {
      const on = this.sortKey === key;
      return html`<th scope="col" data-column=${key} aria-sort=${on ? (this.descending ? 'descending' : 'ascending') : 'none'}>
        <button @click=${() => this.sortBy(key)} title=${`Sort by ${label}${on ? (this.descending ? ' (now highest first)' : ' (now lowest first)') : ''}`}>
          ${label}<span class="arrow" aria-hidden="true">${on ? (this.descending ? '▼' : '▲') : ''}</span>
        </button>
      </th>`;
    };
    return html`
      <div class="head">
        <h3 data-caption>Interval table${this.queue ? ` · ${this.queue.language} ${this.queue.channel}` : this.channel !== 'all' ? ` · all languages` : ''}</h3>
        <p>
          ${indices.length} intervals of ${r.intervalMinutes} min, start in ${this.timeZone};
          ${this.queue
            ? `the ${this.queue.language} ${this.queue.channel} queue's own figures (means over replications, no CI; cost, occupancy and AI resolutions are not split by language).`
            : "the intervals CSV's figures, all languages (means; hover a cell for its 95% CI)."}
          Sort by a column with its header.
        </p>
      </div>
      <div class="wrap" tabindex="0" role="region" aria-label="Interval table, scrollable">
        <table class="data" aria-label="Figures per interval">
          <thead>
            <tr>
              ${header('interval_start', `Start (${this.timeZone})`)}
              ${columns.map((c) => header(c.key, c.label))}
            </tr>
          </thead>
          <tbody>
            ${indices.map(
              (i) => html`<tr data-interval=${i} data-start=${r.intervals[i].start}>
                <td class="time">${formatDateTime(starts[i], this.timeZone)}</td>
                ${columns.map((c) => {
                  const e = c.get(i);
                  return html`<td
                    class="num"
                    data-column=${c.key}
                    data-value=${String(e?.mean ?? '')}
                    title=${e?.ci95 ? ciText(e, c.unit, r.currency) : ''}
                  >
                    ${formats.get(c.key)!(e?.mean)}
                  </td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private sortBy(key: string): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      // Figures: highest first (the worst hours of a wait or an abandon rate come up); time: in order.
      this.descending = key !== 'interval_start';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-interval-table': FsIntervalTable;
  }
}
