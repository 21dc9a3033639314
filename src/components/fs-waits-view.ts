// Waits, one channel at a time (intervals[i].channels[channel]): service level per interval with
// that channel's own target line, ASA (time to answer for email) and abandonment, with their 95% CI
// bands; email is never averaged with voice and chat. Then the live channels' wait percentiles,
// service level by language for the channel (queues["<language>/<channel>"]) and by channel (each
// against its own target), and the table of languages broken down by channel. Sliced (src/state/
// slice.ts): one language's queue for the channel (queues["<language>/<channel>"] and its coverage
// row per interval), one day of the period, and the interval table (the intervals CSV's figures).
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { queueFigures, SliceController, sliceCaption, type Slice, type SliceFigures } from '../state/slice';
import type { Estimate } from '../../sim/stats/confidence';
import type { QueueCoverage, ScenarioResult } from '../../sim/stats/metrics';
import { intervalStarts } from '../lib/chart';
import { ciText, formatEstimate, formatValue, languageName, targetText, thresholdText, waitLabel } from '../lib/format';
import { formatWeekdayTime, zoneOffsetName } from '../lib/time';
import type { Bar } from './fs-bar-chart';
import { channelTitle, resultChannels } from './fs-headline';
import type { LineSeries } from './fs-time-chart';
import { baseStyles, figureStyles, viewStyles, staleStyles, segmentedStyles } from './shared-styles';
import './fs-bar-chart';
import './fs-interval-table';
import './fs-queue-table';
import './fs-slice-filter';
import './fs-time-chart';

/** A line with its 95% CI band (none when no value has an interval: a queue's means per interval). */
const series = (key: string, label: string, colour: string, values: Estimate[]): LineSeries => ({
  key,
  label,
  colour,
  values: values.map((e) => e.mean),
  ...(values.some((e) => e.ci95)
    ? { lower: values.map((e) => e.ci95?.[0] ?? e.mean), upper: values.map((e) => e.ci95?.[1] ?? e.mean) }
    : {}),
});

const NONE: Estimate = { mean: null, ci95: null };
/** A mean without an interval (the coverage rows per interval carry means only). */
const meanOnly = (x: number | null | undefined): Estimate => ({ mean: x ?? null, ci95: null });

/** A figure per interval shown: the queue's means (its coverage row), or the channel's own with CIs. */
const perInterval = (r: ScenarioResult, queue: QueueCoverage | null, ch: string, s: Slice, figure: 'serviceLevel' | 'asaSeconds' | 'abandonRate'): Estimate[] =>
  queue ? queue[figure].slice(s.from, s.to).map(meanOnly) : r.intervals.slice(s.from, s.to).map((i) => i.channels?.[ch]?.[figure] ?? NONE);

/** Green when an estimate meets its target, red when it misses. */
const met = (e: Estimate, target: number) => ((e.mean ?? 0) >= target ? '#16a34a' : '#dc2626');

/** The slice on screen as every part of the view reads it: the channel (and the language's queue,
 * null for all languages), its target, its figures, its interval starts and the words naming it. */
interface Shown {
  r: ScenarioResult;
  sl0: Slice;
  channels: string[];
  ch: string;
  lang: string;
  queue: QueueCoverage | null;
  t: { target: number; thresholdSeconds: number };
  sliced: SliceFigures;
  starts: number[];
  /** An interval's start in the display time zone. */
  at: (i: number) => string;
  // Words naming it in headings and summaries: who ("German chat"), title (a heading's), wait
  // (ASA, or time to answer for email), over / Over ("on Tue 17 Mar", "over the period"), when
  // (" on Tue 17 Mar", or nothing for the whole period).
  who: string;
  title: string;
  wait: string;
  over: string;
  Over: string;
  when: string;
}

/** Why a day has no service level or gap hours: both are judged per hour of UTC, and a day in a
 * zone half an hour off UTC (India, UTC+5:30) starts on the half hour. Without it the card showed
 * "–" and the chart said "On Mon 16 Mar – of voice contacts were answered". */
