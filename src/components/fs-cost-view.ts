// Cost: total, per contact handled and per resolved customer (answered + net AI resolutions); by
// kind of staffing (in-house, outsourced, AI), by pool and by language; how contacts were resolved,
// with the AI's resolutions gross, returned (the customer came back) and net; cost over the week.
// Sliced (src/state/slice.ts): the chosen language, channel or language × channel's own costs
// (languages, channels, queues of the result), the languages' costs on that channel, one day.
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Estimate } from '../../sim/stats/confidence';
import { intervalCost, SliceController, type DayOption, type Slice } from '../state/slice';
import { scaleLinear } from 'd3-scale';
import type { PoolResult, ScenarioResult } from '../../sim/stats/metrics';
import { intervalStarts, KIND_COLOURS, SERIES_COLOURS, WidthController } from '../lib/chart';
import { ciText, formatEstimate, formatValue, languageName } from '../lib/format';
import { unsharedCost } from '../lib/unshared-cost';
import type { Bar } from './fs-bar-chart';
import { baseStyles, chartStyles, figureStyles, viewStyles, staleStyles } from './shared-styles';
import './fs-bar-chart';
import './fs-finance-table';
import './fs-slice-filter';
import './fs-time-chart';

const KIND_LABEL: Record<string, string> = { 'in-house': 'In-house', outsourced: 'Outsourced (BPO)', ai: 'AI agents' };
const KINDS = ['in-house', 'outsourced', 'ai'] as const;
type Kind = (typeof KINDS)[number];

