// Waits, one channel at a time (intervals[i].channels[channel]): service level per interval with
// that channel's own target line, ASA (time to answer for email) and abandonment, with their 95% CI
// bands; email is never averaged with voice and chat. Then the live channels' wait percentiles,
// service level by language for the channel (queues["<language>/<channel>"]) and by channel (each
// against its own target), and the table of languages broken down by channel.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ViewController } from '../state/app-store';
import type { Estimate } from '../../sim/stats/confidence';
import { intervalStarts } from '../lib/chart';
import { formatEstimate, formatValue, languageName, targetText, thresholdText, waitLabel } from '../lib/format';
import { formatWeekdayTime } from '../lib/time';
import type { Bar } from './fs-bar-chart';
import { channelTitle, resultChannels } from './fs-headline';
import type { LineSeries } from './fs-time-chart';
import { baseStyles, viewStyles, segmentedStyles } from './shared-styles';
import './fs-bar-chart';
import './fs-queue-table';
import './fs-time-chart';

const series = (key: string, label: string, colour: string, values: Estimate[]): LineSeries => ({
  key,
  label,
  colour,
  values: values.map((e) => e.mean),
  lower: values.map((e) => e.ci95?.[0] ?? e.mean),
  upper: values.map((e) => e.ci95?.[1] ?? e.mean),
});

const NONE: Estimate = { mean: null, ci95: null };

@customElement('fs-waits-view')
export class FsWaitsView extends LitElement {
  // What it shows is the app's: the result on screen, its scenario, the display time zone.
  private readonly view = new ViewController(this);
  /** The channel shown (the first one when unset or not in the result). */
  @state() private channel = '';

