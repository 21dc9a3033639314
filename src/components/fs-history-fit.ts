// The import's report, readable: every row of the records file accounted for (kept, hung up in the
// IVR, left out by kind with the first line), and per queue what was fitted and how — demand,
// the handle-time choice with both Kolmogorov–Smirnov distances, patience estimated with
// censoring beside the naive mean — and the staffing the records show.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { weeklyDrift } from '../../sim/history/fit-demand';
import { LOGNORMAL_KS_LIMIT } from '../../sim/history/fit-handle-time';
import { daysText } from '../../sim/history/local-time';
import type { Tally } from '../../sim/history/records';
import type { FitReport, QueueRow } from '../history/protocol';
import { formatValue, wordFor } from '../lib/format';
import { baseStyles, chartStyles, viewStyles } from './shared-styles';

const count = (n: number) => formatValue(n, 'count');
const seconds = (s: number | undefined) => (s === undefined || !Number.isFinite(s) ? '–' : `${Math.round(s).toLocaleString('en-US')} s`);

@customElement('fs-history-fit')
export class FsHistoryFit extends LitElement {
  @property({ attribute: false }) report: FitReport | null = null;

  static override styles = [
    baseStyles,
    chartStyles,
    viewStyles,
    css`
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 0.92rem;
        margin: 0.9rem 0 0.3rem;
      }
      p {
        margin: 0.3rem 0;
        font-size: 0.9rem;
        line-height: 1.45;
      }
      .scroll {
        overflow-x: auto;
      }
      /* The fit's twelve columns fit a laptop's width. */
      table[data-queues] {
        font-size: 0.85rem;
      }
      table[data-queues] th,
      table[data-queues] td {
        padding: 0.3rem 0.45rem;
      }
      table[data-tallies] {
        width: auto;
        min-width: min(44rem, 100%);
      }
      table.data td.kind {
        white-space: normal;
        min-width: 16rem;
      }
      table.data th.group {
        text-align: center;
        border-bottom: 1px solid var(--border-strong);
      }
      table.data th.sep,
      table.data td.sep {
        border-left: 1px solid var(--border);
      }
      .totals {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1.4rem;
        margin: 0 0 0.4rem;
        padding: 0;
        list-style: none;
        font-size: 0.92rem;
      }
      .totals b {
        font-size: 1.15rem;
        font-variant-numeric: tabular-nums;
      }
      .chosen {
        font-weight: 600;
      }
      details summary {
        cursor: pointer;
        color: var(--text-muted);
        font-size: 0.88rem;
      }
      pre {
        white-space: pre-wrap;
        font-size: 0.8rem;
        background: var(--surface-2, var(--bg));
        padding: 0.6rem;
        border-radius: 6px;
        max-height: 22rem;
        overflow: auto;
      }
    `,
  ];

  override render() {
    const r = this.report;
    if (!r) return nothing;
    return html`${this.renderAccounting(r)} ${this.renderFit(r)}`;
  }

  private renderAccounting(r: FitReport) {
    const a = r.accounting;
    const leftOut = Object.values(a.rejected).reduce((s, t) => s + t.count, 0);
    const contacts = a.keptAs === 'contacts offered to a queue';
    const tallies = (title: string, rows: Record<string, Tally>, kind: string) =>
      Object.keys(rows).length
        ? html`<h3>${title}</h3>
            <div class="scroll">
              <table class="data" data-tallies=${kind}>
                <thead><tr><th>Kind</th><th class="num">Rows</th><th class="num">First on line</th></tr></thead>
                <tbody>
                  ${Object.entries(rows).map(
                    ([k, t]) => html`<tr data-kind=${k} data-count=${t.count} data-first-line=${t.firstLine}>
                      <td class="kind">${k}${t.detail ? html` <span class="muted">(${t.detail})</span>` : nothing}</td>
                      <td>${count(t.count)}</td>
                      <td>${t.firstLine}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : nothing;
    return html`<section class="panel card" aria-labelledby="rows-title" data-accounting>
      <h2 id="rows-title">Every row accounted for</h2>
      <ul class="totals">
        <li data-rows-read=${a.rowsRead}><b>${count(a.rowsRead)}</b> rows read</li>
        <li data-kept=${a.kept}><b>${count(a.kept)}</b> ${a.keptAs}</li>
        ${contacts ? html`<li data-not-offered=${a.notOffered.count}><b>${count(a.notOffered.count)}</b> hung up in the IVR before reaching one (not abandoned calls)</li>` : nothing}
        <li data-left-out=${leftOut}><b>${count(leftOut)}</b> left out</li>
      </ul>
      <p class="muted">Kept + ${contacts ? 'hung up in the IVR + ' : ''}left out = rows read. Left-out rows are counted by kind, never dropped silently.</p>
      ${tallies('Left out', a.rejected, 'rejected')} ${tallies('Kept, with a caveat', a.notes, 'notes')}
    </section>`;
  }