/** The kinds of staffing the scenario has a pool of, in a fixed order. */
const staffingKinds = (r: ScenarioResult): Kind[] => KINDS.filter((k) => Object.values(r.pools).some((p) => p.type === k));
/** Days in the reported window. */
const periodDays = (r: ScenarioResult) => (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000;
/** The share of all contacts the AI resolved (gross). */
const aiShare = (r: ScenarioResult) => {
  const contacts = r.summary.contacts.mean ?? 0;
  return contacts > 0 ? (r.summary.contained.mean ?? 0) / contacts : 0;
};

/** Contacts a pool resolves: an AI pool what it contains, a human pool what it answers. */
const resolvedBy = (p: PoolResult) => (p.type === 'ai' ? p.contained?.mean : p.handled.mean) ?? 0;

/** A bar's note: its cost per contact resolved. */
const perContactNote = (cost: number | null, resolved: number, currency: string) =>
  resolved > 0 ? `${formatValue((cost ?? 0) / resolved, 'money', currency)} / contact` : '–';

@customElement('fs-cost-view')
export class FsCostView extends LitElement {
  // What it shows is the app's: the result on screen, its scenario, the display time zone.
  private readonly slice = new SliceController(this);
  private get view() {
    return this.slice.view;
  }

  private readonly width = new WidthController(this, 900);

  static override styles = [
    baseStyles,
    viewStyles,
    staleStyles,
    chartStyles,
    figureStyles,
    css`
      .figures {
        margin-top: 0.6rem;
      }
      .mix-label {
        fill: var(--text);
        font-size: 0.82rem;
        font-weight: 600;
      }
    `,
  ];

  override render() {
    const r = this.view.result;
    const sl = this.slice.slice;
    if (!r || !sl) return nothing;
    // A day's cost of the whole scenario, added up from its intervals (shown twice below).
    const dayCost = sl.day ? intervalCost(r, sl.from, sl.to) : null;
    const kinds = staffingKinds(r);
    const slice = html`<section class="panel card">
      <fs-slice-filter all-channels day .note=${'Pool costs are shared out to languages and channels by the time agents spent on each; AI costs by conversation.'}></fs-slice-filter>
      ${this.renderSlice(r, sl.language, sl.channel, sl.day, dayCost)}
    </section>`;
    if (r.summary.costTotal.mean === 0) return this.renderUnpriced(r, kinds, slice);
    return html`
      ${slice}
      ${this.renderResolved(r, kinds)}
      ${kinds.includes('ai') ? this.renderAi(r) : nothing}
      <div class="two">
        ${this.renderCostByKind(r, kinds)}
        ${this.renderCostByPool(r)}
      </div>
      <section class="panel card"><fs-finance-table .result=${r} .scenario=${this.view.scenario}></fs-finance-table></section>
      <div class="two">
        ${this.renderCostByLanguage(r, sl)}
        ${this.renderCostPerInterval(r, sl, dayCost)}
      </div>
    `;
  }

  /** A scenario whose pools have no price (as History fits them): every cost is 0, so instead of
   * charts of zeros, what to do; the contacts and the sites' paid hours and FTEs still count. */
  private renderUnpriced(r: ScenarioResult, kinds: Kind[], slice: unknown) {
    return html`
      <p class="panel card" data-empty="no-prices">
        No pool in this scenario has a price, so every cost is ${formatValue(0, 'money', r.currency)}. Give each pool one in the sidebar
        (Staffing: per paid hour, per productive hour or per contact) or in the Source box, and the costs per contact, pool, language and
        interval appear here.
      </p>
      ${slice} ${this.renderResolved(r, kinds)}
      <section class="panel card"><fs-finance-table .result=${r} .scenario=${this.view.scenario}></fs-finance-table></section>
    `;
  }

  /** How contacts were resolved (the mix bar), and what they cost per contact and per resolved customer. */
  private renderResolved(r: ScenarioResult, kinds: Kind[]) {
    const s = r.summary;
    const contacts = s.contacts.mean ?? 0;
    const cur = r.currency;
    return html`<section class="panel card">
        <h3>How contacts were resolved</h3>
        ${this.renderMix(r)}
        <figcaption>
          ${formatValue(contacts, 'count')} contacts in ${formatValue(periodDays(r), 'agents')} days:
          ${kinds.includes('ai') ? `${formatValue(aiShare(r), 'fraction')} resolved by AI, ` : ''}${formatValue(contacts > 0 ? (s.answered.mean ?? 0) / contacts : 0, 'fraction')} answered by people,
          ${formatValue(contacts > 0 ? (s.abandoned.mean ?? 0) / contacts : 0, 'fraction')} abandoned. Total cost ${formatEstimate(s.costTotal, 'money', cur)}
          (${formatValue(s.costPerMonth.mean, 'money', cur)} a month): <b data-figure="costPerContact">${formatEstimate(s.costPerContact, 'money', cur)} per contact handled</b>
          (answered by a person or resolved by AI) and
          <b data-figure="costPerResolvedCustomer">${formatEstimate(s.costPerResolvedCustomer, 'money', cur)} per resolved customer</b>
          (${formatValue(s.resolvedCustomers.mean, 'count')} customers: answered + net AI resolutions; an AI resolution the customer came back
          from counts once, when the need is met).
        </figcaption>
      </section>`;
  }

  /** Cost by kind of staffing (in-house, outsourced, AI), each with its cost per contact resolved. */
  private renderCostByKind(r: ScenarioResult, kinds: Kind[]) {
    const cur = r.currency;
    const bars: Bar[] = kinds.map((k) => {
      const cost = r.costByType[k];
      const handled = Object.values(r.pools)
        .filter((p) => p.type === k)
        .reduce((s, p) => s + resolvedBy(p), 0);
      return {
        key: k,
        label: KIND_LABEL[k],
        value: cost.mean,
        ci: cost.ci95,
        colour: KIND_COLOURS[k],
        note: perContactNote(cost.mean, handled, cur),
        details: [[k === 'ai' ? 'Resolved by AI' : 'Answered', formatValue(handled, 'count')]],
      };
    });
    return html`<section class="panel card">
          <fs-bar-chart
            heading="Cost by kind of staffing"
            .summary=${`Cost of the simulated ${formatValue(periodDays(r), 'agents')} days, with 95% CI; right: cost per contact the kind resolved. ${kinds.includes('ai') ? `AI resolves ${formatValue(aiShare(r), 'fraction')} of all contacts.` : 'No AI agent in this scenario.'}`}
            unit="money"
            .currency=${cur}
            noteHeading="Per contact"
            .bars=${bars}
          ></fs-bar-chart>
        </section>`;
  }

  /** Cost by pool, each under its own pricing, naming the one with the lowest cost per contact. */
  private renderCostByPool(r: ScenarioResult) {
    const cur = r.currency;
    const bars: Bar[] = Object.entries(r.pools).map(([id, p], i) => {
      const handled = resolvedBy(p);
      return {
        key: id,
        label: id,
        value: p.costTotal.mean,
        ci: p.costTotal.ci95,
        colour: KIND_COLOURS[p.type] ?? SERIES_COLOURS[i % SERIES_COLOURS.length],
        note: perContactNote(p.costTotal.mean, handled, cur),
        details: [
          ['Type', KIND_LABEL[p.type] ?? p.type],
          [p.type === 'ai' ? 'Conversations' : 'Answered', formatValue(p.handled.mean, 'count')],
          ...(p.type === 'ai' ? [['Resolved', formatValue(p.contained?.mean, 'count')] as [string, string]] : []),
          ...(p.occupancy ? [['Occupancy', formatValue(p.occupancy.mean, 'fraction')] as [string, string]] : []),
        ],
      };
    });
    const cheapest = [...bars].filter((b) => b.note !== '–').sort((a, b) => parseFloat(a.note!.replace(/[^\d.]/g, '')) - parseFloat(b.note!.replace(/[^\d.]/g, '')))[0];
    return html`<section class="panel card">
          <fs-bar-chart
            heading="Cost by pool"
            .summary=${`Each pool under its own pricing (hourly, per productive hour, per contact, minimums, service-level clauses).${cheapest ? ` Lowest cost per contact: ${cheapest.label} at ${cheapest.note!.replace(' / contact', '')}.` : ''}`}
            unit="money"
            .currency=${cur}
            noteHeading="Per contact"
            .bars=${bars}
          ></fs-bar-chart>
        </section>`;
  }

  /** Cost by language, or by language on the chosen channel (queues["<language>/<channel>"]); the
   * language chosen highlighted. The whole period's: the result does not split it by day. */
  private renderCostByLanguage(r: ScenarioResult, sl: Slice) {
    const cur = r.currency;
    const { language: lang, channel: ch } = sl;
    const bars: Bar[] = Object.keys(r.languages).flatMap((l) => {
      const g = ch === 'all' ? r.languages[l] : r.queues[`${l}/${ch}`];
      if (!g) return [];
      return {
        key: l,
        label: `${languageName(l)} (${l})`,
        value: g.costTotal.mean,
        ci: g.costTotal.ci95,
        colour: lang === 'all' || lang === l ? '#0ea5e9' : '#94a3b8',
        note: `${formatValue(g.costPerResolvedCustomer.mean, 'money', cur)} / resolved`,
        details: [
          ['Contacts', formatValue(g.contacts.mean, 'count')],
          ['Cost per contact', formatValue(g.costPerContact.mean, 'money', cur)],
          ['Cost per resolved customer', formatValue(g.costPerResolvedCustomer.mean, 'money', cur)],
          ['Answered', formatValue(g.answered.mean, 'count')],
          ...(g.contained.mean ? ([['AI resolutions (gross / returned / net)', `${formatValue(g.contained.mean, 'count')} / ${formatValue(g.containedReturned.mean, 'count')} / ${formatValue(g.containedNet.mean, 'count')}`]] as [string, string][]) : []),
        ],
      };
    });
    // A pool whose skills meet no demand has nothing to share its cost out to: it is in the total,
    // so it gets a bar of its own rather than leaving the languages short of it.
    const unshared = ch === 'all' ? unsharedCost(r) : 0;
    if (unshared > 0) {
      bars.push({ key: 'no-demand', label: 'No-demand pools', value: unshared, colour: '#f59e0b', note: 'no contacts', details: [['Pools serving no demand', 'their skills match no language with demand: their cost is in the total, shared out to no language']] });
    }
    return html`<section class="panel card">
          <fs-bar-chart
            heading=${`${ch === 'all' ? 'Cost by language' : `Cost by language, ${ch}`}${sl.day ? ', whole period' : ''}`}
            .summary=${`Pool costs shared out to languages${ch === 'all' ? '' : ` and channels (${ch} only)`} by the time agents spent on each; AI costs by conversation. Right: cost per resolved customer.${lang === 'all' ? '' : ` ${languageName(lang)} highlighted.`}`}
            unit="money"
            .currency=${cur}
            noteHeading="Per resolved customer"
            .bars=${bars}
          ></fs-bar-chart>
        </section>`;
  }

  /** The whole scenario's cost per interval over the period or the day (a pool's is not shared out). */
  private renderCostPerInterval(r: ScenarioResult, sl: Slice, dayCost: number | null) {
    const cur = r.currency;
    const s = r.summary;
    const starts = intervalStarts(r.start, r.intervals.length, r.intervalMinutes).slice(sl.from, sl.to);
    const shownIntervals = r.intervals.slice(sl.from, sl.to);
    return html`<section class="panel card">
          <fs-time-chart
            heading=${`Cost per interval${sl.day ? `, ${sl.day.label}` : ''}`}
            .summary=${`All languages and channels (a pool's cost per interval is not shared out). Cost accrues with paid hours (night and weekend premiums included) and contacts handled; ${
              sl.day
                ? `${sl.day.label} ${formatValue(dayCost, 'money', cur)} (the day's intervals added up), of ${formatEstimate(s.costTotal, 'money', cur)} over the whole period`
                : `total ${formatEstimate(s.costTotal, 'money', cur)}`
            }.`}
            unit="money"
            .currency=${cur}
            .timeZone=${this.view.timeZone}
            .starts=${starts}
            .intervalMs=${r.intervalMinutes * 60_000}
            .lines=${[
              {
                key: 'cost',
                label: 'Cost',
                colour: '#0ea5e9',
                values: shownIntervals.map((i) => i.costTotal.mean),
                lower: shownIntervals.map((i) => i.costTotal.ci95?.[0] ?? i.costTotal.mean),
                upper: shownIntervals.map((i) => i.costTotal.ci95?.[1] ?? i.costTotal.mean),
                step: true,
              },
            ]}
            .chartHeight=${220}
            yLabel=${cur}
          ></fs-time-chart>
        </section>`;
  }

  /** The slice's own costs: the language's, the channel's or the language × channel queue's, over
   * the whole period (the result does not split a language's cost by interval); a day's cost of
   * the whole scenario, added up from its intervals. */
  private renderSlice(r: ScenarioResult, lang: string, ch: string, day: DayOption | null, cost: number | null) {
    const g = lang === 'all' && ch === 'all' ? null : lang === 'all' ? r.channels[ch] : ch === 'all' ? r.languages[lang] : r.queues[`${lang}/${ch}`];
    const who = [lang === 'all' ? 'all languages' : `${languageName(lang)} (${lang})`, ch === 'all' ? 'all channels' : ch].join(' · ');
    const cur = r.currency;
    const dayCost = day
      ? html`<div class="figures" data-slice-day=${day.date}>
          <div data-slice-figure="dayCost" data-value=${String(cost)}>
            <span class="label">Cost on ${day.label}, all languages · all channels</span>
            <span class="value">${formatValue(cost, 'money', cur)}</span>
            <span class="ci">the day's intervals added up: no CI</span>
          </div>
        </div>`
      : nothing;
    const wholeNote = day ? html`<p class="muted" data-whole-period>Costs per language and channel are the whole period's: the result does not split them by day.</p>` : nothing;
    if (lang === 'all' && ch === 'all') return html`${dayCost}<p class="muted">Choose a language or a channel for its own costs; the whole scenario is below.</p>`;
    if (!g) return html`${dayCost}<p class="muted">No ${who} queue in this scenario.</p>`;
    const figure = (key: string, label: string, e: Estimate, unit: 'money' | 'count') => html`<div data-slice-figure=${key} data-value=${String(e.mean)}>
      <span class="label">${label}</span>
      <span class="value">${formatValue(e.mean, unit, cur)}</span>
      <span class="ci">${ciText(e, unit, cur)}</span>
    </div>`;
    return html`${dayCost}${wholeNote}<div class="figures" data-slice=${`${lang}/${ch}`} aria-label=${`Costs of ${who}, whole period`}>
      ${figure('costTotal', `Cost over the whole period, ${who}`, g.costTotal, 'money')}
      ${figure('costPerContact', 'Per contact handled', g.costPerContact, 'money')}
      ${figure('costPerResolvedCustomer', 'Per resolved customer', g.costPerResolvedCustomer, 'money')}
      ${figure('contacts', 'Contacts', g.contacts, 'count')}
    </div>`;
  }

  /** AI resolutions: gross, returned (the customer came back: the resolution did not hold), net. */
  private renderAi(r: ScenarioResult) {
    const s = r.summary;
    const bars: Bar[] = [
      { key: 'gross', label: 'Gross', value: s.contained.mean, ci: s.contained.ci95, colour: KIND_COLOURS.ai },
      { key: 'returned', label: 'Returned', value: s.containedReturned.mean, ci: s.containedReturned.ci95, colour: '#f59e0b' },
      { key: 'net', label: 'Net', value: s.containedNet.mean, ci: s.containedNet.ci95, colour: '#16a34a' },
    ];
    const gross = s.contained.mean ?? 0;
    const returned = s.containedReturned.mean ?? 0;
    return html`<section class="panel card" data-ai>
      <fs-bar-chart
        heading="AI resolutions: gross, returned, net"
        .summary=${`The AI closed ${formatValue(gross, 'count')} conversations; in ${formatValue(returned, 'count')} of them (${formatValue(gross > 0 ? returned / gross : 0, 'fraction')}) the customer came back, so ${formatValue(s.containedNet.mean, 'count')} resolutions held. Cost per resolved customer counts the net ones. Whiskers: 95% CI.`}
        unit="count"
        .bars=${bars}
      ></fs-bar-chart>
    </section>`;
  }

  private renderMix(r: ScenarioResult) {
    const s = r.summary;
    const parts = [
      { key: 'contained', label: 'Resolved by AI (held)', value: s.containedNet.mean ?? 0, colour: KIND_COLOURS.ai },
      { key: 'returned', label: 'Resolved by AI, customer came back', value: s.containedReturned.mean ?? 0, colour: '#c084fc' },
      { key: 'answered', label: 'Answered by people', value: s.answered.mean ?? 0, colour: '#3b82f6' },
      { key: 'abandoned', label: 'Abandoned', value: s.abandoned.mean ?? 0, colour: '#ef4444' },
      { key: 'blocked', label: 'Blocked (queue full)', value: s.blocked.mean ?? 0, colour: '#64748b' },
      { key: 'waiting', label: 'Still waiting at the end', value: s.waitingAtEnd.mean ?? 0, colour: '#94a3b8' },
    ].filter((p) => p.value > 0);
    const total = parts.reduce((a, p) => a + p.value, 0) || 1;
    const width = Math.max(300, this.width.value - 40);
    const x = scaleLinear().domain([0, total]).range([0, width]);
    let acc = 0;
    const label = parts.map((p) => `${p.label} ${formatValue(p.value / total, 'fraction')}`).join(', ');
    return html`
      <ul class="legend">
        ${parts.map((p) => html`<li><span class="swatch" style="background:${p.colour}"></span>${p.label} ${formatValue(p.value / total, 'fraction')} (${formatValue(p.value, 'count')})</li>`)}
      </ul>
      <svg width=${width} height="34" role="img" aria-label=${`How contacts were resolved: ${label}`} data-ai-share=${String((s.contained.mean ?? 0) / total)}>
        ${parts.map((p) => {
          const x0 = x(acc);
          acc += p.value;
          const w = x(acc) - x0;
          return svg`<rect x=${x0} y="2" width=${Math.max(0, w - 1)} height="30" style="fill:${p.colour}"><title>${p.label}: ${formatValue(p.value, 'count')}</title></rect>
            ${w > 60 ? svg`<text class="mix-label" x=${x0 + 8} y="22" style="fill:#fff">${formatValue(p.value / total, 'fraction')}</text>` : nothing}`;
        })}
      </svg>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-cost-view': FsCostView;
  }
}
