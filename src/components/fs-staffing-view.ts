// Staffing: agents on the phones by pool (stacked) against the agents required (Erlang, per
// queue), over the horizon or one day; sliced by language and channel (src/state/slice.ts): the
// pools with that skill and channel, the queues of that language and channel. Occupancy per pool.
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { poolOccupancy, SliceController, type Slice } from '../state/slice';
import type { ScenarioResult } from '../../sim/stats/metrics';
import { intervalStarts, SERIES_COLOURS } from '../lib/chart';
import { formatValue } from '../lib/format';
import { formatWeekdayTime } from '../lib/time';
import type { Bar } from './fs-bar-chart';
import type { AreaSeries, LineSeries } from './fs-time-chart';
import { languageName } from '../lib/format';
import { baseStyles, viewStyles, staleStyles } from './shared-styles';
import './fs-bar-chart';
import './fs-slice-filter';
import './fs-time-chart';

const average = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** A pool's colour: by its place among all the result's pools, so it keeps it in every slice. */
const poolColour = (poolIds: string[], id: string) => SERIES_COLOURS[poolIds.indexOf(id) % SERIES_COLOURS.length];

/** The slice as the staffing charts draw it. */
interface Shown {
  r: ScenarioResult;
  sl: Slice;
  /** The slice's interval starts. */
  starts: number[];
  /** Every pool of the result, in its order (the colours go by it). */
  poolIds: string[];
  /** The pools serving the slice. */
  shown: string[];
  /** The slice in words ('' for all languages and channels). */
  what: string;
}

@customElement('fs-staffing-view')
export class FsStaffingView extends LitElement {
  // What it shows is the app's: the result on screen, its scenario, the display time zone.
  private readonly slice = new SliceController(this);
  private get view() {
    return this.slice.view;
  }

  static override styles = [
    baseStyles,
    viewStyles,
    staleStyles,
    css`
      fs-slice-filter {
        margin-bottom: 0.6rem;
      }
    `,
  ];

  override render() {
    const r = this.view.result;
    const sl = this.slice.slice;
    if (!r || !sl) return nothing;
    const v = this.shown(r, sl);
    return html`
      <section class="panel card">
        <fs-slice-filter all-channels day .note=${'Pools with the language and channel; queues of that language and channel.'}></fs-slice-filter>
        ${this.renderStaffingChart(v)}
      </section>
      <section class="panel card">
        ${this.renderOccupancyChart(v)}
      </section>
      <section class="panel card">
        ${this.renderOccupancyBars(v)}
      </section>
    `;
  }

  /** The slice's intervals and the human pools serving it: those with the language (first or
   * second skill) that take the channel. */
  private shown(r: ScenarioResult, sl: Slice): Shown {
    const { from, to } = sl;
    const starts = intervalStarts(r.start, r.intervals.length, r.intervalMinutes).slice(from, to);
    const lang = sl.language;
    const ch = sl.channel;
    const poolIds = Object.keys(r.staffing);
    const human = (this.view.scenario?.staffing ?? []).filter((p) => p.type !== 'ai');
    const serves = (id: string) => {
      if (lang === 'all' && ch === 'all') return true;
      const p = human.find((x) => x.id === id);
      if (!p) return false;
      const speaks = lang === 'all' || p.skills.includes(lang) || (p.secondarySkills?.languages.includes(lang) ?? false);
      const takes = ch === 'all' || !p.channels || p.channels.includes(ch as never);
      return speaks && takes;
    };
    const shown = poolIds.filter(serves);
    const what = [lang === 'all' ? '' : languageName(lang), ch === 'all' ? '' : ch].filter(Boolean).join(' ');
    return { r, sl, starts, poolIds, shown, what };
  }

