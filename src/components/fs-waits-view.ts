// Waits: service level, ASA and abandon rate per interval with their 95% CI bands and the target;
// the wait-time distribution (percentiles); service level by language and by channel.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Estimate } from '../../sim/confidence';
import type { ScenarioResult } from '../../sim/metrics';
import type { Scenario } from '../../sim/scenario';
import { intervalStarts } from '../lib/chart';
import { formatEstimate, formatValue } from '../lib/format';
import { formatWeekdayTime } from '../lib/time';
import type { Bar } from './fs-bar-chart';
import type { LineSeries } from './fs-time-chart';
import { languageName } from './fs-heatmap';
import { baseStyles, viewStyles } from './shared-styles';
import './fs-bar-chart';
import './fs-time-chart';

const series = (key: string, label: string, colour: string, values: Estimate[]): LineSeries => ({
  key,
  label,
  colour,
  values: values.map((e) => e.mean),
  lower: values.map((e) => e.ci95?.[0] ?? e.mean),
  upper: values.map((e) => e.ci95?.[1] ?? e.mean),
});

@customElement('fs-waits-view')
export class FsWaitsView extends LitElement {
  @property({ attribute: false }) result: ScenarioResult | null = null;
  @property({ attribute: false }) scenario: Scenario | null = null;
  @property() timeZone = 'UTC';

  static override styles = [
    baseStyles,
    viewStyles,
    css`
      fs-bar-chart + fs-bar-chart {
        margin-top: 1.25rem;
      }
    `,
  ];

