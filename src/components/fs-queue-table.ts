// Languages broken down by channel (result.queues["<language>/<channel>"]): each channel's row
// with its service level against its own target, its wait (time to answer for email),
// abandonment, gap hours (uncovered + below target) and cost per resolved customer; the language's
// row above carries only what adds up across channels (offered, gap hours, cost). Sliced like the
// view above it: the language chosen (or all), and a day's figures added up from its intervals
// (src/state/slice.ts); costs are not split by day, and their column says so.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Estimate } from '../../sim/stats/confidence';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { formatValue, languageName, targetText, waitLabel } from '../lib/format';
import { resultChannels } from './fs-headline';
import { queueFigures, sliceCaption, summedFigures, sliceQueues, type Slice } from '../state/slice';
import { baseStyles, chartStyles } from './shared-styles';

@customElement('fs-queue-table')
export class FsQueueTable extends LitElement {
  @property({ attribute: false }) result: ScenarioResult | null = null;
  /** 'all' or the one language shown. */
  @property() language = 'all';
  /** The day (or whole period) shown; the whole period when null. */
  @property({ attribute: false }) slice: Pick<Slice, 'day' | 'from' | 'to'> | null = null;

  static override styles = [
    baseStyles,
    chartStyles,
    css`
      :host {
        display: block;
      }
      .wrap {
        overflow-x: auto;
      }
      table.data th {
        white-space: normal;
        vertical-align: bottom;
        line-height: 1.2;
      }
      table.data th,
      table.data td {
        padding: 0.3rem 0.5rem;
      }
      tr.language td {
        font-weight: 600;
        background: var(--surface-2);
      }
      tr.queue td:first-child {
        padding-left: 1.4rem;
      }
      td.bad {
        color: var(--bad);
        font-weight: 600;
      }
      td.good {
        color: var(--good);
      }
    `,
  ];

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const channels = resultChannels(r);
    const v = (e: Estimate | undefined, unit: Parameters<typeof formatValue>[1]) => formatValue(e?.mean, unit, r.currency);
    const slice = this.slice ?? { day: null, from: 0, to: r.intervals.length };
    const day = slice.day;
    const languages = Object.entries(r.languages).filter(([l]) => this.language === 'all' || l === this.language);
    return html`
      <h3 data-caption>By language and channel · ${sliceCaption(this.language, 'all', day, languageName).replace(/ · all channels/, '')}</h3>
      ${day ? html`<p class="muted">${day.label}: added up from the day's intervals (means over replications). Costs are not split by day: that column is the whole period's.</p>` : nothing}
      <div class="wrap">
        <table class="data" aria-label="Figures by language and channel">
          <thead>
            <tr>
              <th scope="col">Language / channel</th>
              <th scope="col">Offered</th>
              <th scope="col">Service level</th>
              <th scope="col">Target</th>
              <th scope="col" title="Average speed of answer; for email, the time to answer">ASA</th>
              <th scope="col">Abandon rate</th>
              <th scope="col">Uncovered h</th>
              <th scope="col">Below target h</th>
              <th scope="col">Gap h</th>
              <th scope="col">Cost per resolved customer${day ? ', whole period' : ''}</th>
            </tr>
          </thead>
          <tbody>
            ${languages.map(([language, whole]) => {
              const queues = channels.filter((c) => r.queues?.[`${language}/${c}`]);
              // The language row adds up across its channels (no service level: thresholds differ).
              const l = day ? summedFigures(r, sliceQueues(r, language, 'all'), slice.from, slice.to) : whole;
              return html`<tr class="language" data-language=${language} data-gap=${String(l.gapHours.mean)}>
                  <th scope="row" style="text-align:left">${languageName(language)} (${language})</th>
                  <td>${v(l.offered, 'count')}</td>
                  <td colspan="4" class="muted" style="text-align:left;font-weight:400">each channel against its own target:</td>
                  <td>${v(l.uncoveredHours, 'count')}</td>
                  <td>${v(l.hoursBelowTarget, 'count')}</td>
                  <td>${v(l.gapHours, 'count')}</td>
                  <td>${v(whole.costPerResolvedCustomer, 'money')}</td>
                </tr>
                ${queues.map((c) => {
                  const q = queueFigures(r, language, c, slice)!.figures;
                  const cost = r.queues[`${language}/${c}`].costPerResolvedCustomer;
                  const t = r.channelTargets?.[c];
                  const tone = q.serviceLevel.mean === null || !t ? '' : q.serviceLevel.mean >= t.target ? 'good' : 'bad';
                  return html`<tr class="queue" data-queue=${`${language}/${c}`} data-sl=${String(q.serviceLevel.mean)} data-gap=${String(q.gapHours.mean)}>
                    <td>${c}</td>
                    <td>${v(q.offered, 'count')}</td>
                    <td class=${tone}>${v(q.serviceLevel, 'fraction')}</td>
                    <td>${t ? targetText(t.target, t.thresholdSeconds) : '–'}</td>
                    <td title=${waitLabel(c)}>${v(q.asaSeconds, 'seconds')}</td>
                    <td>${v(q.abandonRate, 'fraction')}</td>
                    <td>${v(q.uncoveredHours, 'count')}</td>
                    <td>${v(q.hoursBelowTarget, 'count')}</td>
                    <td>${v(q.gapHours, 'count')}</td>
                    <td>${v(cost, 'money')}</td>
                  </tr>`;
                })}`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-queue-table': FsQueueTable;
  }
}