function cutHours(zone: string, ms: number) {
  return `In ${zone.replace(/_/g, ' ')} (${zoneOffsetName(zone, ms)}) a day starts on the half hour and cuts the hours that the service level and gap hours are judged in, so
    they are not given for one day: choose UTC, or a zone a whole number of hours off it, to see them.`;
}

@customElement('fs-waits-view')
export class FsWaitsView extends LitElement {
  // What it shows is the app's: the result on screen, its scenario, the display time zone.
  private readonly slice = new SliceController(this);
  private get view() {
    return this.slice.view;
  }

  static override styles = [
    baseStyles,
    viewStyles,
    staleStyles,
    segmentedStyles,
    figureStyles,
    css`
      fs-bar-chart + fs-bar-chart {
        margin-top: 1.25rem;
      }
      .picker {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        flex-wrap: wrap;
        font-size: 0.9rem;
      }
      .figures {
        margin: 0.2rem 0 0.8rem;
      }
    `,
  ];

  override render() {
    const r = this.view.result;
    const sl0 = this.slice.slice;
    if (!r || !sl0) return nothing;
    const channels = resultChannels(r);
    const ch = channels.includes(sl0.channel) ? sl0.channel : channels[0];
    if (!ch) return nothing;
    const lang = sl0.language;
    const queue = lang === 'all' ? null : r.coverage.find((q) => q.language === lang && q.channel === ch);
    if (lang !== 'all' && (!queue || !r.queues[`${lang}/${ch}`])) return this.noQueue(lang, ch);
    const v = this.shown(r, sl0, channels, ch, queue ?? null);
    return html`
      <fs-slice-filter day .note=${`Each channel against its own target: ${channels.map((x) => (r.channelTargets?.[x] ? `${x} ${targetText(r.channelTargets[x].target, r.channelTargets[x].thresholdSeconds)}` : x)).join(', ')}.`}></fs-slice-filter>
      ${this.headline(v)}
      ${this.waitAndAbandonCharts(v)}
      ${this.serviceLevelBars(v)}
      <section class="panel card">
        <fs-queue-table .result=${r} .language=${lang} .slice=${sl0}></fs-queue-table>
      </section>
      <section class="panel card">
        <fs-interval-table .result=${r} .timeZone=${this.view.timeZone} .from=${sl0.from} .to=${sl0.to} .channel=${sl0.channel} .queue=${queue ?? null}></fs-interval-table>
      </section>
    `;
  }

  /** A language chosen that never contacts on the channel: nothing to draw but the filter. */
  private noQueue(lang: string, ch: string) {
    return html`<fs-slice-filter day></fs-slice-filter>
        <section class="panel card" data-slice-empty>
          <p>No ${languageName(lang)} (${lang}) ${ch} queue in this scenario: nobody contacts it on ${ch}. Choose another channel or all languages.</p>
        </section>`;
  }

  /** The slice on screen, worked out once for every part of the view. */
  private shown(r: ScenarioResult, sl0: Slice, channels: string[], ch: string, queue: QueueCoverage | null): Shown {
    const lang = sl0.language;
    const target = (q: QueueCoverage | undefined) => ({ target: q?.target ?? 0.8, thresholdSeconds: q?.thresholdSeconds ?? 20 });
    const starts = intervalStarts(r.start, r.intervals.length, r.intervalMinutes).slice(sl0.from, sl0.to);
    const zone = this.view.timeZone;
    return {
      r,
      sl0,
      channels,
      ch,
      lang,
      queue,
      t: r.channelTargets?.[ch] ?? target(r.coverage.find((q) => q.channel === ch)),
      sliced: queueFigures(r, lang, ch, sl0)!,
      starts,
      at: (i) => `${formatWeekdayTime(starts[i], zone)} ${zone}`,
      who: queue ? `${languageName(lang)} ${ch}` : ch,
      title: queue ? `${languageName(lang)} ${ch}` : channelTitle(ch),
      wait: waitLabel(ch),
      over: sl0.day ? `on ${sl0.day.label}` : 'over the period',
      Over: sl0.day ? `On ${sl0.day.label}` : 'Over the period',
      when: sl0.day ? ` on ${sl0.day.label}` : '',
    };
  }

