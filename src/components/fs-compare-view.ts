// Compare two to four scenarios: headline cards with the difference to the baseline and its 95%
// CI (common random numbers, paired per replication) — the coverage gap, each channel's service
// level against its own target (never a blend of channels), abandonment and the costs — the
// coverage heatmaps side by side, and the case report to download (the page `followsun report`
// writes; the app makes the file). In depth (issue 10): the deltas per language, channel and
// language × channel with their paired CIs (sim/compare: languageDeltas, channelDeltas,
// queueDeltas), an interval chart of every scenario overlaid, and a difference heatmap per variant
// that marks the hours it closes or opens a gap — sliced by language, channel and day.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Comparison } from '../../sim/compare';
import { unchanged, type Estimate } from '../../sim/stats/confidence';
import type { Scenario } from '../../sim/scenario/scenario';
import type { GroupFigure, ScenarioResult } from '../../sim/stats/metrics';
import { intervalStarts, SERIES_COLOURS } from '../lib/chart';
import { queueOrder } from '../lib/coverage';
import { SliceController, sliceOf } from '../state/slice';
import type { LineSeries } from './fs-time-chart';
import { counted, formatDelta, formatValue, intervalText, languageName, targetText, type Unit } from '../lib/format';
import { channelTitle, COST_HEADLINES, GAP_HEADLINE, resultChannels, type Headline } from './fs-headline';
import { displayName, isModified, type ScenarioDoc } from '../lib/scenario-doc';
import { connect, type AppStore } from '../state/app-store';
import { baseStyles, chartStyles, fitStyles, fitted, viewStyles, segmentedStyles } from './shared-styles';
import './fs-difference-heatmap';
import './fs-heatmap';
import './fs-slice-filter';
import './fs-time-chart';

/** The figures the per-group table and the overlaid chart offer. */
type DepthFigure = 'serviceLevel' | 'asaSeconds' | 'abandonRate' | 'costPerContact';
const DEPTH_FIGURES: { id: DepthFigure; label: string; unit: Unit; lowerIsBetter: boolean }[] = [
  { id: 'serviceLevel', label: 'Service level', unit: 'fraction', lowerIsBetter: false },
  { id: 'asaSeconds', label: 'ASA', unit: 'seconds', lowerIsBetter: true },
  { id: 'abandonRate', label: 'Abandon rate', unit: 'fraction', lowerIsBetter: true },
  { id: 'costPerContact', label: 'Cost per contact', unit: 'money', lowerIsBetter: true },
];

/** A row of the per-group table: a language, a channel or a language × channel. */
interface GroupRow {
  /** "language.<l>", "channel.<c>" or "queue.<l>/<c>". */
  key: string;
  label: string;
  value: (s: ScenarioResult, f: GroupFigure) => Estimate | undefined;
  delta: (c: Comparison, k: number, f: GroupFigure) => Estimate | undefined;
}

function groupRows(base: ScenarioResult, language: string, channel: string): GroupRow[] {
  const languageRow = (l: string): GroupRow => ({
    key: `language.${l}`,
    label: `${l} · all channels`,
    // A language mixes channels: its "service level" is the share answered within each channel's own threshold.
    value: (s, f) => (s.languages[l] as Record<string, Estimate> | undefined)?.[f === 'serviceLevel' ? 'answeredWithinThresholdShare' : f],
    delta: (c, k, f) => c.languageDeltas?.[k]?.[l]?.[f],
  });
  const channelRow = (ch: string): GroupRow => ({
    key: `channel.${ch}`,
    label: `all languages · ${ch}`,
    value: (s, f) => s.channels[ch]?.[f],
    delta: (c, k, f) => c.channelDeltas?.[k]?.[ch]?.[f],
  });
  const queueRow = (q: string): GroupRow => ({
    key: `queue.${q}`,
    label: q.replace('/', ' · '),
    value: (s, f) => s.queues[q]?.[f],
    delta: (c, k, f) => c.queueDeltas?.[k]?.[q]?.[f],
  });
  const languages = Object.keys(base.languages);
  const channels = resultChannels(base);
  // Language × channel rows in the heatmaps' order (by language, then voice, chat, email).
  const queues = queueOrder(Object.keys(base.queues).map((key) => ({ key, language: key.split('/')[0], channel: key.split('/')[1] }))).map((q) => q.key);
  if (language === 'all' && channel === 'all') return [...languages.map(languageRow), ...channels.map(channelRow)];
  if (channel === 'all') return [languageRow(language), ...queues.filter((q) => q.startsWith(`${language}/`)).map(queueRow)];
  if (language === 'all') return [channelRow(channel), ...queues.filter((q) => q.endsWith(`/${channel}`)).map(queueRow)];
  return queues.includes(`${language}/${channel}`) ? [queueRow(`${language}/${channel}`)] : [];
}

