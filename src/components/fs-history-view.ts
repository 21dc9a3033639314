// The History view: bring contact records (drop a CSV or TSV anywhere, or "Import records…"), see
// every row accounted for and the scenario fitted to them (what was estimated, and how), the
// back-test of that scenario against what really happened, and keep the scenario to plan from.
// The work runs in the history worker; this view reads the app's HistoryStore and asks it.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MIN_REPLICATIONS } from '../../sim/history/backtest';
import { LIMITS } from '../../sim/scenario/schema-parts';
import { checkTimezone, isLocalTimeNote } from '../../sim/history/load';
import { counted, wordFor } from '../lib/format';
import { saveFile } from '../lib/save-file';
import { HistoryController, RECORDS_ACCEPT, type HistoryState } from '../state/history';
import { baseStyles, problemStyles, viewStyles } from './shared-styles';
import './fs-history-backtest';
import './fs-history-fit';

/** The IANA zones the browser knows, for the time zone field's suggestions. */
let zones: string[] | null = null;
const zoneNames = () => (zones ??= ['UTC', ...(Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone')]);

const STEPS = { reading: 'Reading the records…', fitting: 'Fitting the scenario…', simulating: 'Replaying the period…' } as const;

@customElement('fs-history-view')
export class FsHistoryView extends LitElement {
  private readonly ctl = new HistoryController(this);
  /** The options as typed, applied with "Back-test again". */
  @state() private trainUntil = '';
  @state() private trend = false;
  @state() private replications = String(MIN_REPLICATIONS);
  /** The customers' zone chosen; blank: none (local times are read in UTC, and the page says so). */
  @state() private timezone = '';
  @state() private formError = '';
  private formFor: File | null = null;

  static override styles = [
    baseStyles,
    viewStyles,
    problemStyles,
    css`
      h2 {
        font-size: 1.05rem;
        margin: 0 0 0.4rem;
      }
      p {
        margin: 0.3rem 0;
        font-size: 0.9rem;
        line-height: 1.5;
        max-width: 75rem;
      }
      .intro {
        display: grid;
        gap: 0.3rem;
      }
      .row {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
      }
      .row .grow {
        flex: 1 1 18rem;
        min-width: 0;
      }
      progress {
        width: 12rem;
        height: 0.5rem;
        accent-color: var(--accent);
      }
      .credit {
        font-size: 0.82rem;
        color: var(--text-muted);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.6rem 1.1rem;
        font-size: 0.9rem;
      }
      form label {
        display: grid;
        gap: 0.2rem;
        color: var(--text-muted);
      }
      form label.check {
        display: flex;
        align-items: center;
        gap: 0.35rem;
        padding-bottom: 0.4rem;
      }
      input[type='date'] {
        border: 1px solid var(--border);
        background: var(--surface);
        border-radius: 6px;
        padding: 0.25rem 0.5rem;
        min-height: 2rem;
      }
      input[type='number'] {
        width: 7rem;
      }
      .keep {
        display: flex;
        align-items: center;
        gap: 0.6rem 1rem;
        flex-wrap: wrap;
        margin-bottom: 0.6rem;
      }
      .keep .grow {
        flex: 1 1 20rem;
        min-width: 0;
      }
      .problems p {
        color: var(--text);
      }
      .zone-note {
        border-left: 3px solid var(--warn);
        padding-left: 0.6rem;
      }
      .error-text {
        color: var(--bad);
        font-size: 0.85rem;
      }
    `,
  ];

  protected override willUpdate(): void {
    // A new records file: the form shows the options it runs with.
    const s = this.ctl.state;
    if (s && s.file !== this.formFor) {
      this.formFor = s.file;
      this.trainUntil = s.options.trainUntil ?? '';
      this.trend = !!s.options.trend;
      this.replications = String(s.options.replications ?? MIN_REPLICATIONS);
      this.timezone = s.options.timezone ?? '';
      this.formError = '';
    }
  }

  override render() {
    const s = this.ctl.state;
    if (!s) return nothing;
    return html`
      ${this.renderIntro(s)} ${s.phase === 'running' ? this.renderProgress(s) : nothing} ${s.phase === 'error' ? this.renderProblems(s) : nothing}
      ${s.report ? this.renderKeep(s) : nothing}
      ${s.report ? html`<fs-history-fit .report=${s.report}></fs-history-fit>` : nothing}
      ${s.result && s.report ? html`<fs-history-backtest
            .result=${s.result}
            .fittedOn=${s.report.fittedOn}
            .name=${s.report.name}
            .description=${s.report.description}
            .fileName=${s.report.fileName}
            .fromTable=${s.report.format === 'intervals'}
          ></fs-history-backtest>` : nothing}
    `;
  }

  private renderIntro(s: HistoryState) {
    const bank = s.report?.format === 'bank';
    return html`<section class="panel card intro" aria-labelledby="history-title">
      <div class="row">
        <div class="grow">
          <h2 id="history-title">${s.file ? html`Records: <span data-records-file>${s.file.name}</span>` : 'Start from your own history'}</h2>
          ${s.report
            ? html`<p>
                ${s.report.format === 'bank' ? 'Anonymous Bank call log' : s.report.format === 'generic' ? 'Contact records (generic layout)' : 'Interval table'},
                ${s.report.period.from} to ${s.report.period.to}, local time ${s.report.timezone}.
              </p>
              ${this.renderZoneNote(s)}`
            : html`<p>
                Drop a CSV or TSV export of your contact-centre platform anywhere on the page, or import it: followsun fits a scenario to it (demand per
                queue and hour, handle times, patience with censoring, the staffing on the phones), replays the period with that scenario and shows how far the
                simulation is from what happened. One row per contact (the bank's call log, or the columns <code>arrival</code>, <code>queue</code>,
                <code>outcome</code>, <code>wait_seconds</code>, <code>handle_seconds</code>, <code>agent</code>) or per queue and interval
                (<code>interval_start</code>, <code>queue</code>, <code>offered</code>, <code>answered</code>, <code>aht_seconds</code>, <code>agents</code>…),
                as <code>followsun import</code> reads them.
              </p>`}
        </div>
        <button class=${s.report ? '' : 'primary'} @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#records')?.click()}>Import records…</button>
        <input id="records" type="file" accept=${RECORDS_ACCEPT} hidden @change=${this.onPick} />
      </div>
      ${bank
        ? html`<p class="credit" data-credit>
            Data: the Technion SEE Center's “Anonymous Bank” call-centre data, January 1999 (Avi Mandelbaum; Guedj and Mandelbaum, 2000), free for use with
            this acknowledgement.
          </p>`
        : nothing}
    </section>`;
  }

  /** Local clock times read in UTC because no zone was chosen: said, with where to choose one (an
   * export in Berlin time read as UTC has every hour shifted by one or two). */
  private renderZoneNote(s: HistoryState) {
    const r = s.report;
    if (!r || r.format === 'bank' || s.options.timezone !== undefined) return nothing;
    const tally = Object.entries(r.accounting.notes).find(([kind]) => isLocalTimeNote(kind))?.[1];
    if (!tally) return nothing;
    return html`<p class="zone-note" role="note" data-zone-note=${r.timezone}>
      <b>Time zone assumed: ${r.timezone}.</b> ${counted(tally.count, 'row')} ${wordFor(tally.count, 'gives', 'give')} a local clock time without a UTC offset (first on line
      ${tally.firstLine}) and no time zone was chosen, so they are read as ${r.timezone} time. If the export's clock is another zone's, choose it under
      “Customers' time zone” below and press Back-test again; a time written with its offset (2026-03-02T08:15:00Z) is placed by it.
    </p>`;
  }

  private renderProgress(s: HistoryState) {
    const step = s.step ?? 'reading';
    const label = step === 'simulating' && s.total ? `${STEPS.simulating} ${s.done} of ${s.total} replications` : STEPS[step];
    return html`<section class="panel card row" data-history-phase="running" aria-live="polite">
      <span class="grow">${label}</span>
      <progress
        data-progress=${`${s.done}/${s.total}`}
        max=${step === 'simulating' && s.total ? s.total : 1}
        value=${step === 'simulating' && s.total ? s.done : nothing}
        aria-label="Import progress"
      ></progress>
      <button @click=${() => this.ctl.store?.cancel()}>Cancel</button>
    </section>`;
  }

  private renderProblems(s: HistoryState) {
    return html`<div class="problems" role="alert" data-history-error>
      <b>Could not import ${s.file?.name ?? 'the records'}</b>
      <ul>
        ${s.problems.map((p) => html`<li>${p}</li>`)}
      </ul>
      ${s.problems.some((p) => p.includes('--map'))
        ? html`<p>
            The app reads the columns by their names in the layouts above (see “Start from your own history” in the README); an export with other names
            can be imported with <code>followsun import --map COLUMN=FIELD</code> and the scenario opened here.
          </p>`
        : nothing}
    </div>`;
  }

  private renderKeep(s: HistoryState) {
    const r = s.report!;
    const kept = s.keptYaml === r.yaml;
    const running = s.phase === 'running';
    return html`<section class="panel card" aria-label="The fitted scenario" data-history-phase=${s.phase}>
      <div class="keep">
        <span class="grow"><b data-scenario-name>${r.name}</b> <span class="muted">— ${counted(r.queues.length, 'queue')}, ${counted(r.shifts, 'shift')} of the observed staffing</span></span>
        ${kept ? html`<span class="muted" data-kept-note>Kept in the scenario list.</span>` : nothing}
        <button class=${kept ? '' : 'primary'} @click=${() => void this.ctl.store?.keep()}>Keep this scenario</button>
        <button @click=${() => saveFile(`${r.fileName.replace(/\.[^.]*$/, '')}-fitted.yaml`, r.yaml, 'application/yaml')}>Download YAML</button>
      </div>
      <form @submit=${this.onApply} aria-label="Back-test options">
        <label>
          Fit on the days before (blank: all of them)
          <input
            type="date"
            name="train-until"
            min=${r.period.from}
            max=${r.period.to}
            .value=${this.trainUntil}
            @input=${(e: Event) => (this.trainUntil = (e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="check">
          <input type="checkbox" .checked=${this.trend} ?disabled=${!this.trainUntil} @change=${(e: Event) => (this.trend = (e.target as HTMLInputElement).checked)} />
          carry the volume's trend forward
        </label>
        ${r.format === 'bank'
          ? nothing
          : html`<label>
              Customers' time zone
              <input
                type="text"
                name="timezone"
                list="zones"
                spellcheck="false"
                placeholder=${`${s.options.timezone === undefined ? r.timezone : 'UTC'} (assumed)`}
                .value=${this.timezone}
                @input=${(e: Event) => (this.timezone = (e.target as HTMLInputElement).value.trim())}
              />
              <datalist id="zones">${zoneNames().map((z) => html`<option value=${z}></option>`)}</datalist>
            </label>`}
        <label>
          Replications
          <input
            type="number"
            name="replications"
            min="2"
            max=${LIMITS.replications}
            step="1"
            .value=${this.replications}
            @input=${(e: Event) => (this.replications = (e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" ?disabled=${running}>Back-test again</button>
        ${this.formError ? html`<span class="error-text" role="alert">${this.formError}</span>` : nothing}
      </form>
      <p class="muted">
        With a date, the scenario is fitted on the records before it and tested on the rest (out of sample, as <code>followsun backtest --train-until</code>);
        Keep adds the scenario as fitted.
      </p>
    </section>`;
  }

  private onPick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.ctl.store?.open(file);
  };

  private onApply = (e: Event) => {
    e.preventDefault();
    const n = Number(this.replications);
    if (!Number.isInteger(n) || n < 2 || n > LIMITS.replications) {
      this.formError = `Replications: a whole number from 2 to ${LIMITS.replications.toLocaleString('en-US')}.`;
      return;
    }
    const format = this.ctl.state?.report?.format;
    // A blank zone is none chosen: the back-test reads local times as before and says so again
    // (the field's UTC, sent as chosen, took the note away with nothing chosen).
    const timezone = format === 'bank' || this.timezone === '' ? undefined : this.timezone;
    if (timezone !== undefined) {
      try {
        checkTimezone(timezone);
      } catch (err) {
        this.formError = (err as { problems: string[] }).problems[0];
        return;
      }
    }
    this.formError = '';
    this.ctl.store?.rerun({ ...this.ctl.state!.options, timezone, trainUntil: this.trainUntil || undefined, trend: !!this.trainUntil && this.trend, replications: n });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'fs-history-view': FsHistoryView;
  }
}