  static override styles = [
    baseStyles,
    viewStyles,
    segmentedStyles,
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
      .picker .muted {
        margin-right: 0.2rem;
      }
    `,
  ];

  override render() {
    const r = this.view.result;
    if (!r) return nothing;
    const channels = resultChannels(r);
    const ch = channels.includes(this.channel) ? this.channel : channels[0];
    if (!ch) return nothing;
    const t = r.channelTargets?.[ch] ?? { target: r.coverage.find((q) => q.channel === ch)?.target ?? 0.8, thresholdSeconds: r.coverage.find((q) => q.channel === ch)?.thresholdSeconds ?? 20 };
    const c = r.channels[ch];
    const starts = intervalStarts(r.start, r.intervals.length, r.intervalMinutes);
    const intervalMs = r.intervalMinutes * 60_000;
    const rows = r.intervals.map((i) => i.channels?.[ch]);
    const sl = rows.map((x) => x?.serviceLevel ?? NONE);
    const withDemand = sl.map((e, i) => ({ e, i })).filter((x) => x.e.mean !== null);
    const below = withDemand.filter((x) => x.e.mean! < t.target);
    const lowest = withDemand.reduce<{ e: Estimate; i: number } | null>((a, b) => (!a || b.e.mean! < a.e.mean! ? b : a), null);
    const at = (i: number) => `${formatWeekdayTime(starts[i], this.view.timeZone)} ${this.view.timeZone}`;
    const asa = rows.map((x) => x?.asaSeconds ?? NONE);
    const worstAsa = asa.reduce((a, e, i) => ((e.mean ?? -1) > (asa[a].mean ?? -1) ? i : a), 0);
    const ab = rows.map((x) => x?.abandonRate ?? NONE);
    const worstAb = ab.reduce((a, e, i) => ((e.mean ?? -1) > (ab[a].mean ?? -1) ? i : a), 0);
    const wait = waitLabel(ch);
    const title = channelTitle(ch);
    const targetLine = { value: t.target, label: `Target ${targetText(t.target, t.thresholdSeconds)}` };
    const s = r.summary;
    const live = channels.filter((x) => x !== 'email');
    const percentiles: Bar[] = [
      { key: 'p50', label: 'Median (p50)', value: s.waitP50Seconds.mean, ci: s.waitP50Seconds.ci95, colour: '#60a5fa' },
      { key: 'asa', label: 'Average (ASA)', value: s.asaSeconds.mean, ci: s.asaSeconds.ci95, colour: '#3b82f6' },
      { key: 'p90', label: '90th percentile', value: s.waitP90Seconds.mean, ci: s.waitP90Seconds.ci95, colour: '#f59e0b' },
      { key: 'p99', label: '99th percentile', value: s.waitP99Seconds.mean, ci: s.waitP99Seconds.ci95, colour: '#dc2626' },
    ];
    const met = (e: Estimate, target: number) => ((e.mean ?? 0) >= target ? '#16a34a' : '#dc2626');
    const languageBars: Bar[] = Object.keys(r.languages)
      .filter((l) => r.queues?.[`${l}/${ch}`])
      .map((l) => {
        const q = r.queues[`${l}/${ch}`];
        return {
          key: l,
          label: `${languageName(l)} (${l})`,
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
    const channelBars: Bar[] = channels.map((x) => {
      const g = r.channels[x];
      const tx = r.channelTargets?.[x];
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
    return html`
      <div class="picker" role="group" aria-label="Channel shown">
        <span class="muted">Channel</span>
        <span class="seg">
          ${channels.map(
            (x) => html`<button aria-pressed=${String(x === ch)} data-channel=${x} @click=${() => (this.channel = x)}>${channelTitle(x)}</button>`,
          )}
        </span>
        <span class="muted">each channel against its own target: ${channels.map((x) => r.channelTargets?.[x] ? `${x} ${targetText(r.channelTargets[x].target, r.channelTargets[x].thresholdSeconds)}` : x).join(', ')}</span>
      </div>
      <section class="panel card" data-channel=${ch}>
        <fs-time-chart
          heading=${`${title}: service level per interval`}
          .summary=${`Over the period ${formatEstimate(c.serviceLevel, 'fraction')} of ${ch} contacts were answered within ${thresholdText(t.thresholdSeconds)} (target ${formatValue(t.target, 'fraction')}). ${below.length} of ${withDemand.length} intervals with ${ch} demand fall below the target${lowest ? `; the lowest is ${formatValue(lowest.e.mean, 'fraction')} on ${at(lowest.i)}` : ''}.`}
          unit="fraction"
          .timeZone=${this.view.timeZone}
          .starts=${starts}
          .intervalMs=${intervalMs}
          .lines=${[series('sl', `${title} service level`, '#3b82f6', sl)]}
          .reference=${targetLine}
          .yMax=${1}
          yLabel="Service level"
        ></fs-time-chart>
      </section>
      <div class="two">
        <section class="panel card">
          <fs-time-chart
            heading=${ch === 'email' ? `${title}: time to answer` : `${title}: average speed of answer`}
            .summary=${`${wait} over the period ${formatEstimate(c.asaSeconds, 'seconds')}; the longest is ${formatValue(asa[worstAsa].mean, 'seconds')} on ${at(worstAsa)}.`}
            unit="seconds"
            .timeZone=${this.view.timeZone}
            .starts=${starts}
            .intervalMs=${intervalMs}
            .lines=${[series('asa', wait, '#8b5cf6', asa)]}
            .chartHeight=${200}
            yLabel=${ch === 'email' ? 'Time to answer' : 'Seconds'}
          ></fs-time-chart>
        </section>
        <section class="panel card">
          <fs-time-chart
            heading=${`${title}: abandon rate`}
            .summary=${`Over the period ${formatEstimate(c.abandonRate, 'fraction')} of offered ${ch} contacts were abandoned before an answer; the highest is ${formatValue(ab[worstAb].mean, 'fraction')} on ${at(worstAb)}.`}
            unit="fraction"
            .timeZone=${this.view.timeZone}
            .starts=${starts}
            .intervalMs=${intervalMs}
            .lines=${[series('ab', 'Abandon rate', '#ef4444', ab)]}
            .chartHeight=${200}
            yLabel="Abandoned"
          ></fs-time-chart>
        </section>
      </div>
      <div class="two">
        <section class="panel card">
          <fs-bar-chart
            heading=${`${title}: service level by language`}
            .summary=${`Each language's ${ch} queue against the ${ch} target (${targetText(t.target, t.thresholdSeconds)}). Green: met over the period; red: missed. Whiskers: 95% CI. Right: ${wait}.`}
            unit="fraction"
            .xMax=${1}
            noteHeading=${wait}
            .bars=${languageBars}
            .reference=${{ value: t.target, label: 'target' }}
          ></fs-bar-chart>
          <fs-bar-chart
            heading="Service level by channel"
            .summary=${'Each channel against its own target (right; no common line: the targets differ). Green: met over the period; red: missed.'}
            unit="fraction"
            .xMax=${1}
            noteHeading="Target"
            .bars=${channelBars}
          ></fs-bar-chart>
        </section>
        <section class="panel card">
          ${live.length
            ? html`<fs-bar-chart
                heading=${`Wait-time distribution: ${live.join(' and ')} (answered contacts)`}
                .summary=${`Live channels only (email is answered hours later, see its own view). Half of the answered ${live.join(' and ')} contacts waited at most ${formatValue(s.waitP50Seconds.mean, 'seconds')}, nine in ten at most ${formatValue(s.waitP90Seconds.mean, 'seconds')}, 99 in 100 at most ${formatValue(s.waitP99Seconds.mean, 'seconds')}. Thresholds: ${live.map((x) => `${x} ${thresholdText(r.channelTargets?.[x]?.thresholdSeconds ?? 0)}`).join(', ')}. Whiskers: 95% CI.`}
                unit="seconds"
                .bars=${percentiles}
              ></fs-bar-chart>`
            : html`<p class="muted">No live channel (voice or chat) in this scenario.</p>`}
        </section>
      </div>
      <section class="panel card">
        <fs-queue-table .result=${r}></fs-queue-table>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-waits-view': FsWaitsView;
  }
}