  override render() {
    const r = this.result;
    if (!r) return nothing;
    const starts = intervalStarts(r.start, r.intervals.length, r.intervalMinutes);
    const intervalMs = r.intervalMinutes * 60_000;
    const target = this.scenario?.serviceLevel.target ?? r.coverage[0]?.target ?? 0.8;
    const threshold = this.scenario?.serviceLevel.seconds ?? 20;
    const sl = r.intervals.map((i) => i.serviceLevel);
    const withDemand = sl.map((e, i) => ({ e, i })).filter((x) => x.e.mean !== null);
    const below = withDemand.filter((x) => x.e.mean! < target);
    const lowest = withDemand.reduce<{ e: Estimate; i: number } | null>((a, b) => (!a || b.e.mean! < a.e.mean! ? b : a), null);
    const at = (i: number) => `${formatWeekdayTime(starts[i], this.timeZone)} ${this.timeZone}`;
    const asa = r.intervals.map((i) => i.asaSeconds);
    const worstAsa = asa.reduce((a, e, i) => ((e.mean ?? -1) > (asa[a].mean ?? -1) ? i : a), 0);
    const ab = r.intervals.map((i) => i.abandonRate);
    const worstAb = ab.reduce((a, e, i) => ((e.mean ?? -1) > (ab[a].mean ?? -1) ? i : a), 0);
    const s = r.summary;
    const percentiles: Bar[] = [
      { key: 'p50', label: 'Median (p50)', value: s.waitP50Seconds.mean, ci: s.waitP50Seconds.ci95, colour: '#60a5fa' },
      { key: 'asa', label: 'Average (ASA)', value: s.asaSeconds.mean, ci: s.asaSeconds.ci95, colour: '#3b82f6' },
      { key: 'p90', label: '90th percentile', value: s.waitP90Seconds.mean, ci: s.waitP90Seconds.ci95, colour: '#f59e0b' },
      { key: 'p99', label: '99th percentile', value: s.waitP99Seconds.mean, ci: s.waitP99Seconds.ci95, colour: '#dc2626' },
    ];
    const groupBars = (groups: ScenarioResult['languages'], name: (k: string) => string): Bar[] =>
      Object.entries(groups).map(([k, g]) => ({
        key: k,
        label: name(k),
        value: g.serviceLevel.mean,
        ci: g.serviceLevel.ci95,
        colour: (g.serviceLevel.mean ?? 0) >= (r.coverage.find((q) => q.language === k || q.channel === k)?.target ?? target) ? '#16a34a' : '#dc2626',
        note: formatValue(g.asaSeconds.mean, 'seconds'),
        details: [
          ['Offered', formatValue(g.offered.mean, 'count')],
          ['Abandon rate', formatValue(g.abandonRate.mean, 'fraction')],
          ['Gap hours', formatValue(g.gapHours.mean, 'hours')],
        ],
      }));
    const channelTargets = [...new Set(r.coverage.map((q) => `${q.channel} ${formatValue(q.target, 'fraction')} in ${formatValue(q.thresholdSeconds, 'seconds')}`))];
    return html`
      <section class="panel card">
        <fs-time-chart
          heading="Service level per interval"
          .summary=${`Over the period ${formatEstimate(s.serviceLevel, 'fraction')} answered within the threshold (targets: ${channelTargets.join('; ')}). ${below.length} of ${withDemand.length} intervals with demand fall below ${formatValue(target, 'fraction')}${lowest ? `; the lowest is ${formatValue(lowest.e.mean, 'fraction')} on ${at(lowest.i)}` : ''}.`}
          unit="fraction"
          .timeZone=${this.timeZone}
          .starts=${starts}
          .intervalMs=${intervalMs}
          .lines=${[series('sl', 'Service level (all queues)', '#3b82f6', sl)]}
          .reference=${{ value: target, label: `Target ${formatValue(target, 'fraction')} in ${threshold} s` }}
          .yMax=${1}
          yLabel="Service level"
        ></fs-time-chart>
      </section>
      <div class="two">
        <section class="panel card">
          <fs-time-chart
            heading="Average speed of answer"
            .summary=${`ASA over the period ${formatEstimate(s.asaSeconds, 'seconds')}; the longest is ${formatValue(asa[worstAsa].mean, 'seconds')} on ${at(worstAsa)}.`}
            unit="seconds"
            .timeZone=${this.timeZone}
            .starts=${starts}
            .intervalMs=${intervalMs}
            .lines=${[series('asa', 'ASA', '#8b5cf6', asa)]}
            .chartHeight=${200}
            yLabel="Seconds"
          ></fs-time-chart>
        </section>
        <section class="panel card">
          <fs-time-chart
            heading="Abandon rate"
            .summary=${`Over the period ${formatEstimate(s.abandonRate, 'fraction')} of offered contacts hung up before an answer; the highest is ${formatValue(ab[worstAb].mean, 'fraction')} on ${at(worstAb)}.`}
            unit="fraction"
            .timeZone=${this.timeZone}
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
            heading="Wait-time distribution (answered contacts)"
            .summary=${`Half of the answered contacts waited at most ${formatValue(s.waitP50Seconds.mean, 'seconds')}, nine in ten at most ${formatValue(s.waitP90Seconds.mean, 'seconds')}, 99 in 100 at most ${formatValue(s.waitP99Seconds.mean, 'seconds')}. Whiskers: 95% CI.`}
            unit="seconds"
            .bars=${percentiles}
            .reference=${{ value: threshold, label: `${threshold} s` }}
          ></fs-bar-chart>
        </section>
        <section class="panel card">
          <fs-bar-chart
            heading="Service level by language"
            .summary=${'Green: target met over the period; red: missed. Whiskers: 95% CI. Right: ASA.'}
            unit="fraction"
            .xMax=${1}
            noteHeading="ASA"
            .bars=${groupBars(r.languages, (k) => `${languageName(k)} (${k})`)}
            .reference=${{ value: target, label: 'target' }}
          ></fs-bar-chart>
          <fs-bar-chart
            heading="Service level by channel"
            unit="fraction"
            .xMax=${1}
            noteHeading="ASA"
            .bars=${groupBars(r.channels, (k) => k)}
          ></fs-bar-chart>
        </section>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-waits-view': FsWaitsView;
  }
}