  /** Staffing against requirement: agents on the phones by pool (stacked) against the agents the
   * slice's queues require, on the phones and scheduled; the caption names the shortfall. */
  private renderStaffingChart({ r, sl, starts, poolIds, shown, what }: Shown) {
    const { from, to } = sl;
    const lang = sl.language;
    const ch = sl.channel;
    const areas: AreaSeries[] = shown.map((id) => ({
      key: id,
      label: `${id} (${r.pools[id]?.type ?? ''})`,
      colour: poolColour(poolIds, id),
      values: r.staffing[id].slice(from, to),
    }));
    const queues = r.coverage.filter((q) => (lang === 'all' || q.language === lang) && (ch === 'all' || q.channel === ch));
    const range = starts.map((_, k) => from + k);
    const required = range.map((i) => queues.reduce((s, q) => s + q.requiredAgents[i], 0));
    const scheduled = range.map((i) => queues.reduce((s, q) => s + (q.requiredScheduled?.[i] ?? 0), 0));
    const onPhones = range.map((i) => shown.reduce((s, id) => s + r.staffing[id][i], 0));
    const lines: LineSeries[] = [
      { key: 'required', label: `Required on the phones (Erlang, ${what ? `${what} queues` : 'sum over queues'})`, colour: 'var(--text)', values: required, step: true, dashed: true },
      { key: 'scheduled', label: 'Required scheduled (before shrinkage and absence)', colour: 'var(--text-muted)', values: scheduled, step: true, dashed: true },
    ];
    const short = range.map((_, k) => onPhones[k] < required[k] - 0.5).filter(Boolean).length;
    const worst = required.reduce((a, req, i) => (req - onPhones[i] > required[a] - onPhones[a] ? i : a), 0);
    const hours = r.intervalMinutes / 60;
    return html`<fs-time-chart
          heading=${`Agents on the phones by pool vs required${what ? ` — ${what}` : ''}${sl.day ? `, ${sl.day.label}` : ''}`}
          .summary=${`Stacked: agents on the phones (after shrinkage and absence) in each pool${what ? ` serving ${what}` : ''}; dashed: agents the Erlang formulas require on the phones for each queue's own service-level target (dark), and the head count to schedule for that after shrinkage and absence (grey). ${
            short ? `Fewer on the phones than required in ${formatValue(short * hours, 'hours')} of the ${sl.day ? 'day' : 'period'}; the largest shortfall is ${formatValue(required[worst] - onPhones[worst], 'agents')} agents on ${formatWeekdayTime(starts[worst], this.view.timeZone)} ${this.view.timeZone}.` : 'Never fewer on the phones than required.'
          } Multi-skilled agents appear once per pool; required agents add up over queues, which overstates the need where pools share skills.`}
          unit="agents"
          .timeZone=${this.view.timeZone}
          .starts=${starts}
          .intervalMs=${r.intervalMinutes * 60_000}
          .areas=${areas}
          .lines=${lines}
          .chartHeight=${300}
          yLabel="Agents"
        ></fs-time-chart>`;
  }

  /** Occupancy of each pool serving the slice, interval by interval, against 85 %. */
  private renderOccupancyChart({ r, sl, starts, poolIds, shown, what }: Shown) {
    const { from, to } = sl;
    const hours = r.intervalMinutes / 60;
    const occupancyLines: LineSeries[] = shown.map((id) => ({
      key: id,
      label: id,
      colour: poolColour(poolIds, id),
      values: (r.occupancy?.[id] ?? []).slice(from, to),
      step: true,
    }));
    const peaks = occupancyLines
      .map((l) => ({ id: l.key, over: l.values.filter((x) => x !== null && x > 0.85).length }))
      .filter((p) => p.over > 0);
    return html`<fs-time-chart
          heading=${`Occupancy by pool and interval${what ? ` — pools serving ${what}` : ''}${sl.day ? `, ${sl.day.label}` : ''}`}
          .summary=${`Busy time ÷ time on the phones in each interval (mean over replications; a gap where nobody is on). ${
            peaks.length
              ? `Above 85 %: ${peaks.map((p) => `${p.id} in ${formatValue(p.over * hours, 'hours')}`).join(', ')} of the ${sl.day ? 'day' : 'period'}.`
              : 'No pool above 85 % in any interval.'
          }`}
          unit="fraction"
          .timeZone=${this.view.timeZone}
          .starts=${starts}
          .intervalMs=${r.intervalMinutes * 60_000}
          .lines=${occupancyLines}
          .reference=${{ value: 0.85, label: '85 %' }}
          .yMax=${1}
          yLabel="Occupancy"
        ></fs-time-chart>`;
  }

  /** Occupancy of each human pool serving the slice, over the day or the whole period. */
  private renderOccupancyBars({ r, sl, poolIds, shown, what }: Shown) {
    const { from, to } = sl;
    // The pools serving the slice, over the day or the period shown: a day's occupancy is its busy
    // time ÷ its time on the phones, added up from the interval means (no CI).
    const occupancy: Bar[] = Object.entries(r.pools)
      .filter(([id, p]) => p.type !== 'ai' && shown.includes(id))
      .map(([id, p]) => ({
        key: id,
        label: id,
        value: sl.day ? poolOccupancy(r, id, from, to) : (p.occupancy?.mean ?? null),
        ci: sl.day ? null : (p.occupancy?.ci95 ?? null),
        colour: poolColour(poolIds, id),
        note: `${formatValue(sl.day ? average(r.staffing[id].slice(from, to)) : p.agentsOnPhones?.mean, 'agents')} avg on phones`,
        details: [
          ['Type', p.type],
          [sl.day ? 'Handled, whole period' : 'Handled', formatValue(p.handled.mean, 'count')],
        ],
      }));
    return html`<fs-bar-chart
          heading=${`Occupancy by pool${what ? ` — pools serving ${what}` : ''}${sl.day ? `, ${sl.day.label}` : ', whole period'}`}
          .summary=${`Busy time ÷ time on the phones${sl.day ? ` on ${sl.day.label}, added up from the day's intervals (no CI)` : ' over the whole period, with 95% CI'}; each pool's whole work, all its languages and channels. Above ~85% agents burn out; below ~60% the pool is overstaffed.`}
          unit="fraction"
          .xMax=${1}
          .bars=${occupancy}
          noteHeading="On the phones"
        ></fs-bar-chart>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-staffing-view': FsStaffingView;
  }
}