  private renderFit(r: FitReport) {
    const contacts = r.format !== 'intervals';
    const drift = weeklyDrift(r.trend) ?? 'too few ordinary days to tell';
    return html`<section class="panel card" aria-labelledby="fit-title" data-fit>
      <h2 id="fit-title">The fitted scenario: what was estimated, and how</h2>
      <p>${r.fittedOn} Local time ${r.timezone}${r.intervalMinutes ? `; ${r.intervalMinutes}-minute intervals` : ''}.</p>
      <p>
        <b>Demand</b>, per queue in the customers' local time: the mean contacts offered per weekday over ordinary days and the hourly curve of those
        days; one stream per queue and kind of day (<span data-groups>${r.groups.map((g) => g.name).join(' / ')}</span>). Day-to-day variation beyond
        Poisson noise is the daily cv. Volume drift over the fitted days: ${drift}.
        ${r.specialDays.length ? html`Special days (below 60% or above 160% of their weekday's median): ${r.specialDays.map((s) => `${s.date} ×${s.factor}`).join(', ')}.` : 'No special days.'}
        ${r.missingDays.length
          ? // Runs of three days or more as one item ("2025-03-06 to 2026-03-03 (363 days)"), as import writes them.
            html`<span data-missing-days=${r.missingDays.length}>Days without any record (a gap in the data, not fitted): ${daysText(r.missingDays)}.</span>`
          : nothing}
      </p>
      ${contacts
        ? html`<p>
            <b>Handle time</b>: a lognormal by maximum likelihood, kept when its Kolmogorov–Smirnov distance D ≤ ${LOGNORMAL_KS_LIMIT}, otherwise the empirical
            histogram. <b>Patience</b>: exponential with the censored maximum-likelihood mean — an answered caller's wait is a lower bound on their patience,
            so it is total waiting time ÷ callers who hung up — checked against Kaplan–Meier; the naive mean wait of those who hung up is shown for contrast.
          </p>`
        : html`<p>
            <b>Handle time</b>: lognormal with the table's average handle time and an assumed cv of 1 (a table gives no spread). <b>Patience</b>: total
            waiting time ÷ abandons.
          </p>`}
      <div class="scroll">${contacts ? this.contactTable(r.queues) : this.intervalTable(r.queues)}</div>
      <p>
        <b>Staffing</b>: <span data-agents-seen=${r.agentsSeen}>${count(r.agentsSeen)}</span> ${wordFor(r.agentsSeen, 'agent')} seen${contacts ? ' answering' : ' (most at once)'}; ${contacts
          ? 'an agent is on the phones from the start of a call they answered to the end of their last call before a pause over 15 min (up to 4 h when no caller waited over 20 s meanwhile). '
          : "on the phones as the table's agents column says, per interval and summed over its queues. "}The scenario's pool has every queue's skill and, as ${r.shifts} shifts, the typical week of that staffing; the back-test replays the
        observed staffing itself.
      </p>
      <details>
        <summary>The scenario's own account (its file's leading comment)</summary>
        <pre data-description>${r.description}</pre>
      </details>
    </section>`;
  }

  private contactTable(queues: QueueRow[]) {
    return html`<table class="data" data-queues>
      <thead>
        <tr>
          <th rowspan="2">Queue</th>
          <th colspan="3" class="group">Demand</th>
          <th colspan="4" class="group sep">Handle time</th>
          <th colspan="4" class="group sep">Patience (censored)</th>
        </tr>
        <tr>
          <th>Offered</th>
          <th>Per week</th>
          <th>Daily cv</th>
          <th class="sep">Fit</th>
          <th>Mean</th>
          <th title="Kolmogorov–Smirnov distance of the lognormal">D lognormal</th>
          <th title="Kolmogorov–Smirnov distance of the empirical histogram">D empirical</th>
          <th class="sep">Mean ± se</th>
          <th>Naive mean</th>
          <th>Hung up</th>
          <th title="Largest gap between the Kaplan–Meier and the exponential survival curves">KM gap</th>
        </tr>
      </thead>
      <tbody>
        ${queues.map((q) => {
          const h = q.handleTime;
          const p = q.patience;
          return html`<tr data-queue=${q.queue}>
            <td>${q.queue}</td>
            <td data-offered=${q.offered}>${count(q.offered)}</td>
            <td>${count(q.perWeek)}</td>
            <td>${q.dailyVolumeCv.toFixed(3)}</td>
            <td class="sep chosen" data-handle-choice=${h?.choice ?? 'none'}>${h ? h.choice : 'none answered'}</td>
            <td>${h ? seconds(h.meanSeconds) : '–'}</td>
            <td class=${h?.choice === 'lognormal' ? 'chosen' : ''}>${h ? h.lognormal.ks.toFixed(3) : '–'}</td>
            <td class=${h?.choice === 'empirical' ? 'chosen' : ''}>${h ? h.empiricalKs.toFixed(3) : '–'}</td>
            <td class="sep" data-patience=${p?.meanSeconds ?? ''}>${p ? `${Math.round(p.meanSeconds).toLocaleString('en-US')} ± ${Math.round(p.standardErrorSeconds)} s` : 'nobody hung up'}</td>
            <td>${p ? seconds(p.naiveMeanSeconds) : '–'}</td>
            <td title=${p ? `${count(p.abandoned)} of ${count(p.offered)} hung up` : ''}>${p ? html`${formatValue(1 - p.censoredShare, 'fraction')} <span class="muted">of ${count(p.offered)}</span>` : '–'}</td>
            <td>${p ? p.kaplanMeierGap.toFixed(3) : '–'}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  private intervalTable(queues: QueueRow[]) {
    return html`<table class="data" data-queues>
      <thead>
        <tr><th>Queue</th><th>Offered</th><th>Per week</th><th>Daily cv</th><th>Abandoned</th><th>AHT</th><th>Patience</th></tr>
      </thead>
      <tbody>
        ${queues.map(
          (q) => html`<tr data-queue=${q.queue}>
            <td>${q.queue}</td>
            <td data-offered=${q.offered}>${count(q.offered)}</td>
            <td>${count(q.perWeek)}</td>
            <td>${q.dailyVolumeCv.toFixed(3)}</td>
            <td>${count(q.abandoned ?? 0)}</td>
            <td>${seconds(q.ahtSeconds)}</td>
            <td>${seconds(q.patienceSeconds)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-history-fit': FsHistoryFit;
  }
}