  /** The slice's headline figures, then its service level per interval against the target. */
  private headline({ r, sl0, ch, lang, queue, t, sliced, starts, at, who, title, wait, over, Over, when }: Shown) {
    // Over the whole period the channel's or the language × channel queue's own figures (the
    // CLI's channels["<channel>"] and queues["<language>/<channel>"], with CIs); for a day, added
    // up from that day's intervals (src/state/slice.ts). Cost per contact is always the period's.
    const whole = queue ? r.queues[`${lang}/${ch}`] : r.channels[ch];
    const c = sliced.figures;
    const noCi = sliced.summed ? 'one day: no CI' : '';
    const sl = perInterval(r, queue, ch, sl0, 'serviceLevel');
    const withDemand = sl.map((e, i) => ({ e, i })).filter((x) => x.e.mean !== null);
    const below = withDemand.filter((x) => x.e.mean! < t.target);
    const lowest = withDemand.reduce<{ e: Estimate; i: number } | null>((a, b) => (!a || b.e.mean! < a.e.mean! ? b : a), null);
    const bandNote = queue ? ' Per interval: means over replications (the 95% CI is given for the whole period).' : '';
    return html`<section class="panel card" data-channel=${ch} data-language=${lang}>
        <h3 data-caption>${sliceCaption(lang, ch, sl0.day, languageName)}</h3>
        ${sliced.summed
          ? html`<p class="muted" data-summed>
              ${sl0.day!.label} only: added up from the day's intervals (means over replications), so without a 95% CI; the service level and abandon rate are
              recomputed from the day's counts, the ${wait} weighted by the contacts answered. Cost per contact is not split by day: it is the whole period's.
              ${c.gapHours.mean === null ? cutHours(this.view.timeZone, Date.parse(r.start)) : nothing}
            </p>`
          : nothing}
        <div class="figures" role="list" aria-label=${`${who}: figures ${over}`}>
          ${this.figure('offered', 'Offered', c.offered, 'count', r.currency, noCi)}
          ${this.figure('serviceLevel', `Service level (target ${targetText(t.target, t.thresholdSeconds)})`, c.serviceLevel, 'fraction', r.currency, noCi)}
          ${this.figure('asaSeconds', waitLabel(ch), c.asaSeconds, 'seconds', r.currency, noCi)}
          ${this.figure('abandonRate', 'Abandon rate', c.abandonRate, 'fraction', r.currency, noCi)}
          ${this.figure('gapHours', 'Gap hours', c.gapHours, 'hours', r.currency, noCi)}
          ${this.figure('costPerContact', sliced.summed ? 'Cost per contact, whole period' : 'Cost per contact', whole.costPerContact, 'money', r.currency)}
        </div>
        <fs-time-chart
          heading=${`${title}: service level per interval${when}`}
          .summary=${`${c.serviceLevel.mean === null ? `${Over} the service level is not given (${c.gapHours.mean === null ? 'see above' : `no ${who} contacts were offered`}).` : `${Over} ${formatEstimate(c.serviceLevel, 'fraction')} of ${who} contacts were answered within ${thresholdText(t.thresholdSeconds)} (target ${formatValue(t.target, 'fraction')}).`} ${below.length} of ${withDemand.length} intervals with ${who} demand${when} fall below the target${lowest ? `; the lowest is ${formatValue(lowest.e.mean, 'fraction')} on ${at(lowest.i)}` : ''}.${bandNote}`}
          unit="fraction"
          .timeZone=${this.view.timeZone}
          .starts=${starts}
          .intervalMs=${r.intervalMinutes * 60_000}
          .lines=${[series('sl', `${title} service level`, '#3b82f6', sl)]}
          .reference=${{ value: t.target, label: `Target ${targetText(t.target, t.thresholdSeconds)}` }}
          .yMax=${1}
          yLabel="Service level"
        ></fs-time-chart>
      </section>`;
  }

