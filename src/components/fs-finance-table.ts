// FTEs and money as finance reads them: per site (pool), grouped by sourcing type, the paid hours a
// week, the full-time equivalents they make (÷ the scenario's hours per FTE, default 40), and the
// cost of an average month in the scenario's currency, rounded as a budget is (to a thousand from
// 100,000, a hundred from 10,000, ten below), with subtotals per sourcing type and the total.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ScenarioResult } from '../../sim/stats/metrics';
import type { Scenario } from '../../sim/scenario/scenario';
import { budgetRound, formatValue } from '../lib/format';
import { baseStyles } from './shared-styles';

const KINDS = ['in-house', 'outsourced', 'ai'] as const;
const KIND_LABEL: Record<string, string> = { 'in-house': 'In-house', outsourced: 'Outsourced (BPO)', ai: 'AI agents' };

interface Line {
  id: string;
  kind: string;
  zone: string;
  hours: number | null;
  ftes: number | null;
  month: number;
}

@customElement('fs-finance-table')
export class FsFinanceTable extends LitElement {
  @property({ attribute: false }) result: ScenarioResult | null = null;
  @property({ attribute: false }) scenario: Scenario | null = null;

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 0 0 0.3rem;
        font-size: 1rem;
      }
      p {
        margin: 0 0 0.6rem;
        color: var(--text-muted);
        font-size: 0.88rem;
      }
      .scroll {
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.9rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.3rem 0.6rem;
        text-align: right;
        white-space: nowrap;
        border-bottom: 1px solid var(--border);
      }
      th:first-child,
      td:first-child,
      th:nth-child(2),
      td:nth-child(2) {
        text-align: left;
      }
      thead th {
        color: var(--text-muted);
        font-weight: 600;
        font-size: 0.8rem;
      }
      tr.subtotal td {
        font-weight: 600;
        background: var(--surface-2);
      }
      tr.total td {
        font-weight: 700;
        border-top: 2px solid var(--text-muted);
      }
      td.zone {
        color: var(--text-muted);
        font-size: 0.82rem;
      }
    `,
  ];

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const cur = r.currency;
    const perFte = this.scenario?.hoursPerFte ?? 40;
    const total = r.summary.costTotal.mean ?? 0;
    // Each pool's share of the horizon's cost, scaled to an average month as the summary is.
    const toMonth = total > 0 ? (r.summary.costPerMonth.mean ?? 0) / total : 0;
    const zones = new Map((this.scenario?.staffing ?? []).map((p) => [p.id, p.type === 'ai' ? '' : (p.timezone ?? 'UTC')]));
    const lines: Line[] = Object.entries(r.pools).map(([id, p]) => ({
      id,
      kind: p.type,
      zone: zones.get(id) ?? '',
      hours: p.paidHoursPerWeek ?? null,
      ftes: p.paidHoursPerWeek === undefined ? null : (p.ftes ?? p.paidHoursPerWeek / perFte),
      month: (p.costTotal.mean ?? 0) * toMonth,
    }));
    const sum = (ls: Line[], f: (l: Line) => number | null) => ls.reduce((s, l) => s + (f(l) ?? 0), 0);
    const money = (x: number) => formatValue(budgetRound(x), 'money', cur);
    const row = (l: Line) => html`<tr data-pool=${l.id} data-ftes=${l.ftes ?? ''} data-month=${l.month}>
      <td>${l.id}</td>
      <td class="zone">${l.zone}</td>
      <td>${l.hours === null ? '—' : formatValue(l.hours, 'count')}</td>
      <td>${l.ftes === null ? '—' : formatValue(l.ftes, 'agents')}</td>
      <td>${money(l.month)}</td>
    </tr>`;
    const kinds = KINDS.filter((k) => lines.some((l) => l.kind === k));
    return html`<h3>Sites: FTEs and cost a month</h3>
      <p>
        Paid (scheduled) hours a week and the full-time equivalents they make at ${perFte} hours a week; the cost of an average month
        (30.4 days) from this run, in ${cur}, rounded to a budget line. AI agents have no paid hours.
      </p>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Time zone</th>
              <th scope="col">Paid h / week</th>
              <th scope="col">FTEs</th>
              <th scope="col">Cost a month</th>
            </tr>
          </thead>
          <tbody>
            ${kinds.map((k) => {
              const own = lines.filter((l) => l.kind === k);
              const human = k !== 'ai';
              return html`${own.map(row)}
                <tr class="subtotal" data-kind=${k} data-ftes=${human ? sum(own, (l) => l.ftes) : ''} data-month=${sum(own, (l) => l.month)}>
                  <td>${KIND_LABEL[k] ?? k}</td>
                  <td></td>
                  <td>${human ? formatValue(sum(own, (l) => l.hours), 'count') : '—'}</td>
                  <td>${human ? formatValue(sum(own, (l) => l.ftes), 'agents') : '—'}</td>
                  <td>${money(sum(own, (l) => l.month))}</td>
                </tr>`;
            })}
            <tr class="total">
              <td>Total</td>
              <td></td>
              <td>${formatValue(sum(lines, (l) => l.hours), 'count')}</td>
              <td>${formatValue(sum(lines, (l) => l.ftes), 'agents')}</td>
              <td data-figure="costPerMonth">${money(r.summary.costPerMonth.mean ?? 0)}</td>
            </tr>
          </tbody>
        </table>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-finance-table': FsFinanceTable;
  }
}
