// The back-test on screen: how far the simulation is from what happened — bias, mean absolute
// error, mean absolute percentage error and the share of points inside the simulation's 95% band,
// per figure (the CLI's table) — and a chart per figure, actual as points against the band, hour
// by hour, by hour of the week or day by day.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { BACKTEST_FIGURES, type BacktestFigure, type BacktestResult } from '../../sim/history/backtest';
import { daysText } from '../../sim/history/local-time';
import { backtestReportHtml, CLOSED_NOTE, errorText, FIGURE_NAMES, PER_WEEKDAY_NOTE, tableThresholdText, WEIGHTED_NOTE, weightedText } from '../../report/backtest';
import { saveFile } from '../lib/save-file';
import type { BacktestSummary } from '../history/protocol';
import { wordFor, type Unit } from '../lib/format';
import type { BandGrain } from './fs-band-chart';
import { baseStyles, chartStyles, segmentedStyles, viewStyles } from './shared-styles';
import './fs-band-chart';

/** The figures drawn (answered is in the table: it follows offered and the abandon rate). */
const CHARTED: BacktestFigure[] = ['offered', 'abandonRate', 'asaSeconds', 'serviceLevel', 'occupancy'];
const GRAINS: { id: BandGrain; label: string; unit: string }[] = [
  { id: 'hour', label: 'Hour by hour', unit: 'hours' },
  { id: 'hourOfWeek', label: 'By hour of the week', unit: 'hours of the week' },
  { id: 'day', label: 'Day by day', unit: 'days' },
];

@customElement('fs-history-backtest')
export class FsHistoryBacktest extends LitElement {
  @property({ attribute: false }) result: BacktestSummary | null = null;
  @property() fittedOn = '';
  /** The fitted scenario's name and description, and the records file: for the HTML report. */
  @property() name = '';
  @property() description = '';
  @property() fileName = '';
  /** The records are an interval table: its answered_within_threshold was counted at the platform's threshold. */
  @property({ type: Boolean }) fromTable = false;
  @state() private grain: BandGrain = 'hour';

  static override styles = [
    baseStyles,
    chartStyles,
    viewStyles,
    segmentedStyles,
    css`
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.4rem;
      }
      p {
        margin: 0.3rem 0;
        font-size: 0.9rem;
        line-height: 1.45;
      }
      .head {
        display: flex;
        align-items: center;
        gap: 0.6rem 1rem;
        flex-wrap: wrap;
      }
      .head h2 {
        flex: 1 1 auto;
      }
      .charts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(30rem, 100%), 1fr));
        gap: 1.1rem 1.4rem;
        margin-top: 0.6rem;
      }
      .key {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 1.1rem;
        font-size: 0.85rem;
        color: var(--text-muted);
        list-style: none;
        padding: 0;
        margin: 0.4rem 0 0;
      }
      .key li {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
      }
      .scroll {
        overflow-x: auto;
      }
      /* Seven columns on a laptop: the headings wrap rather than push the last column out of view. */
      table[data-errors] th {
        white-space: normal;
        vertical-align: bottom;
      }
    `,
  ];

  /** The CLI's --report page of this back-test (it draws the hourly and hour-of-the-week series only). */
  private downloadReport = () => {
    if (!this.result) return;
    const html = backtestReportHtml({
      title: `Back-test of ${this.name}`,
      result: this.result as BacktestResult,
      fittedOn: this.fittedOn,
      fromTable: this.fromTable,
      description: this.description,
      generatedAt: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    });
    saveFile(`${this.fileName.replace(/\.[^.]*$/, '') || 'records'}-backtest.html`, html, 'text/html');
  };

