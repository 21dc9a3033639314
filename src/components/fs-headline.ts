// Headline figures of one result, each with its 95% confidence interval: one card per channel
// (service level against that channel's own target, the target shown; ASA — time to answer for
// email — and abandonment), the coverage gap as uncovered + below-target hours, cost per contact,
// cost per resolved customer, and net AI resolutions where there is an AI pool (the monthly cost is
// in the Cost view and in Compare).
// There is no all-channel service level: channels with different thresholds are never blended.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Estimate } from '../../sim/stats/confidence';
import type { HourFigure, ScenarioResult, SummaryFigure } from '../../sim/stats/metrics';
import { channelsIn } from '../lib/coverage';
import { WidthController } from '../lib/chart';
import { ciHint, formatInterval, formatValue, targetText, waitLabel, type Unit } from '../lib/format';
import { baseStyles, fitStyles, fitted } from './shared-styles';

export type HeadlineFigure = SummaryFigure | HourFigure;

export interface Headline {
  figure: HeadlineFigure;
  label: string;
  unit: Unit;
  /** Lower is better (gap hours, waits, costs). */
  lowerIsBetter: boolean;
  hint: string;
}

export const GAP_HEADLINE: Headline = {
  figure: 'gapHours',
  label: 'Coverage gap',
  unit: 'hours',
  lowerIsBetter: true,
  hint: 'Hours with demand, counted per language × channel: uncovered (nobody with the skill on the phones) + below the channel’s service-level target',
};

/** The money figures and net AI resolutions (shown only where there is an AI pool); the headline
 * leaves out the monthly cost, Compare shows it. */
export const COST_HEADLINES: Headline[] = [
  { figure: 'costPerContact', label: 'Cost per contact', unit: 'money', lowerIsBetter: true, hint: 'Total cost ÷ contacts handled (answered by a person + resolved by AI, gross)' },
  {
    figure: 'costPerResolvedCustomer',
    label: 'Cost per resolved customer',
    unit: 'money',
    lowerIsBetter: true,
    hint: 'Total cost ÷ resolved customers (answered + net AI resolutions: an AI resolution the customer came back from counts once, when the need is met)',
  },
  { figure: 'containedNet', label: 'Net AI resolutions', unit: 'count', lowerIsBetter: false, hint: 'AI resolutions that held: gross resolutions − those the customer came back from' },
  { figure: 'costPerMonth', label: 'Monthly cost', unit: 'money', lowerIsBetter: true, hint: 'Cost of the simulated period scaled to an average month' },
];

export const channelTitle = (c: string) => c.charAt(0).toUpperCase() + c.slice(1);

/** The channels of a result that have figures: voice, chat, email. */
export const resultChannels = (r: ScenarioResult): string[] => channelsIn(r).filter((c) => r.channels[c]);

export const hasAi = (r: ScenarioResult) => Object.values(r.pools).some((p) => p.type === 'ai');

@customElement('fs-headline')
export class FsHeadline extends LitElement {
  @property({ attribute: false }) result: ScenarioResult | null = null;
  /** Shown dimmed while a new run is in progress. */
  @property({ type: Boolean }) stale = false;
  private readonly width = new WidthController(this, 1000);

  /** Cards a row: all in one row while each gets at least 9.5rem; otherwise balanced rows (7 cards
   * as 4 + 3, not 6 + 1), so a wrap is deliberate and no card is left alone. */
  private columns(cards: number): number {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const gap = 0.55 * rem;
    const fit = Math.max(1, Math.floor((this.width.value + gap) / (9.5 * rem + gap)));
    if (fit >= cards) return cards;
    const rows = Math.ceil(cards / fit);
    return Math.ceil(cards / rows);
  }

