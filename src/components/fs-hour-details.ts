// One hour of the week for one language, opened from a heatmap cell: each channel's queue with its
// own figures against its own threshold and target (never blended), the selected queue first and
// marked; the agents on the phones, and the agents the target needs both on the phones
// (`requiredAgents`) and scheduled (`requiredScheduled`, before shrinkage and absence); the pools
// that speak the language.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScenarioResult } from '../../sim/stats/metrics';
import type { Scenario } from '../../sim/scenario/scenario';
import { cellStatus, poolsServing, queueCell, type CellStatus, type HeatCell } from '../lib/coverage';
import { counted, formatValue, languageName, targetText } from '../lib/format';
import { formatDateTime, formatWeekdayTime } from '../lib/time';
import { baseStyles, chartStyles } from './shared-styles';

export const STATUS_TEXT: Record<CellStatus, string> = {
  outside: 'outside the horizon',
  'no-demand': 'no demand',
  uncovered: 'uncovered',
  below: 'below target',
  met: 'target met',
};
const STATUS_BADGE: Record<CellStatus, string> = { outside: '', 'no-demand': '', uncovered: 'bad', below: 'warn', met: 'good' };

@customElement('fs-hour-details')
export class FsHourDetails extends LitElement {
  @property({ attribute: false }) result: ScenarioResult | null = null;
  @property({ attribute: false }) scenario: Scenario | null = null;
  /** The selected cell (one language × channel × hour of the week). */
  @property({ attribute: false }) cell: HeatCell | null = null;
  @property() timeZone = 'UTC';
  /** Hours of the horizon that share one hour of the week at most (> 1: several weeks). */
  @property({ type: Number }) maxHoursPerCell = 1;

  static override styles = [
    baseStyles,
    chartStyles,
    css`
      :host {
        display: block;
      }
      .details {
        margin-top: 0.75rem;
        padding: 0.85rem 1rem;
      }
      header {
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        gap: 1rem;
        margin-bottom: 0.5rem;
      }
      h4 {
        margin: 0;
        font-size: 1.02rem;
      }
      .table-wrap {
        overflow-x: auto;
      }
      table.data th {
        white-space: normal;
        vertical-align: bottom;
        font-size: 0.82rem;
        line-height: 1.2;
      }
      table.data th,
      table.data td {
        padding: 0.3rem 0.45rem;
      }
      tr[aria-current='true'] td {
        font-weight: 600;
        background: var(--surface-2);
      }
      .pools {
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
        background: var(--surface-3);
        color: var(--text-muted);
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

  private badge(status: CellStatus, text = STATUS_TEXT[status]) {
    return html`<span class="badge ${STATUS_BADGE[status]}">${text}</span>`;
  }

  override render() {
    const r = this.result;
    const cell = this.cell;
    if (!r || !cell || cell.hours.length === 0) return nothing;
    const start = Date.parse(r.start) + cell.hours[0] * 3_600_000;
    const end = start + 3_600_000;
    // The selected queue first, then the language's other channels in the same hours.
    const queues = r.coverage.filter((q) => q.language === cell.language).sort((a, b) => Number(b.channel === cell.channel) - Number(a.channel === cell.channel));
    const cells = queues.map((q) => queueCell(q, cell.row, cell.column, cell.hours, cell.intervals));
    const pools = poolsServing(this.scenario, r, cell.language, cell.channel, cell.intervals);
    const weeks = this.maxHoursPerCell > 1 ? ` Totals over the ${this.maxHoursPerCell} weeks simulated; service levels over all of them.` : '';
    return html`
      <section class="details card" role="region" aria-label="Details of the selected hour" aria-live="polite">
        <header>
          <h4>
            ${languageName(cell.language)} (${cell.language}) ${cell.channel} · ${formatDateTime(start, this.timeZone)}–${formatWeekdayTime(end, this.timeZone).slice(4)}
            ${this.timeZone} ${this.badge(cellStatus(cell), STATUS_TEXT[cellStatus(cell)].replace(/^./, (c) => c.toUpperCase()))}
          </h4>
          <button class="quiet" @click=${() => this.dispatchEvent(new CustomEvent('close', { bubbles: true, composed: true }))} aria-label="Close details">Close ✕</button>
        </header>
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Offered</th>
                <th scope="col">Answered</th>
                <th scope="col">Abandoned</th>
                <th scope="col">Service level</th>
                <th scope="col">Target</th>
                <th scope="col" title="Average speed of answer; for email, the time to answer">ASA</th>
                <th scope="col">Abandon rate</th>
                <th scope="col">On the phones</th>
                <th scope="col" title="Agents the channel's target needs on the phones (Erlang A; workload for email)">Required on the phones</th>
                <th scope="col" title="The same, scheduled: ÷ (1 − shrinkage)(1 − absence) of the serving pools">Required scheduled</th>
                <th scope="col">This hour</th>
              </tr>
            </thead>
            <tbody>
              ${cells.map(
                (q) => html`<tr
                  data-channel=${q.channel}
                  data-offered=${q.offered}
                  data-answered=${q.answered}
                  data-abandoned=${q.abandoned}
                  data-sl=${q.serviceLevel ?? ''}
                  data-target=${q.target}
                  data-required=${q.requiredAgents}
                  data-required-scheduled=${q.requiredScheduled}
                  aria-current=${String(q.channel === cell.channel)}
                >
                  <td>${q.channel}</td>
                  <td>${formatValue(q.offered, 'agents')}</td>
                  <td>${formatValue(q.answered, 'agents')}</td>
                  <td>${formatValue(q.abandoned, 'agents')}</td>
                  <td>${formatValue(q.serviceLevel, 'fraction')}</td>
                  <td>${targetText(q.target, q.thresholdSeconds)}</td>
                  <td>${formatValue(q.asaSeconds, 'seconds')}</td>
                  <td>${formatValue(q.abandonRate, 'fraction')}</td>
                  <td>${formatValue(q.agentsOnPhones, 'agents')}</td>
                  <td>${formatValue(q.requiredAgents, 'agents')}</td>
                  <td>${formatValue(q.requiredScheduled, 'agents')}</td>
                  <td>${this.badge(cellStatus(q))}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <div class="pools" aria-label="Agents on shift by pool">
          <span class="muted">Agents on the phones by pool (after shrinkage and absence):</span>
          ${pools.length
            ? pools.map((p) => html`<span><b>${p.id}</b> <span class="muted">${p.type}${p.secondary ? ', 2nd language' : ''}</span> ${formatValue(p.agents, 'agents')}</span>`)
            : html`<span>no pool has this language</span>`}
        </div>
        <p class="hint">
          Means over ${counted(r.replications, 'replication')}.${weeks} Each channel against its own target. Contacts are counted in the hour they
          arrived in; the service level is answered within the channel's threshold ÷ offered, pooled over the replications, as the gap hours
          judge it. "On the phones" counts every agent with the skill, also those busy with other languages. "Required" is the Erlang
          staffing the forecast needs for this queue's target alone, on the phones and scheduled.
        </p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-hour-details': FsHourDetails;
  }
}
