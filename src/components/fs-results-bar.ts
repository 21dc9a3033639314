// Above the results: the run's progress or what was run (with Cancel), the question before a large
// run, the downloads of the result on screen (CSV tables, and the case report once two scenarios
// are chosen to compare), and a note when the result shown is older than the scenario's text or
// is an early one (the replications so far).
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { CsvKind } from '../lib/exports';
import { connect } from '../state/app-store';
import { baseStyles } from './shared-styles';
import './fs-large-run';
import './fs-run-status';

const CSV_BUTTONS: { kind: CsvKind; label: string; title: string }[] = [
  { kind: 'summary', label: 'Summary CSV', title: 'Download the summary figures as CSV: one row per figure (overall, per pool, language and channel), mean and 95% CI' },
  { kind: 'intervals', label: 'Intervals CSV', title: 'Download the interval table as CSV: one row per reporting interval, each figure with its 95% CI' },
  { kind: 'coverage', label: 'Coverage CSV', title: "Download the coverage cells as CSV: one row per interval × language × channel (the heatmap's data)" },
  { kind: 'gap-hours', label: 'Gap hours CSV', title: 'Download the gap flags as CSV: one row per hour × language × channel with demand (uncovered, below target): every gap figure adds up from them' },
];

@customElement('fs-results-bar')
export class FsResultsBar extends LitElement {
  private ctl = connect(this, (s) => [s.shown, s.state.run, s.state.largeRun, s.state.view, s.state.compareSelection, s.state.reportWanted]);

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: 0.4rem;
      }
      .bar {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.4rem 1rem;
        flex-wrap: wrap;
      }
      fs-run-status {
        flex: 1 1 24rem;
        min-width: 0;
      }
      .exports {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        flex-wrap: wrap;
        font-size: 0.85rem;
      }
      .exports .label {
        color: var(--text-muted);
        margin-right: 0.1rem;
      }
      .exports button {
        padding: 0.2rem 0.6rem;
      }
      .early-note {
        font-size: 0.85rem;
        color: var(--text-muted);
      }
    `,
  ];

  override render() {
    const store = this.ctl.store;
    if (!store) return nothing;
    const { stored, stale, early, result } = store.shown;
    const run = store.state.run;
    return html`<div class="bar">
        <fs-run-status
          .phase=${run.phase}
          .done=${run.done}
          .total=${run.total}
          .ms=${stored?.ms ?? 0}
          .seed=${stored?.result.seed ?? 0}
          .contacts=${stored?.result.summary.contacts.mean ?? 0}
          .message=${run.message}
          .warnings=${stale ? [] : (stored?.warnings ?? [])}
          .stale=${stale && (run.phase === 'idle' || run.phase === 'done') ? store.staleReason() : ''}
          @cancel-run=${() => store.runs.cancel()}
        ></fs-run-status>
        ${store.asksAboutActive() ? html`<fs-large-run .text=${store.state.largeRun!.text} @run-anyway=${() => store.runs.runAnyway()}></fs-large-run>` : nothing}
        ${stored ? this.renderExports() : nothing}
      </div>
      ${early && result
        ? html`<div class="early-note" data-early=${result.replications}>
            Early result from the first ${result.replications} of ${run.total} replications: the figures and their intervals firm up as the rest run.
          </div>`
        : nothing}`;
  }

  private renderExports() {
    const store = this.ctl.store!;
    const ids = store.compareIds();
    const report = store.state.view !== 'compare' && ids.length >= 2;
    const waiting = report && store.state.reportWanted !== null && store.state.reportWanted === store.compareKey(ids);
    // A stale result is not the scenario's as it is now: saving it under the scenario's file name
    // would pass off an older run as the current one.
    const stale = store.staleReason();
    return html`<div class="exports" role="group" aria-label="Download the results">
      <span class="label" aria-hidden="true">Download</span>
      ${CSV_BUTTONS.map(
        (b) => html`<button data-export=${b.kind} ?disabled=${!!stale} title=${stale ? `Not available: ${stale}` : b.title} @click=${() => store.downloadCsv(b.kind)}>${b.label}</button>`,
      )}
      ${report
        ? html`<button
            data-export="case-report"
            aria-busy=${String(waiting)}
            title="Download the case report (one HTML page, as followsun report writes it) comparing the scenarios chosen in Compare"
            @click=${() => store.downloadCaseReport()}
          >
            ${waiting ? 'Preparing case report…' : 'Case report (HTML)'}
          </button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-results-bar': FsResultsBar;
  }
}