  /** The wait (ASA, or time to answer for email) and the abandon rate per interval, side by side. */
  private waitAndAbandonCharts({ r, sl0, ch, queue, sliced, starts, at, who, title, wait, over, Over, when }: Shown) {
    const c = sliced.figures;
    const asa = perInterval(r, queue, ch, sl0, 'asaSeconds');
    const worstAsa = asa.reduce((a, e, i) => ((e.mean ?? -1) > (asa[a].mean ?? -1) ? i : a), 0);
    const ab = perInterval(r, queue, ch, sl0, 'abandonRate');
    const worstAb = ab.reduce((a, e, i) => ((e.mean ?? -1) > (ab[a].mean ?? -1) ? i : a), 0);
    return html`<div class="two">
        <section class="panel card">
          <fs-time-chart
            heading=${ch === 'email' ? `${title}: time to answer${when}` : `${title}: average speed of answer${when}`}
            .summary=${`${wait} ${over} ${formatEstimate(c.asaSeconds, 'seconds')}; the longest${when} is ${formatValue(asa[worstAsa]?.mean, 'seconds')} on ${at(worstAsa)}.`}
            unit="seconds"
            .timeZone=${this.view.timeZone}
            .starts=${starts}
            .intervalMs=${r.intervalMinutes * 60_000}
            .lines=${[series('asa', wait, '#8b5cf6', asa)]}
            .chartHeight=${200}
            yLabel=${ch === 'email' ? 'Time to answer' : 'Seconds'}
          ></fs-time-chart>
        </section>
        <section class="panel card">
          <fs-time-chart
            heading=${`${title}: abandon rate${when}`}
            .summary=${`${Over} ${formatEstimate(c.abandonRate, 'fraction')} of offered ${who} contacts were abandoned before an answer; the highest${when} is ${formatValue(ab[worstAb]?.mean, 'fraction')} on ${at(worstAb)}.`}
            unit="fraction"
            .timeZone=${this.view.timeZone}
            .starts=${starts}
            .intervalMs=${r.intervalMinutes * 60_000}
            .lines=${[series('ab', 'Abandon rate', '#ef4444', ab)]}
            .chartHeight=${200}
            yLabel="Abandoned"
          ></fs-time-chart>
        </section>
      </div>`;
  }