export interface CompareCandidate {
  id: string;
  name: string;
  valid: boolean;
  origin: string;
}

/** A row of the comparison: a summary figure, or one channel's figure (its own paired delta). */
interface CompareRow {
  /** data-figure: the summary figure, or "channel.<c>.<figure>". */
  key: string;
  label: string;
  unit: Unit;
  lowerIsBetter: boolean;
  value: (s: Comparison['scenarios'][number]) => Estimate | undefined;
  delta: (c: Comparison, k: number) => Estimate | undefined;
}

const summaryRow = (h: Headline): CompareRow => ({
  key: h.figure,
  label: h.label,
  unit: h.unit,
  lowerIsBetter: h.lowerIsBetter,
  value: (s) => s.summary[h.figure],
  delta: (c, k) => c.deltas[k]?.[h.figure],
});

function compareRows(c: Comparison): CompareRow[] {
  const base = c.scenarios[0];
  const channels = resultChannels(base);
  const channelRow = (channel: string, figure: 'serviceLevel' | 'abandonRate'): CompareRow => {
    const t = base.channelTargets?.[channel];
    return {
      key: `channel.${channel}.${figure}`,
      label: figure === 'serviceLevel' ? `${channelTitle(channel)} service level${t ? ` (target ${targetText(t.target, t.thresholdSeconds)})` : ''}` : `${channelTitle(channel)} abandon rate`,
      unit: 'fraction',
      lowerIsBetter: figure === 'abandonRate',
      value: (s) => s.channels[channel]?.[figure],
      delta: (cmp, k) => cmp.channelDeltas?.[k]?.[channel]?.[figure],
    };
  };
  return [
    summaryRow(GAP_HEADLINE),
    ...channels.map((ch) => channelRow(ch, 'serviceLevel')),
    ...channels.map((ch) => channelRow(ch, 'abandonRate')),
    ...COST_HEADLINES.filter((h) => h.figure !== 'containedNet' || c.scenarios.some((s) => Object.values(s.pools).some((p) => p.type === 'ai'))).map(summaryRow),
  ];
}

/** Each scenario's name in the picker and the columns; one that another scenario shares (a shipped
 * example and its file opened from scenarios/open/) says where it comes from, as the sidebar does:
 * two identical chips could not be told apart. */
function candidateNames(docs: ScenarioDoc[]): string[] {
  const names = docs.map((d) => `${displayName(d)}${d.origin === 'example' && isModified(d) ? ' (edited)' : ''}`);
  return names.map((n, i) => (names.indexOf(n) !== names.lastIndexOf(n) ? `${n} (${docs[i].origin} · ${docs[i].fileName})` : n));
}

/** The view's inputs from the session: every scenario as a candidate, the chosen ones, and their
 * comparison while those are still the ones chosen (or a new one runs). */
function compareProps(store: AppStore): Partial<FsCompareView> {
  const st = store.state;
  const ids = store.compareIds();
  const c = ids.length >= 2 ? st.comparison : null;
  const run = st.compareRun;
  return {
    candidates: candidateNames(st.docs).map((name, i) => ({ id: st.docs[i].id, name, valid: !!st.docs[i].scenario, origin: st.docs[i].origin })),
    selection: st.compareSelection,
    comparison: c?.comparison ?? null,
    comparedIds: c?.ids ?? [],
    scenarios: c?.scenarios ?? [],
    running: run.running,
    reportReady: !!c && c.key === store.compareKey(ids),
    progress: run.running ? `${run.done} of ${run.total} replications` : '',
    error: run.error,
    timeZone: st.timeZone,
    channel: st.channel,
  };
}