  static override styles = [
    baseStyles,
    fitStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(var(--columns, 6), minmax(0, 1fr));
        gap: 0 0.55rem;
      }
      /* Each card spans four rows of the list's grid (label, value, interval, details) shared by
         the cards beside it: a label that wraps to two lines moves the whole row, so the values of
         a row of cards stay on one line. The value's box, not the card, is the size container its
         font fits to: a container's layout containment would turn the subgrid off. */
      li {
        padding: 0.55rem 0.7rem;
        transition: opacity 0.2s;
        min-width: 0;
        display: grid;
        grid-row: span 4;
        grid-template-rows: subgrid;
        row-gap: 0;
        align-content: start;
        margin-bottom: 0.55rem;
      }
      .ci .range {
        white-space: nowrap;
      }
      :host([stale]) li {
        opacity: 0.55;
      }
      .label {
        font-size: 0.82rem;
        color: var(--text-muted);
        font-weight: 500;
        letter-spacing: 0.01em;
      }
      .label b {
        color: var(--text);
        font-weight: 600;
      }
      .value {
        --fit-max: 1.5rem;
        font-weight: 650;
        font-variant-numeric: tabular-nums;
        margin: 0.1rem 0 0.05rem;
        letter-spacing: -0.01em;
      }
      .ci,
      .sub {
        font-size: 0.78rem;
        color: var(--text-muted);
        font-variant-numeric: tabular-nums;
      }
      .sub {
        margin-top: 0.15rem;
        color: var(--text);
      }
      .sub > span {
        display: block;
      }
      .value.bad {
        color: var(--bad);
      }
      .value.good {
        color: var(--good);
      }
    `,
  ];

  /** The interval under a figure, with what it means as a tooltip. The name may wrap above the
   * range; the range itself never breaks. */
  private ci(e: Estimate, unit: Unit, currency: string) {
    const ci = formatInterval(e, unit, currency);
    if (!ci) return html`<div class="ci">&nbsp;</div>`;
    return html`<div class="ci" title=${ciHint(unit)}>
      95% CI <span class="range">${ci.slice(1, -1)}</span>
    </div>`;
  }

  private renderChannel(r: ScenarioResult, channel: string) {
    const c = r.channels[channel];
    const t = r.channelTargets?.[channel];
    const sl = c.serviceLevel;
    const tone = sl.mean === null || !t ? '' : sl.mean >= t.target ? 'good' : 'bad';
    const value = formatValue(sl.mean, 'fraction');
    // A full queue's busy signals are not offered, so a service level can read 100 % while many
    // are turned away: the card says how many.
    const blocked = (c.blocked.mean ?? 0) / ((c.blocked.mean ?? 0) + (c.offered.mean ?? 0) || 1);
    return html`<li
      class="card"
      data-channel=${channel}
      title=${`${channelTitle(channel)}: answered within ${t ? targetText(t.target, t.thresholdSeconds).replace(/^.* in /, '') : 'the threshold'} ÷ offered, against the channel's own target`}
    >
      <div class="label"><b>${channelTitle(channel)}</b> service level</div>
      <div class="fit-card"><div class="value fit ${tone}" style=${fitted(value)} data-figure="serviceLevel" data-value=${String(sl.mean)}>${value}</div></div>
      ${this.ci(sl, 'fraction', r.currency)}
      <div class="sub">
        <span class="target" data-target=${String(t?.target ?? '')}>target ${t ? targetText(t.target, t.thresholdSeconds) : '–'}</span>
        <span data-figure="asaSeconds" data-value=${String(c.asaSeconds.mean)}>${waitLabel(channel)} ${formatValue(c.asaSeconds.mean, 'seconds')}</span>
        <span data-figure="abandonRate" data-value=${String(c.abandonRate.mean)}>abandoned ${formatValue(c.abandonRate.mean, 'fraction')}</span>
        ${blocked > 0
          ? html`<span data-figure="blockedShare" data-value=${String(blocked)} title="Turned away by a full queue (maxWaiting), of those who tried: not offered, so not in the service level">blocked ${formatValue(blocked, 'fraction')}</span>`
          : nothing}
      </div>
    </li>`;
  }

  private renderFigure(r: ScenarioResult, h: Headline, sub?: unknown) {
    const e: Estimate = r.summary[h.figure];
    const value = formatValue(e.mean, h.unit, r.currency);
    const tone = h.figure === 'gapHours' && e.mean !== null ? (e.mean > 0.05 ? 'bad' : 'good') : '';
    return html`<li class="card" data-figure=${h.figure} data-value=${String(e.mean)} title=${h.hint}>
      <div class="label">${h.label}</div>
      <div class="fit-card"><div class="value fit ${tone}" style=${fitted(value)}>${value}</div></div>
      ${this.ci(e, h.unit, r.currency)} ${sub ?? nothing}
    </li>`;
  }

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const s = r.summary;
    const gapParts = html`<div class="sub">
      <span data-figure="uncoveredHours" data-value=${String(s.uncoveredHours.mean)}>${formatValue(s.uncoveredHours.mean, 'hours')} uncovered</span>
      <span data-figure="hoursBelowTarget" data-value=${String(s.hoursBelowTarget.mean)}>+ ${formatValue(s.hoursBelowTarget.mean, 'hours')} below target</span>
    </div>`;
    const aiParts = html`<div class="sub">
      <span data-figure="contained" data-value=${String(s.contained.mean)}>${formatValue(s.contained.mean, 'count')} gross</span>
      <span data-figure="containedReturned" data-value=${String(s.containedReturned.mean)}>− ${formatValue(s.containedReturned.mean, 'count')} returned</span>
    </div>`;
    const money = COST_HEADLINES.filter((h) => h.figure !== 'costPerMonth' && (h.figure !== 'containedNet' || hasAi(r)));
    const channels = resultChannels(r);
    return html`<ul aria-label="Headline figures" style=${`--columns: ${this.columns(channels.length + 1 + money.length)}`}>
      ${channels.map((c) => this.renderChannel(r, c))} ${this.renderFigure(r, GAP_HEADLINE, gapParts)}
      ${money.map((h) => this.renderFigure(r, h, h.figure === 'containedNet' ? aiParts : undefined))}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-headline': FsHeadline;
  }
}
