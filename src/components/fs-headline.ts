// Headline figures of one result: coverage gap hours, service level, ASA, abandon rate, cost per
// contact, monthly cost, each with its 95% confidence interval.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Estimate } from '../../sim/confidence';
import type { ScenarioResult, SummaryFigure } from '../../sim/metrics';
import { formatInterval, formatValue, type Unit } from '../lib/format';
import { baseStyles, fitStyles, fitted } from './shared-styles';

export interface Headline {
  figure: SummaryFigure;
  label: string;
  unit: Unit;
  /** Lower is better (gap hours, waits, costs). */
  lowerIsBetter: boolean;
  hint: string;
}

export const HEADLINES: Headline[] = [
  { figure: 'gapHours', label: 'Coverage gap (language-hours)', unit: 'hours', lowerIsBetter: true, hint: 'Language-hours with demand where nobody with the skill is on the phones or the service-level target is missed' },
  { figure: 'serviceLevel', label: 'Service level', unit: 'fraction', lowerIsBetter: false, hint: 'Answered within the threshold ÷ offered' },
  { figure: 'asaSeconds', label: 'Avg speed of answer', unit: 'seconds', lowerIsBetter: true, hint: 'Mean wait of answered contacts' },
  { figure: 'abandonRate', label: 'Abandon rate', unit: 'fraction', lowerIsBetter: true, hint: 'Abandoned ÷ offered' },
  { figure: 'costPerContact', label: 'Cost per contact', unit: 'money', lowerIsBetter: true, hint: 'Total cost ÷ contacts resolved (answered or contained by AI)' },
  { figure: 'costPerMonth', label: 'Monthly cost', unit: 'money', lowerIsBetter: true, hint: 'Cost of the simulated period scaled to an average month' },
];

@customElement('fs-headline')
export class FsHeadline extends LitElement {
  @property({ attribute: false }) result: ScenarioResult | null = null;
  /** Shown dimmed while a new run is in progress. */
  @property({ type: Boolean }) stale = false;

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
        grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr));
        gap: 0.75rem;
      }
      li {
        padding: 0.75rem 0.9rem;
        transition: opacity 0.2s;
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
      .value {
        --fit-max: 1.6rem;
        font-weight: 650;
        font-variant-numeric: tabular-nums;
        margin: 0.15rem 0 0.05rem;
        letter-spacing: -0.01em;
      }
      .ci {
        font-size: 0.78rem;
        color: var(--text-muted);
        font-variant-numeric: tabular-nums;
      }
      .value.bad {
        color: var(--bad);
      }
      .value.good {
        color: var(--good);
      }
    `,
  ];

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const target = r.coverage[0]?.target;
    return html`<ul aria-label="Headline figures">
      ${HEADLINES.map((h) => {
        const e: Estimate = r.summary[h.figure];
        const tone =
          h.figure === 'serviceLevel' && e.mean !== null && target !== undefined
            ? e.mean >= target
              ? 'good'
              : 'bad'
            : h.figure === 'gapHours' && e.mean !== null
              ? e.mean > 0.05
                ? 'bad'
                : 'good'
              : '';
        const ci = formatInterval(e, h.unit, r.currency);
        const value = formatValue(e.mean, h.unit, r.currency);
        return html`<li class="card fit-card" data-figure=${h.figure} data-value=${String(e.mean)} title=${h.hint}>
          <div class="label">${h.label}</div>
          <div class="value fit ${tone}" style=${fitted(value)}>${value}</div>
          <div class="ci">${ci ? html`95% CI ${ci.slice(1, -1)}` : html`&nbsp;`}</div>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-headline': FsHeadline;
  }
}