@customElement('fs-compare-view')
export class FsCompareView extends LitElement {
  @property({ attribute: false }) candidates: CompareCandidate[] = [];
  /** Selected document ids, baseline first. */
  @property({ attribute: false }) selection: string[] = [];
  @property({ attribute: false }) comparison: Comparison | null = null;
  @property({ attribute: false }) scenarios: (Scenario | null)[] = [];
  /** Ids the comparison was run for (may lag behind the selection while running). */
  @property({ attribute: false }) comparedIds: string[] = [];
  @property({ type: Boolean }) running = false;
  /** The comparison on hand is the one of the chosen scenarios: its case report can be made. */
  @property({ type: Boolean }) reportReady = false;
  @property() progress = '';
  @property() error = '';
  @property() timeZone = 'UTC';
  @property() channel = 'all';
  @state() private layout: 'side' | 'stacked' = 'side';
  @state() private figure: DepthFigure = 'serviceLevel';
  private readonly slice = new SliceController(this);
  private ctl = connect(this, (s) => [s.state.docs, s.state.compareSelection, s.state.comparison, s.state.compareRun, s.state.timeZone, s.state.channel]);

  /** Connected to the app's store, the view shows the session's scenarios and comparison. */
  protected override willUpdate(): void {
    const store = this.ctl.store;
    if (store) Object.assign(this, compareProps(store));
  }

  static override styles = [
    baseStyles,
    chartStyles,
    viewStyles,
    segmentedStyles,
    fitStyles,
    css`
      h3 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 0.5rem;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .choice {
        display: inline-flex;
        align-items: center;
        gap: 0.45rem;
        border: 1px solid var(--border);
        border-radius: 999px;
        padding: 0.3rem 0.8rem 0.3rem 0.55rem;
        background: var(--surface);
        cursor: pointer;
        font-size: 0.92rem;
      }
      .choice.on {
        border-color: var(--accent);
        background: var(--accent-soft);
      }
      .choice input {
        margin: 0;
        accent-color: var(--accent);
      }
      .choice .order {
        font-size: 0.75rem;
        color: var(--text-muted);
      }
      .status {
        margin-top: 0.6rem;
        font-size: 0.9rem;
        color: var(--text-muted);
        min-height: 1.3em;
      }
      .status.error {
        color: var(--bad);
      }
      .picker-foot {
        display: flex;
        align-items: flex-end;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        flex-wrap: wrap;
      }
      .picker-foot .status {
        flex: 1 1 20rem;
      }
      .report {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        margin-top: 0.6rem;
      }
      .report small {
        color: var(--text-muted);
        font-size: 0.78rem;
        max-width: 19rem;
        line-height: 1.3;
      }
      .grid {
        display: grid;
        gap: 0.75rem;
      }
      .col-head {
        font-weight: 650;
        font-size: 0.98rem;
        padding: 0.2rem 0;
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        flex-wrap: wrap;
      }
      .badge {
        font-size: 0.72rem;
        font-weight: 600;
        border-radius: 999px;
        padding: 0.05rem 0.5rem;
        background: var(--surface-3);
        color: var(--text-muted);
      }
      .figure {
        padding: 0.65rem 0.8rem;
      }
      .figure .label {
        font-size: 0.8rem;
        color: var(--text-muted);
      }
      .figure .value {
        --fit-max: 1.35rem;
        font-weight: 650;
        font-variant-numeric: tabular-nums;
      }
      .figure .ci {
        font-size: 0.75rem;
        color: var(--text-muted);
      }
      .delta {
        margin-top: 0.3rem;
        font-size: 0.88rem;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .delta.better {
        color: var(--good);
      }
      .delta.worse {
        color: var(--bad);
      }
      .delta.same {
        color: var(--text-muted);
      }
      .delta small {
        display: block;
        font-weight: 400;
        color: var(--text-muted);
        font-size: 0.74rem;
      }
      .maps {
        display: grid;
        gap: 1rem;
      }
      .toolbar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        margin-bottom: 0.5rem;
        flex-wrap: wrap;
      }
      .empty {
        color: var(--text-muted);
      }
      .groups {
        overflow-x: auto;
      }
      table.data td.num,
      table.data th.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      table.data td .delta {
        margin: 0;
        text-align: left;
      }
      table.data .delta-cell {
        white-space: normal;
        text-align: left;
        min-width: 11rem;
      }
      /* A scenario's column is as wide as its figures, not its name: the name wraps (never cut:
         the examples differ only at the end of a long shared prefix) so that the Δ columns stay in
         the card at 1024-1280 px. */
      table.data th.scenario-head {
        white-space: normal;
        overflow-wrap: anywhere;
        min-width: 7rem;
        max-width: 10rem;
      }
      /* Four scenarios (three Δ columns) need narrower columns to stay in the card at 1280 px:
         a Δ wraps its CI under it, a name wraps to more lines. */
      table.data.many th.scenario-head {
        min-width: 5.5rem;
      }
      table.data.many .delta-cell {
        min-width: 9rem;
      }
      table.data thead th {
        vertical-align: bottom;
      }
      table.data tbody th {
        color: var(--text);
        font-weight: 600;
      }
      .groups {
        margin-top: 0.6rem;
      }
      table.data td .delta small {
        display: inline;
        margin-left: 0.3rem;
      }
      .depth-head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
        flex-wrap: wrap;
        margin-bottom: 0.6rem;
      }
      .diffs {
        display: grid;
        gap: 1rem;
      }
    `,
  ];