  /** Grains with more than a point or two, as the CLI prints them. */
  private grains(r: BacktestSummary) {
    const days = r.series.day.offered.length;
    return GRAINS.filter((g) => g.id === 'hour' || (g.id === 'hourOfWeek' && days > 7) || (g.id === 'day' && days > 2));
  }

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const grains = this.grains(r);
    const grain = grains.some((g) => g.id === this.grain) ? this.grain : 'hour';
    const errors = r.grains[grain];
    const unitName = GRAINS.find((g) => g.id === grain)!.unit;
    return html`<section class="panel card" aria-labelledby="bt-title" data-backtest>
      <div class="head">
        <h2 id="bt-title">Back-test: actual against simulated</h2>
        ${grains.length > 1
          ? html`<div class="seg" role="group" aria-label="Grain of the comparison">
              ${grains.map((g) => html`<button aria-pressed=${String(g.id === grain)} data-grain=${g.id} @click=${() => (this.grain = g.id)}>${g.label}</button>`)}
            </div>`
          : nothing}
        <button @click=${this.downloadReport} title="The page followsun backtest --report writes">Report (HTML)</button>
      </div>
      <p data-replayed>
        Replayed ${r.from} to ${r.to} (local time ${r.timezone}): ${r.contacts.toLocaleString('en-US')} contacts, ${r.agentsSeen} ${wordFor(r.agentsSeen, 'agent')} seen,
        <span data-replications=${r.replications}>${r.replications}</span> replications. ${this.fittedOn}
        ${r.daysWithoutRecords.length
          ? // Runs of three days or more as one item, as the CLI and the report write them.
            html`<span data-days-without-records=${r.daysWithoutRecords.length}>Days without records, not compared: ${daysText(r.daysWithoutRecords)}.</span>`
          : ''}
      </p>
      <div class="scroll">
        <table class="data" data-errors=${grain}>
          <thead>
            <tr>
              <th>Figure</th>
              <th title="Mean of simulated − actual: above 0, the model overstates">Bias (sim − actual)</th>
              <th>Mean abs. error</th>
              <th title="A rate's errors weighted by the contacts it is of (offered; answered for ASA; time on the phones for occupancy): an hour of one call counts for one">
                Weighted by contacts
              </th>
              <th title="Over the points whose actual value is not 0">Mean abs. % error</th>
              <th>Inside the 95% band</th>
              <th>${unitName[0].toUpperCase() + unitName.slice(1)}</th>
            </tr>
          </thead>
          <tbody>
            ${BACKTEST_FIGURES.map((f) => {
              const e = errors[f];
              const text = errorText(e, FIGURE_NAMES[f].unit);
              return html`<tr data-figure=${f}>
                <td>${FIGURE_NAMES[f].title}</td>
                ${(['bias', 'mae', 'mape', 'insideBand'] as const).map(
                  (k, i) =>
                    html`<td data-measure=${k} data-value=${e[k] ?? ''}>${text[i]}</td>${k === 'mae'
                        ? html`<td data-measure="weightedMae" data-value=${e.weightedMae ?? ''}>${weightedText(e, FIGURE_NAMES[f].unit)}</td>`
                        : nothing}`,
                )}
                <td data-measure="points" data-value=${e.points}>${e.points}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p class="muted">
        The simulation replays the period with the scenario's demand, handle times and patience and the agents the records show on the phones, with no
        shrinkage or absence on top. Its 95% band is the 2.5th to 97.5th percentile of the replications: where one real period should fall 95% of the time
        if the model were right. ${CLOSED_NOTE} ${WEIGHTED_NOTE} Service level: answered within ${r.thresholdSeconds} s ÷ offered.${this.fromTable ? html` <span data-table-threshold>${tableThresholdText(r)}</span>` : ''}
        Occupancy: time on calls ÷ time on the phones.${grain === 'hourOfWeek' ? ` ${PER_WEEKDAY_NOTE}` : ''}
      </p>
      <ul class="key" aria-hidden="true">
        <li><svg width="16" height="12"><rect width="16" height="12" style="fill:var(--accent);opacity:0.22"></rect></svg>simulated 95% band</li>
        <li><svg width="16" height="12"><path d="M0,6H16" style="stroke:var(--accent);stroke-width:1.6"></path></svg>simulated mean</li>
        <li><svg width="12" height="12"><circle cx="6" cy="6" r="4" style="fill:light-dark(#bc4c00, #f0883e)"></circle></svg>actual</li>
        <li><svg width="12" height="12"><circle cx="6" cy="6" r="4" style="fill:none;stroke:light-dark(#bc4c00, #f0883e)"></circle></svg>actual outside the band</li>
      </ul>
      <div class="charts">
        ${CHARTED.map((f) => {
          const e = errors[f];
          const unit: Unit = FIGURE_NAMES[f].unit;
          const inside = e.insideBand === null ? '' : `${Math.round(e.insideBand * 100)}% of ${e.points} ${unitName} inside the band; `;
          const perDay = grain === 'hourOfWeek' && FIGURE_NAMES[f].unit === 'count' ? ` ${PER_WEEKDAY_NOTE}` : '';
          const [bias, mae] = errorText(e, FIGURE_NAMES[f].unit);
          return html`<fs-band-chart
            data-chart=${f}
            .heading=${FIGURE_NAMES[f].title}
            .unit=${unit}
            .grain=${grain}
            .points=${r.series[grain][f]}
            .summary=${`${inside}bias ${bias}, mean absolute error ${mae}.${perDay}`}
          ></fs-band-chart>`;
        })}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-history-backtest': FsHistoryBacktest;
  }
}