  /** Service level by language on the channel and by channel for the language, beside the waits' spread. */
  private serviceLevelBars(v: Shown) {
    const { sl0, ch, lang, t, wait, over, when } = v;
    return html`<div class="two">
        <section class="panel card">
          <fs-bar-chart
            heading=${`${channelTitle(ch)}: service level by language${when}`}
            .summary=${`Each language's ${ch} queue against the ${ch} target (${targetText(t.target, t.thresholdSeconds)}). Green: met ${over}; red: missed. ${sl0.day ? 'Added up from the day’s intervals: no CI.' : 'Whiskers: 95% CI.'} Right: ${wait}.${lang === 'all' ? '' : ` ◂ ${languageName(lang)}, the language chosen.`}`}
            unit="fraction"
            .xMax=${1}
            noteHeading=${wait}
            .bars=${this.languageBars(v)}
            .reference=${{ value: t.target, label: 'target' }}
          ></fs-bar-chart>
          <fs-bar-chart
            heading=${`Service level by channel — ${lang === 'all' ? 'all languages' : languageName(lang)}${when}`}
            .summary=${`${lang === 'all' ? 'Each channel' : `Each ${languageName(lang)} queue`} against its channel's own target (right; no common line: the targets differ). Green: met ${over}; red: missed.${sl0.day ? ' Added up from the day’s intervals: no CI.' : ''}`}
            unit="fraction"
            .xMax=${1}
            noteHeading="Target"
            .bars=${this.channelBars(v)}
          ></fs-bar-chart>
        </section>
        ${this.waitDistribution(v.r, v.channels)}
      </div>`;
  }

  /** Each language's queue on the channel, over the day or period shown. */
  private languageBars({ r, sl0, ch, lang, t }: Shown): Bar[] {
    return Object.keys(r.languages)
      .filter((l) => r.queues?.[`${l}/${ch}`])
      .map((l) => {
        const q = queueFigures(r, l, ch, sl0)!.figures;
        return {
          key: l,
          label: `${languageName(l)} (${l})${l === lang ? ' ◂' : ''}`,
          value: q.serviceLevel.mean,
          ci: q.serviceLevel.ci95,
          colour: met(q.serviceLevel, t.target),
          note: formatValue(q.asaSeconds.mean, 'seconds'),
          details: [
            ['Offered', formatValue(q.offered.mean, 'count')],
            ['Abandon rate', formatValue(q.abandonRate.mean, 'fraction')],
            ['Gap hours', `${formatValue(q.gapHours.mean, 'hours')} (${formatValue(q.uncoveredHours.mean, 'hours')} uncovered + ${formatValue(q.hoursBelowTarget.mean, 'hours')} below target)`],
          ],
        };
      });
  }

  /** Each channel of the language shown (or all), over the day or period shown. */
  private channelBars({ r, sl0, channels, lang }: Shown): Bar[] {
    return channels.flatMap((x) => {
      const g = queueFigures(r, lang, x, sl0)?.figures;
      const tx = r.channelTargets?.[x];
      if (!g) return [];
      return {
        key: x,
        label: x,
        value: g.serviceLevel.mean,
        ci: g.serviceLevel.ci95,
        colour: tx ? met(g.serviceLevel, tx.target) : '#3b82f6',
        note: tx ? targetText(tx.target, tx.thresholdSeconds) : '–',
        details: [
          ['Offered', formatValue(g.offered.mean, 'count')],
          [waitLabel(x), formatValue(g.asaSeconds.mean, 'seconds')],
          ['Abandon rate', formatValue(g.abandonRate.mean, 'fraction')],
          ['Gap hours', formatValue(g.gapHours.mean, 'hours')],
        ],
      };
    });
  }

  /** The live channels' wait percentiles over the whole scenario: they cannot be sliced (not additive). */
  private waitDistribution(r: ScenarioResult, channels: string[]) {
    const s = r.summary;
    const live = channels.filter((x) => x !== 'email');
    const percentiles: Bar[] = [
      { key: 'p50', label: 'Median (p50)', value: s.waitP50Seconds.mean, ci: s.waitP50Seconds.ci95, colour: '#60a5fa' },
      { key: 'asa', label: 'Average (ASA)', value: s.asaSeconds.mean, ci: s.asaSeconds.ci95, colour: '#3b82f6' },
      { key: 'p90', label: '90th percentile', value: s.waitP90Seconds.mean, ci: s.waitP90Seconds.ci95, colour: '#f59e0b' },
      // Neutral: red is what the neighbouring charts use for a missed target.
      { key: 'p99', label: '99th percentile', value: s.waitP99Seconds.mean, ci: s.waitP99Seconds.ci95, colour: '#64748b' },
    ];
    return html`<section class="panel card">
          ${live.length
            ? html`<fs-bar-chart
                heading=${`Wait-time distribution: ${live.join(' and ')}, all languages, whole period (answered contacts)`}
                .summary=${`The whole scenario's answered ${live.join(' and ')} contacts, whatever the language, channel and day chosen above: percentiles cannot be added up from intervals or queues. Email is answered hours later (see its own view). Half of the answered ${live.join(' and ')} contacts waited at most ${formatValue(s.waitP50Seconds.mean, 'seconds')}, nine in ten at most ${formatValue(s.waitP90Seconds.mean, 'seconds')}, 99 in 100 at most ${formatValue(s.waitP99Seconds.mean, 'seconds')}. Thresholds: ${live.map((x) => `${x} ${thresholdText(r.channelTargets?.[x]?.thresholdSeconds ?? 0)}`).join(', ')}. Whiskers: 95% CI.`}
                unit="seconds"
                .bars=${percentiles}
              ></fs-bar-chart>`
            : html`<p class="muted">No live channel (voice or chat) in this scenario.</p>`}
        </section>`;
  }

  /** A tile: the figure and its interval; `noCi` says why a figure has none (a day's sum). */
  private figure(key: string, label: string, e: Estimate | undefined, unit: Parameters<typeof formatValue>[1], currency: string, noCi = '') {
    return html`<div role="listitem" data-figure=${key} data-value=${String(e?.mean ?? null)} data-ci=${e?.ci95 ? e.ci95.join(',') : ''}>
      <span class="label">${label}</span>
      <span class="value">${formatValue(e?.mean, unit, currency)}</span>
      <span class="ci">${noCi && !e?.ci95 ? noCi : ciText(e, unit, currency)}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-waits-view': FsWaitsView;
  }
}