  override render() {
    const c = this.comparison;
    const shown = c && this.comparedIds.length === c.scenarios.length;
    return html`
      <section class="panel card">${this.renderPicker()}</section>
      ${shown ? this.renderCards(c!) : nothing}
      ${shown ? this.renderDepth(c!) : nothing}
      ${shown ? this.renderMaps(c!) : nothing}
    `;
  }

  private renderPicker() {
    const sel = this.selection;
    const full = sel.length >= 4;
    return html`
      <fieldset>
        <legend>Scenarios to compare (2 to 4; the first one chosen is the baseline)</legend>
        <div class="choices">
          ${this.candidates.map((cand) => {
            const at = sel.indexOf(cand.id);
            const on = at >= 0;
            return html`<label class="choice ${on ? 'on' : ''}" title=${cand.valid ? '' : 'This scenario has problems: fix them first'}>
              <input
                type="checkbox"
                .checked=${on}
                ?disabled=${(!on && full) || !cand.valid}
                data-doc=${cand.id}
                @change=${(e: Event) => this.toggle(cand.id, (e.target as HTMLInputElement).checked)}
              />
              ${cand.name}
              ${on ? html`<span class="order">${at === 0 ? 'baseline' : `#${at + 1}`}</span>` : nothing}
            </label>`;
          })}
        </div>
      </fieldset>
      <div class="picker-foot">
      <div class="status ${this.error ? 'error' : ''}" role="status" aria-live="polite">
        ${this.error
          ? this.error
          : this.running
            ? `Comparing with common random numbers… ${this.progress}`
            : sel.length < 2
              ? 'Choose at least two scenarios. Tip: “Duplicate” a scenario, change a knob, and compare the variant with the original.'
              : this.comparison
                ? `Same seed and replications for all; differences are paired per replication (common random numbers), so small changes show up clearly.`
                : ''}
      </div>
      ${this.renderReportButton()}
      </div>
    `;
  }

  private renderReportButton() {
    const ready = this.reportReady && !this.running;
    const why = this.selection.length < 2 ? 'choose two scenarios first' : this.running ? 'waiting for the comparison' : this.error ? 'the comparison failed' : '';
    return html`<div class="report">
      <small id="report-note">${ready ? 'One HTML page, as followsun report writes it: summary, heatmaps, cost, assumptions.' : `Case report: ${why || 'waiting for the comparison'}.`}</small>
      <button
        class="primary"
        data-export="case-report"
        aria-describedby="report-note"
        ?disabled=${!ready}
        @click=${() => this.ctl.store?.downloadCaseReport()}
      >
        <span aria-hidden="true">⤓</span> Download case report (HTML)
      </button>
    </div>`;
  }

  private toggle(id: string, on: boolean) {
    const next = on ? [...this.selection.filter((x) => x !== id), id] : this.selection.filter((x) => x !== id);
    this.ctl.store?.set({ compareSelection: next.slice(0, 4) });
  }

  private makeBaseline(id: string) {
    const next = [id, ...this.selection.filter((x) => x !== id)];
    this.ctl.store?.set({ compareSelection: next });
  }

  /** The compared scenarios' names; one removed from the session since (its comparison stays on
   * screen until the next is in) by its result's name, not its internal id ("s3"). */
  private namesOf(c: Comparison): string[] {
    return this.comparedIds.map((id, k) => this.candidates.find((x) => x.id === id)?.name ?? c.scenarios[k]?.name ?? id);
  }

  private renderCards(c: Comparison) {
    const n = c.scenarios.length;
    const names = this.namesOf(c);
    return html`
      <section class="panel card" aria-label="Headline comparison">
        <h3>Headline figures <span class="badge">Δ vs baseline, 95% CI</span></h3>
        <div class="grid" style="grid-template-columns: repeat(${n}, minmax(0, 1fr))" role="table" aria-label="Scenario comparison">
          <div role="row" style="display:contents">
            ${c.scenarios.map(
              (s, k) => html`<div class="col-head" role="columnheader" data-scenario=${k}>
                ${names[k]}
                ${k === 0
                  ? html`<span class="badge">baseline</span>`
                  : html`<button class="quiet" style="font-size:0.75rem;padding:0.1rem 0.4rem" @click=${() => this.makeBaseline(this.comparedIds[k])}>Make baseline</button>`}
                <span class="badge">${counted(s.replications, 'replication')} · seed ${s.seed}</span>
              </div>`,
            )}
          </div>
          ${compareRows(c).map(
            (row) => html`<div role="row" style="display:contents">
              ${c.scenarios.map((s, k) => {
                const e = row.value(s);
                const d = k > 0 ? row.delta(c, k) : null;
                const value = formatValue(e?.mean, row.unit, s.currency);
                return html`<div class="figure card fit-card" role="cell" data-scenario=${k} data-figure=${row.key} data-value=${String(e?.mean ?? null)}>
                  <div class="label">${row.label}</div>
                  <div class="value fit" style=${fitted(value)}>${value}</div>
                  <div class="ci">${intervalText(e, row.unit, s.currency) || html`&nbsp;`}</div>
                  ${d ? this.renderDelta(d, row.unit, row.lowerIsBetter, s.currency) : k > 0 ? html`<div class="delta same">Δ – <small>not in the baseline</small></div>` : nothing}
                </div>`;
              })}
            </div>`,
          )}
        </div>
      </section>
    `;
  }

  /** A difference with its 95% CI: paired replication by replication, or for gap hours (judged
   * on pooled replications) from the two scenarios' intervals at 97.5 % each (sim/compare.ts). */
  private renderDelta(d: Estimate, unit: Unit, lowerIsBetter: boolean, currency: string) {
    const mean = d.mean ?? 0;
    const ci = d.ci95;
    const significant = ci ? ci[0] > 0 || ci[1] < 0 : mean !== 0;
    const better = significant && (lowerIsBetter ? mean < 0 : mean > 0);
    const tone = !significant ? 'same' : better ? 'better' : 'worse';
    const same = unchanged(d);
    const words = same ? 'no change' : !significant ? 'no significant difference' : better ? 'better' : 'worse';
    return html`<div class="delta ${tone}" data-delta=${String(d.mean)} data-ci=${ci ? ci.join(',') : ''} data-significant=${String(significant)}>
      Δ ${formatDelta(d.mean, unit, currency)} <span class="sr-only">(${words})</span>
      <small
        >${same
          ? 'no change: the same in every replication'
          : `${ci ? `95% CI ${formatDelta(ci[0], unit, currency)} to ${formatDelta(ci[1], unit, currency)}` : 'one replication: no CI'} · ${words}`}</small
      >
    </div>`;
  }

  /** The deltas per language, channel and language × channel; the scenarios' interval chart
   * overlaid; a difference heatmap per variant. */
  private renderDepth(c: Comparison) {
    const base = c.scenarios[0];
    const names = this.namesOf(c);
    const sl = sliceOf(base, this.slice.state, this.channel, this.timeZone);
    const { language, channel } = sl;
    const fig = DEPTH_FIGURES.find((f) => f.id === this.figure)!;
    const rows = groupRows(base, language, channel);
    return html`
      <section class="panel card" aria-label="Comparison in depth">
        <div class="depth-head">
          <h3>By language and channel <span class="badge">Δ vs baseline, 95% CI (paired)</span></h3>
          <div class="seg" role="group" aria-label="Figure compared">
            ${DEPTH_FIGURES.map((f) => html`<button aria-pressed=${String(f.id === this.figure)} data-depth-figure=${f.id} @click=${() => (this.figure = f.id)}>${f.label}</button>`)}
          </div>
        </div>
        <fs-slice-filter no-channel day .result=${base} .note=${'Channel: the control above the view. A language row mixes channels: its service level is the share answered within each channel’s own threshold.'}></fs-slice-filter>
        <div class="groups">
          <table class="data ${c.scenarios.length > 3 ? 'many' : ''}" aria-label=${`${fig.label} per language and channel, each scenario, with the difference against the baseline`}>
            <thead>
              <tr>
                <th scope="col">Language · channel</th>
                ${c.scenarios.map(
                  (_, k) => html`<th scope="col" class="num scenario-head">${names[k]}${k === 0 ? html` <span class="badge">baseline</span>` : nothing}</th>${k > 0
                    ? html`<th scope="col" class="delta-cell" title=${`${names[k]} − ${names[0]}`}>Δ vs baseline<span class="sr-only">: ${names[k]}</span></th>`
                    : nothing}`,
                )}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) => html`<tr data-group=${row.key}>
                  <th scope="row">${row.label}</th>
                  ${c.scenarios.map((s, k) => {
                    const e = row.value(s, fig.id);
                    const d = k > 0 ? row.delta(c, k, fig.id) : null;
                    return html`<td class="num" data-scenario=${k} data-group-figure=${fig.id} data-value=${String(e?.mean ?? null)}>${formatValue(e?.mean, fig.unit, s.currency)}</td>
                      ${k > 0
                        ? html`<td class="delta-cell" data-scenario=${k} data-group-figure=${fig.id}>${d ? this.renderDelta(d, fig.unit, fig.lowerIsBetter, s.currency) : html`<span class="muted">not in both</span>`}</td>`
                        : nothing}`;
                  })}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>
      ${this.renderOverlay(c, names, sl)}
      <section class="panel card" aria-label="Difference heatmaps">
        <h3>Where each variant is better or worse, hour by hour</h3>
        <div class="diffs">
          ${c.scenarios.slice(1).map(
            (v, i) => html`<fs-difference-heatmap
              data-scenario=${i + 1}
              .base=${base}
              .variant=${v}
              .baseName=${names[0]}
              .variantName=${names[i + 1]}
              .timeZone=${this.timeZone}
              .language=${language}
              .channel=${channel}
              .hourFrom=${Math.floor((sl.from * base.intervalMinutes) / 60)}
              .hourTo=${Math.ceil((sl.to * base.intervalMinutes) / 60)}
            ></fs-difference-heatmap>`,
          )}
        </div>
      </section>
    `;
  }

  /** The chosen figure per interval, every scenario on one chart (the slice's queue or channel). */
  private renderOverlay(c: Comparison, names: string[], sl: ReturnType<typeof sliceOf>) {
    const base = c.scenarios[0];
    const ch = sl.channel === 'all' ? resultChannels(base)[0] : sl.channel;
    if (!ch) return nothing;
    const fig = this.figure === 'costPerContact' ? DEPTH_FIGURES[0] : DEPTH_FIGURES.find((f) => f.id === this.figure)!;
    const lang = sl.language;
    const aligned = (s: ScenarioResult) => s.start === base.start && s.intervalMinutes === base.intervalMinutes && s.intervals.length === base.intervals.length;
    const shown = c.scenarios.map((s, k) => ({ s, k })).filter((x) => aligned(x.s));
    const values = (s: ScenarioResult): (number | null)[] => {
      if (lang !== 'all') {
        const q = s.coverage.find((x) => x.language === lang && x.channel === ch);
        return q ? q[fig.id as 'serviceLevel' | 'asaSeconds' | 'abandonRate'].slice(sl.from, sl.to) : [];
      }
      return s.intervals.slice(sl.from, sl.to).map((i) => i.channels?.[ch]?.[fig.id as 'serviceLevel']?.mean ?? null);
    };
    const lines: LineSeries[] = shown.map(({ s, k }) => ({
      key: `s${k}`,
      label: `${names[k]}${k === 0 ? ' (baseline)' : ''}`,
      colour: SERIES_COLOURS[k % SERIES_COLOURS.length],
      values: values(s),
      dashed: k === 0,
    }));
    const starts = intervalStarts(base.start, base.intervals.length, base.intervalMinutes).slice(sl.from, sl.to);
    const who = lang === 'all' ? `${ch}, all languages` : `${languageName(lang)} ${ch}`;
    const t = base.channelTargets?.[ch];
    const left = c.scenarios.length - shown.length;
    return html`<section class="panel card" aria-label="Scenarios overlaid">
      <fs-time-chart
        heading=${`${fig.label} per interval, ${who}${sl.day ? `, ${sl.day.label}` : ''}: every scenario`}
        .summary=${`Means per interval, each scenario in its colour (baseline dashed).${fig.id === this.figure ? '' : ' Cost has no per-interval figure per channel: service level shown.'}${left ? ` ${left} scenario(s) with another period or interval length are left out.` : ''}`}
        unit=${fig.unit}
        .currency=${base.currency}
        .timeZone=${this.timeZone}
        .starts=${starts}
        .intervalMs=${base.intervalMinutes * 60_000}
        .lines=${lines}
        .reference=${fig.id === 'serviceLevel' && t ? { value: t.target, label: `Target ${targetText(t.target, t.thresholdSeconds)}` } : null}
        .yMax=${fig.unit === 'fraction' && fig.id === 'serviceLevel' ? 1 : null}
        yLabel=${fig.label}
      ></fs-time-chart>
    </section>`;
  }

  private renderMaps(c: Comparison) {
    const n = c.scenarios.length;
    const names = this.namesOf(c);
    const cols = this.layout === 'stacked' ? 1 : 2;
    void n;
    return html`
      <section class="panel card" aria-label="Coverage heatmaps">
        <div class="toolbar">
          <h3>Coverage heatmaps (${this.timeZone}${this.channel === 'all' ? '' : `, ${this.channel}`})</h3>
          <div class="seg" role="group" aria-label="Heatmap layout">
            <button aria-pressed=${String(this.layout === 'side')} @click=${() => (this.layout = 'side')}>Side by side</button>
            <button aria-pressed=${String(this.layout === 'stacked')} @click=${() => (this.layout = 'stacked')}>Stacked (hours aligned)</button>
          </div>
        </div>
        <div class="maps" style="grid-template-columns: repeat(${cols}, minmax(0, 1fr))">
          ${c.scenarios.map(
            (s, k) => html`<fs-heatmap
              compact
              data-scenario=${k}
              .caption=${`${names[k]}${k === 0 ? ' (baseline)' : ''}.`}
              .result=${s}
              .scenario=${this.scenarios[k] ?? null}
              .timeZone=${this.timeZone}
              .channel=${this.channel}
            ></fs-heatmap>`,
          )}
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-compare-view': FsCompareView;
  }
}
